using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Samples;

/// <summary>
/// <c>simulate|run --entity sales-documents</c> on the sample files (examples/SalesDocuments): the PIECES/LIGNES pair and the same
/// documents as one XML file, after the customers and articles they name; the set report, exit codes, the errors files.
/// </summary>
public class SalesDocumentsSampleTests
{
    private static readonly string Pieces = Repository.PathOf("examples", "SalesDocuments", "pieces.csv");
    private static readonly string Lignes = Repository.PathOf("examples", "SalesDocuments", "lignes.csv");
    private static readonly string Xml = Repository.PathOf("examples", "SalesDocuments", "documents.xml");

    /// <summary>The store the samples need: tax regimes, customers, VAT rates, warehouses, articles.</summary>
    private static async Task PrepareAsync(CliHarness cli)
    {
        foreach (var (entity, file) in new[]
        {
            ("tax-regimes", Repository.PathOf("examples", "Customers", "regimes-fiscaux.csv")),
            ("customers", Repository.PathOf("examples", "Customers", "clients.csv")),
            ("vat-rates", Repository.PathOf("examples", "Suppliers", "taux-tva.csv")),
            ("warehouses", Repository.PathOf("examples", "Suppliers", "depots.csv")),
            ("articles", Repository.PathOf("examples", "Articles", "articles.csv")),
        })
        {
            var result = await cli.RunAsync("run", "--entity", entity, "--file", file, "--db", cli.Db);
            Assert.True(result.Exit is 0 or 1, result.ToString());
        }
    }

    private static (string Code, int Row)[] Issues(JsonElement file) =>
        [.. file.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("row").GetInt32()))];

    private static (int Rows, int Inserted, int Rejected) Totals(JsonElement element)
    {
        var t = element.GetProperty("totals");
        return (t.GetProperty("rows").GetInt32(), t.GetProperty("inserted").GetInt32(), t.GetProperty("rejected").GetInt32());
    }

    private static async Task<string[]> DocumentsAsync(CliHarness cli) =>
        [.. (await cli.RecordsAsync("sales-documents")).Select(d => string.Join('|', d["ident"], d["type"], d["total_excl_tax"], d["total_vat"], d["total_incl_tax"])).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Run_SamplePair_FourDocumentsWrittenWithTotalsEachBadRowNamedInItsFileSection()
    {
        using var cli = new CliHarness();
        await PrepareAsync(cli);

        var result = await cli.RunAsync("run", "--entity", "sales-documents", "--file", Pieces, "--lines", Lignes, "--db", cli.Db, "--report", "r.json", "--errors", "err.csv", "--lang", "en");

        Assert.Equal(1, result.Exit);
        Assert.Contains("Both files: 21 row(s) | inserted: 11", result.Out);
        using var report = cli.ReadJson("r.json");
        var root = report.RootElement;
        Assert.Equal(["simulated", "totals", "files"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal((21, 11, 10), Totals(root));
        var files = root.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal([("sales-documents", "pieces.csv"), ("sales-document-lines", "lignes.csv")], files.Select(f => (f.GetProperty("entity").GetString(), f.GetProperty("file").GetString())));
        Assert.Equal((8, 4, 4), Totals(files[0]));
        Assert.Equal([("unknown_reference", 6), ("invalid_enum", 7), ("incomplete_document", 8), ("incomplete_document", 9)], Issues(files[0]));
        Assert.Equal((13, 7, 6), Totals(files[1]));
        Assert.Equal(
            [("unknown_parent", 9), ("unknown_parent", 10), ("incomplete_document", 11), ("unknown_reference", 12), ("zero_quantity", 13), ("orphan_line", 14)],
            Issues(files[1]));
        Assert.Equal(
            ["A2025-002|A|-12.50|-2.50|-15.00", "BL2025-007|B|42.00|8.40|50.40", "D2025-014|D|65.90|7.96|73.86", "F2025-001|F|61.60|12.32|73.92"],
            await DocumentsAsync(cli));
        Assert.Equal(7, await cli.CountAsync("sales-document-lines"));
        Assert.Equal(5, File.ReadAllLines(cli.PathOf("err.csv")).Length); // the header and the 4 rejected documents
        Assert.Equal(7, File.ReadAllLines(cli.PathOf("err-lines.csv")).Length);

        var again = await cli.RunAsync("run", "--entity", "sales-documents", "--file", Pieces, "--lines", Lignes, "--db", cli.Db, "--json");

        using var second = JsonDocument.Parse(again.Out);
        Assert.Equal(4, second.RootElement.GetProperty("files")[0].GetProperty("totals").GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Run_SampleXml_SameDocumentsAsThePair()
    {
        using var cli = new CliHarness();
        await PrepareAsync(cli);

        var result = await cli.RunAsync("run", "--entity", "sales-documents", "--file", Xml, "--db", cli.Db, "--json", "--lang", "en");

        Assert.Equal(1, result.Exit);
        using var report = JsonDocument.Parse(result.Out);
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(["documents.xml", "documents.xml"], files.Select(f => f.GetProperty("file").GetString()));
        Assert.Equal([("unknown_reference", 6), ("invalid_enum", 7), ("incomplete_document", 8), ("incomplete_document", 9)], Issues(files[0]));
        Assert.Equal([("unknown_parent", 9), ("unknown_parent", 10), ("incomplete_document", 11), ("unknown_reference", 12), ("zero_quantity", 13)], Issues(files[1]));
        Assert.Equal(
            ["A2025-002|A|-12.50|-2.50|-15.00", "BL2025-007|B|42.00|8.40|50.40", "D2025-014|D|65.90|7.96|73.86", "F2025-001|F|61.60|12.32|73.92"],
            await DocumentsAsync(cli));
    }

    [Fact]
    public async Task Simulate_SamplePair_WritesNothingExit1()
    {
        using var cli = new CliHarness();
        await PrepareAsync(cli);

        var result = await cli.RunAsync("simulate", "--entity", "sales-documents", "--file", Pieces, "--lines", Lignes, "--db", cli.Db, "--json");

        Assert.Equal(1, result.Exit);
        using var report = JsonDocument.Parse(result.Out);
        Assert.True(report.RootElement.GetProperty("simulated").GetBoolean());
        Assert.Equal((21, 11, 10), Totals(report.RootElement));
        Assert.Equal(0, await cli.CountAsync("sales-documents"));
    }

    [Fact]
    public async Task Run_ValidPairWithLinesProfile_Exit0()
    {
        using var cli = new CliHarness();
        await PrepareAsync(cli);
        cli.WriteText("p.csv", "IDENT;CLIENT_CODE;TYPE\r\nP1;C0101;F\r\n");
        cli.WriteText("l.csv", "Pièce;Art;Q;Prix;T\r\nP1;A001;2;10;20\r\n");
        cli.WriteText("lp.json", """{ "entity": "sales-document-lines", "columns": { "Pièce": "header_ident", "Art": "article_code", "Q": "quantity", "Prix": "unit_price", "T": "vat_rate" } }""");

        var result = await cli.RunAsync("run", "--entity", "sales-documents", "--file", "p.csv", "--lines", "l.csv", "--lines-profile", "lp.json", "--db", cli.Db, "--lang", "en");

        Assert.Equal(0, result.Exit);
        Assert.Equal(["P1|F|20|4|24"], (await DocumentsAsync(cli)).Select(d => d.Replace(".00", string.Empty, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("sales-documents", "p.csv", null, null, "sales-documents is imported from two files")]
    [InlineData("sales-documents", "d.xml", "p.csv", null, "is an XML file")]
    [InlineData("customers", "p.csv", null, "lp.json", "--lines is only for sales-documents")]
    public async Task Run_DocumentArgumentsThatCannotBeUsed_Exit2NothingCreated(string entity, string file, string? lines, string? linesProfile, string message)
    {
        using var cli = new CliHarness();
        cli.WriteText("p.csv", "IDENT;CLIENT_CODE;TYPE\r\nP1;C0101;F\r\n");
        cli.WriteText("d.xml", "<documents/>");
        cli.WriteText("lp.json", "{}");
        List<string> args = ["run", "--entity", entity, "--file", file, "--db", cli.Db, "--lang", "en"];
        if (lines is not null)
        {
            args.AddRange(["--lines", lines]);
        }

        if (linesProfile is not null)
        {
            args.AddRange(["--lines-profile", linesProfile]);
        }

        var result = await cli.RunAsync([.. args]);

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Err);
        Assert.False(File.Exists(cli.DbPath));
    }

    [Fact]
    public async Task Run_XmlWithADtd_Exit2SayingSoNothingCreated()
    {
        using var cli = new CliHarness();
        cli.WriteText("d.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n<documents><document ident=\"&lol2;\"/></documents>");

        var result = await cli.RunAsync("run", "--entity", "sales-documents", "--file", "d.xml", "--db", cli.Db, "--lang", "en");

        Assert.Equal(2, result.Exit);
        Assert.Contains("malformed_file", result.Err);
        Assert.Contains("a DTD (<!DOCTYPE ...>), refused", result.Err);
        Assert.Matches(@"cannot be read at line [1-9]", result.Err);
        Assert.False(File.Exists(cli.DbPath));
    }

    [Fact]
    public async Task Template_SalesDocuments_WritesTheHeaderAndTheLinesTemplatesWhichMapWhole()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("template", "--entity", "sales-documents", "--format", "csv", "--out", "pieces.csv", "--lang", "en");
        var simulated = await cli.RunAsync("simulate", "--entity", "sales-documents", "--file", "pieces.csv", "--lines", "pieces-lines.csv", "--db", cli.Db, "--json");

        Assert.Equal(0, result.Exit);
        Assert.StartsWith("Identifiant de la pièce;Code client;Type de pièce", File.ReadAllText(cli.PathOf("pieces.csv")).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith("Identifiant de la pièce;Numéro de ligne;Code article", File.ReadAllText(cli.PathOf("pieces-lines.csv")).TrimStart('\uFEFF'), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(simulated.Out);
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal([("unknown_reference", 2)], Issues(files[0])); // an empty store: the customer CLI0001 is unknown; every column is mapped
        Assert.Equal(("unknown_parent", 2), Issues(files[1])[0]);
    }

    [Fact]
    public async Task Entities_SalesDocuments_ListsItsLinesWithIt()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("entities", "--json");

        using var json = JsonDocument.Parse(result.Out);
        var documents = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "sales-documents");
        var lines = documents.GetProperty("lines");
        Assert.Equal("sales-document-lines", lines.GetProperty("name").GetString());
        Assert.Equal(["header_ident", "line", "article_code", "description", "quantity", "unit_price", "vat_rate"], lines.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("sales-documents.ident", lines.GetProperty("fields")[0].GetProperty("reference").GetString());
    }
}
