using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>
/// The sample TXT export of a DOS-era ERP (<c>examples/Customers/clients-erp.txt</c>: tab-separated, OEM code page 850) is
/// detected as such and imported end to end with every accent intact.
/// </summary>
public class CustomersErpExportTests
{
    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Import.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "examples", "Customers", "clients-erp.txt");
            }
        }

        throw new InvalidOperationException("Import.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Execute_SampleCp850Export_DetectedAndImportedWithItsAccents()
    {
        var store = CommerceStore.WithDefaultRegime();

        var report = await store.Pipeline().ExecuteAsync(new ImportRequest(ImportSource.FromFile(SamplePath())));

        ReportAssert.NoErrors(report);
        ReportAssert.Totals(report, rows: 6, inserted: 6);
        Assert.Equal(("csv", "ibm850", "\t"), (report.Source!.Format, report.Source.Encoding, report.Source.Delimiter));
        var c = store.Customer("C1001");
        Assert.Equal(
            ("Société Générale d'Électricité", "12 rue de la Libération", "94000", "Créteil", "FR", 30L, "FR"),
            (c["name"], c["address"], c["postal_code"], c["city"], c["country"], c["payment_terms_days"], c["tax_regime"]));
        Assert.Equal(
            [
                ("C1001", "Société Générale d'Électricité", "Créteil"),
                ("C1002", "Boulangerie Lefèvre & Fils", "Aix-en-Provence"),
                ("C1003", "Hôtel du Château", "Chamonix-Mont-Blanc"),
                ("C1004", "Crêperie à la Côte", "Saint-Malo"),
                ("C1005", "Ébénisterie Garçon", "Lyon"),
                ("C1006", "Caves Mûre et Noël", "Beaune"),
            ],
            store.Customers.Select(s => ((string?)s["code"], (string?)s["name"], (string?)s["city"])).OrderBy(s => s.Item1, StringComparer.Ordinal));
        Assert.Equal(
            ["3 place de l'Église", "5 chemin des Pêcheurs", "22 avenue du Maréchal Foch"],
            new[] { "C1002", "C1003", "C1005" }.Select(code => (string?)store.Customer(code)["address"]));
    }

    [Fact]
    public async Task Inspect_SampleCp850Export_SuggestsTheMappingOfEveryColumn()
    {
        var store = CommerceStore.WithDefaultRegime();

        var inspection = await store.Pipeline().InspectAsync(new InspectRequest(ImportSource.FromFile(SamplePath())));

        Assert.Null(inspection.Problem);
        Assert.Equal("ibm850", inspection.Preview.Source.Encoding);
        Assert.Equal(["Code client", "Raison sociale", "Adresse", "Code postal", "Ville", "Pays", "Délai de paiement"], inspection.Preview.Header);
        Assert.Empty(inspection.Mapping.UnmatchedColumns);
    }
}
