namespace Import.Sdk;

/// <summary>The suggested field of one source column, with the reason and score of the match.</summary>
public sealed record ColumnMatch
{
    /// <summary>Initializes a new instance of the <see cref="ColumnMatch"/> class.</summary>
    /// <param name="index">The 0-based column index.</param>
    /// <param name="column">The header.</param>
    /// <param name="field">The suggested field, or <see langword="null"/> when none was chosen.</param>
    /// <param name="reason">Why the field was chosen (or not).</param>
    /// <param name="score">The similarity in [0, 1]: 1 for exact, synonym and profile matches.</param>
    /// <param name="candidates">The fields an ambiguous column could be.</param>
    public ColumnMatch(int index, string column, string? field, MatchReason reason, double score, IReadOnlyList<string> candidates)
    {
        Index = index;
        Column = column;
        Field = field;
        Reason = reason;
        Score = score;
        Candidates = candidates;
    }

    /// <summary>Gets the 0-based column index.</summary>
    public int Index { get; init; }

    /// <summary>Gets the header.</summary>
    public string Column { get; init; }

    /// <summary>Gets the suggested field, or <see langword="null"/> when none was chosen.</summary>
    public string? Field { get; init; }

    /// <summary>Gets why the field was chosen (or not).</summary>
    public MatchReason Reason { get; init; }

    /// <summary>Gets the similarity in [0, 1]: 1 for exact, synonym and profile matches.</summary>
    public double Score { get; init; }

    /// <summary>Gets the fields an ambiguous column could be.</summary>
    public IReadOnlyList<string> Candidates { get; init; }
}
