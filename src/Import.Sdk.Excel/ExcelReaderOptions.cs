namespace Import.Sdk.Excel;

/// <summary>
/// Limits of the Excel readers against hostile or runaway files. Each exceeded limit stops reading with one
/// <see cref="MalformedFileException"/> (<c>malformed_file</c>) in bounded time and memory. Edit with <c>with</c>.
/// </summary>
public sealed record ExcelReaderOptions
{
    /// <summary>
    /// Gets the most bytes the parts of an XLSX/XLSB may inflate to, over every part read (workbook, styles, shared strings,
    /// sheet). Counted while inflating, never trusted from the ZIP headers: a ZIP bomb stops at the limit, in bounded memory
    /// (parts are streamed, never held). The default leaves room for a full sheet: 1,048,576 rows of 16 text columns are
    /// already about 1.1 GB of sheet XML.
    /// </summary>
    /// <value>The default value is 4 GiB.</value>
    public long MaxUncompressedBytes { get; init; } = 4L << 30;

    /// <summary>Gets the most shared strings (distinct texts) an XLSX/XLSB may hold; they are the only part kept in memory.</summary>
    /// <value>The default value is 5,000,000.</value>
    public int MaxSharedStrings { get; init; } = 5_000_000;

    /// <summary>Gets the most cells (empty ones included) the sheet read may hold.</summary>
    /// <value>The default value is 100,000,000.</value>
    public long MaxCells { get; init; } = 100_000_000;
}
