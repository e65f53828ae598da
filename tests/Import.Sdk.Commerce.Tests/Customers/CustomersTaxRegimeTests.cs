using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>Seed 001: an empty tax regime gets the default one; an unknown regime rejects the customer unless the profile allows its creation.</summary>
public class CustomersTaxRegimeTests
{
    [Fact]
    public async Task Execute_NoTaxRegimeColumn_DefaultFR()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA"));
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal("FR", store.Customer("C1")["tax_regime"]);
    }

    [Fact]
    public async Task Execute_EmptyTaxRegimeCell_DefaultFR()
    {
        var store = CommerceStore.WithDefaultRegime().WithTaxRegimes("EXO");
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", null).Row("C2", "Martin", "EXO"));
        ReportAssert.Totals(report, rows: 2, inserted: 2);
        Assert.Equal("FR", store.Customer("C1")["tax_regime"]);
        Assert.Equal("EXO", store.Customer("C2")["tax_regime"]);
    }

    [Fact]
    public async Task Execute_DefaultRegimeMissingFromStore_RejectedUnknownReference()
    {
        var store = new CommerceStore();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA"));
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "tax_regime", "unknown_reference");
        Assert.Equal("FR", issue.Value);
        Assert.Equal("« FR » n'existe pas dans régimes fiscaux : créez-le d'abord, ou autorisez la création automatique de « tax_regime » dans le profil.", issue.Message);
        Assert.Empty(store.Customers);
    }

    [Fact]
    public async Task Execute_UnknownRegimeWithoutAutoCreate_CustomerNotImported()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", "XYZ").Row("C2", "Martin", "FR");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "tax_regime", "unknown_reference");
        Assert.Equal(("Régime fiscal", "XYZ"), (issue.Column, issue.Value));
        Assert.Equal(["FR"], store.TaxRegimes.Select(t => t["code"]));
        Assert.Equal(["C2"], store.Customers.Select(c => c["code"]));
    }

    [Fact]
    public async Task Execute_UnknownRegimeWithAutoCreate_RegimeCreatedOnceWithWarning()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "tax_regime")
            .Row("C1", "Dupont SA", "XYZ")
            .Row("C2", "Martin", "XYZ")
            .Row("C3", "Durand", "FR");
        var report = await store.ExecuteAsync(csv, csv.Profile("tax_regime"));
        ReportAssert.Totals(report, rows: 3, inserted: 3);
        var warning = Assert.Single(report.Issues);
        Assert.Equal((2, "tax_regime", "XYZ", "auto_created", IssueSeverity.Warning), (warning.Row, warning.Field, warning.Value, warning.Code, warning.Severity));
        Assert.Equal("« XYZ » n'existait pas dans régimes fiscaux : il a été créé.", warning.Message);
        Assert.Equal(["FR", "XYZ"], store.TaxRegimes.Select(t => t["code"]));
        Assert.Equal(["XYZ", "XYZ", "FR"], store.Customers.Select(c => c["tax_regime"]));
    }

    [Fact]
    public async Task Execute_AutoCreateJsonProfile_RegimeCreated()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", "EXPORT");
        var profile = ImportProfile.FromJson("""
            { "entity": "customers", "columns": { "Code client": "code", "Raison sociale": "name", "Régime fiscal": "tax_regime" },
              "defaults": {}, "autoCreate": ["tax_regime"] }
            """);
        var report = await store.ExecuteAsync(csv, profile);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        ReportAssert.Issue(report, 2, "auto_created");
        Assert.Contains(store.TaxRegimes, t => Equals(t["code"], "EXPORT"));
    }

    [Fact]
    public async Task Execute_DefaultRegimeMissingWithAutoCreate_DefaultCreated()
    {
        var store = new CommerceStore();
        var csv = CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA").Row("C2", "Martin");
        var report = await store.ExecuteAsync(csv, csv.Profile("tax_regime"));
        ReportAssert.Totals(report, rows: 2, inserted: 2);
        Assert.Equal("FR", ReportAssert.Issue(report, 2, "auto_created").Value);
        Assert.Equal(["FR"], store.TaxRegimes.Select(t => t["code"]));
    }

    [Fact]
    public async Task Simulate_AutoCreate_SameReportNothingWritten()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", "XYZ").Row("C2", "Martin", "XYZ");
        var simulated = await store.SimulateAsync(csv, csv.Profile("tax_regime"));
        Assert.Equal(["FR"], store.TaxRegimes.Select(t => t["code"]));
        Assert.Empty(store.Customers);
        var executed = await store.ExecuteAsync(csv, csv.Profile("tax_regime"));
        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Equal(executed.Issues, simulated.Issues);
    }

    [Fact]
    public async Task Execute_OptionsDefaultRegime_UsedForEmptyRegimes()
    {
        var store = new CommerceStore().WithTaxRegimes("EXO");
        var entity = CommerceEntities.Customers(new CommerceOptions { DefaultTaxRegime = "EXO" });
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", null), entity: entity);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal("EXO", store.Customer("C1")["tax_regime"]);
    }

    [Fact]
    public async Task Execute_OptionsDefaultRegimeMissing_RejectedUnknownReferenceNamingIt()
    {
        var store = CommerceStore.WithDefaultRegime();
        var entity = CommerceEntities.Customers(new CommerceOptions { DefaultTaxRegime = "EXO" });
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA"), entity: entity);
        Assert.Equal("EXO", ReportAssert.SingleError(report, 2, "tax_regime", "unknown_reference").Value);
    }

    [Fact]
    public async Task Execute_NoDefaultRegime_EmptyRegimeStaysEmpty()
    {
        var store = new CommerceStore();
        var entity = CommerceEntities.Customers(new CommerceOptions { DefaultTaxRegime = "" });
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA"), entity: entity);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Null(store.Customer("C1")["tax_regime"]);
    }

    [Fact]
    public async Task Execute_ProfileDefaultRegime_OverridesTheEntityDefault()
    {
        var store = new CommerceStore().WithTaxRegimes("EXO");
        var csv = CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA");
        var report = await store.ExecuteAsync(csv, csv.Profile() with { Defaults = new Dictionary<string, string> { ["tax_regime"] = "EXO" } });
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal("EXO", store.Customer("C1")["tax_regime"]);
    }

    [Fact]
    public async Task Execute_TaxRegimeLongerThanACode_RejectedTooLong()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", "EXONERATION"));
        ReportAssert.SingleError(report, 2, "tax_regime", "too_long");
    }

    [Fact]
    public async Task Execute_RegimeImportedThenCustomers_CustomersReferenceIt()
    {
        var sink = new InMemorySink();
        var regimes = "Code;Libellé;Taux\r\nFR;France métropolitaine;20\r\nEXO;Exonéré;0\r\n";
        var regimesReport = await new ImportPipelineBuilder().UseEntity(CommerceEntities.TaxRegimes).UseSink(sink).Build()
            .ExecuteAsync(new ImportRequest(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(regimes), "regimes.csv")));
        ReportAssert.Totals(regimesReport, rows: 2, inserted: 2);

        var store = new CommerceStore(sink);
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", "EXO").Row("C2", "Martin", null));
        ReportAssert.Totals(report, rows: 2, inserted: 2);
    }

    [Fact]
    public async Task Execute_ExistingCustomerEmptyRegimeCell_GetsTheDefault()
    {
        var store = CommerceStore.WithDefaultRegime().WithTaxRegimes("EXO").WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "EXO")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "tax_regime").Row("C1", "Dupont SA", null));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        Assert.Equal("FR", store.Customer("C1")["tax_regime"]);
    }

    [Fact]
    public async Task Execute_ExistingCustomerNoRegimeColumn_KeepsItsRegime()
    {
        var store = CommerceStore.WithDefaultRegime().WithTaxRegimes("EXO").WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "EXO")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "city").Row("C1", "Dupont SA", "Lille"));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        Assert.Equal("EXO", store.Customer("C1")["tax_regime"]);
    }

    /// <summary>
    /// Core bug (reported): the default of an unmapped reference field is checked against the store even when the record
    /// exists and keeps its own value (the merge of an update only fills an empty field with a default). Here the stored
    /// regime EXO is kept, the default FR is never written, yet the row is rejected with <c>unknown_reference</c> « FR »
    /// (and with <c>autoCreate</c>, FR would be created for nothing).
    /// </summary>
    [Fact]
    public async Task Execute_ExistingCustomerNoRegimeColumnDefaultNotInStore_UpdatedKeepingItsRegime()
    {
        var store = new CommerceStore().WithTaxRegimes("EXO").WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "EXO")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "city").Row("C1", "Dupont SA", "Lille"));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        Assert.Equal(("EXO", "Lille"), (store.Customer("C1")["tax_regime"], store.Customer("C1")["city"]));
    }
}
