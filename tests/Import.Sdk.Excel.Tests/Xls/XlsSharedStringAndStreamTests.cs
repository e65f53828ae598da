using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// XLS workbooks that LibreOffice and xlrd read: a shared-string table whose strings continue across CONTINUE records (each
/// continued part restarting with its own compressed/UTF-16 flag), and a workbook stream named in capitals.
/// </summary>
public class XlsSharedStringAndStreamTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ReadAsync_SstStringsSplitAcrossContinueRecords_ReadCellForCell()
    {
        var book = new Biff8Builder("Data")
            .Sst(
                6,
                [
                    .. Compressed("Code"), .. Compressed("Name"),
                    .. Header(12, multiByte: false), .. Latin1("Dupont "), // "Dupont Ωmega": compressed, then UTF-16 after the cut
                ],
                [
                    0x01, .. Encoding.Unicode.GetBytes("Ωmega"),
                    .. Compressed("C1"),
                    .. Header(5, multiByte: true), .. Encoding.Unicode.GetBytes("Ém"), // "Émile": UTF-16, then compressed
                ],
                [
                    0x00, .. Latin1("ile"),
                    .. Header(4, multiByte: false), // "tail": the header alone, its characters in the next record
                ],
                [0x00, .. Latin1("tail")])
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .LabelSst(1, 0, 3).LabelSst(1, 1, 2)
            .Label(2, 0, "C2").LabelSst(2, 1, 4)
            .Label(3, 0, "C3").LabelSst(3, 1, 5)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["Code", "Name"], data.Header);
        Assert.Equal(["C1", "Dupont Ωmega"], data.Row(2).Cells);
        Assert.Equal(["C2", "Émile"], data.Row(3).Cells);
        Assert.Equal(["C3", "tail"], data.Row(4).Cells);
        Assert.All(data.Rows, r => Assert.Null(r.Problem));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_SstStringHeaderSplitAcrossContinueRecords_ReadsCellForCellAsLibreOfficeAndXlrdDo(bool bare)
    {
        // written by some non-Excel tools: a string's header (character count, flags, run count) cut by a CONTINUE record
        var book = new Biff8Builder("Data") { Bare = bare }
            .Sst(
                4,
                [.. Compressed("Code"), .. Compressed("Name"), 6], // "Dupont": its character count cut after the first byte
                [0x00, 0x08, 0x01, 0x00, .. Latin1("Dupont"), 0x00, 0x00], // rest of count, flags (runs), run count 1, text, first run...
                [0x00, 0x00, .. Compressed("C1")]) // ...the run's last bytes, then the next string
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .LabelSst(1, 0, 3).LabelSst(1, 1, 2)
            .Label(2, 0, "C2").Label(2, 1, "Martin")
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["Code", "Name"], data.Header);
        Assert.Equal(["C1", "Dupont"], data.Row(2).Cells);
        Assert.Equal(["C2", "Martin"], data.Row(3).Cells);
    }

    [Fact]
    public async Task ReadAsync_RewrittenSstWithAStringLongerThanARecord_KeepsItWhole()
    {
        var text = string.Concat(Enumerable.Range(0, 9000).Select(i => i % 7 == 0 ? 'Ω' : (char)('a' + (i % 26))));
        var utf16 = Encoding.Unicode.GetBytes(text);
        var book = new Biff8Builder("Data")
            .Sst(
                4,
                [.. Compressed("Code"), .. Compressed("Name"), 6], // a header cut: the table is rewritten
                [0x00, 0x00, .. Latin1("Dupont"), .. Header(text.Length, multiByte: true), .. utf16[..8000]],
                [0x01, .. utf16[8000..16000]],
                [0x01, .. utf16[16000..]])
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .LabelSst(1, 0, 2).LabelSst(1, 1, 3)
            .Label(2, 0, "C2").Label(2, 1, "Martin")
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["Dupont", text], data.Row(2).Cells);
        Assert.Equal(["C2", "Martin"], data.Row(3).Cells);
    }

    [Fact]
    public async Task ReadAsync_SstCountingMoreStringsThanItHolds_ReadsTheStringsItHolds()
    {
        // some generators write the total number of string cells as the number of unique strings
        var book = new Biff8Builder("Data")
            .Sst(9, [.. Compressed("Code"), .. Compressed("Name"), .. Compressed("C1"), .. Compressed("Dupont")])
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .LabelSst(1, 0, 2).LabelSst(1, 1, 3)
            .Label(2, 0, "C2").Label(2, 1, "Martin")
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["Code", "Name"], data.Header);
        Assert.Equal(["C1", "Dupont"], data.Row(2).Cells);
        Assert.Equal(["C2", "Martin"], data.Row(3).Cells);
    }

    [Fact]
    public async Task ReadAsync_SstCutShortInAString_IsRefusedNamingTheTableOfTexts()
    {
        var book = new Biff8Builder("Data")
            .Sst(2, [.. Compressed("Code"), .. Header(6, multiByte: false), .. Latin1("Dup")]) // "Dupont" cut, no CONTINUE
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .Build();

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "book.xls", English));

        Assert.Equal(
            "The workbook is damaged or incomplete and cannot be read (its table of texts (shared strings) is cut short or inconsistent, so the texts of its cells cannot be told apart): open it in Excel, save it again and import it again.",
            ex.Message);
    }

    [Theory]
    [InlineData("BOOK")]
    [InlineData("WORKBOOK")]
    [InlineData("book")]
    public async Task ReadAsync_WorkbookStreamNamedInAnotherCase_ReadsCellForCell(string streamName)
    {
        var book = new Biff8Builder("Data") { StreamName = streamName }
            .Label(0, 0, "Code").Label(0, 1, "Name")
            .Label(1, 0, "C1").Label(1, 1, "Dupont")
            .Label(2, 0, "C2").Label(2, 1, "Martin")
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["Code", "Name"], data.Header);
        Assert.Equal(["C1", "Dupont"], data.Row(2).Cells);
        Assert.Equal(["C2", "Martin"], data.Row(3).Cells);
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Header(int characters, bool multiByte) => [(byte)characters, (byte)(characters >> 8), multiByte ? (byte)1 : (byte)0];

    private static byte[] Compressed(string text) => [.. Header(text.Length, multiByte: false), .. Latin1(text)];
}
