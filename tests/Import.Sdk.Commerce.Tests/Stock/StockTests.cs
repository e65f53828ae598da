using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Stock;

/// <summary>
/// Seed 001, stock: never inserted, only updated — article and warehouse required and known, the stock record (made by the articles
/// import) must exist; quantity, minimum and maximum levels set; the minimum above the maximum refused.
/// </summary>
public class StockTests
{
    private const string Header = "Code article;Code dépôt;Quantité;Stock mini;Stock maxi";

    private static ImportSource Csv(params string[] rows) =>
        ImportSource.FromBytes(Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(Header)) + "\r\n"), "stock.csv");

    /// <summary>Articles A1, A2 (A2 without stock in LYON, a warehouse created after it), warehouses PRINCIPAL and LYON.</summary>
    private static InMemorySink Store()
    {
        var sink = new InMemorySink();
        sink.Seed(CommerceEntities.Articles().Schema, ["A1", "Vis", null, null, null, null], ["A2", "Écrou", null, null, null, null]);
        sink.Seed(CommerceEntities.Warehouses.Schema, ["PRINCIPAL", "Dépôt principal"], ["LYON", "Lyon"]);
        sink.Seed(CommerceEntities.Stock.Schema, ["A1", "PRINCIPAL", 0m, null, null], ["A1", "LYON", 0m, null, null], ["A2", "PRINCIPAL", 0m, null, null]);
        return sink;
    }

    private static Task<ImportReport> RunAsync(IImportSink sink, bool execute, ImportMode? mode, params string[] rows)
    {
        var pipeline = EntityFile.Pipeline(CommerceEntities.Stock, sink, CommerceStore.English);
        var request = new ImportRequest(Csv(rows)) { Mode = mode };
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }

    private static IReadOnlyList<(object?, object?, object?, object?, object?)> Stock(InMemorySink sink) =>
        [.. EntityFile.Records(sink, CommerceEntities.Stock).Select(s => (s["article_code"], s["warehouse_code"], s["quantity"], s["min_level"], s["max_level"]))];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_ExistingStock_UpdatedWithFrenchNumbers(bool execute)
    {
        var sink = Store();
        var report = await RunAsync(sink, execute, null, "A1;PRINCIPAL;1 250,5;10;2 000", "A2;PRINCIPAL;3;;");

        ReportAssert.Totals(report, rows: 2, updated: 2);
        Assert.Equal(ImportMode.Update, report.Mode);
        Assert.Empty(report.Issues);
        Assert.Equal(
            execute
                ? [("A1", "PRINCIPAL", 1250.5m, 10m, 2000m), ("A1", "LYON", 0m, null, null), ("A2", "PRINCIPAL", 3m, null, null)]
                : [("A1", "PRINCIPAL", 0m, null, null), ("A1", "LYON", 0m, null, null), ("A2", "PRINCIPAL", 0m, null, null)],
            Stock(sink));
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(true, ImportMode.Upsert)]
    [InlineData(true, ImportMode.Update)]
    public async Task Import_BadRows_EachRejectedWithItsCodeNothingInserted(bool execute, ImportMode? mode)
    {
        var sink = Store();
        var report = await RunAsync(sink, execute, mode, "A2;LYON;5;;", "A9;PRINCIPAL;5;;", "A1;NANTES;5;;", ";PRINCIPAL;5;;", "A1;;5;;", "A1;PRINCIPAL;5;20;10", "A2;PRINCIPAL;x;;", "A1;LYON;7;;");

        ReportAssert.Totals(report, rows: 8, updated: 1, rejected: 7);
        Assert.Equal(
            [(2, "article_code", "not_found"), (3, "article_code", "unknown_reference"), (4, "warehouse_code", "unknown_reference"), (5, "article_code", "required"), (6, "warehouse_code", "required"), (7, "min_level", "inconsistent_levels"), (8, "quantity", "invalid_number")],
            report.Issues.Select(i => (i.Row, i.Field, i.Code)));
        Assert.Equal(3, sink.GetRecords("stock").Count);
    }

    [Fact]
    public async Task Import_InsertMode_RefusedBeforeAnyRowNothingWritten()
    {
        var sink = Store();
        var report = await RunAsync(sink, execute: true, ImportMode.Insert, "A1;PRINCIPAL;5;;");

        var issue = Assert.Single(report.Issues);
        Assert.Equal((1, "invalid_profile", IssueSeverity.Error), (issue.Row, issue.Code, issue.Severity));
        Assert.Contains("update", issue.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.Totals.Updated + report.Totals.Inserted);
        Assert.Equal(0, sink.BatchCount);
    }

    [Fact]
    public async Task Import_ProfileModeInsert_RefusedInFrench()
    {
        var report = await EntityFile.ExecuteAsync(CommerceEntities.Stock, Store(), Header + "\r\nA1;PRINCIPAL;5;;\r\n", new ImportProfile { Mode = "insert", Columns = new Dictionary<string, string> { ["Code article"] = "article_code", ["Code dépôt"] = "warehouse_code", ["Quantité"] = "quantity" } });

        var issue = Assert.Single(report.Issues, i => i.Code == "invalid_profile");
        Assert.Equal("Les enregistrements de « stock » sont seulement mis à jour, jamais insérés : importez-les en mode update (le mode par défaut), pas en mode insert.", issue.Message);
    }

    [Fact]
    public async Task Execute_SameFileTwice_SecondUnchangedWritesNothing()
    {
        var sink = Store();
        await RunAsync(sink, execute: true, null, "A1;PRINCIPAL;5;1;9", "A2;PRINCIPAL;2;;");
        var batches = sink.BatchCount;

        var again = await RunAsync(sink, execute: true, null, "A1;PRINCIPAL;5;1;9", "A2;PRINCIPAL;2;;");

        ReportAssert.Totals(again, rows: 2, unchanged: 2);
        Assert.Equal(batches, sink.BatchCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_Sqlite_AfterTheArticlesImport_StockUpdatedUnknownAndMissingRefused(bool execute)
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.Pipeline(CommerceEntities.VatRates).ExecuteAsync(new ImportRequest(EntityFile.Source("Code TVA;Libellé;Taux\r\nTN;Taux normal;20\r\n")));
        await store.Pipeline(CommerceEntities.Articles()).ExecuteAsync(new ImportRequest(EntityFile.Source("Code article;Désignation;Code TVA\r\nA1;Vis;TN\r\nA2;Écrou;TN\r\n")));
        await store.Pipeline(CommerceEntities.Warehouses).ExecuteAsync(new ImportRequest(EntityFile.Source("Code dépôt;Nom du dépôt\r\nLYON;Lyon\r\n")));

        var pipeline = store.Pipeline(CommerceEntities.Stock, CommerceStore.English);
        var request = new ImportRequest(Csv("A1;PRINCIPAL;12,5;2;20", "A2;LYON;1;;", "A3;PRINCIPAL;1;;"));
        var report = execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request);

        ReportAssert.Totals(report, rows: 3, updated: 1, rejected: 2);
        Assert.Equal([(3, "not_found"), (4, "unknown_reference")], report.Issues.Select(i => (i.Row, i.Code)));
        var a1 = (await store.ReadAsync(CommerceEntities.Stock)).Single(s => Equals(s["article_code"], "A1"));
        Assert.Equal(execute ? (12.5m, 2m, 20m) : (0m, null, null), (a1["quantity"], a1["min_level"], a1["max_level"]));
        Assert.Equal(2, (await store.ReadAsync(CommerceEntities.Stock)).Count);
    }
}
