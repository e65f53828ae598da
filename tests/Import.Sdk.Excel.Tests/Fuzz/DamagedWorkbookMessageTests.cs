using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Fuzz;

/// <summary>
/// Damaged workbooks (issue 16 item 7): corpus files cut short or with bytes changed at many offsets (in the container, or in
/// the uncompressed parts of a package) are either read or refused with a message of our own, in the requested language:
/// never a crash, never runtime or library text (the technical cause stays in the inner exception). Deterministic (fixed
/// seeds) and bounded in time.
/// </summary>
public class DamagedWorkbookMessageTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Text of .NET, XmlReader, ZIP and ExcelDataReader exceptions, and type names: none may reach a user.</summary>
    private static readonly string[] RuntimePhrases =
    [
        "Index was outside", "bounds of the array", "Data at the root level", "Object reference", "Specified argument",
        "Unable to read beyond", "DtdProcessing", "XmlReaderSettings", "Exception", "System.", "ExcelDataReader",
        "Non-negative", "Arithmetic operation", "Value cannot be null", "Parameter '", "Offset and length",
        "Central Directory", "Sequence contains", "Input string was not", "Unexpected end of file", "hexadecimal value",
        "Name cannot begin", "unexpected token", "Cannot access a", "Number of entries", "Invalid file signature",
        "Neither stream", "Workbook Globals", "Cyclic sector chain", "read past the end", "Unexpected BIFF version",
        "Bad SST format", "There's no such sector", "Error reading", "Buffer size", "No data exists", "Column at index",
        "Invalid OA Date", "ReadMultiCell", "ReadSingleCell", "Unhandled parser state", "Detected ZIP file",
        "Detected compound document", "Block type", "has invalid data", "OpenXml", "magic number", "The archive entry", "End of stream",
        "Stream was", "must be non-negative", "out of the range", "Nullable object", "Unexpected character", "is not a valid excel", "Cannot convert",
    ];

    [Theory]
    [InlineData("xls/edr_Test_git_issue_158.xls")]
    [InlineData("xls/edr_Test_OpenOffice.xls")]
    [InlineData("xls/edr_as3xls_BIFF2.xls")]
    [InlineData("xls/edr_Test_git_issue_231_NoCodePage.xls")]
    public async Task ReadAsync_DamagedXls_ReadOrRefusedInOurWords(string file)
    {
        var original = await File.ReadAllBytesAsync(Support.Corpus.File(file));
        var name = Path.GetFileName(file);
        var failures = new List<string>();
        var random = new Random(16_007);
        var clock = Stopwatch.StartNew();
        foreach (var length in Cuts(original.Length))
        {
            await CheckAsync(original[..length], name, $"cut at {length}", failures);
        }

        for (var i = 0; i < 400 && clock.Elapsed < TimeSpan.FromSeconds(4); i++)
        {
            var damaged = (byte[])original.Clone();
            Damage(damaged, random, start: i % 4 == 0 ? 0 : 512); // mostly past the container's header: the workbook stream
            await CheckAsync(damaged, name, $"damage #{i}", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Theory]
    [InlineData("xlsx/edr_Test_googlesourced.xlsx")]
    [InlineData("xlsx/edr_Test_git_issue_53_Cached_Formula_String_Type.xlsx")]
    [InlineData("xlsb/edr_Test10x10.xlsb")]
    [InlineData("xlsb/sheetjs_crlf.xlsb")]
    public async Task ReadAsync_DamagedPackageParts_ReadOrRefusedInOurWords(string file)
    {
        var original = await File.ReadAllBytesAsync(Support.Corpus.File(file));
        var name = Path.GetFileName(file);
        var parts = Parts(original);
        var failures = new List<string>();
        var random = new Random(16_007);
        var clock = Stopwatch.StartNew();

        // the package itself, cut short or with bytes changed (the ZIP's headers and compressed data)
        foreach (var length in Cuts(original.Length))
        {
            await CheckAsync(original[..length], name, $"cut at {length}", failures);
        }

        for (var i = 0; i < 60; i++)
        {
            var damaged = (byte[])original.Clone();
            Damage(damaged, random, start: 0);
            await CheckAsync(damaged, name, $"package damage #{i}", failures);
        }

        // each part, uncompressed, cut short or with bytes changed: what the XML and binary parsers see
        for (var i = 0; i < 600 && clock.Elapsed < TimeSpan.FromSeconds(4); i++)
        {
            var target = parts[i % parts.Count].Name;
            var content = parts[i % parts.Count].Content;
            byte[] damaged;
            string how;
            if (i / parts.Count % 3 == 0)
            {
                var length = content.Length == 0 ? 0 : random.Next(content.Length);
                damaged = content[..length];
                how = $"{target} cut at {length}";
            }
            else
            {
                damaged = (byte[])content.Clone();
                Damage(damaged, random, start: 0);
                how = $"{target} damage #{i}";
            }

            await CheckAsync(Package(parts, target, damaged), name, how, failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Theory]
    [InlineData("_rels/.rels", "en-US", "The workbook is damaged or incomplete and cannot be read (the XML of the list of the workbook's parts ([Content_Types].xml or a .rels file) is invalid or cut short (line 1")]
    [InlineData("_rels/.rels", "fr-FR", "la liste des parties du classeur ([Content_Types].xml ou un fichier .rels)")]
    public async Task ReadAsync_PackageListOfPartsNotXml_NamesThatListNotTheZipArchive(string part, string culture, string expected)
    {
        var original = await File.ReadAllBytesAsync(Support.Corpus.File("xlsx/edr_Test_googlesourced.xlsx"));
        var damaged = Zip.Rewrite(original, replace: name => name == part ? s => s.Write("<?xml version=\"1.0\"?><Types><Override"u8) : null);

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(damaged, "book.xlsx", new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo(culture) }));

        Assert.True(ex.Message.Contains(expected, StringComparison.Ordinal), ex.Message);
        Assert.IsAssignableFrom<System.Xml.XmlException>(ex.InnerException); // the parser's text stays in the inner exception
    }

    private static IEnumerable<int> Cuts(int length)
    {
        for (var k = 1; k < 24; k++)
        {
            yield return (int)((long)length * k / 24);
        }
    }

    /// <summary>Changes 1 to 4 bytes from <paramref name="start"/> on: a bit flipped, or set to 0x00 or 0xFF.</summary>
    private static void Damage(byte[] bytes, Random random, int start)
    {
        if (bytes.Length <= start)
        {
            return;
        }

        var count = random.Next(1, 5);
        for (var n = 0; n < count; n++)
        {
            var at = random.Next(start, bytes.Length);
            bytes[at] = random.Next(3) switch
            {
                0 => (byte)(bytes[at] ^ (1 << random.Next(8))),
                1 => 0x00,
                _ => 0xFF,
            };
        }
    }

    /// <summary>Reads in English, then in French when refused: a refusal is ours, translated, and free of runtime text.</summary>
    private static async Task CheckAsync(byte[] content, string name, string how, List<string> failures)
    {
        var english = await TryReadAsync(content, name, English);
        if (english.Crash is { } crash)
        {
            failures.Add($"{how}: {crash.GetType().Name}: {crash.Message}");
            return;
        }

        foreach (var message in english.Messages)
        {
            if (RuntimePhrases.FirstOrDefault(p => message.Contains(p, StringComparison.OrdinalIgnoreCase)) is { } phrase)
            {
                failures.Add($"{how}: '{phrase}' in \"{message}\"");
                return;
            }
        }

        if (english.Refusal is null)
        {
            return;
        }

        var french = await TryReadAsync(content, name, French);
        if (french.Refusal is null || french.Crash is not null)
        {
            failures.Add($"{how}: refused in English (\"{english.Refusal}\") but not the same way in French");
        }
        else if (string.Equals(french.Refusal, english.Refusal, StringComparison.Ordinal))
        {
            failures.Add($"{how}: the French message is the English one: \"{french.Refusal}\"");
        }
        else if (RuntimePhrases.FirstOrDefault(p => french.Refusal.Contains(p, StringComparison.OrdinalIgnoreCase)) is { } phrase)
        {
            failures.Add($"{how}: '{phrase}' in \"{french.Refusal}\"");
        }
    }

    private static async Task<(string? Refusal, Exception? Crash, List<string> Messages)> TryReadAsync(byte[] content, string name, CultureInfo ui)
    {
        var messages = new List<string>();
        try
        {
            var data = await SheetContent.ReadAsync(content, name, new ReaderOptions { UiCulture = ui });
            messages.AddRange(data.Rows.Select(r => r.Problem).OfType<string>());
            return (null, null, messages);
        }
        catch (ImportException ex)
        {
            messages.Add(ex.Message);
            return (ex.Message, null, messages);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, ex, messages);
        }
    }

    private static List<(string Name, byte[] Content)> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var parts = new List<(string, byte[])>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            parts.Add((entry.FullName, copy.ToArray()));
        }

        return parts;
    }

    private static byte[] Package(List<(string Name, byte[] Content)> parts, string target, byte[] damaged)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (partName, content) in parts)
            {
                using var stream = zip.CreateEntry(partName, CompressionLevel.Fastest).Open();
                stream.Write(partName == target ? damaged : content);
            }
        }

        return buffer.ToArray();
    }
}
