using System.Globalization;
using System.Text;
using Import.Sdk.Readers.Csv;

namespace Import.Sdk.Tests.Readers;

/// <summary>
/// When a file is refused as not text: only when its head clearly is not (a known binary signature, many NUL and control
/// bytes), never because of one NUL byte; and the reader's own messages, in the culture asked for.
/// </summary>
public class CsvTextOrBinaryTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    public static TheoryData<string, byte[]> BinaryFiles() => new()
    {
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, .. "Code;Nom\r\nC1;A\r\n"u8] },
        { "PDF", [.. "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"u8] },
        { "gzip", [0x1F, 0x8B, 0x08, 0x00, .. "Code;Nom\r\n"u8] },
        { "random bytes", RandomBytes(4096) },
        { "BMP of white pixels", [0x42, 0x4D, 0xB6, 0x9C, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x40, 0x01, 0x00, 0x00, 0x6E, 0x00, 0x00, 0x00, 0x01, 0x00, 0x18, 0x00, .. Enumerable.Repeat((byte)0xFF, 10_000)] },
    };

    /// <summary>Regression (issue 10, item 11): a PDF is mostly text at its head and was read as a CSV file.</summary>
    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public async Task ReadAsync_BinaryFile_IsRefusedAsNotText(string kind, byte[] bytes)
    {
        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "file.csv"), options: English));

        Assert.True(ex.Message.StartsWith("The file is not a text file", StringComparison.Ordinal), kind);
    }

    /// <summary>Regression (issue 10, item 11): one NUL byte in the first 64 KiB refused the whole file as "not text".</summary>
    [Fact]
    public async Task ReadAsync_OneNulByteAtTheStart_IsTextAndEveryRowIsRead()
    {
        var (csv, _) = CsvRowProblemTests.FileWithNulAt(100);

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(Encoding.UTF8.GetBytes(csv), "file.csv"), rows: 1_000);

        Assert.Equal("utf-8", preview.Source.Encoding);
        Assert.Equal(["Code", "Nom"], preview.Header);
        Assert.Equal(preview.RowNumbers.Count, preview.RowNumbers[^1] - 1);
    }

    /// <summary>
    /// Regression: a small text file padded with NUL bytes after its last row (a copy or a crash that left the file's allocated
    /// size) was refused whole as "not a text file" when the padding began within the first 64 KiB, while the same padding
    /// further on only rejected its own row. Every row is read; the padding is one row with a NUL problem.
    /// </summary>
    [Theory]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task ReadAsync_TextPaddedWithNulBytesAtItsEnd_ReadsEveryRowAndRejectsThePadding(int padding)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Code;Nom\r\n" + CsvReaderPreviewTests.AsciiRows(100)), .. new byte[padding]];

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "file.csv"), rows: 1_000, options: English);

        Assert.Equal(101, preview.Rows.Count);
        Assert.All(preview.Problems.Take(100), Assert.Null);
        Assert.Equal(IssueCodes.MalformedRow, preview.Problems[100]?.Code);
        Assert.True(TextEncodingDetector.IsMostlyControlBytes(new byte[100])); // nothing but NUL bytes is no text
    }

    /// <summary>
    /// Regression: the bytes a UTF-16 file cannot decode (cut short inside a character, half a surrogate pair) became U+FFFD and
    /// were stored so ("Zoé" as "Zo\uFFFD"), without a word. Such a cell rejects its row, naming the column and the value.
    /// </summary>
    [Theory]
    [InlineData("cut")]
    [InlineData("lone surrogate")]
    public async Task ReadAsync_Utf16BytesThatCannotBeDecoded_RejectTheirRow(string defect)
    {
        byte[] bom = [0xFF, 0xFE];
        byte[] bytes = defect == "cut"
            ? [.. bom, .. Encoding.Unicode.GetBytes("Code;Nom\r\nC1;Société\r\nC2;Zoé")[..^1]]
            : [.. bom, .. Encoding.Unicode.GetBytes("Code;Nom\r\nC1;Société\r\nC2;Zo"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("e\r\nC3;Noël\r\n")];

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "export.txt"), options: English);

        Assert.Equal("utf-16le", preview.Source.Encoding);
        Assert.Null(preview.Problems[0]);
        Assert.Equal("Société", preview.Rows[0][1]);
        var problem = preview.Problems[1];
        Assert.Equal((IssueCodes.MalformedRow, 1), (problem?.Code, problem?.Column));
        Assert.StartsWith("Column 'Nom' holds bytes that cannot be read as utf-16le text", problem?.Message, StringComparison.Ordinal);
        Assert.All(preview.Problems.Skip(2), Assert.Null); // C3 is read
    }

    [Fact]
    public async Task ReadAsync_Utf16LittleEndianWithoutBom_IsStillDetected()
    {
        var bytes = Encoding.Unicode.GetBytes("Code;Raison sociale\r\nC1;Société\r\nC2;Ærø\r\n");

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "export.txt"));

        Assert.Equal("utf-16le", preview.Source.Encoding);
        Assert.Equal("Ærø", preview.Rows[1][1]);
    }

    [Fact]
    public void IsMostlyControlBytes_TextWithAFewControlBytes_IsFalse_ManyIsTrue()
    {
        var text = Encoding.UTF8.GetBytes("Code;Nom\r\n" + CsvReaderPreviewTests.AsciiRows(100));
        text[50] = 0;
        text[60] = 0x01;
        var noisy = (byte[])text.Clone();
        for (var i = 0; i < noisy.Length; i += 10)
        {
            noisy[i] = 0;
        }

        var unitSeparated = Encoding.UTF8.GetBytes(CsvReaderPreviewTests.AsciiRows(100).Replace(";", "\u001F", StringComparison.Ordinal));

        Assert.False(TextEncodingDetector.IsMostlyControlBytes(text));
        Assert.False(TextEncodingDetector.IsMostlyControlBytes(unitSeparated));
        Assert.True(TextEncodingDetector.IsMostlyControlBytes(noisy));
    }

    /// <summary>
    /// Regression (issue 10, item 11): a header over <see cref="ReaderOptions.MaxRecordBytes"/> was reported with CsvHelper's own
    /// text ("Record 1 is longer than MaxRecordSize"), in English whatever the culture.
    /// </summary>
    [Fact]
    public async Task ReadAsync_HeaderOverMaxRecordBytes_IsRefusedWithOurOwnMessageInTheCultureAskedFor()
    {
        var bytes = Encoding.UTF8.GetBytes("Code;\"" + new string('x', 300_000) + "\r\nC1;A\r\n");
        ImportSource Source() => ImportSource.FromStream(Support.NonSeekableStream.Of(bytes), "file.csv");

        var english = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(Source(), options: English with { MaxRecordBytes = 100_000 }));
        var french = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(Source(), options: new ReaderOptions { MaxRecordBytes = 100_000 }));

        Assert.Equal(1, english.Row);
        Assert.Equal("The header row (the first line holding text) cannot be read as CSV text: check that its quotes are closed and that the file is a CSV or TXT export, then import it again.", english.Message);
        Assert.StartsWith("La ligne d'en-tête (la première ligne non vide) ne peut pas être lue comme du texte CSV", french.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxRecordSize", english.Message + french.Message, StringComparison.Ordinal);
    }

    /// <summary>Regression (issue 10, item 11): a missing file was reported in both languages at once ("does not exist. / n'existe pas").</summary>
    [Fact]
    public async Task ReadAsync_MissingFile_IsReportedInTheCultureAskedForOnly()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");

        var english = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(ImportSource.FromFile(path), options: English));
        var french = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(ImportSource.FromFile(path)));

        Assert.Equal($"The file '{path}' does not exist.", english.Message);
        Assert.Equal($"Le fichier « {path} » n'existe pas.", french.Message);
    }

    /// <summary>A file another program holds locked: our own message (what to do), the system's text in parentheses.</summary>
    [Fact]
    public async Task ReadAsync_FileLockedByAnotherProgram_IsAMalformedFileSayingWhatToDo()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, "Code;Nom\r\nC1;A\r\n");
        try
        {
            await using var locked = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

            var ex = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(ImportSource.FromFile(path), options: English));

            Assert.StartsWith($"The file '{path}' cannot be opened: check that it is not open in another program (close it in Excel)", ex.Message, StringComparison.Ordinal);
            Assert.IsAssignableFrom<IOException>(ex.InnerException);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
