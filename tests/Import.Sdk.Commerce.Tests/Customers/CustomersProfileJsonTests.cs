using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>Customers imported with a profile written by hand as JSON (the CLI's <c>--profile</c>).</summary>
public class CustomersProfileJsonTests
{
    [Fact]
    public async Task Execute_FullJsonProfile_Applied()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "groups").Row("C1", "Dupont SA", "Nord");
        var profile = ImportProfile.FromJson("""
            { "entity": "customers", "culture": "fr-FR", "dateFormats": ["dd/MM/yyyy"], "mode": "upsert",
              "columns": { "Code client": "code", "Raison sociale": "name", "Groupes": "groups" },
              "keys": ["code"], "defaults": { "city": "Paris" }, "autoCreate": ["tax_regime"] }
            """);
        var report = await store.ExecuteAsync(csv, profile);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal("Paris", store.Customer("C1")["city"]);
    }

    /// <summary>
    /// Core bug: <see cref="ImportProfile.FromJson"/> leaves <c>Defaults</c> and <c>AutoCreate</c> null when the JSON omits
    /// them (the source-generated deserializer overwrites the property initializers of init-only properties), and
    /// the import then throws <see cref="NullReferenceException"/> in <c>CompiledMapping.Compile</c>.
    /// </summary>
    [Fact]
    public async Task Execute_JsonProfileWithoutDefaultsOrAutoCreate_Applied()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA");
        var profile = ImportProfile.FromJson("""{ "entity": "customers", "columns": { "Code client": "code", "Raison sociale": "name" } }""");
        Assert.NotNull(profile.Defaults);
        Assert.NotNull(profile.AutoCreate);
        var report = await store.ExecuteAsync(csv, profile);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
    }
}
