using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Articles;

/// <summary>
/// Seed 001, articles: code and designation required, the VAT rate a known code (or created when the profile allows it), prices
/// at least 0; each new article gets a stock record in every warehouse, and a store with no warehouse gets the main one.
/// </summary>
public class ArticlesTests
{
    private const string Header = "Code article;Désignation;Code TVA;Prix de vente HT;Prix d'achat HT;Unité";

    private static ImportSource Csv(params string[] rows) =>
        ImportSource.FromBytes(Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(Header)) + "\r\n"), "articles.csv");

    private static InMemorySink Store(params string[] warehouses)
    {
        var sink = new InMemorySink();
        sink.Seed(CommerceEntities.VatRates.Schema, ["TN", "Taux normal", 20m], ["TR", "Taux réduit", 5.5m]);
        if (warehouses.Length > 0)
        {
            sink.Seed(CommerceEntities.Warehouses.Schema, [.. warehouses.Select(w => new object?[] { w, "Dépôt " + w })]);
        }

        return sink;
    }

    private static Task<ImportReport> RunAsync(IImportSink sink, bool execute, ImportProfile? profile, params string[] rows) =>
        RunAsync(sink, execute, profile, CommerceEntities.Articles(), null, rows);

    private static Task<ImportReport> RunAsync(IImportSink sink, bool execute, ImportProfile? profile, ImportEntity entity, int? degree, params string[] rows)
    {
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(entity)
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CommerceStore.English, BatchSize = 2, MaxDegreeOfParallelism = degree })
            .Build();
        var request = new ImportRequest(Csv(rows)) { Profile = profile };
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }

    private static IReadOnlyList<(object? Article, object? Warehouse, object? Quantity)> Stock(InMemorySink sink) =>
        [.. EntityFile.Records(sink, CommerceEntities.Stock).Select(s => (s["article_code"], s["warehouse_code"], s["quantity"])).OrderBy(s => ((string)s.Item1!, (string)s.Item2!))];

    [Fact]
    public async Task Execute_FrenchFile_ArticlesWrittenWithTheirValues()
    {
        var sink = Store("PRINCIPAL");
        var report = await RunAsync(sink, execute: true, null, "A1;Vis inox 4x40;TN;1 234,50;6,80;boîte", "A2;Livre;TR;18;;");

        ReportAssert.Totals(report, rows: 2, inserted: 2);
        Assert.Empty(report.Issues);
        var a1 = EntityFile.Records(sink, CommerceEntities.Articles()).Single(a => Equals(a["code"], "A1"));
        Assert.Equal(("Vis inox 4x40", "TN", 1234.50m, 6.80m, "boîte"), (a1["designation"], a1["vat_rate"], a1["sale_price"], a1["purchase_price"], a1["unit"]));
    }

    [Theory]
    [InlineData("Code article;Désignation;Taux de TVA;PV HT;PA HT;Unité")]
    [InlineData("Référence;Libellé;Code TVA;Prix de vente;Prix d'achat;Unité")]
    [InlineData("Item code;Description;VAT code;Sale price;Purchase price;Unit")]
    public async Task Inspect_FrenchAndEnglishHeaders_EveryFieldFound(string header)
    {
        var inspection = await EntityFile.Pipeline(CommerceEntities.Articles(), new InMemorySink()).InspectAsync(new InspectRequest(EntityFile.Source(header + "\r\nA1;Vis;TN;1;1;u\r\n")));
        Assert.Equal(["code", "designation", "vat_rate", "sale_price", "purchase_price", "unit"], inspection.Mapping.Columns.Select(c => c.Field));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_BadRows_EachRejectedWithItsCode(bool execute)
    {
        var sink = Store("PRINCIPAL");
        var report = await RunAsync(sink, execute, null, "A1;Vis;TX;1;1;u", "A2;;TN;1;1;u", "A3;Écrou;TN;-1;1;u", "A4;Cheville;TN;1;abc;u", "A5;Clou;TN;1;1;u", "A5;Clou bis;TN;1;1;u", ";Sans code;TN;1;1;u");

        ReportAssert.Totals(report, rows: 7, inserted: 1, rejected: 6);
        Assert.Equal(
            [(2, "vat_rate", "unknown_reference"), (3, "designation", "required"), (4, "sale_price", "invalid_number"), (5, "purchase_price", "invalid_number"), (7, "code", "duplicate_key"), (8, "code", "required")],
            report.Issues.Select(i => (i.Row, i.Field, i.Code)));
        Assert.Equal(execute ? [("A5", "PRINCIPAL", 0m)] : [], Stock(sink).Select(s => ((string)s.Article!, (string)s.Warehouse!, (decimal)s.Quantity!)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_UnknownVatRateAllowedByTheProfile_CreatedWithAWarning(bool execute)
    {
        var sink = Store("PRINCIPAL");
        var profile = new ImportProfile
        {
            Columns = new Dictionary<string, string>
            {
                ["Code article"] = "code", ["Désignation"] = "designation", ["Code TVA"] = "vat_rate", ["Prix de vente HT"] = "sale_price",
                ["Prix d'achat HT"] = "purchase_price", ["Unité"] = "unit",
            },
            AutoCreate = ["vat_rate"],
        };
        var report = await RunAsync(sink, execute, profile, "A1;Vis;TX;1;1;u");

        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal((2, "vat_rate", "auto_created"), report.Issues.Select(i => (i.Row, i.Field, i.Code)).Single());
        Assert.Equal(execute, sink.GetRecords("vat-rates").Any(r => Equals(r[0], "TX")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_NewArticles_OneStockRecordPerWarehouse(bool execute)
    {
        var sink = Store("PRINCIPAL", "LYON");
        var report = await RunAsync(sink, execute, null, "A1;Vis;TN;1;1;u", "A2;Écrou;TN;1;1;u", "A3;Clou;TN;1;1;u");

        ReportAssert.Totals(report, rows: 3, inserted: 3);
        Assert.Empty(report.Issues);
        Assert.Equal(
            execute ? [("A1", "LYON", 0m), ("A1", "PRINCIPAL", 0m), ("A2", "LYON", 0m), ("A2", "PRINCIPAL", 0m), ("A3", "LYON", 0m), ("A3", "PRINCIPAL", 0m)] : [],
            Stock(sink).Select(s => ((string)s.Article!, (string)s.Warehouse!, (decimal)s.Quantity!)));
        Assert.Equal(2, sink.GetRecords("warehouses").Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_NoWarehouse_MainWarehouseCreatedOnceSaidOnTheFirstRowAndStockedIn(bool execute)
    {
        var sink = Store();
        var report = await RunAsync(sink, execute, null, "A1;;TN;1;1;u", "A2;Vis;TN;1;1;u", "A3;Écrou;TN;1;1;u", "A4;Clou;TN;1;1;u");

        ReportAssert.Totals(report, rows: 4, inserted: 3, rejected: 1);
        var warning = report.Issues.Single(i => i.Code == "auto_created");
        Assert.Equal((3, "code", "PRINCIPAL", IssueSeverity.Warning), (warning.Row, warning.Field, warning.Value, warning.Severity));
        Assert.Contains("PRINCIPAL", warning.Message, StringComparison.Ordinal);
        Assert.Equal(execute ? [["PRINCIPAL", "Dépôt principal"]] : [], sink.GetRecords("warehouses"));
        Assert.Equal(execute ? [("A2", "PRINCIPAL", 0m), ("A3", "PRINCIPAL", 0m), ("A4", "PRINCIPAL", 0m)] : [], Stock(sink).Select(s => ((string)s.Article!, (string)s.Warehouse!, (decimal)s.Quantity!)));
    }

    [Fact]
    public async Task Import_NoWarehouseFrenchMessages_MainWarehouseOfTheOptionsNamed()
    {
        var sink = Store();
        var entity = CommerceEntities.Articles(new CommerceOptions { MainWarehouseCode = "DEP01", MainWarehouseName = "Magasin" });
        var report = await EntityFile.ExecuteAsync(entity, sink, Header + "\r\nA1;Vis;TN;1;1;u\r\n");

        var warning = Assert.Single(report.Issues);
        Assert.Equal("Aucun dépôt n'existe : le dépôt principal « DEP01 » (Magasin) est créé, et le stock des nouveaux articles y est créé.", warning.Message);
        Assert.Equal([["DEP01", "Magasin"]], sink.GetRecords("warehouses"));
        Assert.Equal([("A1", "DEP01", 0m)], Stock(sink).Select(s => ((string)s.Article!, (string)s.Warehouse!, (decimal)s.Quantity!)));
    }

    [Fact]
    public void Articles_MainWarehouseCodeTooLong_Throws() =>
        Assert.Throws<ArgumentException>(() => CommerceEntities.Articles(new CommerceOptions { MainWarehouseCode = new string('D', 21) }));

    [Fact]
    public async Task Simulate_EqualsExecute_NoWarehouse()
    {
        string[] rows = ["A1;Vis;TN;1;1;u", "A2;;TN;1;1;u", "A3;Écrou;TX;1;1;u", "A4;Clou;TN;1;1;u"];
        var simulated = await RunAsync(Store(), execute: false, null, rows);
        var executed = await RunAsync(Store(), execute: true, null, rows);

        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Equal(executed.Issues, simulated.Issues);
    }

    [Fact]
    public async Task Execute_DegreeOneAndFour_SameReportAndStock()
    {
        string[] rows = [.. Enumerable.Range(1, 40).Select(i => i % 7 == 0 ? $"A{i};;TN;1;1;u" : $"A{i};Article {i};TN;{i},5;1;u")];
        var one = Store();
        var four = Store();
        var r1 = await RunAsync(one, execute: true, null, CommerceEntities.Articles(), 1, rows);
        var r4 = await RunAsync(four, execute: true, null, CommerceEntities.Articles(), 4, rows);

        Assert.Equal(r1.Totals, r4.Totals);
        Assert.Equal(r1.Issues, r4.Issues);
        Assert.Equal(Stock(one), Stock(four));
    }

    [Fact]
    public async Task Execute_SameFileTwice_SecondUnchangedNoSecondStockRecord()
    {
        var sink = Store("PRINCIPAL", "LYON");
        string[] rows = ["A1;Vis;TN;1;1;u", "A2;Écrou;TN;2;1;u"];
        await RunAsync(sink, execute: true, null, rows);
        var writes = sink.WriteCount;

        var again = await RunAsync(sink, execute: true, null, rows);

        ReportAssert.Totals(again, rows: 2, unchanged: 2);
        Assert.Equal(writes, sink.WriteCount);
        Assert.Equal(4, Stock(sink).Count);
    }

    [Fact]
    public async Task Execute_UpdatedArticle_NoNewStockRecordEvenInANewWarehouse()
    {
        var sink = Store("PRINCIPAL");
        await RunAsync(sink, execute: true, null, "A1;Vis;TN;1;1;u");
        sink.Seed(CommerceEntities.Warehouses.Schema, ["LYON", "Lyon"]);

        var report = await RunAsync(sink, execute: true, null, "A1;Vis inox;TN;1;1;u", "A2;Écrou;TN;1;1;u");

        ReportAssert.Totals(report, rows: 2, inserted: 1, updated: 1);
        Assert.Equal([("A1", "PRINCIPAL", 0m), ("A2", "LYON", 0m), ("A2", "PRINCIPAL", 0m)], Stock(sink).Select(s => ((string)s.Article!, (string)s.Warehouse!, (decimal)s.Quantity!)));
    }

    [Fact]
    public async Task Execute_SinkThatCannotReadWholeEntities_NotSupportedNamingTheMethod()
    {
        var sink = new LookupOnlySink(Store("PRINCIPAL"));
        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => RunAsync(sink, execute: true, null, "A1;Vis;TN;1;1;u"));
        Assert.Contains("ReadAllAsync", ex.Message, StringComparison.Ordinal);
        Assert.Contains("warehouses", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_Sqlite_NoWarehouseThenAgain_MainWarehouseAndOneStockRecordPerArticle(bool execute)
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.Pipeline(CommerceEntities.VatRates).ExecuteAsync(new ImportRequest(EntityFile.Source("Code TVA;Libellé;Taux\r\nTN;Taux normal;20\r\n")));
        string[] rows = ["A1;Vis;TN;1;1;u", "A2;Écrou;TX;1;1;u", "A3;Clou;TN;1;1;u"];

        var report = await RunAsync(store.Sink, execute, null, rows);
        var again = await RunAsync(store.Sink, execute, null, rows);

        ReportAssert.Totals(report, rows: 3, inserted: 2, rejected: 1);
        Assert.Equal([(2, "auto_created"), (3, "unknown_reference")], report.Issues.Select(i => (i.Row, i.Code)));
        Assert.Equal(execute ? 2 : 0, (await store.ReadAsync(CommerceEntities.Stock)).Count);
        Assert.Equal(execute ? ["PRINCIPAL"] : [], (await store.ReadAsync(CommerceEntities.Warehouses)).Select(w => (string)w["code"]!));
        if (execute)
        {
            ReportAssert.Totals(again, rows: 3, unchanged: 2, rejected: 1);
            Assert.DoesNotContain(again.Issues, i => i.Code == "auto_created");
        }
    }

    [Fact]
    public async Task Set_WarehousesThenArticles_SimulationStocksInThePlannedWarehousesAsTheExecution()
    {
        async Task<(string Reports, int Stock)> RunSetAsync(bool execute)
        {
            var sink = Store();
            var set = new ImportSet([CommerceEntities.Warehouses, CommerceEntities.Articles()]);
            var reports = new List<ImportReport>();
            foreach (var (entity, csv) in new[] { (CommerceEntities.Warehouses, "Code dépôt;Nom du dépôt\r\nPRINCIPAL;Principal\r\nLYON;Lyon\r\n"), (CommerceEntities.Articles(), Header + "\r\nA1;Vis;TN;1;1;u\r\nA2;Écrou;TN;1;1;u\r\n") })
            {
                var pipeline = EntityFile.Pipeline(entity, sink);
                var request = new ImportRequest(EntityFile.Source(csv)) { Set = set };
                reports.Add(execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request));
            }

            return (string.Join(" / ", reports.Select(r => $"{r.Totals} {string.Join(",", r.Issues.Select(i => i.Code))}")), Stock(sink).Count);
        }

        var simulated = await RunSetAsync(execute: false);
        var executed = await RunSetAsync(execute: true);

        Assert.Equal(executed.Reports, simulated.Reports);
        Assert.DoesNotContain("auto_created", simulated.Reports, StringComparison.Ordinal); // the warehouses file comes first: no main warehouse
        Assert.Equal((0, 4), (simulated.Stock, executed.Stock));
    }

    private sealed class LookupOnlySink(IImportSink inner) : IImportSink
    {
        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            inner.LookupAsync(schema, keyFields, keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);
    }
}
