using System.Globalization;
using System.Text;
using Import.Sdk.Commerce.SalesDocuments;
using Import.Sdk.Commerce.Tests.Support;
using static Import.Sdk.Commerce.Tests.SalesDocuments.SalesDocumentsData;

namespace Import.Sdk.Commerce.Tests.SalesDocuments;

/// <summary>
/// Seed 001: "si les pièces sont importées au format XML, un seul fichier suffit" — the documents with their lines nested, read
/// streaming as the two files, give the same import as the CSV pair; a hostile or broken file is a clear malformed_file, never a crash
/// or a hang.
/// </summary>
public class SalesDocumentsXmlTests
{
    // The same documents in both forms, lines in the same order: a bad type (P3), an unknown customer (P4), an unknown article
    // (in P2), a zero quantity (in P5), a document without ident (its line has none either).
    private static readonly string[] Pieces = ["P1;C1;F;31/01/2025;CMD-1", "P2;C2;commande;01/02/2025;", "P3;C1;Z;;", "P4;C9;F;;", "P5;C1;BL;;", ";C1;F;;"];

    private static readonly string[] Lignes =
    [
        "P1;A1;Vis;2;10.5;20", "P1;A2;Écrou;3;1.25;5.5", "P2;A1;Vis;1;100;20", "P2;A9;Inconnu;1;1;20",
        "P3;A1;Vis;1;1;20", "P4;A1;Vis;1;1;20", "P5;A1;Vis;0;1;20", "P5;A2;Écrou;1;1;20", ";A1;Vis;1;1;20",
    ];

    private const string Xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <documents>
          <document ident="P1" customer_code="C1" type="F" date="2025-01-31" reference="CMD-1">
            <line article_code="A1" description="Vis" quantity="2" unit_price="10.5" vat_rate="20"/>
            <line article_code="A2" description="Écrou" quantity="3" unit_price="1.25" vat_rate="5.5"/>
          </document>
          <document ident="P2" customer_code="C2" type="commande" date="2025-02-01">
            <line article_code="A1" description="Vis" quantity="1" unit_price="100" vat_rate="20"/>
            <line article_code="A9" description="Inconnu" quantity="1" unit_price="1" vat_rate="20"/>
          </document>
          <document ident="P3" customer_code="C1" type="Z"><line article_code="A1" description="Vis" quantity="1" unit_price="1" vat_rate="20"/></document>
          <document ident="P4" customer_code="C9" type="F"><line article_code="A1" description="Vis" quantity="1" unit_price="1" vat_rate="20"/></document>
          <document ident="P5" customer_code="C1" type="BL">
            <!-- a comment is ignored -->
            <line article_code="A1" description="Vis" quantity="0" unit_price="1" vat_rate="20"/>
            <line article_code="A2" description="Écrou" quantity="1" unit_price="1" vat_rate="20"/>
          </document>
          <document customer_code="C1" type="F"><line article_code="A1" description="Vis" quantity="1" unit_price="1" vat_rate="20"/></document>
        </documents>
        """;

    private static ImportRequest XmlRequest(string xml) => SalesDocumentsXml.FromBytes(Encoding.UTF8.GetBytes(xml), "documents.xml");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SalesDocumentsXml_SameDocumentsAsTheCsvPair_SameOutcomesIssuesAndStoredRecords(bool execute)
    {
        var csvStore = Store();
        var xmlStore = Store();

        var csv = await RunAsync(csvStore, Pair(Pieces, Lignes), execute, CommerceStore.English);
        var xml = await RunAsync(xmlStore, XmlRequest(Xml), execute, CommerceStore.English);

        Assert.Equal(new ImportTotals(6, 1, 0, 0, 5), csv.Files[0].Totals);
        Assert.Equal(new ImportTotals(9, 2, 0, 0, 7), csv.Files[1].Totals);
        for (var f = 0; f < 2; f++)
        {
            Assert.Equal(csv.Files[f].Totals, xml.Files[f].Totals);
            Assert.Equal(Outcomes(csv.Files[f]), Outcomes(xml.Files[f]));
        }

        Assert.Equal(StoredText(csvStore), StoredText(xmlStore));
        Assert.Equal(execute ? 2 : 0, Lines(xmlStore).Count);
    }

    [Fact]
    public async Task SalesDocuments_SimulationAndExecution_DegreeOneAndFourSmallBatches_SameReport()
    {
        async Task<string> ReportAsync(bool execute, int degree, int batchSize, bool xml)
        {
            var pipeline = new ImportPipelineBuilder()
                .UseEntity(CommerceEntities.SalesDocuments)
                .UseSink(Store().Sink)
                .UseOptions(o => o with { UiCulture = CommerceStore.English, MaxDegreeOfParallelism = degree, BatchSize = batchSize })
                .Build();
            var request = xml ? XmlRequest(Xml) : Pair(Pieces, Lignes);
            var report = execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request);
            return report.ToJson().Replace("\"simulated\": true", "\"simulated\": false", StringComparison.Ordinal);
        }

        foreach (var xml in new[] { false, true })
        {
            var expected = await ReportAsync(execute: false, degree: 1, batchSize: 1000, xml);
            Assert.Equal(expected, await ReportAsync(execute: true, degree: 1, batchSize: 1000, xml));
            Assert.Equal(expected, await ReportAsync(execute: true, degree: 4, batchSize: 2, xml));
            Assert.Equal(expected, await ReportAsync(execute: false, degree: 4, batchSize: 3, xml));
        }
    }

    [Fact]
    public async Task SalesDocumentsXml_UnknownAttribute_RejectsItsRowNamingTheAttribute()
    {
        var report = await RunAsync(Store(), XmlRequest("""<documents><document ident="P1" customer_code="C1" type="F"><line article_code="A1" quantite="2"/></document></documents>"""), execute: false, CommerceStore.English);

        var issue = Assert.Single(report.Files[1].Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal((IssueCodes.InvalidFormat, 2), (issue.Code, issue.Row));
        Assert.Contains("'quantite'", issue.Message, StringComparison.Ordinal);
        Assert.Equal(IssueCodes.IncompleteDocument, report.Files[0].Issues.Single().Code);
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "dtd", """<?xml version="1.0"?><!DOCTYPE documents [<!ELEMENT documents ANY>]><documents/>""" },
        { "external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE documents [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<documents><document ident=\"&x;\" customer_code=\"C1\" type=\"F\"/></documents>" },
        { "billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : (i - 1).ToString(CultureInfo.InvariantCulture))};", 10))}\">")) + "]>\n<documents><document ident=\"&lol9;\"/></documents>" },
        { "huge attribute", "<documents>\n<document ident=\"P1\" customer_code=\"C1\" type=\"F\" reference=\"" + new string('x', 5 << 20) + "\"/></documents>" },
        { "huge attribute of '>'", "<documents>\n<document ident=\"P1\" reference=\"" + new string('>', 5 << 20) + "\"/></documents>" },
        { "huge comment holding '<'", "<documents>\n<!--" + string.Concat(Enumerable.Repeat(new string('x', 1000) + "<", 5 << 10)) + "--></documents>" },
        { "huge CDATA holding '<'", "<documents>\n<document ident=\"P1\"><![CDATA[" + string.Concat(Enumerable.Repeat(new string('x', 1000) + "<", 5 << 10)) + "]]></document></documents>" },
        { "deeply nested", "<documents><document ident=\"P1\" customer_code=\"C1\" type=\"F\"><line article_code=\"A1\" quantity=\"1\">" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + "</line></document></documents>" },
        { "nested documents", "<documents>\n<document ident=\"P1\"><document ident=\"P2\"/></document></documents>" },
        { "not well-formed", "<documents>\n<document ident=\"P1\" customer_code=\"C1\" type=\"F\">\n<line article_code=\"A1\" quantity=\"1\">\n</documents>" },
        { "unclosed attribute", "<documents>\n<document ident=\"P1 customer_code=\"C1\"/></documents>" },
        { "another root", "<commandes><document ident=\"P1\"/></commandes>" },
        { "text content", "<documents><document ident=\"P1\" customer_code=\"C1\" type=\"F\">oops</document></documents>" },
        { "truncated", "<documents><document ident=\"P1\" customer_code=\"C1\" type=\"F\"><line article_code=\"A1\" quan" },
        { "not xml", "IDENT;CLIENT_CODE;TYPE\r\nP1;C1;F\r\n" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task SalesDocumentsXml_HostileOrBrokenFile_IsAMalformedFileNamingTheLineAndNothingIsWritten(string kind, string xml)
    {
        var store = Store();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var report = await store.Pipeline(CommerceEntities.SalesDocuments, CommerceStore.English).ExecuteAsync(XmlRequest(xml), cancellationToken: timeout.Token);

        var issue = report.Issues.First(i => i.Code == IssueCodes.MalformedFile);
        Assert.Matches(@"at line [1-9]", issue.Message);
        if (kind.StartsWith("huge", StringComparison.Ordinal))
        {
            Assert.Contains("longer than 4194304 bytes", issue.Message, StringComparison.Ordinal);
        }
        Assert.False(report.IsSuccess, kind);
        Assert.Empty(Documents(store));
        Assert.Empty(Lines(store));
    }

    [Fact]
    public async Task SalesDocumentsXml_MissingFile_IsAMalformedFile()
    {
        var report = await Store().Pipeline(CommerceEntities.SalesDocuments).SimulateAsync(SalesDocumentsXml.FromFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xml")));

        Assert.Contains(report.Issues, i => i.Code == IssueCodes.MalformedFile);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><documents/>", true)]
    [InlineData("\uFEFF  \r\n<documents/>", true)]
    [InlineData("IDENT;CLIENT_CODE\r\n", false)]
    public void IsXml_FirstCharacter_TellsXmlFromText(string head, bool expected) =>
        Assert.Equal(expected, SalesDocumentsXml.IsXml(Encoding.UTF8.GetBytes(head)));

    private static (string Code, int Row, string? Field, string? Value)[] Outcomes(ImportReport section) =>
        [.. section.Issues.Select(i => (i.Code, i.Row, i.Field, i.Value))];

    private static string[] StoredText(CommerceStore store) =>
        [.. Documents(store).Concat(Lines(store)).Select(r => r.ToString()).Order(StringComparer.Ordinal)];
}
