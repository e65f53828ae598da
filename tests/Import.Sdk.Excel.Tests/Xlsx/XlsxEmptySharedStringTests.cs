using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// Issue 16, item 4: a shared-string cell whose value is empty (<c>&lt;c t="s"&gt;&lt;v/&gt;&lt;/c&gt;</c>, <c>&lt;v&gt;&lt;/v&gt;</c>)
/// holds no index: it is an empty cell, as Excel and LibreOffice read it, not a damaged workbook.
/// </summary>
public class XlsxEmptySharedStringTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static byte[] Workbook(string sheetXml)
    {
        var template = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("Code"), Text("Nom"), Text("Ville"))).Build();
        return Zip.Rewrite(template, replace: name =>
            name.EndsWith("sheet1.xml", StringComparison.Ordinal) ? stream => stream.Write(Encoding.UTF8.GetBytes(sheetXml)) : null);
    }

    [Theory]
    [InlineData("<v/>")]
    [InlineData("<v></v>")]
    [InlineData("<v> </v>")]
    public async Task ReadAsync_SharedStringCellWithEmptyValue_IsAnEmptyCellAndTheRowIsRead(string emptyValue)
    {
        // shared strings 0..2 are the header's Code, Nom, Ville
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="2"><c r="A2" t="s">{emptyValue}</c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s">{emptyValue}</c></row>
            <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s">{emptyValue}</c></row>
            </sheetData></worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("en-US") });

        Assert.Equal(["Code", "Nom", "Ville"], data.Header);
        Assert.Equal([2, 3], data.Rows.Select(r => r.Number));
        Assert.Equal(["", "Nom", ""], data.Row(2).Cells);
        Assert.Null(data.Row(2).Problem);
        Assert.Equal(["Ville", "", ""], data.Row(3).Cells);
        Assert.Null(data.Row(3).Problem);
    }

    [Fact]
    public async Task ReadAsync_SharedStringCellWithAnIndexPastTheTable_IsStillRefusedAsDamaged()
    {
        // the empty value is no index; a real index that points nowhere still is damage
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
            <row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v/></c></row>
            </sheetData></worksheet>
            """;

        var error = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("en-US") }));

        Assert.Contains("A2", error.Message, StringComparison.Ordinal);
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
    }
}
