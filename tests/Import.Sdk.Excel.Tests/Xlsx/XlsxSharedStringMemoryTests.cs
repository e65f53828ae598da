using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// The shared strings are held as UTF-8, past 32 MiB in a temporary file deleted with the reader, never as one
/// <see cref="string"/> each: a 4 MB XLSX of 1.5 million distinct texts once peaked at 421 MB (issue 16, item 9, "peak memory
/// under 150 MiB for any workbook"). The cells of a row past its characters are never built as strings either.
/// </summary>
/// <remarks>Runs alone (<see cref="MemoryCollection"/>): heap sizes, and the temporary files of the process, are measured.</remarks>
[Collection(MemoryCollection.Name)]
public class XlsxSharedStringMemoryTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ReadAsync_ManyDistinctSharedStrings_HoldFarLessThanTheirStrings()
    {
        // 400,000 distinct texts of 100 characters: about 92 MB as strings (22 + 200 bytes each, and a reference), 40 MB as UTF-8
        const int Count = 400_000;
        var book = Workbook(Count, i => i.ToString("D8", CultureInfo.InvariantCulture) + new string('p', 92), [0, Count / 2, Count - 1]);
        var asStrings = Count * (22L + 200 + 8);
        var provider = ExcelReaders.Create().First(p => p.Format == "xlsx");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var reader = await provider.OpenAsync(new MemoryStream(book, writable: false), book.Length, English);
        await using (reader)
        {
            var cells = new List<string>();
            while (await reader.ReadAsync())
            {
                cells.Add(reader.GetString(0));
            }

            var held = GC.GetTotalMemory(forceFullCollection: true) - before;

            Assert.Equal(["00200000" + new string('p', 92), "00399999" + new string('p', 92)], cells);
            Assert.True(held < asStrings / 2, $"{held:N0} bytes held with the reader open; the strings would take {asStrings:N0}");
            Assert.True(held < 48L << 20, $"{held:N0} bytes held: 32 MiB of UTF-8 in memory, the rest in the temporary file");
        }
    }

    [Fact]
    public async Task ReadAsync_SharedStringsSpilledToATemporaryFile_ReadEveryCellExactlyAndTheFileGoesWithTheReader()
    {
        string[] kinds = ["Paris", "Élodie Müller", "😀 famille 👨‍👩‍👧", "東京都", "a lone _xD800_ surrogate", new string('x', 5000), " "];
        const int Count = 3000;
        string Text(int i) => kinds[i % kinds.Length] + i.ToString(CultureInfo.InvariantCulture);
        var order = Enumerable.Range(0, Count).Select(i => (int)((i * 7919L) % Count)).Concat([5, 5, 0, 2999, 5]).ToArray();
        var book = Workbook(Count, Text, order);
        using var folder = new TemporaryFolder();
        var provider = ExcelReaders.Create(new ExcelReaderOptions { SharedStringMemory = 4096, SharedStringFolder = folder.Path }).First(p => p.Format == "xlsx");

        var reader = await provider.OpenAsync(new MemoryStream(book, writable: false), book.Length, English);
        List<string> cells = [];
        string[] spilled;
        await using (reader)
        {
            spilled = folder.Files();
            while (await reader.ReadAsync())
            {
                cells.Add(reader.GetString(0));
            }
        }

        Assert.Equal(order.Skip(1).Select(i => Text(i).Replace("_xD800_", "\uD800", StringComparison.Ordinal)), cells);
        Assert.StartsWith("import-sdk-strings-", Path.GetFileName(Assert.Single(spilled)), StringComparison.Ordinal);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task ReadAsync_SharedStringsPastTheCharacterLimitAfterSpilling_AreRefusedAndTheFileIsDeleted()
    {
        var book = Workbook(2000, i => i.ToString("D4", CultureInfo.InvariantCulture) + new string('x', 96), [0]);
        using var folder = new TemporaryFolder();
        var limits = new ExcelReaderOptions { SharedStringMemory = 4096, MaxSharedStringCharacters = 100_000, SharedStringFolder = folder.Path };

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "strings.xlsx", English, limits));

        Assert.Equal("The workbook's distinct texts hold more than 100,000 characters in all: split it or save it as CSV.", ex.Message);
        Assert.Empty(folder.Files()); // it had spilled: 100,000 characters are more than 4 KiB
    }

    [Fact]
    public async Task ReadAsync_SharedStringsSpilledInAnXlsb_ReadEveryCellExactly()
    {
        var builder = new XlsbBuilder("S").Text(0, 0, "Code");
        var expected = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var text = (i % 3 == 0 ? "Besançon 😀 " : "Lyon ") + i.ToString(CultureInfo.InvariantCulture) + new string('-', i % 300);
            builder.Text(i + 1, 0, text).Text(i + 1, 1, "Paris");
            expected.Add(text);
        }

        var book = builder.Build();
        var content = await SheetContent.ReadAsync(book, "book.xlsb", English, new ExcelReaderOptions { SharedStringMemory = 4096 });

        Assert.Equal(expected, content.Rows.Select(r => r.Cells[0]));
        Assert.All(content.Rows, r => Assert.Equal("Paris", r.Cells[1]));
    }

    [Fact]
    public async Task ReadAsync_RowOfManyLongCells_NeverBuildsTheCellsPastTheRowsCharacters()
    {
        // 20 cells of 2 million characters (under the cell limit), inline strings and cached formula texts: 4 fit in the row's
        // 8 Mi characters, the other 16 (64 MB as strings) were once built and dropped (the 120 KB XLSX of issue 16 peaked at 180 MB)
        const int Long = 2_000_000;
        var header = string.Concat(Enumerable.Range(0, 20).Select(i => $"<c t=\"inlineStr\"><is><t>h{i}</t></is></c>"));
        static bool Formula(int cell) => cell % 4 == 1;
        static string Open(int cell) => Formula(cell) ? "<c t=\"str\"><f>A1</f><v>" : "<c t=\"inlineStr\"><is><t>";
        static string Close(int cell) => Formula(cell) ? "</v></c>" : "</t></is></c>";
        var pieces = new List<string> { $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\">{header}</row><row r=\"2\">{Open(0)}" };
        for (var i = 1; i < 20; i++)
        {
            pieces.Add(Close(i - 1) + Open(i));
        }

        pieces.Add(Close(19) + "</row><row r=\"3\"><c t=\"inlineStr\"><is><t>next</t></is></c></row></sheetData></worksheet>");
        var template = XlsxBrokenSheetTests.Workbook("<worksheet/>");
        var book = Zip.Rewrite(template, replace: name => name.EndsWith("sheet1.xml", StringComparison.Ordinal) ? s => Write(s, Long, pieces) : null);

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var rows = await XlsxCellLengthTests.ReadProblemsAsync(book, English);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal([2, 3], rows.Select(r => r.Number));
        Assert.Equal((IssueCodes.TooLong, 4), (rows[0].Problem?.Code, rows[0].Problem?.Column));
        Assert.Equal("The cells of the row hold more than 8,388,608 characters in all (the cell E2 goes past that): shorten them or split the row.", rows[0].Problem?.Message);
        Assert.Equal(Long, rows[0].Cells[3].Length);
        Assert.Equal("next", rows[1].Cells[0]);

        // the 4 cells held (16 MB), the reader's text buffer grown by doubling to the cell limit (about 8 MiB), ZIP and XML buffers
        Assert.True(allocated < 48L << 20, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public async Task ReadAsync_XlsbRowOfManyLongSharedStrings_IsRejectedAsInXlsx()
    {
        var builder = new XlsbBuilder("S");
        for (var i = 0; i < 6; i++)
        {
            builder.Text(0, i, "h" + i.ToString(CultureInfo.InvariantCulture)).Text(1, i, new string((char)('a' + i), 2_000_000));
        }

        var rows = await XlsxCellLengthTests.ReadProblemsAsync(builder.Build(), English, "book.xlsb");

        Assert.Equal("The cells of the row hold more than 8,388,608 characters in all (the cell E2 goes past that): shorten them or split the row.", Assert.Single(rows).Problem?.Message);
        Assert.Equal([2_000_000, 2_000_000, 2_000_000, 2_000_000, 0, 0], rows[0].Cells.Select(c => c.Length));
    }

    /// <summary>A workbook of <paramref name="count"/> shared strings whose column A, under the header (string 0), gives the strings at <paramref name="cells"/>.</summary>
    private static byte[] Workbook(int count, Func<int, string> text, int[] cells)
    {
        var sheet = new StringBuilder($"<worksheet xmlns=\"{Main}\"><sheetData>");
        for (var r = 0; r < cells.Length; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\"><c t=\"s\"><v>{cells[r]}</v></c></row>");
        }

        sheet.Append("</sheetData></worksheet>");
        var template = XlsxBrokenSheetTests.Workbook(sheet.ToString());
        return Zip.Rewrite(template, replace: name => name.EndsWith("sharedStrings.xml", StringComparison.Ordinal) ? stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write($"<sst xmlns=\"{Main}\">");
            for (var i = 0; i < count; i++)
            {
                writer.Write("<si><t xml:space=\"preserve\">");
                writer.Write(text(i));
                writer.Write("</t></si>");
            }

            writer.Write("</sst>");
        }
        : null);
    }

    /// <summary>Writes the pieces with <paramref name="length"/> characters between each two.</summary>
    private static void Write(Stream stream, int length, List<string> pieces)
    {
        var filler = Encoding.UTF8.GetBytes(new string('a', length));
        for (var p = 0; p < pieces.Count; p++)
        {
            if (p > 0)
            {
                stream.Write(filler);
            }

            stream.Write(Encoding.UTF8.GetBytes(pieces[p]));
        }
    }

    /// <summary>A folder of the test's own under the temporary folder, deleted with what it holds.</summary>
    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "import-sdk-test-" + Guid.NewGuid().ToString("N"))).FullName;

        public string[] Files() => Directory.GetFiles(Path);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
