using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>The customers rules on the embedded SQLite store: what is written, read back, and re-imported.</summary>
public class CustomersSqliteTests
{
    private static readonly string[] AllFields = [.. CustomersCsv.Headers.Keys];

    [Fact]
    public async Task Execute_FullCustomerOnSqlite_EveryValueReadBackThenReimportUnchanged()
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        var csv = CustomersCsv.Columns(AllFields)
            .Row(
                "C1", "Dupont SA", "411000", "732 829 320", "732 829 320 00074", "FR 44 732829320", "12 rue de la Paix", "75002", "Paris", "Île-de-France", "France",
                "anne@dupont.fr", "Standard", "30", "virement", null, Ids.LetterBank, Ids.LetterBranch, Ids.LetterAccount, Ids.LetterKey, "FR14 2004 1010 0505 0001 3M02 606", "BNPAFRPP",
                "Nord, Sud", null, null, "10 000,50", "5 000", "0");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 1, inserted: 1);

        var c = await store.CustomerAsync("C1");
        Assert.Equal(
            new object?[]
            {
                "C1", "Dupont SA", "411000", "732829320", "73282932000074", "FR44732829320", "12 rue de la Paix", "75002", "Paris", "Île-de-France", "FR",
                "anne@dupont.fr", "Standard", 30L, "VIREMENT", "FR", "20041", "01005", "0500013M026", "06", "FR1420041010050500013M02606", "BNPAFRPP",
                "Nord,Sud", null, null, 10000.50m, 5000m, 0m,
            },
            c.Values);
        Assert.Equal(2, await store.Sink.CountAsync("customer-groups"));

        var again = await store.ExecuteAsync(csv);
        ReportAssert.Totals(again, rows: 1, unchanged: 1);
        Assert.Empty(again.Issues);
    }

    [Fact]
    public async Task Execute_ProtectedFieldsOnSqlite_SetOnInsertKeptOnUpdate()
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        string[] columns = ["code", "name", "city", "credit_limit", "insurer_guarantee", "other_guarantees"];
        await store.ExecuteAsync(CustomersCsv.Columns(columns).Row("C1", "Dupont SA", "Paris", "10 000", "8 000", "1 500"));
        var report = await store.ExecuteAsync(CustomersCsv.Columns(columns).Row("C1", "Dupont SA", "Lille", "1", "2", "3"));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        var c = await store.CustomerAsync("C1");
        Assert.Equal(("Lille", 10000m, 8000m, 1500m), (c["city"], c["credit_limit"], c["insurer_guarantee"], c["other_guarantees"]));

        report = await store.ExecuteAsync(CustomersCsv.Columns(columns).Row("C1", "Dupont SA", "Lille", "5", "5", "5"));
        ReportAssert.Totals(report, rows: 1, unchanged: 1);
    }

    [Fact]
    public async Task Execute_SubsidiariesOnSqlite_ParentsInStoreByCodeAndNameAndLaterInFile()
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("G0", "Groupe Ancien"));

        var csv = CustomersCsv.Columns("code", "name", "parent_code", "parent_name")
            .Row("C1", "Ancien Lyon", "G0", null)
            .Row("C2", "Ancien Nice", null, "Groupe Ancien")
            .Row("C3", "Dupont Lille", "G1", null)
            .Row("C4", "Dupont Lens", null, "Groupe Dupont")
            .Row("G1", "Groupe Dupont", null, null)
            .Row("C5", "Orphelin", "G9", null);
        var report = await store.ExecuteAsync(csv, batchSize: 2);
        ReportAssert.Totals(report, rows: 6, inserted: 5, rejected: 1);
        ReportAssert.SingleError(report, 7, "parent_code", "unknown_parent");
        Assert.Equal(6, await store.Sink.CountAsync("customers"));
    }

    [Fact]
    public async Task Execute_UnknownRegimeOnSqlite_RejectedThenAutoCreated()
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        var csv = CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", "XYZ").Row("C2", "Martin", "XYZ");

        var rejected = await store.ExecuteAsync(csv);
        ReportAssert.Totals(rejected, rows: 2, rejected: 2);
        Assert.Equal(1, await store.Sink.CountAsync("tax-regimes"));

        var created = await store.ExecuteAsync(csv, csv.Profile("tax_regime"));
        ReportAssert.Totals(created, rows: 2, inserted: 2);
        Assert.Single(created.Issues, i => i.Code == "auto_created");
        Assert.Equal(["FR", "XYZ"], (await store.ReadAsync(CommerceEntities.TaxRegimes)).Select(t => t["code"]));
    }

    [Fact]
    public async Task Execute_NoCodeColumnOnSqlite_NameIdentifiesTheCustomer()
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "city").Row("C1", "Dupont SA", "Paris"));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("name", "city").Row("Dupont SA", "Lille").Row("Martin", "Lyon"));
        ReportAssert.Totals(report, rows: 2, inserted: 1, updated: 1);
        var c = await store.CustomerAsync("C1");
        Assert.Equal("Lille", c["city"]);
    }

    [Fact]
    public async Task Execute_ModesOnSqlite_AlreadyExistsAndNotFound()
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA"));
        var csv = CustomersCsv.Columns("code", "name").Row("C1", "Dupont SARL").Row("C2", "Martin");
        ReportAssert.SingleError(await store.ExecuteAsync(csv, mode: ImportMode.Insert), 2, "code", "already_exists");
        var update = CustomersCsv.Columns("code", "name").Row("C1", "Dupont SARL").Row("C3", "Durand");
        ReportAssert.SingleError(await store.ExecuteAsync(update, mode: ImportMode.Update), 3, "code", "not_found");
        Assert.Equal("Dupont SARL", (await store.CustomerAsync("C1"))["name"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(2000)]
    public async Task Simulate_RandomTableOnSqlite_SameReportAsExecuteNothingWritten(int batchSize)
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        var table = CustomersTable.Generate(seed: 20240229 + batchSize, count: 30, corrupt: true);

        var simulated = await store.SimulateAsync(table.Csv, batchSize: batchSize);
        Assert.Equal(0, await store.Sink.CountAsync("customers"));
        Assert.Equal(0, await store.Sink.CountAsync("customer-groups"));
        var executed = await store.ExecuteAsync(table.Csv, batchSize: batchSize);
        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Equal(executed.Issues, simulated.Issues);
        Assert.Equal(30 - table.ExpectedRejectedCodes.Count, await store.Sink.CountAsync("customers"));

        var again = await store.ExecuteAsync(table.Csv, batchSize: batchSize);
        Assert.Equal(executed.Totals.Inserted, again.Totals.Unchanged);
        Assert.Equal(executed.Totals.Rejected, again.Totals.Rejected);
    }
}
