using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Xls;
using Import.Sdk.Tests.Readers;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// The reader conformance suite on XLS (BIFF8 in an OLE2 file, <see cref="Biff8Builder"/>): texts as LABELSST cells of the
/// shared-string table, as Excel 97–2003 writes them, the long ones (over 255 characters) and those past one SST record's room as LABEL cells; an empty cell as no cell.
/// </summary>
public sealed class XlsReaderConformanceTests : ImportReaderConformanceTests
{
    /// <summary>The most bytes of strings the one SST record written holds (a record holds 8,224 bytes; no CONTINUE records).</summary>
    private const int MaxSstSize = 8_000;

    protected override ITabularReaderProvider Provider { get; } = new XlsReaderProvider(new ExcelReaderOptions());

    protected override string Format => "xls";

    protected override bool IsWorkbook => true;

    protected override (byte[] Content, string FileName) Write(IReadOnlyList<string[]> rows)
    {
        var book = new Biff8Builder(SheetName);
        var strings = new List<string>();
        var size = 0;
        for (var row = 0; row < rows.Count; row++)
        {
            for (var column = 0; column < rows[row].Length; column++)
            {
                var text = rows[row][column];
                if (text.Length == 0)
                {
                    continue;
                }

                if (text.Length > 255 || (size += 3 + (2 * text.Length)) > MaxSstSize)
                {
                    book.Label(row, column, text);
                }
                else
                {
                    book.LabelSst(row, column, strings.Count);
                    strings.Add(text);
                }
            }
        }

        if (strings.Count > 0)
        {
            book.Sst([.. strings]);
        }

        return (book.Build(), "clients.xls");
    }

    /// <summary>
    /// The file cut short inside its header, its sheet's cells and its shared strings. (Cut in the zeros that pad the workbook
    /// stream after its last record, it loses nothing and reads whole.)
    /// </summary>
    protected override IEnumerable<(string Case, byte[] Content)> Damage(byte[] wellFormed)
    {
        foreach (var length in new[] { 64, wellFormed.Length / 2, wellFormed.Length * 3 / 4 })
        {
            yield return ($"cut at byte {length} of {wellFormed.Length}", wellFormed[..length]);
        }
    }
}
