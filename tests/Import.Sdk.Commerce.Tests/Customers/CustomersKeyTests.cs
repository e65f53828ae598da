using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>How a customer is identified (code, or name without a code column), and what each import mode does with it.</summary>
public class CustomersKeyTests
{
    [Fact]
    public async Task Execute_DuplicateCodeInFile_FirstImportedLaterRejectedNamingTheFirstRow()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name")
            .Row("C1", "Dupont SA")
            .Row("C2", "Martin")
            .Row("C1", "Dupont homonyme")
            .Row("C1", "Dupont encore");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 4, inserted: 2, rejected: 2);
        var first = ReportAssert.Issue(report, 4, "duplicate_key");
        Assert.Equal(("code", "Code client", "C1"), (first.Field, first.Column, first.Value));
        Assert.Equal("La clé « C1 » figure déjà à la ligne 2 ; seule la première occurrence est importée.", first.Message);
        Assert.Contains("ligne 2", ReportAssert.Issue(report, 5, "duplicate_key").Message, StringComparison.Ordinal);
        Assert.Equal("Dupont SA", store.Customer("C1")["name"]);
    }

    [Fact]
    public async Task Execute_DuplicateCodeWhoseFirstRowIsInvalid_StillDuplicate()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "siren").Row("C1", "Dupont SA", "123").Row("C1", "Dupont SA", Ids.Siren);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, rejected: 2);
        ReportAssert.Issue(report, 2, "invalid_siren");
        ReportAssert.Issue(report, 3, "duplicate_key");
    }

    [Fact]
    public async Task Execute_NoCodeColumn_NameIdentifiesTheCustomer()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("name", "city").Row("Dupont SA", "Paris").Row("Martin", "Lyon"));
        ReportAssert.Totals(report, rows: 2, inserted: 2);

        report = await store.ExecuteAsync(CustomersCsv.Columns("name", "city").Row("Dupont SA", "Lille").Row("Martin", "Lyon").Row("Durand", "Nice"));
        ReportAssert.Totals(report, rows: 3, inserted: 1, updated: 1, unchanged: 1);
        Assert.Equal("Lille", store.CustomerNamed("Dupont SA")["city"]);
        Assert.Equal(3, store.Customers.Count);
    }

    [Fact]
    public async Task Execute_NoCodeColumnDuplicateName_SecondRejectedDuplicateKeyOnName()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("name", "city").Row("Dupont SA", "Paris").Row("Dupont SA", "Lyon"));
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 3, "name", "duplicate_key");
        Assert.Contains("ligne 2", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_NoCodeColumnCustomerInStoreWithCode_UpdatedByNameCodeKept()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("city", "Paris"), ("tax_regime", "FR")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("name", "city").Row("Dupont SA", "Lille"));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        var c = store.Customer("C1");
        Assert.Equal(("Dupont SA", "Lille"), (c["name"], c["city"]));
        Assert.Single(store.Customers);
    }

    [Fact]
    public async Task Execute_CodeColumnWithSameNameTwice_BothImported()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SA").Row("C2", "Dupont SA"));
        ReportAssert.Totals(report, rows: 2, inserted: 2);
    }

    [Fact]
    public async Task Execute_InsertModeExistingCode_RejectedAlreadyExistsOthersInserted()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "FR")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SARL").Row("C2", "Martin"), mode: ImportMode.Insert);
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "code", "already_exists");
        Assert.Equal("C1", issue.Value);
        Assert.Equal("Dupont SA", store.Customer("C1")["name"]);
    }

    [Fact]
    public async Task Execute_UpdateModeUnknownCode_RejectedNotFoundOthersUpdated()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "FR")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SARL").Row("C2", "Martin"), mode: ImportMode.Update);
        ReportAssert.Totals(report, rows: 2, updated: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 3, "code", "not_found");
        Assert.Equal("C2", issue.Value);
        Assert.Equal("Dupont SARL", store.Customer("C1")["name"]);
        Assert.Single(store.Customers);
    }

    [Fact]
    public async Task Execute_UpsertMode_InsertsNewUpdatesExisting()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "FR")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", "Dupont SARL").Row("C2", "Martin"), mode: ImportMode.Upsert);
        ReportAssert.Totals(report, rows: 2, inserted: 1, updated: 1);
    }

    [Fact]
    public async Task Execute_ModeFromProfile_Applied()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "FR")));
        var csv = CustomersCsv.Columns("code", "name").Row("C1", "Dupont SARL");
        var report = await store.ExecuteAsync(csv, csv.Profile() with { Mode = "insert" });
        ReportAssert.SingleError(report, 2, "code", "already_exists");
    }

    [Fact]
    public async Task Execute_SameFileTwice_SecondImportAllUnchangedNothingWritten()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "siren", "country", "payment_method", "payment_terms_days", "groups", "parent_code", "credit_limit")
            .Row("G1", "Groupe Dupont", "732 829 320", "France", "virement", "30", "Nord, Sud", null, "10 000")
            .Row("C1", "Dupont Lyon", null, "FR", "Chèque", "45", "Sud", "G1", null)
            .Row("C2", "Dupont Lille", null, "fra", null, null, null, "G1", "500");
        ReportAssert.Totals(await store.ExecuteAsync(csv), rows: 3, inserted: 3);
        var writes = store.Memory.WriteCount;

        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 3, unchanged: 3);
        Assert.Empty(report.Issues);
        Assert.Equal(writes, store.Memory.WriteCount);
    }

    [Fact]
    public async Task Execute_ChangedField_UpdatedUnmappedFieldsKept()
    {
        var store = CommerceStore.WithDefaultRegime();
        await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "city", "siren").Row("C1", "Dupont SA", "Paris", Ids.Siren));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "city").Row("C1", "Dupont SA", "Lille"));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        var c = store.Customer("C1");
        Assert.Equal(("Dupont SA", "Lille", Ids.Siren), (c["name"], c["city"], c["siren"]));
    }

    [Fact]
    public async Task Execute_SameValueWrittenDifferently_Unchanged()
    {
        var store = CommerceStore.WithDefaultRegime();
        await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "siren", "iban", "country", "payment_method").Row("C1", "Dupont SA", "732829320", Ids.Iban, "FR", "VIREMENT"));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "siren", "iban", "country", "payment_method")
            .Row("C1", "Dupont SA", "732 829 320", "FR76 3000 6000 0112 3456 7890 189", "France", "virement bancaire"));
        ReportAssert.Totals(report, rows: 1, unchanged: 1);
    }

    [Fact]
    public async Task Execute_EmptyCellOnUpdate_ClearsTheMappedField()
    {
        var store = CommerceStore.WithDefaultRegime();
        await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "city").Row("C1", "Dupont SA", "Paris"));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "city").Row("C1", "Dupont SA", null));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        Assert.Null(store.Customer("C1")["city"]);
    }
}
