namespace Import.Sdk;

/// <summary>One problem found while importing, located by row, column and field.</summary>
/// <param name="Row">The spreadsheet row number (the header is row 1, the first data row is row 2); 0 when the issue concerns the whole file.</param>
/// <param name="Column">The header of the source column, or <see langword="null"/>.</param>
/// <param name="Field">The entity field, or <see langword="null"/>.</param>
/// <param name="Value">The offending value as found in the source, or <see langword="null"/>.</param>
/// <param name="Code">One of the stable <see cref="IssueCodes"/>.</param>
/// <param name="Severity">Whether the row is rejected.</param>
/// <param name="Message">A localised, human-readable explanation that says what to do.</param>
public sealed record ImportIssue(
    int Row,
    string? Column,
    string? Field,
    string? Value,
    string Code,
    IssueSeverity Severity,
    string Message);
