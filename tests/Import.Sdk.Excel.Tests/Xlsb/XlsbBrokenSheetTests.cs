using System.Globalization;
using System.IO.Compression;
using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Tests.Xlsx;

namespace Import.Sdk.Excel.Tests.Xlsb;

/// <summary>
/// An XLSB sheet cut short: every row known whole (the next row had begun) is delivered, then one error names the first row
/// not read. XLSB has no end-of-row record, so a row cut at a record boundary cannot be known whole: it is named, not delivered.
/// </summary>
public class XlsbBrokenSheetTests
{
    private const int RowHdr = 0;
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };
    private static readonly byte[] Book = File.ReadAllBytes(Support.Corpus.File("xlsb/edr_Test10x10000.xlsb"));

    public static TheoryData<string, int> Cuts => new()
    {
        { "inside the header of row 501's first record", 500 }, // its type says a new row begins: row 500 is whole
        { "inside the data of row 501's first record", 500 },
        { "inside the third record of row 501", 500 },
        { "just before row 501's first record", 499 },         // row 500 may lack cells: it is named, not delivered
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task ReadAsync_SheetCutShort_DeliversEveryWholeRowThenNamesTheFirstRowNotRead(string cut, int lastDelivered)
    {
        var sheet = Part(Book, "xl/worksheets/sheet1.bin");
        var rowHeaders = Records(sheet).Where(r => r.Type == RowHdr).ToList();
        var row501 = rowHeaders[500]; // 0-based record index 500 is sheet row 501 (row 1 is the header)
        var recordsOf501 = Records(sheet).SkipWhile(r => r.Start < row501.Start).Take(3).ToList();
        var length = cut switch
        {
            "inside the header of row 501's first record" => row501.Start + 1,
            "inside the data of row 501's first record" => row501.DataStart + 2,
            "inside the third record of row 501" => recordsOf501[2].DataStart + 1,
            _ => row501.Start,
        };
        var truncated = Zip.Rewrite(Book, replace: name => name == "xl/worksheets/sheet1.bin" ? s => s.Write(sheet.AsSpan(0, length)) : null);

        var (rows, ex) = await XlsxBrokenSheetTests.ReadUntilFailureAsync(truncated);

        Assert.Equal(Enumerable.Range(2, lastDelivered - 1), rows.Select(r => r.Number));
        Assert.All(rows, r => Assert.Equal("1x1", r.Cells[0]));
        Assert.NotNull(ex);
        Assert.Equal(lastDelivered + 1, ex.Row);
        Assert.Contains($"at row {lastDelivered + 1}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BIFF", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue)]  // 0x7FFFFFFF: its row number (index + 1) overflowed to a negative number
    [InlineData(-2)]            // 0xFFFFFFFE
    [InlineData(1 << 20)]       // one past Excel's last row
    public async Task ReadAsync_RowIndexPastTheLastExcelRow_IsNamedNotSkipped(int index)
    {
        // the cells of such a row were once skipped without a word (a negative row number read as "no row pending")
        var book = new XlsbBuilder("S").Text(0, 0, "Head").Text(1, 0, "a").Text(index, 0, "lost").Build();
        if (index < 0)
        {
            // the builder writes rows in order of index: put the damaged row after the others
            book = new XlsbBuilder("S").Text(0, 0, "Head").Text(1, 0, "a").Text(2, 0, "lost").Build();
            var sheet = Part(book, "xl/worksheets/sheet1.bin");
            var last = Records(sheet).Where(r => r.Type == RowHdr).Last();
            BitConverter.TryWriteBytes(sheet.AsSpan(last.DataStart, 4), (uint)index);
            book = Zip.Rewrite(book, replace: name => name == "xl/worksheets/sheet1.bin" ? s => s.Write(sheet) : null);
        }

        var (rows, ex) = await XlsxBrokenSheetTests.ReadUntilFailureAsync(book);

        Assert.Equal(["a"], rows.Single().Cells);
        Assert.NotNull(ex);
        Assert.Equal(3, ex.Row);
        Assert.StartsWith("The workbook is damaged or incomplete at row 3 (", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BIFF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CellBeforeAnyRow_IsADamagedSheetNotASkippedCell()
    {
        // a cell record between BrtBeginSheetData and the first BrtRowHdr was skipped without a word
        var book = new XlsbBuilder("S").Text(0, 0, "Head").Text(1, 0, "a").Build();
        var sheet = Part(book, "xl/worksheets/sheet1.bin");
        var firstRow = Records(sheet).First(r => r.Type == RowHdr).Start;
        byte[] cell = [0x07, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]; // BrtCellIsst: column 0, style 0, string 1 ("a")
        byte[] changed = [.. sheet.AsSpan(0, firstRow), .. cell, .. sheet.AsSpan(firstRow)];
        book = Zip.Rewrite(book, replace: name => name == "xl/worksheets/sheet1.bin" ? s => s.Write(changed) : null);

        var (rows, ex) = await XlsxBrokenSheetTests.ReadUntilFailureAsync(book);

        Assert.Empty(rows);
        Assert.NotNull(ex);
        Assert.StartsWith("The workbook is damaged or incomplete at row 1 (a record of the sheet 'S' is invalid or cut short)", ex.Message, StringComparison.Ordinal);
    }

    internal static byte[] Part(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var stream = archive.GetEntry(name)!.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The records of a BIFF12 part: type, where the record starts and where its data starts.</summary>
    internal static IEnumerable<(int Type, int Start, int DataStart)> Records(byte[] part)
    {
        var position = 0;
        while (position < part.Length)
        {
            var start = position;
            var type = Varint(part, ref position, 2);
            var size = Varint(part, ref position, 4);
            yield return (type, start, position);
            position += size;
        }
    }

    private static int Varint(byte[] data, ref int position, int maxBytes)
    {
        var value = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            var b = data[position++];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return value;
    }
}
