using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>Seed 003: credit limit, insurer guarantee and other guarantees are managed in the application — set on insert, never overwritten by an import.</summary>
public class CustomersProtectedFieldsTests
{
    private static readonly string[] Columns = ["code", "name", "city", "credit_limit", "insurer_guarantee", "other_guarantees"];

    [Fact]
    public async Task Execute_NewCustomer_ProtectedFieldsSet()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns(Columns).Row("C1", "Dupont SA", "Paris", "10 000", "8 000,50", "1 500"));
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        var c = store.Customer("C1");
        Assert.Equal((10000m, 8000.50m, 1500m), (c["credit_limit"], c["insurer_guarantee"], c["other_guarantees"]));
    }

    [Fact]
    public async Task Execute_ExistingCustomerOtherFieldChanged_UpdatedButProtectedFieldsKept()
    {
        var store = CommerceStore.WithDefaultRegime();
        await store.ExecuteAsync(CustomersCsv.Columns(Columns).Row("C1", "Dupont SA", "Paris", "10 000", "8 000", "1 500"));
        var report = await store.ExecuteAsync(CustomersCsv.Columns(Columns).Row("C1", "Dupont SA", "Lille", "99 999", "0", null));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        var c = store.Customer("C1");
        Assert.Equal(("Lille", 10000m, 8000m, 1500m), (c["city"], c["credit_limit"], c["insurer_guarantee"], c["other_guarantees"]));
    }

    [Fact]
    public async Task Execute_ExistingCustomerOnlyProtectedFieldsDiffer_Unchanged()
    {
        var store = CommerceStore.WithDefaultRegime();
        await store.ExecuteAsync(CustomersCsv.Columns(Columns).Row("C1", "Dupont SA", "Paris", "10 000", "8 000", "1 500"));
        var writes = store.Memory.WriteCount;
        var report = await store.ExecuteAsync(CustomersCsv.Columns(Columns).Row("C1", "Dupont SA", "Paris", "20 000", "1", "2"));
        ReportAssert.Totals(report, rows: 1, unchanged: 1);
        Assert.Equal(writes, store.Memory.WriteCount);
        Assert.Equal(10000m, store.Customer("C1")["credit_limit"]);
    }

    [Fact]
    public async Task Execute_ExistingCustomerWithoutCreditLimit_StillNotSetByImport()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "FR")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns(Columns).Row("C1", "Dupont SA", "Paris", "10 000", null, null));
        ReportAssert.Totals(report, rows: 1, updated: 1);
        Assert.Null(store.Customer("C1")["credit_limit"]);
    }

    [Fact]
    public async Task Execute_ManagedValueInStore_NeverOverwrittenByRepeatedImports()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "FR"), ("credit_limit", 25000m)));
        for (var i = 0; i < 3; i++)
        {
            await store.ExecuteAsync(CustomersCsv.Columns(Columns).Row("C1", "Dupont SA", $"Ville {i}", $"{i}", $"{i}", $"{i}"));
        }

        Assert.Equal((25000m, "Ville 2"), (store.Customer("C1")["credit_limit"], store.Customer("C1")["city"]));
    }

    [Fact]
    public async Task Execute_InvalidProtectedValueOnUpdate_StillRejected()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Dupont SA"), ("tax_regime", "FR")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns(Columns).Row("C1", "Dupont SA", "Paris", "dix mille", null, null));
        ReportAssert.SingleError(report, 2, "credit_limit", "invalid_number");
    }
}
