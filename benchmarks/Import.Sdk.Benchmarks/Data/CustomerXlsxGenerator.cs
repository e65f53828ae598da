using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Import.Sdk.Benchmarks.Data;

/// <summary>
/// Writes the customers workbook (.xlsx) of the XLSX throughput scenarios from the cached customers CSV (same generator, same
/// rows): one sheet, the CSV header plus a <c>Date de création</c> column, inline strings, the payment terms and credit limits as
/// numbers, the date as a serial number with the built-in date format 14. Streamed with <see cref="OpenXmlWriter"/>. The 1M-row
/// sheet is ~1 GB of XML once unzipped (inline strings, <c>x:</c> prefixes), within the default
/// <c>ExcelReaderOptions.MaxUncompressedBytes</c> (4 GiB): the XLSX scenarios read it with the default limits.
/// </summary>
/// <remarks>Deterministic (the CSV is, and the date is a function of the row number); cached next to the CSV.</remarks>
internal static class CustomerXlsxGenerator
{
    /// <summary>The version of the workbook layout; part of the cached file name.</summary>
    public const int Version = 2;

    /// <summary>The number of columns (the CSV's 15 plus the date).</summary>
    public const int Columns = 16;

    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>Returns the path of the cached workbook made from <paramref name="csv"/>, generating it first when missing.</summary>
    public static async Task<string> GetOrCreateAsync(string csv, Action<string>? log = null)
    {
        var path = Path.Combine(Path.GetDirectoryName(csv)!, Path.GetFileNameWithoutExtension(csv) + string.Create(CultureInfo.InvariantCulture, $"-x{Version}.xlsx"));
        if (File.Exists(path))
        {
            return path;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        var rows = await WriteAsync(csv, temporary);
        File.Move(temporary, path, overwrite: true);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"generated {path} ({new FileInfo(path).Length / 1_048_576.0:F1} MiB, {rows:N0} rows) in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        return path;
    }

    private static async Task<long> WriteAsync(string csv, string path)
    {
        var registry = ImportPipelineBuilder.CreateRegistry([]);
        await using var reader = await registry.OpenAsync(ImportSource.FromFile(csv), new ReaderOptions(), CancellationToken.None);
        var width = reader.Header.Count;
        var letters = Enumerable.Range(0, Columns).Select(c => ((char)('A' + c)).ToString()).ToArray();
        long rows = 0;
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                uint r = 1;
                writer.WriteStartElement(new Row { RowIndex = r });
                for (var c = 0; c < width; c++)
                {
                    WriteText(writer, letters[c] + "1", reader.Header[c]);
                }

                WriteText(writer, letters[width] + "1", "Date de création");
                writer.WriteEndElement();
                while (await reader.ReadAsync())
                {
                    r++;
                    rows++;
                    var number = r.ToString(CultureInfo.InvariantCulture);
                    writer.WriteStartElement(new Row { RowIndex = r });
                    for (var c = 0; c < width; c++)
                    {
                        var text = reader.GetString(c);
                        if (text.Length == 0)
                        {
                            continue;
                        }

                        var reference = letters[c] + number;
                        if (c is 11 or 13 && TryNumber(text, out var value))
                        {
                            writer.WriteElement(new Cell(new CellValue(value)) { CellReference = reference });
                        }
                        else
                        {
                            WriteText(writer, reference, text);
                        }
                    }

                    var date = new DateOnly(2015, 1, 1).AddDays((int)(rows * 37 % 3650));
                    writer.WriteElement(new Cell(new CellValue(date.DayNumber - Epoch.DayNumber)) { CellReference = letters[width] + number, StyleIndex = 1 });
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Clients" }));
        }

        return rows;
    }

    private static void WriteText(OpenXmlWriter writer, string reference, string text) =>
        writer.WriteElement(new Cell(new InlineString(NeedsPreserve(text) ? new Text(text) { Space = SpaceProcessingModeValues.Preserve } : new Text(text))) { CellReference = reference, DataType = CellValues.InlineString });

    // As Excel does: xml:space="preserve" only on a text with leading or trailing white space (or a line break).
    private static bool NeedsPreserve(string text) =>
        char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal);

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}
