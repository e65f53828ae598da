using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Warehouses;

/// <summary>Seed 001, warehouses ("dépôts"): code and name required, code unique.</summary>
public class WarehousesEntityTests
{
    private static Task<ImportReport> ImportAsync(InMemorySink sink, string csv) => EntityFile.ExecuteAsync(CommerceEntities.Warehouses, sink, csv);

    [Fact]
    public async Task Execute_FrenchHeaders_Inserted()
    {
        var sink = new InMemorySink();
        var report = await ImportAsync(sink, "Code dépôt;Nom du dépôt\r\nPRINCIPAL;Dépôt principal\r\nLYON;Entrepôt de Lyon\r\n");
        ReportAssert.Totals(report, rows: 2, inserted: 2);
        Assert.Empty(report.Issues);
        Assert.Equal([["PRINCIPAL", "Dépôt principal"], ["LYON", "Entrepôt de Lyon"]], sink.GetRecords("warehouses"));
    }

    [Fact]
    public async Task Execute_SameFileTwice_Unchanged()
    {
        var sink = new InMemorySink();
        const string csv = "Dépôt;Nom du dépôt\r\nPRINCIPAL;Dépôt principal\r\n";
        ReportAssert.Totals(await ImportAsync(sink, csv), rows: 1, inserted: 1);
        var again = await ImportAsync(sink, csv);
        ReportAssert.Totals(again, rows: 1, unchanged: 1);
        Assert.Empty(again.Issues);
    }

    [Fact]
    public async Task Execute_EmptyName_RejectedRequired()
    {
        var report = await ImportAsync(new InMemorySink(), "Code dépôt;Nom du dépôt\r\nPRINCIPAL;\r\nLYON;Lyon\r\n");
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        ReportAssert.SingleError(report, 2, "name", "required");
    }

    [Fact]
    public async Task Execute_EmptyCode_RejectedRequired() =>
        ReportAssert.SingleError(await ImportAsync(new InMemorySink(), "Code dépôt;Nom du dépôt\r\n;Lyon\r\n"), 2, "code", "required");

    [Fact]
    public async Task Execute_NoNameColumn_FileRejectedUnmappedRequiredField()
    {
        var report = await ImportAsync(new InMemorySink(), "Code dépôt;Ville\r\nLYON;Lyon\r\n");
        Assert.True(report.IsFileRejected, ReportAssert.Describe(report));
        Assert.Contains(report.Issues, i => (i.Row, i.Field, i.Code) == (1, "name", "unmapped_required_field"));
    }

    [Fact]
    public async Task Execute_DuplicateCode_SecondRejected() =>
        ReportAssert.SingleError(await ImportAsync(new InMemorySink(), "Code dépôt;Nom du dépôt\r\nLYON;Lyon\r\nLYON;Lyon 2\r\n"), 3, "code", "duplicate_key");

    [Fact]
    public async Task Execute_CodeLongerThan20_RejectedTooLong() =>
        ReportAssert.SingleError(await ImportAsync(new InMemorySink(), $"Code dépôt;Nom du dépôt\r\n{new string('D', 21)};Lyon\r\n"), 2, "code", "too_long");

    [Theory]
    [InlineData("Code dépôt;Nom du dépôt")]
    [InlineData("Dépôt;Libellé")]
    [InlineData("Warehouse code;Warehouse name")]
    public async Task Inspect_Headers_MatchCodeName(string header)
    {
        var inspection = await EntityFile.Pipeline(CommerceEntities.Warehouses, new InMemorySink()).InspectAsync(new InspectRequest(EntityFile.Source(header + "\r\nLYON;Lyon\r\n")));
        Assert.Equal(["code", "name"], inspection.Mapping.Columns.Select(c => c.Field));
    }
}
