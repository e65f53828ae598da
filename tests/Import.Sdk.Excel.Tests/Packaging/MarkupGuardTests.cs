using System.Globalization;
using System.IO.Compression;
using System.Text;
using Import.Sdk.Excel.Packaging;
using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Tests.Xlsx;

namespace Import.Sdk.Excel.Tests.Packaging;

/// <summary>
/// A small XLSX whose XML inflates to one huge tag (a 50 KB part holding a 50 MB attribute) once cost some 200 MB of memory, the
/// XML readers holding a tag whole (issue 16, "peak memory under 150 MiB for any workbook"): such a part is now refused, naming it.
/// </summary>
[Collection(MemoryCollection.Name)]
public class MarkupGuardTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const int Huge = 8 << 20; // 8 MiB: far past the 1 MiB bound, a few KB compressed
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    public static TheoryData<string> Parts => new() { "sheet", "styles", "workbook", "sharedStrings" };

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task ReadAsync_PartWithAHugeAttribute_IsRefusedInBoundedMemory(string part)
    {
        var attribute = new string('a', Huge);
        var sheet = $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c t="s"><v>0</v></c></row><row r="2"><c r="A2"{(part == "sheet" ? $" x=\"{attribute}\"" : string.Empty)}><v>1</v></c></row></sheetData></worksheet>""";
        var strings = $"""<sst xmlns="{Main}"><si><t{(part == "sharedStrings" ? $" x=\"{attribute}\"" : string.Empty)}>Head</t></si></sst>""";
        var book = XlsxBrokenSheetTests.Workbook(sheet, strings);
        if (part is "styles" or "workbook")
        {
            book = Inject(book, part + ".xml", $"<extLst x=\"{attribute}\"/>");
        }

        attribute = null;
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (_, ex) = await XlsxBrokenSheetTests.ReadUntilFailureAsync(book);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.NotNull(ex);
        Assert.Contains("holds an XML tag or text of more than 1,048,576 bytes, which Excel never writes", ex.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16L << 20, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public async Task ReadAsync_WorkbookPartWithAHugeText_IsRefusedInFrench()
    {
        var book = Inject(XlsxBrokenSheetTests.Workbook($"""<worksheet xmlns="{Main}"><sheetData/></worksheet>"""), "workbook.xml", $"<definedNames><definedName name=\"x\">{new string('A', Huge)}</definedName></definedNames>");

        var (_, ex) = await XlsxBrokenSheetTests.ReadUntilFailureAsync(book, new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("fr-FR") });

        Assert.NotNull(ex);
        Assert.Contains("contient une balise ou un texte XML de plus de 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ce qu'Excel n'écrit jamais", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Read_GenuineXmlInAnyChunks_PassesWhole(int chunk)
    {
        // quotes and '>' in attribute values, quotes and '>' in texts, a comment with an apostrophe, CDATA, and a sheet text of
        // 3 MiB (the sheet and shared strings stream their texts: only tags are bounded there)
        var xml = $"""<?xml version="1.0"?><worksheet xmlns="{Main}" a='x"y>z' b="it's >"><!-- it's "a" comment > --><t>l'été "chaud" > 3</t><t><![CDATA[<a b='c]]></t><t>{new string('t', 3 << 20)}</t><c r="A1"/></worksheet>""";

        var bytes = Encoding.UTF8.GetBytes(xml);
        using var guard = new MarkupGuardStream(new ChunkedStream(bytes, chunk), boundTexts: false);
        var copy = new MemoryStream();
        guard.CopyTo(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(5, false)]
    [InlineData(4096, false)]
    [InlineData(4096, true)]
    public void Read_TagLongerThanTheBound_ThrowsWhateverTheChunks(int chunk, bool boundTexts)
    {
        // a quoted '>' does not end the tag
        var xml = $"""<worksheet><c r="A1" x=">{new string('a', MarkupGuardStream.MaxTagBytes)}"/></worksheet>""";

        using var guard = new MarkupGuardStream(new ChunkedStream(Encoding.UTF8.GetBytes(xml), chunk), boundTexts);

        Assert.Throws<MarkupTooLongException>(() => guard.CopyTo(Stream.Null));
    }

    [Fact]
    public void Read_TextLongerThanTheBound_ThrowsOnlyWhenTextsAreBounded()
    {
        var xml = Encoding.UTF8.GetBytes($"<definedName>{new string('a', MarkupGuardStream.MaxTagBytes + 1)}</definedName>");

        using (var streamed = new MarkupGuardStream(new MemoryStream(xml), boundTexts: false))
        {
            streamed.CopyTo(Stream.Null);
        }

        using var bounded = new MarkupGuardStream(new MemoryStream(xml), boundTexts: true);
        Assert.Throws<MarkupTooLongException>(() => bounded.CopyTo(Stream.Null));
    }

    /// <summary>The archive with <paramref name="xml"/> put before the root's end tag of the part whose name ends with <paramref name="part"/>.</summary>
    private static byte[] Inject(byte[] book, string part, string xml)
    {
        string original;
        using (var archive = new ZipArchive(new MemoryStream(book)))
        {
            var entry = archive.Entries.Single(e => e.FullName.EndsWith("/" + part, StringComparison.Ordinal));
            using var reader = new StreamReader(entry.Open());
            original = reader.ReadToEnd();
        }

        var end = original.LastIndexOf("</", StringComparison.Ordinal);
        var changed = Encoding.UTF8.GetBytes(original[..end] + xml + original[end..]);
        return Zip.Rewrite(book, replace: name => name.EndsWith("/" + part, StringComparison.Ordinal) ? s => s.Write(changed) : null);
    }

    /// <summary>A stream that gives at most <c>chunk</c> bytes a read.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
