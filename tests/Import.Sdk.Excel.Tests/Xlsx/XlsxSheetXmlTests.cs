using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// The sheet and shared strings XML as other writers (or hand-edits) shape it, read by the streaming <c>XmlReader</c>:
/// prefixed elements, comments and CDATA inside values, white space, phonetic runs, empty elements, values longer than the
/// reader's buffer, and a DTD (refused).
/// </summary>
public class XlsxSheetXmlTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    private static byte[] Workbook(string sheetXml, string? sharedStringsXml = null)
    {
        // the builder's workbook, styles (style 1 = format 14, a date) and rels, with the sheet and shared strings replaced
        var template = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("a"), Serial(new DateTime(2024, 1, 1)))).Build();
        return Zip.Rewrite(template, replace: name => name switch
        {
            _ when name.EndsWith("sheet1.xml", StringComparison.Ordinal) => Write(sheetXml),
            _ when name.EndsWith("sharedStrings.xml", StringComparison.Ordinal) && sharedStringsXml is not null => Write(sharedStringsXml),
            _ => null,
        });

        static Action<Stream> Write(string xml) => stream => stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    [Fact]
    public async Task ReadAsync_PrefixedElementsCommentsCdataAndEntities_ReadAsTheText()
    {
        var sheet = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <x:worksheet xmlns:x="{Main}"><x:sheetData>
            <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Code</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Nom</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>N</x:t></x:is></x:c></x:row>
            <!-- a comment between rows -->
            <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t><![CDATA[<C&1>]]></x:t></x:is></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>Caf&#xE9; &amp; Cie<!-- note --></x:t></x:is></x:c><x:c r="C2"><x:f>1+1</x:f><x:v>4<!-- split -->2</x:v></x:c></x:row>
            </x:sheetData></x:worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English);

        Assert.Equal(["Code", "Nom", "N"], data.Header);
        Assert.Equal(["<C&1>", "Café & Cie", "42"], data.Row(2).Cells);
    }

    [Fact]
    public async Task ReadAsync_WhiteSpaceInText_IsKeptOnlyUnderXmlSpacePreserve()
    {
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c><c t="inlineStr"><is><t>d</t></is></c></row>
            <row r="2"><c t="inlineStr"><is><t xml:space="preserve">   </t></is></c><c t="inlineStr"><is><t>   </t></is></c><c t="inlineStr"><is><t> x </t></is></c><c t="inlineStr"><is><t xml:space="preserve"> y </t></is></c></row>
            </sheetData></worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English);

        Assert.Equal(["   ", "", "x", " y "], data.Row(2).Cells);
    }

    [Fact]
    public async Task ReadAsync_RichSharedStringsWithPhoneticRuns_ConcatenateTheRunsOnly()
    {
        var strings = $"""
            <sst xmlns="{Main}" count="4" uniqueCount="4">
            <si><t>Head</t></si>
            <si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">東京 </t></r><r><t>都</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
            <si/>
            <si><t>line_x000D__x000A_two</t></si>
            </sst>
            """;
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="2"><c r="A2" t="s"><v> 1 </v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c></row>
            </sheetData></worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet, strings), "book.xlsx", English);

        Assert.Equal(["東京 都", "", "line\r\ntwo"], data.Row(2).Cells);
    }

    [Fact]
    public async Task ReadAsync_EmptyElements_AreEmptyCellsRowsAndErrors()
    {
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>
            <row r="2"/>
            <row r="3"><c r="A3"/><c r="B3" s="1"><v/></c><c r="C3" t="inlineStr"><is/></c></row>
            <row r="4"><c r="A4" t="n"><v>7</v></c><c r="B4" t="e"/></row>
            </sheetData></worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English);

        Assert.Equal([4], data.Rows.Select(r => r.Number)); // rows 2 and 3 hold nothing
        Assert.Equal(["7", "#ERROR", ""], data.Row(4).Cells); // an error without its text: the cell still shows it is one
        Assert.Equal("The cell B4 holds the Excel error #ERROR: correct the formula or clear the cell.", data.Row(4).Problem);
    }

    [Fact]
    public async Task ReadAsync_ValuesLongerThanTheReadersBuffer_ReadWhole()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789", 50));
        var number = "0." + new string('0', 100) + "1"; // a 103-character literal: 1E-101, printed with its exponent
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>
            <row r="{new string('0', 80)}2"><c r="{new string('$', 70)}A2" t="str"><f>REPT("0123456789",50)</f><v>{text}</v></c><c r="B2"><v>{number}</v></c><c r="C2" t="inlineStr"><is><t>{text}</t></is></c></row>
            </sheetData></worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English);

        Assert.Equal([text, "1E-101", text], data.Row(2).Cells);
    }

    [Fact]
    public async Task ReadAsync_SheetWithADtd_IsADamagedWorkbook()
    {
        var sheet = $"""
            <?xml version="1.0"?>
            <!DOCTYPE worksheet [<!ENTITY lol "lol">]>
            <worksheet xmlns="{Main}"><sheetData><row r="1"><c t="inlineStr"><is><t>&lol;</t></is></c></row></sheetData></worksheet>
            """;

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SharedStringIndexOutOfRange_IsADamagedWorkbookAtThatRow()
    {
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="2"><c r="A2" t="s"><v>5</v></c></row>
            </sheetData></worksheet>
            """;

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English));

        Assert.Equal(2, ex.Row);
        Assert.Equal(
            "The workbook is damaged or incomplete at row 2 (the cell A2 refers to text number 5 of the workbook's table of texts, which does not exist). Open it in Excel, save it again and import it again.",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_CellWithBothAValueAndAnInlineString_ReadsTheValueUnlessTheCellIsAnInlineString()
    {
        // the <is> after the <v> once overwrote the value in the reader's buffer: the number 7 read "zz", shared string 0 read string 1
        var strings = $"""<sst xmlns="{Main}"><si><t>zero</t></si><si><t>one</t></si></sst>""";
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c><c t="inlineStr"><is><t>d</t></is></c></row>
            <row r="2"><c r="A2"><v>7</v><is><t>zz</t></is></c><c r="B2" t="s"><v>0</v><is><t>1</t></is></c><c r="C2" t="str"><v>cached</v><is><t>other</t></is></c><c r="D2" t="inlineStr"><v>v</v><is><t>inline</t></is></c></row>
            </sheetData></worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet, strings), "book.xlsx", English);

        Assert.Equal(["7", "zero", "cached", "inline"], data.Row(2).Cells);
    }

    [Fact]
    public async Task ReadAsync_InlineStringWithoutTheInlineStrType_IsReadNotDropped()
    {
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>
            <row r="2"><c r="A2"><is><t>no type</t></is></c><c r="B2" t="s"><is><t>typed s</t></is></c></row>
            </sheetData></worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English);

        Assert.Equal(["no type", "typed s"], data.Row(2).Cells);
    }

    [Theory]
    [InlineData("<c r=\"A2\"><v>1</v></c><row r=\"3\"><c><v>3</v></c></row>")]
    [InlineData("<row r=\"2\"><c><v>1</v></c><row r=\"3\"><c><v>2</v></c></row><c><v>after</v></c></row>")]
    [InlineData("<row r=\"2\"><c><v>1</v></c><row r=\"3\"><c><v>2</v></c></row></row>")]
    public async Task ReadAsync_CellOutsideARowOrRowInsideARow_IsADamagedSheetNotASkippedCell(string rows)
    {
        // a <c> straight under sheetData, or after a <row> nested in its row, was silently skipped
        var sheet = $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row>{rows}</sheetData></worksheet>""";

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English));

        Assert.Contains("the XML of the sheet 'S' is invalid", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("misplaced", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NumberPastTheRangeOfDouble_IsKeptAsWrittenNotReadAsInfinity()
    {
        // 1E+309 once read "Infinity" (a text field imported a value the file never held); NaN and INF are texts as written
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c><c t="inlineStr"><is><t>d</t></is></c></row>
            <row r="2"><c><v>1E+309</v></c><c><v>-2e400</v></c><c><v>1E+308</v></c><c><v>NaN</v></c></row>
            </sheetData></worksheet>
            """;

        var data = await SheetContent.ReadAsync(Workbook(sheet), "book.xlsx", English);

        Assert.Equal(["1E+309", "-2e400", "1E+308", "NaN"], data.Row(2).Cells);
    }

    [Theory]
    [InlineData("<row r=\"2\"><c><v>1</v></c></row><row r=\"1048577\"><c><v>2</v></c></row>", "1,048,577")]
    [InlineData("<row r=\"2147483647\"><c><v>1</v></c></row><row><c><v>2</v></c></row>", "2,147,483,647")] // the next number once overflowed to a negative one
    public async Task ReadAsync_RowNumberPastTheLastExcelRow_IsADamagedSheet(string rows, string number)
    {
        var sheet = $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row>{rows}</sheetData></worksheet>""";

        var (read, ex) = await XlsxBrokenSheetTests.ReadUntilFailureAsync(Workbook(sheet));

        Assert.NotNull(ex);
        Assert.Contains($"the row number {number} lies beyond the last Excel row (1,048,576)", ex.Message, StringComparison.Ordinal);
        Assert.All(read, r => Assert.InRange(r.Number, 2, 1 << 20));
    }
}
