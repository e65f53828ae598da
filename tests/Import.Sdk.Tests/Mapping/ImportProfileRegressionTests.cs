namespace Import.Sdk.Tests.Mapping;

/// <summary>Regression: a profile JSON that leaves out collections used to load them as null and crash the pipeline.</summary>
public class ImportProfileRegressionTests
{
    [Fact]
    public void FromJson_WithoutDefaultsOrAutoCreate_HasEmptyCollections()
    {
        var profile = ImportProfile.FromJson("""{ "entity": "customers", "columns": { "Code client": "code" } }""");

        Assert.Empty(profile.Defaults);
        Assert.Empty(profile.AutoCreate);
        Assert.Equal("code", profile.Columns["Code client"]);
        Assert.Empty(ImportProfile.FromJson("""{ "entity": "customers" }""").Columns);
        Assert.Empty(ImportProfile.FromJson("""{ "entity": "customers", "columns": null, "defaults": null }""").Columns);
    }

    [Fact]
    public async Task SimulateAsync_ProfileWithoutDefaults_RunsWithoutThrowing()
    {
        var profile = ImportProfile.FromJson("""{ "entity": "accounts", "columns": { "Code": "code", "Nom": "name" } }""");
        var pipeline = Support.Some.Pipeline(new InMemorySink());

        var report = await pipeline.SimulateAsync(new ImportRequest(Support.Some.Csv("Code;Nom\r\nA1;Alpha\r\n")) { Profile = profile });

        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
    }
}
