namespace Import.Sdk;

/// <summary>One problem found while importing, located by row, column and field.</summary>
public sealed record ImportIssue
{
    /// <summary>Initializes a new instance of the <see cref="ImportIssue"/> class.</summary>
    /// <param name="row">The spreadsheet row number (the header is row 1, the first data row is row 2); 0 when the issue concerns the whole file.</param>
    /// <param name="column">The header of the source column, or <see langword="null"/>.</param>
    /// <param name="field">The entity field, or <see langword="null"/>.</param>
    /// <param name="value">The offending value as found in the source, or <see langword="null"/>.</param>
    /// <param name="code">One of the stable <see cref="IssueCodes"/>.</param>
    /// <param name="severity">Whether the row is rejected.</param>
    /// <param name="message">A localised, human-readable explanation that says what to do.</param>
    public ImportIssue(int row, string? column, string? field, string? value, string code, IssueSeverity severity, string message)
    {
        Row = row;
        Column = column;
        Field = field;
        Value = value;
        Code = code;
        Severity = severity;
        Message = message;
    }

    /// <summary>Gets the spreadsheet row number (the header is row 1, the first data row is row 2); 0 when the issue concerns the whole file.</summary>
    public int Row { get; init; }

    /// <summary>Gets the header of the source column, or <see langword="null"/>.</summary>
    public string? Column { get; init; }

    /// <summary>Gets the entity field, or <see langword="null"/>.</summary>
    public string? Field { get; init; }

    /// <summary>Gets the offending value as found in the source, or <see langword="null"/>.</summary>
    public string? Value { get; init; }

    /// <summary>Gets one of the stable <see cref="IssueCodes"/>.</summary>
    public string Code { get; init; }

    /// <summary>Gets whether the row is rejected.</summary>
    public IssueSeverity Severity { get; init; }

    /// <summary>Gets a localised, human-readable explanation that says what to do.</summary>
    public string Message { get; init; }
}
