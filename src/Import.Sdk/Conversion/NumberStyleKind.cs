namespace Import.Sdk.Conversion;

/// <summary>How decimal and group separators are read in a numeric cell.</summary>
internal enum NumberStyleKind
{
    /// <summary>
    /// fr-FR-like cultures: ',' is the decimal separator; space, no-break space (U+00A0),
    /// narrow no-break space (U+202F) and apostrophes group digits. A '.' is read as the decimal
    /// separator when there is no ',' and exactly one '.', otherwise as a group separator ("1.234,56").
    /// </summary>
    French,

    /// <summary>en-US-like: '.' is the decimal separator, ',' (and spaces, apostrophes) group digits.</summary>
    Invariant,
}
