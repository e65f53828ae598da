using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Xlsb;
using Import.Sdk.Tests.Readers;

namespace Import.Sdk.Excel.Tests.Xlsb;

/// <summary>
/// The reader conformance suite on XLSB (<see cref="XlsbBuilder"/>): texts as shared strings, an empty cell as a BrtCellBlank
/// record, a blank row as no BrtRowHdr.
/// </summary>
public sealed class XlsbReaderConformanceTests : ImportReaderConformanceTests
{
    private const string SheetPart = "xl/worksheets/sheet1.bin";

    protected override ITabularReaderProvider Provider { get; } = new XlsbReaderProvider(new ExcelReaderOptions());

    protected override string Format => "xlsb";

    protected override bool IsWorkbook => true;

    protected override (byte[] Content, string FileName) Write(IReadOnlyList<string[]> rows)
    {
        var book = new XlsbBuilder(SheetName);
        for (var row = 0; row < rows.Count; row++)
        {
            for (var column = 0; column < rows[row].Length; column++)
            {
                var text = rows[row][column];
                _ = text.Length == 0 ? book.Blank(row, column) : book.Text(row, column, text);
            }
        }

        return (book.Build(), "clients.xlsb");
    }

    /// <summary>The file cut short, and its sheet part cut short inside a record.</summary>
    protected override IEnumerable<(string Case, byte[] Content)> Damage(byte[] wellFormed)
    {
        foreach (var damaged in base.Damage(wellFormed))
        {
            yield return damaged;
        }

        var sheet = XlsbBrokenSheetTests.Part(wellFormed, SheetPart);
        yield return ("the sheet part cut short", Zip.Rewrite(wellFormed, replace: name => name == SheetPart ? s => s.Write(sheet.AsSpan(0, sheet.Length * 2 / 3)) : null));
    }
}
