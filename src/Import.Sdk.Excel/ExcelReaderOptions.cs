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

    /// <summary>
    /// Gets the most shared strings (distinct texts) an XLSX/XLSB may hold; they are the only part kept (as UTF-8, the first
    /// 32 MiB in memory and the rest in a temporary file deleted with the reader), at 4 bytes a string beside their text.
    /// </summary>
    /// <value>The default value is 5,000,000.</value>
    public int MaxSharedStrings { get; init; } = 5_000_000;

    /// <summary>
    /// Gets the most characters the shared strings (distinct texts) of an XLSX/XLSB may hold in all. Checked before each string
    /// is kept, so the table never grows past it: 1 to 3 bytes a character as UTF-8, of which 32 MiB in memory and the rest in a
    /// temporary file (see <see cref="MaxSharedStrings"/>). A shared string longer than <see cref="ReaderOptions.MaxCellLength"/> is not kept (only
    /// its first 100 characters): its cells' rows are rejected with <c>too_long</c>.
    /// </summary>
    /// <value>The default value is 268,435,456 (256 Mi characters): a genuine 1,048,576-row workbook with five
    /// distinct 40-character texts a row needs about 210 million.</value>
    public long MaxSharedStringCharacters { get; init; } = 256L << 20;

    /// <summary>Gets the most cells (empty ones included) the sheet read may hold.</summary>
    /// <value>The default value is 100,000,000.</value>
    public long MaxCells { get; init; } = 100_000_000;

    /// <summary>Gets the bytes of shared strings kept in memory before the rest go to a temporary file (tests force spilling with a few KiB).</summary>
    internal long SharedStringMemory { get; init; } = Reading.PagedByteStore.DefaultMemoryBudget;

    /// <summary>Gets the folder of the shared strings' temporary file; <see langword="null"/> for <see cref="Path.GetTempPath"/> (tests use a folder of their own).</summary>
    internal string? SharedStringFolder { get; init; }
}
