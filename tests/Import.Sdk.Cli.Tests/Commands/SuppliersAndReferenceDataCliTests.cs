using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>Suppliers (seed 001), VAT rates and warehouses through the CLI, into the SQLite store.</summary>
public sealed class SuppliersAndReferenceDataCliTests : IDisposable
{
    private const string Suppliers =
        "Code fournisseur;Raison sociale;Régime fiscal;Code banque;Code guichet;Numéro de compte;Clé RIB\n" +
        "F1;Papeterie Martin;;30006;00001;12345678901;89\n" +
        "F2;Durand SA;XYZ;;;;\n" +
        "F3;Petit SARL;FR;30006;00001;12345678901;88\n";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_Suppliers_DefaultRegimeUnknownRegimeRejectedInvalidRibRejected()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("fournisseurs.csv", Suppliers);

        var result = await _cli.RunAsync("run", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--report", "report.json");

        Assert.True(result.Exit == 1, result.ToString());
        using var report = _cli.ReadJson("report.json");
        var root = report.RootElement;
        Assert.Equal("suppliers", root.GetProperty("entity").GetString());
        Assert.Equal((3, 1, 2), Totals(root));
        Assert.Equal(
            [(3, "tax_regime", "XYZ", "unknown_reference", "error"), (4, "rib_key", "88", "invalid_rib", "error")],
            Issues(root));
        var supplier = Assert.Single(await _cli.RecordsAsync("suppliers"));
        Assert.Equal(("F1", "FR", "89"), (supplier["code"], supplier["tax_regime"], supplier["rib_key"]));
        Assert.Equal(1, await _cli.CountAsync("tax-regimes"));
    }

    [Fact]
    public async Task Run_SuppliersWithAutoCreate_RegimeCreatedWithAWarningNamingTheRow()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("fournisseurs.csv", Suppliers);

        var result = await _cli.RunAsync("run", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--auto-create", "tax_regime", "--json", "--lang", "en");

        Assert.True(result.Exit == 1, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal((3, 2, 1), Totals(report.RootElement));
        Assert.Equal(
            [(3, "tax_regime", "XYZ", "auto_created", "warning"), (4, "rib_key", "88", "invalid_rib", "error")],
            Issues(report.RootElement));
        var warning = report.RootElement.GetProperty("issues")[0];
        Assert.Equal("'XYZ' did not exist in tax regimes: it was created.", warning.GetProperty("message").GetString());
        Assert.Equal(["FR", "XYZ"], (await _cli.RecordsAsync("tax-regimes")).Select(r => r["code"]).Order());
        Assert.Equal([("F1", "FR"), ("F2", "XYZ")], (await _cli.RecordsAsync("suppliers")).Select(r => (r["code"], r["tax_regime"])).OrderBy(r => (string?)r.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Simulate_SuppliersWithAutoCreate_SameReportNothingWritten()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("fournisseurs.csv", Suppliers);

        var result = await _cli.RunAsync("simulate", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--auto-create", "tax_regime", "--json");

        Assert.True(result.Exit == 1, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        Assert.True(report.RootElement.GetProperty("simulated").GetBoolean());
        Assert.Equal((3, 2, 1), Totals(report.RootElement));
        Assert.Equal("auto_created", report.RootElement.GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Equal(0, await _cli.CountAsync("suppliers"));
        Assert.Equal(1, await _cli.CountAsync("tax-regimes"));
    }

    [Theory]
    [InlineData("vat-rates", "Code TVA;Libellé;Taux\nTN;Taux normal;20\nTR;Taux réduit;5,5\nEXO;Exonéré;0\n")]
    [InlineData("warehouses", "Code dépôt;Nom du dépôt\nPRINCIPAL;Dépôt principal\nLYON;Entrepôt de Lyon\nLILLE;Dépôt de Lille\n")]
    public async Task Run_ReferenceDataTwice_InsertedThenUnchanged(string entity, string csv)
    {
        _cli.WriteText("data.csv", csv);

        var first = await _cli.RunAsync("run", "--entity", entity, "--file", "data.csv", "--db", _cli.Db, "--json");
        var second = await _cli.RunAsync("run", "--entity", entity, "--file", "data.csv", "--db", _cli.Db, "--json");

        Assert.True(first.Exit == 0, first.ToString());
        Assert.True(second.Exit == 0, second.ToString());
        using var inserted = JsonDocument.Parse(first.Out);
        using var unchanged = JsonDocument.Parse(second.Out);
        var (a, b) = (inserted.RootElement.GetProperty("totals"), unchanged.RootElement.GetProperty("totals"));
        Assert.Equal((3L, 3L, 0L), (a.GetProperty("rows").GetInt64(), a.GetProperty("inserted").GetInt64(), a.GetProperty("unchanged").GetInt64()));
        Assert.Equal((3L, 0L, 0L, 3L), (b.GetProperty("rows").GetInt64(), b.GetProperty("inserted").GetInt64(), b.GetProperty("updated").GetInt64(), b.GetProperty("unchanged").GetInt64()));
        Assert.Equal(0, unchanged.RootElement.GetProperty("issues").GetArrayLength());
        Assert.Equal(3, await _cli.CountAsync(entity));
    }

    [Fact]
    public async Task Run_VatRates_RatesStoredAsDecimals()
    {
        _cli.WriteText("tva.csv", "Code TVA;Libellé;Taux\nTN;Taux normal;20\nTR;Taux réduit;5,5\n");

        var result = await _cli.RunAsync("run", "--entity", "vat-rates", "--file", "tva.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal([("TN", "Taux normal", 20m), ("TR", "Taux réduit", 5.5m)], (await _cli.RecordsAsync("vat-rates")).Select(r => (r["code"], r["label"], r["rate"])).OrderBy(r => (string?)r.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Entities_ListsSuppliersVatRatesAndWarehouses()
    {
        var result = await _cli.RunAsync("entities", "--json");

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["customers", "tax-regimes", "customer-groups", "suppliers", "vat-rates", "warehouses", "invoices", "articles", "stock", "bom", "sales-documents"], names);
        var suppliers = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "suppliers");
        var fields = suppliers.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.True(fields["code"].GetProperty("required").GetBoolean());
        Assert.Equal("tax-regimes.code", fields["tax_regime"].GetProperty("reference").GetString());
        Assert.Equal("Code fournisseur", fields["code"].GetProperty("labelFr").GetString());
    }

    [Theory]
    [InlineData("suppliers", "csv")]
    [InlineData("suppliers", "xlsx")]
    [InlineData("vat-rates", "csv")]
    [InlineData("warehouses", "xlsx")]
    public async Task Template_FilledInAsItIs_ImportsCleanly(string entity, string format)
    {
        await _cli.SeedTaxRegimesAsync();
        var file = "modele." + format;
        Assert.Equal(0, (await _cli.RunAsync("template", "--entity", entity, "--format", format, "--out", file)).Exit);

        var result = await _cli.RunAsync("run", "--entity", entity, "--file", file, "--db", _cli.Db, "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal(1, report.RootElement.GetProperty("totals").GetProperty("inserted").GetInt64());
        Assert.Equal(0, report.RootElement.GetProperty("issues").GetArrayLength());
        Assert.Equal(1, await _cli.CountAsync(entity));
    }

    [Fact]
    public async Task Template_VatRatesArticlesStock_FilledInAsTheyAreImportInTurn()
    {
        foreach (var entity in new[] { "vat-rates", "articles", "stock", "bom" })
        {
            Assert.Equal(0, (await _cli.RunAsync("template", "--entity", entity, "--out", entity + ".csv")).Exit);
        }

        Assert.Equal(["Code article;Désignation;Code TVA;Prix de vente HT;Prix d'achat HT;Unité", "ART0001;Vis inox 4x40 (boîte de 100);TN;12,50;6,80;boîte"], Lines("articles.csv"));
        Assert.Equal(["Code article;Code dépôt;Quantité en stock;Stock minimum;Stock maximum", "ART0001;PRINCIPAL;250;50;500"], Lines("stock.csv"));
        Assert.Equal(["Code article composé;Position;Code composant;Quantité;Commentaire", "KIT0001;1;ART0001;8;Vis du kit"], Lines("bom.csv"));
        Assert.Equal(0, (await _cli.RunAsync("run", "--entity", "vat-rates", "--file", "vat-rates.csv", "--db", _cli.Db)).Exit);
        var articles = await _cli.RunAsync("run", "--entity", "articles", "--file", "articles.csv", "--db", _cli.Db, "--json");
        Assert.True(articles.Exit == 0, articles.ToString());
        using (var report = JsonDocument.Parse(articles.Out))
        {
            Assert.Equal("auto_created", report.RootElement.GetProperty("issues")[0].GetProperty("code").GetString()); // the main warehouse
        }

        var stock = await _cli.RunAsync("run", "--entity", "stock", "--file", "stock.csv", "--db", _cli.Db, "--json");
        Assert.True(stock.Exit == 0, stock.ToString());
        using (var report = JsonDocument.Parse(stock.Out))
        {
            Assert.Equal(1, report.RootElement.GetProperty("totals").GetProperty("updated").GetInt64());
        }
    }

    [Fact]
    public async Task Template_VatRatesAndWarehouses_RealisticExamples()
    {
        Assert.Equal(0, (await _cli.RunAsync("template", "--entity", "vat-rates", "--out", "tva.csv")).Exit);
        Assert.Equal(0, (await _cli.RunAsync("template", "--entity", "warehouses", "--out", "depots.csv")).Exit);

        Assert.Equal(["Code TVA;Libellé;Taux", "TN;Taux normal;20"], Lines("tva.csv"));
        Assert.Equal(["Code dépôt;Nom du dépôt", "PRINCIPAL;Dépôt principal"], Lines("depots.csv"));
    }

    [Fact]
    public async Task Run_ExampleFiles_SuppliersRejectedThenAutoCreatedReferenceDataUnchangedTheSecondTime()
    {
        static string Example(string folder, string name) => Repository.PathOf("examples", folder, name);
        Assert.Equal(0, (await _cli.RunAsync("run", "--entity", "tax-regimes", "--file", Example("Customers", "regimes-fiscaux.csv"), "--db", _cli.Db)).Exit);

        var first = await _cli.RunAsync("run", "--entity", "suppliers", "--file", Example("Suppliers", "fournisseurs.csv"), "--db", _cli.Db, "--json");
        var second = await _cli.RunAsync("run", "--entity", "suppliers", "--file", Example("Suppliers", "fournisseurs.csv"), "--db", _cli.Db, "--auto-create", "tax_regime", "--json");

        Assert.True(first.Exit == 1, first.ToString());
        using (var report = JsonDocument.Parse(first.Out))
        {
            Assert.Equal((6, 3, 3), Totals(report.RootElement));
            Assert.Equal(["unknown_reference", "invalid_rib", "invalid_siren"], report.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
        }

        Assert.True(second.Exit == 1, second.ToString());
        using (var report = JsonDocument.Parse(second.Out))
        {
            Assert.Equal((6, 1, 2), Totals(report.RootElement));
            Assert.Equal(3, report.RootElement.GetProperty("totals").GetProperty("unchanged").GetInt32());
            Assert.Equal((4, "auto_created", "FRANCHISE"), Issue(report.RootElement.GetProperty("issues")[0]));
        }

        foreach (var (entity, file, rows) in new[] { ("vat-rates", "taux-tva.csv", 5), ("warehouses", "depots.csv", 2) })
        {
            Assert.Equal(0, (await _cli.RunAsync("run", "--entity", entity, "--file", Example("Suppliers", file), "--db", _cli.Db)).Exit);
            var again = await _cli.RunAsync("run", "--entity", entity, "--file", Example("Suppliers", file), "--db", _cli.Db, "--json", "--lang", "en");
            Assert.True(again.Exit == 0, again.ToString());
            using var report = JsonDocument.Parse(again.Out);
            Assert.Equal(rows, report.RootElement.GetProperty("totals").GetProperty("unchanged").GetInt32());
        }
    }

    private static (int Row, string? Code, string? Value) Issue(JsonElement issue) =>
        (issue.GetProperty("row").GetInt32(), issue.GetProperty("code").GetString(), issue.GetProperty("value").GetString());

    private string[] Lines(string name) =>
        File.ReadAllText(_cli.PathOf(name)).TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

    private static (int Rows, int Inserted, int Rejected) Totals(JsonElement root)
    {
        var totals = root.GetProperty("totals");
        return (totals.GetProperty("rows").GetInt32(), totals.GetProperty("inserted").GetInt32(), totals.GetProperty("rejected").GetInt32());
    }

    private static (int Row, string? Field, string? Value, string? Code, string? Severity)[] Issues(JsonElement root) =>
        [.. root.GetProperty("issues").EnumerateArray().Select(i => (
            i.GetProperty("row").GetInt32(),
            i.GetProperty("field").GetString(),
            i.GetProperty("value").GetString(),
            i.GetProperty("code").GetString(),
            i.GetProperty("severity").GetString()))];
}
