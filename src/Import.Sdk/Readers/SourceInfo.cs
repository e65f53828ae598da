namespace Import.Sdk;

/// <summary>What a reader found out about a file.</summary>
/// <param name="Format">The detected format: <c>csv</c>, <c>xlsx</c>, <c>xls</c>, <c>xlsb</c>.</param>
/// <param name="Encoding">The text encoding (web name, such as <c>utf-8</c> or <c>windows-1252</c>), or <see langword="null"/> for workbooks.</param>
/// <param name="Delimiter">The field separator of a text file, or <see langword="null"/>.</param>
/// <param name="Sheet">The sheet read, or <see langword="null"/> for text files.</param>
/// <param name="Sheets">Every sheet of a workbook (empty for text files).</param>
public sealed record SourceInfo(string Format, string? Encoding, string? Delimiter, string? Sheet, IReadOnlyList<string> Sheets);
