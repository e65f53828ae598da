using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Packaging;

/// <summary>
/// Issue 16, item 6: a package holding two ZIP entries for one part (the same name, or names equal ignoring case, as OPC
/// compares part names) is ambiguous: it is refused with malformed_file naming the part, never read from one of the two.
/// </summary>
public class DuplicatePartTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly byte[] Book = new XlsxBuilder()
        .Sheet("Clients", s => s.Row(1, Inline("Code"), Inline("Nom")).Row(2, Inline("C1"), Inline("Dupont")))
        .Build();

    /// <summary>The builder's workbook with a second entry <paramref name="name"/> for its sheet, put first or last.</summary>
    private static byte[] WithSecondSheetEntry(string name, bool first)
    {
        var other = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Nom</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>C9</t></is></c><c r="B2" t="inlineStr"><is><t>Autre</t></is></c></row>
            </sheetData></worksheet>
            """;
        (string, Action<Stream>) entry = (name, s => s.Write(Encoding.UTF8.GetBytes(other)));
        if (first)
        {
            return Zip.Rewrite(Book, first: [entry]);
        }

        return AppendEntry(Book, entry);
    }

    private static byte[] AppendEntry(byte[] archive, (string Name, Action<Stream> Write) entry)
    {
        using var buffer = new MemoryStream();
        buffer.Write(archive);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(entry.Name).Open();
            entry.Write(stream);
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task ReadAsync_TheBuildersWorkbook_IsReadWithoutADuplicate()
    {
        // the base of the tests below reads, so that their refusal comes from the duplicate alone
        var data = await SheetContent.ReadAsync(Book, "clients.xlsx", new ReaderOptions { UiCulture = En });

        Assert.Equal(["C1", "Dupont"], data.Row(2).Cells);
    }

    [Theory]
    [InlineData("xl/worksheets/sheet1.xml", true)]
    [InlineData("xl/worksheets/sheet1.xml", false)]
    [InlineData("xl/Worksheets/Sheet1.xml", true)]
    [InlineData("XL/WORKSHEETS/SHEET1.XML", false)]
    [InlineData("xl\\worksheets\\sheet1.xml", false)] // a Windows separator, read as '/' as the ZIP specification asks
    [InlineData("/xl/worksheets/sheet1.xml", true)]
    public async Task ReadAsync_SheetPartStoredTwice_IsRefusedAsAmbiguousNamingThePart(string secondName, bool first)
    {
        var book = WithSecondSheetEntry(secondName, first);

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "clients.xlsx", new ReaderOptions { UiCulture = En }));

        Assert.Contains("its part 'xl/worksheets/sheet1.xml' is stored twice", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(secondName, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ZipArchive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SheetPartStoredTwice_SaysSoInFrench()
    {
        var book = WithSecondSheetEntry("xl/worksheets/sheet1.xml", first: true);

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "clients.xlsx", new ReaderOptions { UiCulture = Fr }));

        Assert.StartsWith("Le classeur ne peut pas être lu : sa partie « xl/worksheets/sheet1.xml » figure deux fois dans le fichier", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AnyPartStoredTwice_IsRefusedEvenWhenTheSheetIsNotIt()
    {
        // a second [Content_Types].xml or relationship part is as ambiguous as a second sheet
        var book = AppendEntry(Book, ("_rels/.rels", s => s.Write(Encoding.UTF8.GetBytes("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"))));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "clients.xlsx", new ReaderOptions { UiCulture = En }));

        Assert.Contains("'_rels/.rels'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_SheetPartStoredTwice_RejectsTheFileWithMalformedFile()
    {
        var schema = EntitySchema.Create("customers")
            .Field("code", FieldType.Text, f => f.Label("Code", "Code").Required())
            .Field("name", FieldType.Text, f => f.Label("Nom", "Name"))
            .Key("code")
            .Build();
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(schema))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = En })
            .UseExcelReaders()
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(WithSecondSheetEntry("xl/Worksheets/Sheet1.xml", first: false), "clients.xlsx")));

        Assert.True(report.IsFileRejected);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(IssueCodes.MalformedFile, issue.Code);
        Assert.Contains("'xl/worksheets/sheet1.xml'", issue.Message, StringComparison.Ordinal);
        Assert.Empty(sink.GetRecords("customers"));
    }
}
