namespace Import.Sdk;

/// <summary>What a reader found out about a file.</summary>
public sealed record SourceInfo
{
    /// <summary>Initializes a new instance of the <see cref="SourceInfo"/> class.</summary>
    /// <param name="format">The detected format: <c>csv</c>, <c>xlsx</c>, <c>xls</c>, <c>xlsb</c>.</param>
    /// <param name="encoding">The text encoding (web name, such as <c>utf-8</c> or <c>windows-1252</c>), or <see langword="null"/> for workbooks.</param>
    /// <param name="delimiter">The field separator of a text file, or <see langword="null"/>.</param>
    /// <param name="sheet">The sheet read, or <see langword="null"/> for text files.</param>
    /// <param name="sheets">Every sheet of a workbook (empty for text files).</param>
    public SourceInfo(string format, string? encoding, string? delimiter, string? sheet, IReadOnlyList<string> sheets)
    {
        Format = format;
        Encoding = encoding;
        Delimiter = delimiter;
        Sheet = sheet;
        Sheets = sheets;
    }

    /// <summary>Gets the detected format: <c>csv</c>, <c>xlsx</c>, <c>xls</c>, <c>xlsb</c>.</summary>
    public string Format { get; init; }

    /// <summary>Gets the text encoding (web name, such as <c>utf-8</c> or <c>windows-1252</c>), or <see langword="null"/> for workbooks.</summary>
    public string? Encoding { get; init; }

    /// <summary>Gets the field separator of a text file, or <see langword="null"/>.</summary>
    public string? Delimiter { get; init; }

    /// <summary>Gets the sheet read, or <see langword="null"/> for text files.</summary>
    public string? Sheet { get; init; }

    /// <summary>Gets every sheet of a workbook (empty for text files).</summary>
    public IReadOnlyList<string> Sheets { get; init; }
}
