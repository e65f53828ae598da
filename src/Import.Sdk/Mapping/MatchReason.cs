namespace Import.Sdk;

/// <summary>Why a column was matched to a field.</summary>
public enum MatchReason
{
    /// <summary>Not matched.</summary>
    None = 0,
    /// <summary>The header is the field's name or label (ignoring case, accents, spaces and punctuation).</summary>
    Exact = 1,
    /// <summary>The header is one of the field's synonyms.</summary>
    Synonym = 2,
    /// <summary>The header is close to a name, label or synonym (a misspelling); see the score.</summary>
    Fuzzy = 3,
    /// <summary>The mapping comes from a profile (given or learned from a previous import).</summary>
    Profile = 4,
    /// <summary>Several fields matched equally well; none was chosen.</summary>
    Ambiguous = 5,
}
