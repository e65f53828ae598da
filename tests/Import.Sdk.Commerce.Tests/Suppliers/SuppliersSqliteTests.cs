using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Suppliers;

/// <summary>Suppliers on the embedded SQLite store: the tax regime rules and a re-import.</summary>
public class SuppliersSqliteTests
{
    [Fact]
    public async Task Execute_SuppliersOnSqlite_DefaultRegimeUnknownRejectedThenAutoCreatedAndReimportUnchanged()
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        var pipeline = store.Pipeline(CommerceEntities.Suppliers());
        var source = ImportSource.FromBytes(Encoding.UTF8.GetBytes("Code fournisseur;Raison sociale;Régime fiscal\r\nF1;Martin;\r\nF2;Durand;XYZ\r\n"), "fournisseurs.csv");

        var rejected = await pipeline.ExecuteAsync(new ImportRequest(source));
        ReportAssert.Totals(rejected, rows: 2, inserted: 1, rejected: 1);
        ReportAssert.SingleError(rejected, 3, "tax_regime", "unknown_reference");

        var profile = new ImportProfile
        {
            Columns = new Dictionary<string, string> { ["Code fournisseur"] = "code", ["Raison sociale"] = "name", ["Régime fiscal"] = "tax_regime" },
            AutoCreate = ["tax_regime"],
        };
        var created = await pipeline.ExecuteAsync(new ImportRequest(source) { Profile = profile });
        ReportAssert.Totals(created, rows: 2, inserted: 1, unchanged: 1);
        Assert.Equal((3, "auto_created"), (Assert.Single(created.Issues).Row, created.Issues[0].Code));
        Assert.Equal(["FR", "XYZ"], (await store.ReadAsync(CommerceEntities.TaxRegimes)).Select(t => t["code"]));
        Assert.Equal([("F1", "FR"), ("F2", "XYZ")], (await store.ReadAsync(CommerceEntities.Suppliers())).Select(s => (s["code"], s["tax_regime"])).OrderBy(s => (string?)s.Item1, StringComparer.Ordinal));

        var again = await pipeline.ExecuteAsync(new ImportRequest(source) { Profile = profile });
        ReportAssert.Totals(again, rows: 2, unchanged: 2);
        Assert.Empty(again.Issues);
    }
}
