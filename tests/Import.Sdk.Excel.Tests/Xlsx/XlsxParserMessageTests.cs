using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// The texts of XmlReader, the ZIP reader and OpenXml never reach the user: a DTD (refused: XXE, billion laughs) or broken XML
/// in any part gets our own message naming the part, in English and French.
/// </summary>
public class XlsxParserMessageTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Dtd = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>";

    public static TheoryData<string, string, string> DtdParts => new()
    {
        { "sheet1.xml", "en-US", "The workbook is damaged or incomplete at row 1 (the sheet 'S' contains a document type declaration (DTD), which Excel never writes and which is refused for security). Open it in Excel, save it again and import it again." },
        { "sheet1.xml", "fr-FR", "Le classeur est endommagé ou incomplet à la ligne 1 (la feuille « S » contient une déclaration de type de document (DTD), qu'Excel n'écrit jamais et qui est refusée par sécurité). Ouvrez-le dans Excel, enregistrez-le à nouveau puis importez-le." },
        { "sharedStrings.xml", "en-US", "The workbook is damaged or incomplete and cannot be read (the workbook's table of texts (shared strings) contains a document type declaration (DTD), which Excel never writes and which is refused for security): open it in Excel, save it again and import it again." },
        { "workbook.xml", "en-US", "The workbook is damaged or incomplete and cannot be read (the list of sheets (workbook part) contains a document type declaration (DTD), which Excel never writes and which is refused for security): open it in Excel, save it again and import it again." },
        { "styles.xml", "en-US", "The workbook is damaged or incomplete and cannot be read (the cell formats (styles part) contains a document type declaration (DTD), which Excel never writes and which is refused for security): open it in Excel, save it again and import it again." },
    };

    [Theory]
    [MemberData(nameof(DtdParts))]
    public async Task ReadAsync_PartWithADtd_IsRefusedWithOurOwnMessage(string part, string culture, string message)
    {
        var book = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("Code")).Row(2, Text("C1"))).Build();
        var withDtd = Zip.Rewrite(book, replace: name => name.EndsWith(part, StringComparison.Ordinal) ? PrependDtd(book, name) : null);

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() =>
            SheetContent.ReadAsync(withDtd, "dtd.xlsx", new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo(culture) }));

        Assert.Equal(message, ex.Message);
        Assert.DoesNotContain("DtdProcessing", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("XmlReader", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DamagedCompressedSheet_IsReportedWithOurOwnMessage()
    {
        var sheet = $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Code</t></is></c></row>"
            + string.Concat(Enumerable.Range(2, 20_000).Select(r => $"<row r=\"{r}\"><c t=\"inlineStr\"><is><t>C{r * 7919 % 100_003}</t></is></c></row>"))
            + "</sheetData></worksheet>";
        var book = XlsxBrokenSheetTests.Workbook(sheet);
        var damaged = CorruptSheetData(book);

        var (rows, ex) = await XlsxBrokenSheetTests.ReadUntilFailureAsync(damaged);

        Assert.NotNull(ex);
        Assert.Equal(Enumerable.Range(2, ex.Row - 2), rows.Select(r => r.Number));
        Assert.Contains($"at row {ex.Row} (", ex.Message, StringComparison.Ordinal);
        Assert.Matches(@"\((the compressed data of the sheet 'S' is damaged|the XML of the sheet 'S' is invalid or cut short \(line \d+, position \d+\))\)", ex.Message);
    }

    private static Action<Stream> PrependDtd(byte[] book, string name)
    {
        var xml = Encoding.UTF8.GetString(Xlsb.XlsbBrokenSheetTests.Part(book, name)).TrimStart('\uFEFF');
        if (xml.StartsWith("<?xml", StringComparison.Ordinal))
        {
            xml = xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..];
        }

        return stream => stream.Write(Encoding.UTF8.GetBytes(Dtd + xml));
    }

    /// <summary>Flips bytes in the middle of the sheet's compressed data (local header and central directory left intact).</summary>
    private static byte[] CorruptSheetData(byte[] book)
    {
        var copy = (byte[])book.Clone();
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        var header = copy.AsSpan().IndexOf(name); // the local file header comes first
        var compressedSize = BitConverter.ToInt32(copy, header - 30 + 18);
        var dataStart = header + name.Length + BitConverter.ToUInt16(copy, header - 30 + 28);
        for (var i = dataStart + (compressedSize / 2); i < dataStart + (compressedSize / 2) + 64; i++)
        {
            copy[i] ^= 0x5A;
        }

        return copy;
    }
}
