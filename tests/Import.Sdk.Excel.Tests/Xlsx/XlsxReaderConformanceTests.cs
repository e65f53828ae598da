using System.IO.Compression;
using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Xlsx;
using Import.Sdk.Tests.Readers;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// The reader conformance suite on XLSX written by the OpenXml SDK: texts as shared strings, an empty cell as a cell without
/// value (as Excel keeps the formatted cells of an emptied row), a blank row as no row element.
/// </summary>
public sealed class XlsxReaderConformanceTests : ImportReaderConformanceTests
{
    protected override ITabularReaderProvider Provider { get; } = new XlsxReaderProvider(new ExcelReaderOptions());

    protected override string Format => "xlsx";

    protected override bool IsWorkbook => true;

    protected override (byte[] Content, string FileName) Write(IReadOnlyList<string[]> rows)
    {
        var book = new XlsxBuilder().Sheet(SheetName, sheet =>
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Length > 0)
                {
                    sheet.Row((uint)i + 1, rows[i].Select(c => c.Length == 0 ? XCell.Blank() : XCell.Text(c)).ToArray());
                }
            }
        });
        return (book.Build(), "clients.xlsx");
    }

    /// <summary>The file cut short, and its sheet's XML cut short inside a row.</summary>
    protected override IEnumerable<(string Case, byte[] Content)> Damage(byte[] wellFormed)
    {
        foreach (var damaged in base.Damage(wellFormed))
        {
            yield return damaged;
        }

        string sheet;
        using (var archive = new ZipArchive(new MemoryStream(wellFormed)))
        {
            sheet = archive.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).FullName;
        }

        var xml = Xlsb.XlsbBrokenSheetTests.Part(wellFormed, sheet);
        yield return ("the sheet's XML cut short", Zip.Rewrite(wellFormed, replace: name => name == sheet ? s => s.Write(xml.AsSpan(0, xml.Length * 2 / 3)) : null));
    }
}
