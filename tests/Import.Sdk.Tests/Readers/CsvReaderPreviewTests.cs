using System.Text;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Readers;

/// <summary>The CSV reader as <see cref="FilePreview.ReadAsync(ImportSource, int, ReaderOptions?, IEnumerable{ITabularReaderProvider}?, CancellationToken)"/> shows it: detection, decoding, quoting and row numbers.</summary>
public class CsvReaderPreviewTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private static readonly ReaderOptions English = new() { UiCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US") };

    [Theory]
    [InlineData(";")]
    [InlineData(",")]
    [InlineData("|")]
    [InlineData("\t")]
    public async Task ReadAsync_EachSeparator_IsDetected(string separator)
    {
        var text = Lines(separator, ["Code", "Nom", "Ville"], ["C1", "Dupont", "Lyon"], ["C2", "Martin", "Paris"]);

        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal(separator, preview.Source.Delimiter);
        Assert.Equal(["Code", "Nom", "Ville"], preview.Header);
        AssertRows([["C1", "Dupont", "Lyon"], ["C2", "Martin", "Paris"]], preview);
        Assert.Equal([2, 3], preview.RowNumbers);
    }

    [Fact]
    public async Task ReadAsync_Utf8WithoutBom_DecodesAccentsAndReportsUtf8()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("Code;Raison sociale\r\nC1;Société Générale – «Paris» €\r\n"));

        Assert.Equal("csv", preview.Source.Format);
        Assert.Equal("utf-8", preview.Source.Encoding);
        Assert.Equal(";", preview.Source.Delimiter);
        Assert.Null(preview.Source.Sheet);
        Assert.Empty(preview.Source.Sheets);
        Assert.Equal("Société Générale – «Paris» €", preview.Rows[0][1]);
    }

    [Fact]
    public async Task ReadAsync_Utf8WithBom_StripsTheBomFromTheFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Code;Raison sociale\r\nC1;Société\r\n")).ToArray();

        var preview = await PreviewAsync(bytes);

        Assert.Equal("utf-8-bom", preview.Source.Encoding);
        Assert.Equal("Code", preview.Header[0]);
        Assert.Equal("Société", preview.Rows[0][1]);
    }

    [Fact]
    public async Task ReadAsync_Utf16LittleEndianWithBom_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Code;Raison sociale\r\nC1;Société 😀\r\nC2;Ærø\r\n")).ToArray();

        var preview = await PreviewAsync(bytes);

        Assert.Equal("utf-16le", preview.Source.Encoding);
        Assert.Equal(";", preview.Source.Delimiter);
        Assert.Equal(["Code", "Raison sociale"], preview.Header);
        AssertRows([["C1", "Société 😀"], ["C2", "Ærø"]], preview);
    }

    [Fact]
    public async Task ReadAsync_Utf16BigEndianWithBom_IsDecoded()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("Code;Raison sociale\r\nC1;Société\r\n")).ToArray();

        var preview = await PreviewAsync(bytes);

        Assert.Equal("utf-16be", preview.Source.Encoding);
        Assert.Equal(["Code", "Raison sociale"], preview.Header);
        AssertRows([["C1", "Société"]], preview);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_FallsBackToWindows1252()
    {
        // é is 0xE9 in Windows-1252 (invalid alone in UTF-8); € “ ” – are the 0x80-0x9F characters that Latin-1 lacks.
        var bytes = Windows1252.GetBytes("Code;Raison sociale\r\nC1;Société “Générale” – 12 €\r\n");
        Assert.Contains((byte)0xE9, bytes);

        var preview = await PreviewAsync(bytes);

        Assert.Equal("windows-1252", preview.Source.Encoding);
        Assert.Equal("Société “Générale” – 12 €", preview.Rows[0][1]);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8ByteFarPastTheFirst64KiB_StillFallsBackToWindows1252()
    {
        var bytes = Windows1252FileWithAccentAt(asciiRowsBefore: 6000);
        Assert.True(Array.IndexOf(bytes, (byte)0xE9) > 1 << 16);

        var preview = await PreviewAsync(bytes, rows: 10_000);

        Assert.Equal("windows-1252", preview.Source.Encoding);
        Assert.Equal(6001, preview.Rows.Count);
        Assert.Equal("Société Générale", preview.Rows[^1][1]);
        Assert.Equal(6002, preview.RowNumbers[^1]);
    }

    [Fact]
    public async Task ReadAsync_NonSeekableSmallWindows1252File_FallsBackToWindows1252()
    {
        var bytes = Windows1252.GetBytes("Code;Raison sociale\r\nC1;Société\r\n");

        var preview = await FilePreview.ReadAsync(ImportSource.FromStream(NonSeekableStream.Of(bytes), "upload.csv"));

        Assert.Equal("windows-1252", preview.Source.Encoding);
        Assert.Equal("Société", preview.Rows[0][1]);
    }

    /// <summary>
    /// Regression (was a bug): on a non-seekable stream of 64 KiB or more, an invalid UTF-8 byte inside the first 64 KiB is ignored
    /// (CsvTabularReader.DetectEncodingAsync: <c>valid = IsValidUtf8(head) || headLength == head.Length</c>), so a
    /// Windows-1252 upload is read as UTF-8 and its accents become U+FFFD.
    /// </summary>
    [Fact]
    public async Task ReadAsync_NonSeekableLargeWindows1252FileWithAccentInFirstRow_FallsBackToWindows1252()
    {
        var bytes = Windows1252.GetBytes(Lines(";", ["Code", "Raison sociale"], ["C0", "Société Générale"]) + AsciiRows(6000));

        var preview = await FilePreview.ReadAsync(ImportSource.FromStream(NonSeekableStream.Of(bytes), "upload.csv"));

        Assert.Equal("Société Générale", preview.Rows[0][1]);
        Assert.Equal("windows-1252", preview.Source.Encoding);
    }

    /// <summary>
    /// Regression (was a bug): on a non-seekable stream only the first 64 KiB are checked, so a Windows-1252 accent past them is silently
    /// turned into U+FFFD (the reader loses data without any issue). A seekable source of the same bytes reads correctly.
    /// </summary>
    [Fact]
    public async Task ReadAsync_NonSeekableWindows1252FileWithAccentPast64KiB_ReadsLikeTheSeekableSource()
    {
        var bytes = Windows1252FileWithAccentAt(asciiRowsBefore: 6000);

        var seekable = await PreviewAsync(bytes, rows: 10_000);
        var nonSeekable = await FilePreview.ReadAsync(ImportSource.FromStream(NonSeekableStream.Of(bytes), "upload.csv"), 10_000);

        Assert.Equal("Société Générale", seekable.Rows[^1][1]);
        Assert.Equal(seekable.Rows[^1][1], nonSeekable.Rows[^1][1]);
    }

    [Fact]
    public async Task ReadAsync_NonSeekableUtf8Stream_ReadsLikeTheSeekableSource()
    {
        var text = Lines(";", ["Code", "Raison sociale", "Adresse"], ["C1", "\"Martin; fils\"", "\"1 rue \"\"Haute\"\"\r\nBP 5\""]) + "\r\nC2;Société;\r\n" + AsciiRows(5000);
        var bytes = Encoding.UTF8.GetBytes(text);

        var seekable = await PreviewAsync(bytes, rows: 10_000);
        var nonSeekable = await FilePreview.ReadAsync(ImportSource.FromStream(NonSeekableStream.Of(bytes, chunk: 1000), "upload.csv"), 10_000);

        Assert.Equal((seekable.Source.Format, seekable.Source.Encoding, seekable.Source.Delimiter), (nonSeekable.Source.Format, nonSeekable.Source.Encoding, nonSeekable.Source.Delimiter));
        Assert.Equal(seekable.Header, nonSeekable.Header);
        Assert.Equal(seekable.RowNumbers, nonSeekable.RowNumbers);
        Assert.Equal(seekable.Rows.Count, nonSeekable.Rows.Count);
        for (var i = 0; i < seekable.Rows.Count; i++)
        {
            Assert.Equal(seekable.Rows[i], nonSeekable.Rows[i]);
        }

        Assert.Equal("1 rue \"Haute\"\r\nBP 5", nonSeekable.Rows[0][2]);
        Assert.Equal("Société", nonSeekable.Rows[1][1]);
        Assert.Equal(5002, nonSeekable.Rows.Count);
    }

    [Fact]
    public async Task ReadAsync_QuotedSeparatorsDoubledQuotesAndEmbeddedNewlines_AreKeptInTheCell()
    {
        var text = "Code;Raison sociale;Adresse\r\n" +
                   "C1;\"Martin; fils\";\"12 rue \"\"Haute\"\"\r\nBP 5\r\n75001 Paris\"\r\n" +
                   "C2;\"  espaces  \";\"\"\r\n";

        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(text));

        AssertRows(
            [
                ["C1", "Martin; fils", "12 rue \"Haute\"\r\nBP 5\r\n75001 Paris"],
                ["C2", "  espaces  ", ""],
            ],
            preview);
        Assert.Equal([2, 3], preview.RowNumbers);
    }

    [Fact]
    public async Task ReadAsync_RecordSpanningThreeLinesAndEmptyLines_NumbersRowsAsASpreadsheetDoes()
    {
        // Spreadsheet rows: 1 header, 2 the three-line record, 3 C2, 4 empty, 5 C3, 6 and 7 empty, 8 C4.
        var text = "Code;Adresse\r\nC1;\"ligne 1\r\nligne 2\r\nligne 3\"\r\nC2;B\r\n\r\nC3;C\r\n\r\n\r\nC4;D\r\n";

        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal([2, 3, 5, 8], preview.RowNumbers);
        AssertRows([["C1", "ligne 1\r\nligne 2\r\nligne 3"], ["C2", "B"], ["C3", "C"], ["C4", "D"]], preview);
    }

    [Fact]
    public async Task ReadAsync_LfLineEndingsWithoutFinalNewline_ReadsEveryRow()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("Code;Nom\nC1;A\n\nC2;B"));

        Assert.Equal([2, 4], preview.RowNumbers);
        AssertRows([["C1", "A"], ["C2", "B"]], preview);
    }

    /// <summary>
    /// Regression (was a bug): ITabularReader.ReadAsync promises "the next row that has at least one non-empty cell", but CsvTabularReader
    /// only skips lines with no separator at all. A line of separators only (";;" — what Excel writes for a formatted,
    /// emptied row) is returned as a row of empty cells (and the pipeline then rejects it for missing required values).
    /// </summary>
    [Fact]
    public async Task ReadAsync_LineOfSeparatorsOnly_IsSkippedButCounted()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("Code;Nom;Ville\r\nC1;A;X\r\n;;\r\nC2;B;Y\r\n"));

        Assert.Equal([2, 4], preview.RowNumbers);
        AssertRows([["C1", "A", "X"], ["C2", "B", "Y"]], preview);
    }

    [Fact]
    public async Task ReadAsync_RaggedRows_KeepEveryCellAndPadShortRows()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("Code;Nom;Ville\r\nC1\r\nC2;B;Y;extra\r\nC3;C;Z;;\r\n"));

        AssertRows([["C1", "", ""], ["C2", "B", "Y", "extra"], ["C3", "C", "Z", "", ""]], preview);
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_HasHeaderAndNoRow()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("Code;Nom\r\n"));

        Assert.Equal(["Code", "Nom"], preview.Header);
        Assert.Empty(preview.Rows);
        Assert.Empty(preview.RowNumbers);
    }

    [Fact]
    public async Task ReadAsync_HeaderCells_AreTrimmed()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(" Code ; Nom \r\nC1; A \r\n"));

        Assert.Equal(["Code", "Nom"], preview.Header);
        AssertRows([["C1", " A "]], preview);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_ThrowsMalformedFileSayingItIsEmpty()
    {
        var english = await Assert.ThrowsAsync<MalformedFileException>(() => PreviewAsync([], options: English));
        var french = await Assert.ThrowsAsync<MalformedFileException>(() => PreviewAsync([]));

        Assert.Contains("empty", english.Message, StringComparison.Ordinal);
        Assert.Contains("vide", french.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BinaryGarbage_ThrowsMalformedFileSayingItIsNotText()
    {
        var english = await Assert.ThrowsAsync<MalformedFileException>(() => PreviewAsync(BinaryGarbage(), options: English));
        var french = await Assert.ThrowsAsync<MalformedFileException>(() => PreviewAsync(BinaryGarbage()));

        Assert.Contains("not a text file", english.Message, StringComparison.Ordinal);
        Assert.Contains("pas un fichier texte", french.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "ZIP")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "OLE2")]
    public async Task ReadAsync_WorkbookContainerWithoutItsReader_ThrowsMalformedFileNamingTheContainerAndTheFix(byte[] signature, string container)
    {
        var bytes = signature.Concat(Enumerable.Range(0, 500).Select(i => (byte)(i * 7))).ToArray();

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "clients.xlsx"), options: English));

        Assert.Contains(container, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Import.Sdk.Excel", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CSV", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ForcedDelimiterAndEncoding_AreUsed()
    {
        var bytes = Windows1252.GetBytes("Code,Nom;Ville\r\nC1,A;Évry\r\n");

        var preview = await PreviewAsync(bytes, options: new ReaderOptions { Delimiter = ';', Encoding = Windows1252 });

        Assert.Equal(";", preview.Source.Delimiter);
        Assert.Equal("windows-1252", preview.Source.Encoding);
        Assert.Equal(["Code,Nom", "Ville"], preview.Header);
        AssertRows([["C1,A", "Évry"]], preview);
    }

    [Fact]
    public async Task ReadAsync_RowsArgument_LimitsTheRowsReturned()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("Code\r\n" + AsciiRows(50)), rows: 3);

        Assert.Equal(3, preview.Rows.Count);
        Assert.Equal([2, 3, 4], preview.RowNumbers);
    }

    /// <summary>Regression (issue 10, item 3): the preview showed <c>"Dupont"SA</c> as <c>DupontSA</c>, nothing telling it was repaired.</summary>
    [Fact]
    public async Task ReadAsync_MalformedRow_HasItsProblemNextToIt()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("Code;Nom\r\nC1;A\r\nC2;\"Dupont\"SA\r\nC3;\"B\"\r\n"), options: English);

        Assert.Equal([2, 3, 4], preview.RowNumbers);
        Assert.Equal([null, IssueCodes.MalformedRow, null], preview.Problems.Select(p => p?.Code));
        Assert.Equal((1, "\"Dupont\"SA"), (preview.Problems[1]!.Column, preview.Problems[1]!.Value));
        Assert.Equal(["C2", "\"Dupont\"SA"], preview.Rows[1]); // as in the file
        Assert.StartsWith("The quotes of column 'Nom' are malformed", preview.Problems[1]!.Message, StringComparison.Ordinal);
    }

    internal static byte[] BinaryGarbage()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i += 3)
        {
            bytes[i] = 0; // zeros everywhere, not every other byte: not UTF-16 either
        }

        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. bytes];
    }

    internal static byte[] Windows1252FileWithAccentAt(int asciiRowsBefore) =>
        Windows1252.GetBytes("Code;Raison sociale\r\n" + AsciiRows(asciiRowsBefore) + "C999999;Société Générale\r\n");

    /// <summary>ASCII data rows "C000001;Client 000001", about 23 bytes each.</summary>
    internal static string AsciiRows(int count)
    {
        var sb = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            sb.Append('C').Append(i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).Append(";Client ").Append(i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return sb.ToString();
    }

    private static Task<FilePreview> PreviewAsync(byte[] bytes, int rows = 10, ReaderOptions? options = null) =>
        FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "file.csv"), rows, options);

    private static string Lines(string separator, params string[][] rows) => string.Concat(rows.Select(r => string.Join(separator, r) + "\r\n"));

    private static void AssertRows(string[][] expected, FilePreview preview)
    {
        Assert.Equal(expected.Length, preview.Rows.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], preview.Rows[i]);
        }
    }
}
