using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Tests.Xlsx;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Detection;

/// <summary>
/// The shared strings are limited by their total size, not only by their number
/// (<see cref="ExcelReaderOptions.MaxSharedStringCharacters"/>): the table never grows past the limit.
/// </summary>
[Collection(MemoryCollection.Name)]
public class SharedStringLimitTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ReadAsync_SharedStringsOverTheCharacterLimit_AreRefused()
    {
        var book = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("Code")).Row(2, Text("0123456789")).Row(3, Text("abcdefghij"))).Build();

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() =>
            SheetContent.ReadAsync(book, "strings.xlsx", English, new ExcelReaderOptions { MaxSharedStringCharacters = 20 }));
        var fine = await SheetContent.ReadAsync(book, "strings.xlsx", English, new ExcelReaderOptions { MaxSharedStringCharacters = 24 });

        Assert.Equal("The workbook's distinct texts hold more than 20 characters in all: split it or save it as CSV.", ex.Message);
        Assert.Equal("abcdefghij", fine.Cell("A3")); // 4 + 10 + 10 characters: exactly at a limit of 24
    }

    [Fact]
    public async Task ReadAsync_ManyLongSharedStringsInASmallFile_AreRefusedInBoundedMemory()
    {
        // 20,000 distinct texts of 1,000 characters (20 million characters, 40 MB as strings) in a file of a few hundred KB
        var template = XlsxBrokenSheetTests.Workbook($"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
        var book = Zip.Rewrite(template, replace: name => name.EndsWith("sharedStrings.xml", StringComparison.Ordinal) ? WriteStrings : null);
        Assert.InRange(book.Length, 1, 1 << 20);
        var limits = new ExcelReaderOptions { MaxSharedStringCharacters = 1 << 20 };

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "strings.xlsx", English, limits));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal("The workbook's distinct texts hold more than 1,048,576 characters in all: split it or save it as CSV.", ex.Message);
        Assert.True(allocated < 8L << 20, $"{allocated:N0} bytes allocated"); // the table stops at 2 MiB of characters, not 40 MB
    }

    [Fact]
    public void ExcelReaderOptions_DefaultSharedStringCharacters_Is256Mi()
    {
        Assert.Equal(256L * 1024 * 1024, new ExcelReaderOptions().MaxSharedStringCharacters);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExcelReaders.Create(new ExcelReaderOptions { MaxSharedStringCharacters = 0 }));
    }

    private static void WriteStrings(Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write($"<sst xmlns=\"{Main}\">");
        var filler = new string('x', 994);
        for (var i = 0; i < 20_000; i++)
        {
            writer.Write("<si><t>");
            writer.Write(i.ToString("D6", CultureInfo.InvariantCulture));
            writer.Write(filler);
            writer.Write("</t></si>");
        }

        writer.Write("</sst>");
    }
}
