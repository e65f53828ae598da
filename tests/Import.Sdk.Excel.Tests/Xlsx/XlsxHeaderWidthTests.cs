using System.Globalization;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// How wide the header is: up to its last cell that holds something. Formatted empty cells (Excel writes them for a styled row)
/// never widen it; a cell far right is at its real column, the empty columns before it keep their place (the header is
/// positional, as a data cell under it must land in its column).
/// </summary>
public class XlsxHeaderWidthTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ReadAsync_FormattedEmptyCellsUpToColumnXfd_DoNotWidenTheHeaderNorTheRows()
    {
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Name</t></is></c><c r="C1" s="1"/><c r="XFD1" s="1"/></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>C1</t></is></c><c r="XFD2" s="1"><v></v></c></row>
            </sheetData></worksheet>
            """;

        var data = await Support.SheetContent.ReadAsync(XlsxBrokenSheetTests.Workbook(sheet), "book.xlsx", English);

        Assert.Equal(["Code", "Name"], data.Header);
        Assert.Equal(["C1", ""], Assert.Single(data.Rows).Cells);
    }

    [Fact]
    public async Task ReadAsync_OnlyCellAtXfd1_IsAHeaderAtColumn16384()
    {
        var sheet = $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>far</t></is></c></row></sheetData></worksheet>""";

        var data = await Support.SheetContent.ReadAsync(XlsxBrokenSheetTests.Workbook(sheet), "book.xlsx", English);

        Assert.Equal(16_384, data.Header.Count);
        Assert.Equal("far", data.Header[^1]);
        Assert.All(data.Header.Take(16_383), name => Assert.Equal(string.Empty, name));
    }
}
