using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;
using Import.Sdk.Commerce;

namespace Import.Sdk.Cli.Tests.Samples;

/// <summary>
/// The sample articles, stock and bill of materials files (examples/Articles) through the CLI, into a store with VAT rates and no
/// warehouse: the main warehouse created, a stock record per new article, stock updated only, a composition never duplicated.
/// </summary>
public class ArticlesSampleTests
{
    private static string RepositoryPath(params string[] parts) => Repository.PathOf(parts);

    private static IEnumerable<(int Row, string? Code)> Issues(JsonDocument report) =>
        report.RootElement.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("code").GetString()));

    private static (int Rows, int Inserted, int Updated, int Unchanged, int Rejected) Totals(JsonDocument report)
    {
        var t = report.RootElement.GetProperty("totals");
        return (t.GetProperty("rows").GetInt32(), t.GetProperty("inserted").GetInt32(), t.GetProperty("updated").GetInt32(), t.GetProperty("unchanged").GetInt32(), t.GetProperty("rejected").GetInt32());
    }

    private static async Task<List<object?[]>> ReadAsync(CliHarness cli, ImportEntity entity)
    {
        await using var sink = await Import.Sdk.Sqlite.SqliteSink.OpenAsync(new Import.Sdk.Sqlite.SqliteSinkOptions(cli.DbPath));
        var records = new List<object?[]>();
        await foreach (var r in sink.ReadAllAsync(entity.Schema))
        {
            records.Add(r);
        }

        return records;
    }

    [Fact]
    public async Task Run_SampleArticlesStockAndBom_MainWarehouseStockUpdatedCompositionNeverDuplicated()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("run", "--entity", "vat-rates", "--file", RepositoryPath("examples", "Suppliers", "taux-tva.csv"), "--db", cli.Db)).Exit);

        var simulated = await cli.RunAsync("simulate", "--entity", "articles", "--file", RepositoryPath("examples", "Articles", "articles.csv"), "--db", cli.Db, "--report", "s.json", "--lang", "en");
        var articles = await cli.RunAsync("run", "--entity", "articles", "--file", RepositoryPath("examples", "Articles", "articles.csv"), "--db", cli.Db, "--report", "a.json", "--lang", "en");

        Assert.Equal((1, 1), (simulated.Exit, articles.Exit));
        using (var report = cli.ReadJson("a.json"))
        using (var simulation = cli.ReadJson("s.json"))
        {
            Assert.Equal((10, 5, 0, 0, 5), Totals(report));
            Assert.Equal([(2, "auto_created"), (7, "unknown_reference"), (8, "required"), (9, "duplicate_key"), (10, "invalid_number"), (11, "invalid_number")], Issues(report));
            Assert.Equal(Totals(report), Totals(simulation));
            Assert.Equal(Issues(report), Issues(simulation));
        }

        Assert.Equal(["PRINCIPAL"], (await ReadAsync(cli, CommerceEntities.Warehouses)).Select(w => w[0]));
        Assert.Equal(5, (await ReadAsync(cli, CommerceEntities.Stock)).Count);

        // LYON comes after the articles: it has no stock record of them, so the stock row A001/LYON is not_found.
        Assert.Equal(0, (await cli.RunAsync("run", "--entity", "warehouses", "--file", RepositoryPath("examples", "Suppliers", "depots.csv"), "--db", cli.Db)).Exit);
        var stock = await cli.RunAsync("run", "--entity", "stock", "--file", RepositoryPath("examples", "Articles", "stock.csv"), "--db", cli.Db, "--report", "st.json");
        Assert.Equal(1, stock.Exit);
        using (var report = cli.ReadJson("st.json"))
        {
            Assert.Equal("update", report.RootElement.GetProperty("mode").GetString());
            Assert.Equal((9, 0, 4, 0, 5), Totals(report));
            Assert.Equal([(5, "inconsistent_levels"), (7, "not_found"), (8, "unknown_reference"), (9, "unknown_reference"), (10, "unknown_reference")], Issues(report));
        }

        var a002 = (await ReadAsync(cli, CommerceEntities.Stock)).Single(s => Equals(s[0], "A002"));
        Assert.Equal((1200m, 100m, 2000m), (a002[2], a002[3], a002[4]));
        Assert.Equal(5, (await ReadAsync(cli, CommerceEntities.Stock)).Count);

        var insert = await cli.RunAsync("run", "--entity", "stock", "--file", RepositoryPath("examples", "Articles", "stock.csv"), "--db", cli.Db, "--mode", "insert");
        Assert.Equal(2, insert.Exit);

        for (var run = 0; run < 2; run++)
        {
            var bom = await cli.RunAsync("run", "--entity", "bom", "--file", RepositoryPath("examples", "Articles", "nomenclature.csv"), "--db", cli.Db, "--report", "b.json");
            Assert.Equal(1, bom.Exit);
            using var report = cli.ReadJson("b.json");
            Assert.Equal((8, 5, 0, 0, 3), Totals(report));
            Assert.Equal([(7, "zero_quantity"), (8, "unknown_reference"), (9, "unknown_reference")], Issues(report));
        }

        Assert.Equal(
            ["1  Kit de fixation murale : contenu du carton", "2 A001 Vis inox", "3 A002 Écrous inox", "4 A004 ", "5  Notice de montage incluse"],
            (await ReadAsync(cli, CommerceEntities.Bom)).Select(l => $"{l[1]} {l[2]} {l[4]}").Order(StringComparer.Ordinal));

        var again = await cli.RunAsync("run", "--entity", "articles", "--file", RepositoryPath("examples", "Articles", "articles.csv"), "--db", cli.Db, "--report", "a2.json");
        using (var report = cli.ReadJson("a2.json"))
        {
            Assert.Equal((10, 0, 0, 5, 5), Totals(report));
        }

        Assert.Equal(1, again.Exit);
        Assert.Equal(5, (await ReadAsync(cli, CommerceEntities.Stock)).Count);
    }
}
