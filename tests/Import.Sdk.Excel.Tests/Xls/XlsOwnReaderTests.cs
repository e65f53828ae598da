using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// Our own BIFF8 reader (issue 16: XLS at least as fast as before) gives exactly what ExcelDataReader and the record pass give:
/// every sheet of every XLS workbook of the corpus read through both paths (every workbook the other XLS tests read through
/// <see cref="SheetContent"/> is compared the same way), and the records it reads itself — MULRK and every RK encoding, shared
/// strings across CONTINUE records, rich-text and phonetic runs, 1904 dates, each kind of cached formula result.
/// </summary>
public class XlsOwnReaderTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    public static TheoryData<string> CorpusWorkbooks()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Support.Corpus.Directory, "xls"), "*.xls").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(path));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(CorpusWorkbooks))]
    public async Task ReadAsync_EveryCorpusWorkbook_GivesWhatExcelDataReaderGivesOnEverySheet(string file)
    {
        var content = await File.ReadAllBytesAsync(Support.Corpus.File(Path.Combine("xls", file)));

        await XlsPaths.AssertSameAsync(content, English);
        await XlsPaths.AssertSameAsync(content, English with { MaxCellLength = 5, UiCulture = CultureInfo.GetCultureInfo("fr-FR") });
    }

    [Fact]
    public async Task ReadAsync_TheClientsFixtureSavedByLibreOffice_IsReadByOurOwnReaderAsByExcelDataReader()
    {
        var content = await File.ReadAllBytesAsync(Support.Corpus.RepositoryPath("tests", "Import.Sdk.Excel.Tests", "Fixtures", "clients.xls"));

        Assert.True(await XlsPaths.IsOwnPathAsync(content));
        await XlsPaths.AssertSameAsync(content, English);
    }

    [Fact]
    public async Task ReadAsync_PlainBiff8Workbook_IsReadByOurOwnReader()
    {
        var book = new Biff8Builder("Data").Label(0, 0, "Code").Label(1, 0, "C1").Build();

        Assert.True(await XlsPaths.IsOwnPathAsync(book));
    }

    [Fact]
    public async Task ReadAsync_WorkbooksOurReaderLeavesToExcelDataReader_AreReadAsBefore()
    {
        byte[][] books =
        [
            new Biff8Builder("Data") { Version = 5, StreamName = "Book" }.Label(0, 0, "Code").Label(1, 0, "C1").Build(),
            new Biff8Builder("Data") { Bare = true }.Label(0, 0, "Code").Label(1, 0, "C1").Build(),
            new Biff8Builder("Data").Label(0, 0, "Code").Label(1, 1, "b").Label(1, 0, "a").Label(1, 1, "c").Build(), // a cell given twice
            new Biff8Builder("Data").Label(0, 0, "Code").Label(2, 0, "C2").Label(1, 0, "C1").Build(), // rows out of order
            new Biff8Builder("Data").Label(0, 0, "Code").FormulaResult(1, 0, 0).Label(1, 1, "lost").Build(), // no STRING record
        ];

        foreach (var book in books)
        {
            Assert.False(await XlsPaths.IsOwnPathAsync(book));
            await XlsPaths.AssertSameAsync(book, English);
        }
    }

    [Fact]
    public async Task ReadAsync_RkAndMulRkOfEveryEncoding_ReadAsTheNumbersAndDatesTheyHold()
    {
        var book = new Biff8Builder("Data")
            .Number(0, 0, 0, 0).Number(0, 1, 0, 14) // XF 0: General, XF 1: a date
            .Label(0, 2, "c").Label(0, 3, "d").Label(0, 4, "e").Label(0, 5, "f")
            .Raw(0x027E, Rk(1, 0, 0, RkInteger(1234)))
            .Raw(0x00BD, MulRk(1, 1, (0, RkInteger(-5)), (0, RkInteger(123456) | 1), (0, RkDouble(0.5)), (0, RkDouble(3.0) | 1), (1, RkInteger(45000))))
            .Raw(0x027E, Rk(2, 0, 1, RkInteger(45000) | 1))
            .Raw(0x00BD, MulRk(2, 1, (0, RkInteger(-1) | 1), (1, RkDouble(1.5))))
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.True(await XlsPaths.IsOwnPathAsync(book));
        Assert.Equal(["1234", "-5", "1234.56", "0.5", "0.03", "2023-03-15"], data.Row(2).Cells);
        Assert.Equal(["1901-03-25", "-0.01", "1900-01-01T12:00:00", "", "", ""], data.Row(3).Cells);
    }

    [Fact]
    public async Task ReadAsync_SharedStringsAcrossContinueRecordsWithRichTextAndPhoneticRuns_ReadWhole()
    {
        // "Dupont Ωmega": compressed, then UTF-16 after the cut; "Émile" with a rich-text run and phonetic data that go on into
        // the next CONTINUE record; then a compressed string
        var book = new Biff8Builder("Data")
            .Sst(
                5,
                [.. Compressed("Code"), .. Compressed("Name"), .. Header(12, 0x00), .. Latin1("Dupont ")],
                [0x01, .. Encoding.Unicode.GetBytes("Ωmega"), .. Header(5, 0x0D), 1, 0, 6, 0, 0, 0, .. Encoding.Unicode.GetBytes("Émile"), 0, 0],
                [0, 0, 1, 2, 3, 4, 5, 6, .. Compressed("C1")])
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .LabelSst(1, 0, 4).LabelSst(1, 1, 2)
            .LabelSst(2, 0, 4).LabelSst(2, 1, 3)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.True(await XlsPaths.IsOwnPathAsync(book));
        Assert.Equal(["C1", "Dupont Ωmega"], data.Row(2).Cells);
        Assert.Equal(["C1", "Émile"], data.Row(3).Cells);
    }

    [Fact]
    public async Task ReadAsync_Dates1904AndFormulaResultsOfEveryKind_ReadAsExcelShowsThem()
    {
        var book = new Biff8Builder("Data") { Date1904 = true }
            .Label(0, 0, "a").Label(0, 1, "b").Label(0, 2, "c").Label(0, 3, "d").Label(0, 4, "e").Label(0, 5, "f").Label(0, 6, "g")
            .Number(1, 0, 0, 14).Number(1, 1, 43000.25, 22)
            .FormulaText(1, 2, "direct", []).FormulaText(1, 3, "shared", [0x04BC]).FormulaText(1, 4, "array", [0x0221])
            .FormulaResult(1, 5, kind: 1, value: true).FormulaResult(1, 6, kind: 3)
            .FormulaError(2, 0, 0x2A).FormulaText(2, 1, "two shared", [0x04BC, 0x04BC]).FormulaText(2, 2, "Zürich €", [], wide: true)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.True(await XlsPaths.IsOwnPathAsync(book));
        Assert.Equal(["1904-01-01", "2021-09-23T06:00:00", "direct", "shared", "array", "TRUE", ""], data.Row(2).Cells);
        Assert.Equal(["#N/A", "", "Zürich €", "", "", "", ""], data.Row(3).Cells);
        Assert.Equal(IssueCodes.CellError, data.Row(3).Detail!.Code);
    }

    [Fact]
    public async Task ReadAsync_SharedStringPastTheTableAndCellsTooLong_GiveTheSameRowProblems()
    {
        var book = new Biff8Builder("Data")
            .Sst("Code", "Name", new string('x', 40))
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .Label(1, 0, "C1").LabelSst(1, 1, 7)
            .Label(3, 0, "C3").LabelSst(3, 1, 2)
            .Label(4, 0, new string('y', 30)).Error(4, 1, 0x17)
            .Error(6, 0, 0x07)
            .Build();

        Assert.True(await XlsPaths.IsOwnPathAsync(book));
        var data = await SheetContent.ReadAsync(book, "book.xls", English with { MaxCellLength = 20 });

        Assert.Equal([2, 4, 5, 7], data.Rows.Select(r => r.Number));
        Assert.Equal(IssueCodes.MalformedRow, data.Row(2).Detail!.Code);
        Assert.Equal(IssueCodes.TooLong, data.Row(4).Detail!.Code);
        Assert.Equal(IssueCodes.TooLong, data.Row(5).Detail!.Code);
        Assert.Equal(["#DIV/0!", ""], data.Row(7).Cells);
    }

    [Fact]
    public async Task ReadAsync_NumbersInEveryKindOfFormat_ReadAsTheExcelDataReaderPathReadsThem()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "a").Label(0, 1, "b").Label(0, 2, "c").Label(0, 3, "d").Label(0, 4, "e").Label(0, 5, "f")
            .Number(1, 0, double.NaN, 0).Number(1, 1, double.NaN, 14).Number(1, 2, 1.5, 46).Number(1, 3, 45000, 31)
            .Number(1, 4, 0.75, 20).Number(1, 5, 12345.678, 4)
            .Number(2, 0, -3, 46).Number(2, 1, 3e15, 14).Number(2, 2, 59.5, 22).Number(2, 3, 60, 14).Number(2, 4, 1e-7, 0).Number(2, 5, 2958465.5, 14)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.True(await XlsPaths.IsOwnPathAsync(book));
        Assert.Equal(["NaN", "NaN", "36:00:00", "2023-03-15", "18:00:00", "12345.678"], data.Row(2).Cells);
    }

    [Fact]
    public async Task ReadAsync_SharedStringsPastTheReaderLimits_AreLeftToExcelDataReaderAsBefore()
    {
        var book = new Biff8Builder("Data").Sst("Code", "Name", "C1").LabelSst(0, 0, 0).LabelSst(0, 1, 1).LabelSst(1, 0, 2).Build();
        var limits = new ExcelReaderOptions { MaxSharedStrings = 2 };

        Assert.False(await XlsPaths.IsOwnPathAsync(book, limits: limits));
        await XlsPaths.AssertSameAsync(book, English, limits);
    }

    [Fact]
    public async Task ReadAsync_RandomPlainWorkbooks_GiveWhatExcelDataReaderGives()
    {
        // a fixed seed: every kind of cell record, format and cached formula result, in rows with gaps
        var random = new Random(20261208);
        ushort[] formats = [0, 1, 4, 14, 15, 20, 22, 31, 45, 46, 47, 49, 50, 164];
        ushort[][] between = [[], [0x04BC], [0x0221], [0x0236], [0x04BC, 0x0221], [0x04BC, 0x04BC]];
        var own = 0;
        for (var n = 0; n < 100; n++)
        {
            var strings = Enumerable.Range(0, random.Next(1, 6)).Select(i => Text(random)).ToArray();
            var book = new Biff8Builder("Data") { Date1904 = random.Next(4) == 0 }.Sst(strings);
            for (var i = 0; i < formats.Length; i++)
            {
                book.Number(0, 10 + i, i, formats[i]); // one XF for each format, in this order: XF i has formats[i]
            }

            for (var row = 1; row < 12; row += random.Next(1, 3))
            {
                for (var column = 0; column < 8; column += random.Next(1, 3))
                {
                    switch (random.Next(12))
                    {
                        case 0: book.Label(row, column, Text(random)); break;
                        case 1: book.Number(row, column, Number(random), formats[random.Next(formats.Length)]); break;
                        case 2: book.Raw(0x027E, Rk(row, column, (ushort)random.Next(formats.Length), RandomRk(random))); break;
                        case 3:
                            var count = random.Next(1, 4);
                            book.Raw(0x00BD, MulRk(row, column, [.. Enumerable.Range(0, count).Select(_ => ((ushort)random.Next(formats.Length), RandomRk(random)))]));
                            column += count;
                            break;
                        case 4: book.Error(row, column, (byte)new[] { 0x00, 0x07, 0x0F, 0x17, 0x1D, 0x24, 0x2A }[random.Next(7)]); break;
                        case 5: book.FormulaError(row, column, 0x2A); break;
                        case 6: book.FormulaResult(row, column, kind: (byte)(random.Next(2) == 0 ? 1 : 3), value: random.Next(2) == 0); break;
                        case 7: book.FormulaText(row, column, Text(random), between[random.Next(between.Length)], wide: random.Next(2) == 0); break;
                        case 8: book.LabelSst(row, column, random.Next(strings.Length + 2)); break;
                        case 9: book.Raw(0x0201, [(byte)row, 0, (byte)column, 0, 0, 0]); break;
                        default: break;
                    }
                }
            }

            var content = book.Build();
            var options = English with { MaxCellLength = random.Next(3) == 0 ? 4 : 1000 };
            own += Import.Sdk.Excel.Xls.Biff8Workbook.TryOpen(new MemoryStream(content), new ExcelReaderOptions(), options.MaxCellLength, options.UiCulture) is null ? 0 : 1;
            await XlsPaths.AssertSameAsync(content, options);
        }

        Assert.True(own >= 70, $"{own} of 100 read by our own reader"); // the others hold a NaN or huge duration, left to ExcelDataReader
    }

    private static string Text(Random random)
    {
        const string Characters = "aZé €Ω\u00A0-1\u0000\uD83D";
        return new([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => Characters[random.Next(Characters.Length)])]);
    }

    /// <summary>An RK value of every encoding: integer or double, ×100 or not.</summary>
    private static uint RandomRk(Random random) =>
        (random.Next(2) == 0 ? RkInteger(random.Next(-50_000, 50_000)) : RkDouble((random.NextDouble() - 0.3) * 5_000)) | (uint)random.Next(2);

    private static double Number(Random random) => random.Next(8) switch
    {
        0 => random.Next(-100, 100),
        1 => random.NextDouble() * 100_000,
        2 => -random.NextDouble() * 5,
        3 => random.NextDouble(),
        4 => double.NaN,
        5 => 1e16 * random.NextDouble(),
        6 => random.Next(0, 61) + 0.5,
        _ => Math.Round(random.NextDouble() * 1000, 2),
    };

    private static byte[] Rk(int row, int column, ushort xf, uint rk)
    {
        var body = new byte[10];
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)row);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)column);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4), xf);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(6), rk);
        return body;
    }

    private static byte[] MulRk(int row, int first, params (ushort Xf, uint Rk)[] cells)
    {
        var body = new byte[6 + (6 * cells.Length)];
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)row);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)first);
        for (var i = 0; i < cells.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4 + (6 * i)), cells[i].Xf);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(6 + (6 * i)), cells[i].Rk);
        }

        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(body.Length - 2), (ushort)(first + cells.Length - 1));
        return body;
    }

    /// <summary>An RK integer (bit 1 set); bit 0 (×100) is added by the caller.</summary>
    private static uint RkInteger(int value) => ((uint)value << 2) | 2;

    /// <summary>An RK double: the high 30 bits of its IEEE form.</summary>
    private static uint RkDouble(double value) => (uint)(BitConverter.DoubleToInt64Bits(value) >> 32) & 0xFFFFFFFC;

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Header(int characters, byte flags) => [(byte)characters, (byte)(characters >> 8), flags];

    private static byte[] Compressed(string text) => [.. Header(text.Length, 0), .. Latin1(text)];
}
