using Import.Sdk.Commerce.Tests.Support;
using static Import.Sdk.Commerce.Tests.SalesDocuments.SalesDocumentsData;

namespace Import.Sdk.Commerce.Tests.SalesDocuments;

/// <summary>
/// Seed 001, "pièces de ventes": the PIECES and LIGNES files imported together, each document all or nothing; customers and
/// articles must exist; the type with its French and English names; totals computed from the lines.
/// </summary>
public class SalesDocumentsTests
{
    private static readonly string[] TwoDocuments = ["P1;C1;F;31/01/2025;CMD-1", "P2;C2;devis;01/02/2025;"];

    private static readonly string[] TheirLines = ["P1;A1;Vis;2;10,50;20", "P2;A1;Vis;1;100;20", "P1;A2;Écrou;3;1,25;5,5"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SalesDocuments_ValidPair_EveryRowAcceptedTotalsComputedLinesNumberedInFileOrder(bool execute)
    {
        var store = Store();

        var report = await RunAsync(store, Pair(TwoDocuments, TheirLines), execute);

        ReportAssert.Totals(report, rows: 5, inserted: 5);
        Assert.Empty(report.Issues);
        Assert.Equal(["sales-documents", "sales-document-lines"], report.Files.Select(f => f.Entity));
        if (!execute)
        {
            Assert.Empty(Documents(store));
            return;
        }

        var p1 = Documents(store).Single(d => Equals(d["ident"], "P1"));
        Assert.Equal(("C1", "F", new DateOnly(2025, 1, 31), "CMD-1"), (p1["customer_code"], p1["type"], p1["date"], p1["reference"]));
        Assert.Equal((24.75m, 4.41m, 29.16m), (p1["total_excl_tax"], p1["total_vat"], p1["total_incl_tax"])); // 21 + 3,75; 4,20 + round(0,20625)
        var p2 = Documents(store).Single(d => Equals(d["ident"], "P2"));
        Assert.Equal(("D", 100m, 20m, 120m), (p2["type"], p2["total_excl_tax"], p2["total_vat"], p2["total_incl_tax"]));
        Assert.Equal(
            ["P1/1/A1/2/10.50/20", "P1/2/A2/3/1.25/5.5", "P2/1/A1/1/100/20"],
            Lines(store).Select(l => string.Join('/', l["header_ident"], l["line"], l["article_code"], Invariant(l["quantity"]), Invariant(l["unit_price"]), Invariant(l["vat_rate"]))).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, bool> Rules()
    {
        var data = new TheoryData<string, bool>();
        foreach (var rule in new[] { "unknown_customer", "bad_type", "missing_ident", "unknown_article", "orphan_line", "zero_quantity", "vat_over_100", "bad_number" })
        {
            data.Add(rule, false);
            data.Add(rule, true);
        }

        return data;
    }

    /// <summary>Each rule rejects P2 (its header or a line, and with it the whole document); P1 is imported either way.</summary>
    [Theory]
    [MemberData(nameof(Rules))]
    public async Task SalesDocuments_EachRule_RejectsItsDocumentOnlyInSimulationAndExecution(string rule, bool execute)
    {
        var store = Store();
        string[] pieces = ["P1;C1;F;31/01/2025;", "P2;C2;C;01/02/2025;"];
        string[] lignes = ["P1;A1;Vis;2;10;20", "P2;A1;Vis;1;5;20", "P2;A2;Écrou;1;1;20"];
        (string Code, int Row, string? Field)[] headerErrors, lineErrors;
        switch (rule)
        {
            case "unknown_customer":
                pieces[1] = "P2;C9;C;01/02/2025;";
                (headerErrors, lineErrors) = ([("unknown_reference", 3, "customer_code")], [("unknown_parent", 3, "header_ident"), ("unknown_parent", 4, "header_ident")]);
                break;
            case "bad_type":
                pieces[1] = "P2;C2;X;01/02/2025;";
                (headerErrors, lineErrors) = ([("invalid_enum", 3, "type")], [("unknown_parent", 3, "header_ident"), ("unknown_parent", 4, "header_ident")]);
                break;
            case "missing_ident":
                pieces[1] = ";C2;C;01/02/2025;";
                (headerErrors, lineErrors) = ([("required", 3, "ident")], [("orphan_line", 3, "header_ident"), ("orphan_line", 4, "header_ident")]);
                break;
            case "unknown_article":
                lignes[2] = "P2;A9;Inconnu;1;1;20";
                (headerErrors, lineErrors) = ([("incomplete_document", 3, "ident")], [("incomplete_document", 3, "header_ident"), ("unknown_reference", 4, "article_code")]);
                break;
            case "orphan_line":
                lignes[2] = "P9;A2;Écrou;1;1;20";
                (headerErrors, lineErrors) = ([], [("orphan_line", 4, "header_ident")]);
                break;
            case "zero_quantity":
                lignes[2] = "P2;A2;Écrou;0;1;20";
                (headerErrors, lineErrors) = ([("incomplete_document", 3, "ident")], [("incomplete_document", 3, "header_ident"), ("zero_quantity", 4, "quantity")]);
                break;
            case "vat_over_100":
                lignes[2] = "P2;A2;Écrou;1;1;196";
                (headerErrors, lineErrors) = ([("incomplete_document", 3, "ident")], [("incomplete_document", 3, "header_ident"), ("invalid_number", 4, "vat_rate")]);
                break;
            default:
                lignes[2] = "P2;A2;Écrou;un;1;20";
                (headerErrors, lineErrors) = ([("incomplete_document", 3, "ident")], [("incomplete_document", 3, "header_ident"), ("invalid_number", 4, "quantity")]);
                break;
        }

        var report = await RunAsync(store, Pair(pieces, lignes), execute);

        Assert.Equal(headerErrors, Errors(report.Files[0]));
        Assert.Equal(lineErrors, Errors(report.Files[1]));
        Assert.Equal(rule == "orphan_line" ? 0 : 1, report.Files[0].Totals.Rejected);
        Assert.Equal(execute ? (rule == "orphan_line" ? ["P1", "P2"] : ["P1"]) : [], Documents(store).Select(d => (string)d["ident"]!).Order(StringComparer.Ordinal));
        Assert.Equal(execute ? ["P1"] : [], Lines(store).Where(l => !Equals(l["header_ident"], "P2")).Select(l => (string)l["header_ident"]!));
    }

    [Theory]
    [InlineData("D", "D")]
    [InlineData("devis", "D")]
    [InlineData("Quote", "D")]
    [InlineData("commande", "C")]
    [InlineData("Bon de commande", "C")]
    [InlineData("bon de livraison", "B")]
    [InlineData("BL", "B")]
    [InlineData("facture", "F")]
    [InlineData("Invoice", "F")]
    [InlineData("avoir", "A")]
    [InlineData("credit note", "A")]
    public async Task SalesDocuments_Type_AcceptsTheCodeAndItsFrenchAndEnglishNames(string written, string stored)
    {
        var store = Store();

        var report = await RunAsync(store, Pair([$"P1;C1;{written};;"], ["P1;A1;Vis;1;1;20"]), execute: true);

        Assert.Empty(report.Issues);
        Assert.Equal(stored, Documents(store).Single()["type"]);
    }

    [Fact]
    public async Task SalesDocuments_NegativeQuantityAndFreeTextLines_AreAcceptedAndCounted()
    {
        var store = Store();

        var report = await RunAsync(store, Pair(["A1;C1;avoir;;"], ["A1;A1;Retour vis;-2;10;20", "A1;;Frais de port;1;5;20", "A1;;Merci de votre confiance;;;"]), execute: true);

        Assert.Empty(report.Issues);
        var credit = Documents(store).Single();
        Assert.Equal((-15m, -3m, -18m), (credit["total_excl_tax"], credit["total_vat"], credit["total_incl_tax"]));
        Assert.Equal(3, Lines(store).Count);
    }

    [Fact]
    public async Task SalesDocuments_Reimport_HeadersUnchangedLinesReplacedAndChangedLinesUpdateTheTotals()
    {
        var store = Store();
        await RunAsync(store, Pair(TwoDocuments, TheirLines), execute: true);

        var again = await RunAsync(store, Pair(TwoDocuments, TheirLines), execute: true);
        var changed = await RunAsync(store, Pair(TwoDocuments, ["P1;A1;Vis;4;10,50;20", "P2;A1;Vis;1;100;20"]), execute: true);

        Assert.Equal(new ImportTotals(2, 0, 0, 2, 0), again.Files[0].Totals);
        Assert.Equal(new ImportTotals(2, 0, 1, 1, 0), changed.Files[0].Totals);
        var p1 = Documents(store).Single(d => Equals(d["ident"], "P1"));
        Assert.Equal((42m, 8.4m, 50.4m), (p1["total_excl_tax"], p1["total_vat"], p1["total_incl_tax"]));
        Assert.Equal(2, Lines(store).Count); // P1's stored lines replaced by its one line
    }

    [Fact]
    public async Task SalesDocuments_EnglishMessages_NameTheArticleAndTheRule()
    {
        var report = await RunAsync(Store(), Pair(["P1;C1;F;;"], ["P1;A1;Vis;0;1;20"]), execute: false, CommerceStore.English);

        var issue = report.Files[1].Issues.Single(i => i.Code == "zero_quantity");
        Assert.Contains("'A1'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("other than zero", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SalesDocuments_Sqlite_WritesDocumentsWithTotalsAndReimportIsUnchanged()
    {
        await using var sqlite = await SqliteStore.OpenAsync();
        await sqlite.WithTaxRegimesAsync("FR");
        await sqlite.Pipeline(CommerceEntities.Customers()).ExecuteAsync(new ImportRequest(Csv("clients.csv", "Code client;Raison sociale", "C1;Alpha", "C2;Beta")));
        await sqlite.Pipeline(CommerceEntities.Articles()).ExecuteAsync(new ImportRequest(Csv("articles.csv", "Code article;Désignation", "A1;Vis", "A2;Écrou")));
        var pipeline = sqlite.Pipeline(CommerceEntities.SalesDocuments);

        var first = await pipeline.ExecuteAsync(Pair([.. TwoDocuments, "P3;C9;F;;"], [.. TheirLines, "P3;A1;Vis;1;1;20"]));
        var again = await pipeline.ExecuteAsync(Pair(TwoDocuments, TheirLines));

        Assert.Equal(new ImportTotals(7, 5, 0, 0, 2), first.Totals);
        Assert.Equal(new ImportTotals(2, 0, 0, 2, 0), again.Files[0].Totals);
        var documents = await sqlite.ReadAsync(CommerceEntities.SalesDocuments);
        Assert.Equal(["P1", "P2"], documents.Select(d => (string)d["ident"]!).Order(StringComparer.Ordinal));
        Assert.Equal(29.16m, Convert.ToDecimal(documents.Single(d => Equals(d["ident"], "P1"))["total_incl_tax"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, (await sqlite.ReadAsync(CommerceEntities.SalesDocumentLines)).Count);
    }

    private static string? Invariant(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
}
