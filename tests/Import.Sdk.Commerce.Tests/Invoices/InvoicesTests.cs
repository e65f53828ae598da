using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Invoices;

/// <summary>
/// Seeds 000 and 002, invoices: the account named by code or — the profile's choice, the seed's "Compte clé" — by accounting
/// code; the due date from the customer's payment terms; TTC below HT refused; the status as a default value; with both
/// amounts, one line without product.
/// </summary>
public class InvoicesTests
{
    private const string Header = "Numéro;Compte;Date;Échéance;Montant HT;Montant TTC;Statut";

    private static readonly ImportProfile ByAccountingCode = new()
    {
        Entity = "invoices",
        Culture = "fr-FR",
        Columns = new Dictionary<string, string>
        {
            ["Numéro"] = "number", ["Compte"] = "account", ["Date"] = "date", ["Échéance"] = "due_date",
            ["Montant HT"] = "amount_excl_tax", ["Montant TTC"] = "amount_incl_tax", ["Statut"] = "status",
        },
        References = new Dictionary<string, string> { ["account"] = "accounting_code" },
        Defaults = new Dictionary<string, string> { ["status"] = "PENDING" },
    };

    private static CommerceStore Store() => CommerceStore.WithDefaultRegime().WithCustomers(
        Customer.Of(("code", "C1"), ("name", "Alpha"), ("accounting_code", "411ALPHA"), ("payment_terms_days", 30L)),
        Customer.Of(("code", "C2"), ("name", "Beta"), ("accounting_code", "411BETA")));

    private static ImportSource Csv(params string[] rows) =>
        ImportSource.FromBytes(Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(Header)) + "\r\n"), "factures.csv");

    private static Task<ImportReport> RunAsync(CommerceStore store, bool execute, ImportProfile? profile, params string[] rows)
    {
        var pipeline = store.Pipeline(CommerceEntities.Invoices);
        var request = new ImportRequest(Csv(rows)) { Profile = profile };
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }

    private static IReadOnlyList<Stored> Invoices(CommerceStore store) =>
        store.Memory.GetRecords("invoices").Select(r => new Stored(CommerceEntities.Invoices.Schema, r)).ToArray();

    private static IReadOnlyList<Stored> Lines(CommerceStore store) =>
        store.Memory.GetRecords("invoice-lines").Select(r => new Stored(CommerceEntities.InvoiceLines.Schema, r)).ToArray();

    [Fact]
    public async Task Execute_AccountByAccountingCode_DueDateFromTermsStatusDefaultAndOneLine()
    {
        var store = Store();
        var report = await RunAsync(store, execute: true, ByAccountingCode, "F1;411ALPHA;15/01/2025;;1 000,00;1 200,00;soldée", "F2;411BETA;16/01/2025;;50;60;");

        ReportAssert.Totals(report, rows: 2, inserted: 2);
        Assert.Empty(report.Issues);
        var f1 = Invoices(store).Single(i => Equals(i["number"], "F1"));
        Assert.Equal(("411ALPHA", new DateOnly(2025, 1, 15), new DateOnly(2025, 2, 14), 1000.00m, 1200.00m, "CLOSED"), (f1["account"], f1["date"], f1["due_date"], f1["amount_excl_tax"], f1["amount_incl_tax"], f1["status"]));
        var f2 = Invoices(store).Single(i => Equals(i["number"], "F2"));
        Assert.Equal((null, "PENDING"), (f2["due_date"], f2["status"])); // Beta has no payment terms: the due date stays empty
        Assert.Equal(
            [("F1", 1L, null, 1000.00m, 1200.00m), ("F2", 1L, null, 50m, 60m)],
            Lines(store).Select(l => (l["invoice"], l["line"], l["description"], l["amount_excl_tax"], l["amount_incl_tax"])).OrderBy(l => (string?)l.Item1));
    }

    [Fact]
    public async Task Execute_GivenDueDate_KeptOverTheCustomersTerms()
    {
        var store = Store();
        await RunAsync(store, execute: true, ByAccountingCode, "F1;411ALPHA;15/01/2025;31/03/2025;100;120;");
        Assert.Equal(new DateOnly(2025, 3, 31), Invoices(store).Single()["due_date"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_AccountByCodeByDefault_AccountingCodeIsUnknownReferenceNamingTheLookUp(bool execute)
    {
        var store = Store();
        var profile = ByAccountingCode with { References = new Dictionary<string, string>() };
        var report = await RunAsync(store, execute, profile, "F1;C1;15/01/2025;;100;120;", "F2;411BETA;16/01/2025;;50;60;");

        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 3, "account", "unknown_reference");
        Assert.Equal(("Compte", "411BETA"), (issue.Column, issue.Value));
        Assert.Equal("« 411BETA » n'existe pas dans clients (cherché par « code ») : créez-le d'abord.", issue.Message);
        Assert.Equal(execute ? ["F1"] : [], Invoices(store).Select(i => i["number"]));
        if (execute)
        {
            Assert.Equal(new DateOnly(2025, 2, 14), Invoices(store).Single()["due_date"]);
        }
    }

    [Fact]
    public async Task Execute_ReferenceByAFieldTheEntityDoesNotAllow_ProfileRefusedBeforeAnyRow()
    {
        var store = Store();
        var profile = ByAccountingCode with { References = new Dictionary<string, string> { ["account"] = "city" } };
        var report = await RunAsync(store, execute: true, profile, "F1;Paris;15/01/2025;;100;120;");

        Assert.Equal(0, report.Totals.Rows);
        var issue = Assert.Single(report.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Contains("customers.code, customers.accounting_code", issue.Message, StringComparison.Ordinal);
        Assert.Empty(Invoices(store));
    }

    [Theory]
    [InlineData("100", "90")]
    [InlineData("-100", "-90")] // a credit note: TTC smaller in size than HT
    public async Task Execute_TtcBelowHt_InconsistentAmountsNamingBoth(string ht, string ttc)
    {
        var store = Store();
        var report = await RunAsync(store, execute: true, ByAccountingCode, $"F1;411ALPHA;15/01/2025;;{ht};{ttc};", "F2;411ALPHA;15/01/2025;;-100;-120;", "F3;411ALPHA;15/01/2025;;100;100;");

        ReportAssert.Totals(report, rows: 3, inserted: 2, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "amount_incl_tax", "inconsistent_amounts");
        Assert.Equal(("Montant TTC", ttc), (issue.Column, issue.Value));
        Assert.Contains($"({ht})", issue.Message, StringComparison.Ordinal);
        Assert.Equal(["F2", "F3"], Invoices(store).Select(i => i["number"]).Order());
    }

    [Fact]
    public async Task Execute_OnlyOneAmount_NoLine()
    {
        var store = Store();
        var report = await RunAsync(store, execute: true, ByAccountingCode, "F1;411ALPHA;15/01/2025;;100;;");
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Empty(Lines(store));
    }

    [Fact]
    public async Task Execute_SameFileTwice_SecondChangesNothing_ThenChangedAmountsReplaceTheLine()
    {
        var store = Store();
        await RunAsync(store, execute: true, ByAccountingCode, "F1;411ALPHA;15/01/2025;;100;120;");
        var writes = store.Memory.WriteCount;

        var again = await RunAsync(store, execute: true, ByAccountingCode, "F1;411ALPHA;15/01/2025;;100;120;");
        ReportAssert.Totals(again, rows: 1, unchanged: 1);
        Assert.Equal(writes, store.Memory.WriteCount);

        var changed = await RunAsync(store, execute: true, ByAccountingCode, "F1;411ALPHA;15/01/2025;;200;240;");
        ReportAssert.Totals(changed, rows: 1, updated: 1);
        var line = Assert.Single(Lines(store));
        Assert.Equal((1L, 200m, 240m), (line["line"], line["amount_excl_tax"], line["amount_incl_tax"]));
    }

    [Fact]
    public async Task Simulate_SameReportAsExecute_NothingWritten()
    {
        string[] rows = ["F1;411ALPHA;15/01/2025;;100;120;", "F2;411NOPE;15/01/2025;;100;120;", "F3;411BETA;15/01/2025;;100;90;", "F1;411ALPHA;15/01/2025;;1;2;", "F4;;15/01/2025;;1;2;"];
        var simulated = Store();
        var simulation = await RunAsync(simulated, execute: false, ByAccountingCode, rows);
        var executed = Store();
        var execution = await RunAsync(executed, execute: true, ByAccountingCode, rows);

        Assert.Equal(execution.Totals, simulation.Totals);
        Assert.Equal(execution.Issues.Select(i => (i.Row, i.Code, i.Field)), simulation.Issues.Select(i => (i.Row, i.Code, i.Field)));
        ReportAssert.Totals(simulation, rows: 5, inserted: 1, rejected: 4);
        Assert.Empty(Invoices(simulated));
        Assert.Empty(Lines(simulated));
    }

    [Fact]
    public async Task Execute_CustomersAndInvoicesAsOneSet_AccountingCodeOfACustomerTheSetCreatesResolves()
    {
        var store = CommerceStore.WithDefaultRegime();
        var set = new ImportSet([CommerceEntities.Customers(), CommerceEntities.Invoices]);
        var customers = "Code client;Raison sociale;Code comptable;Délai de paiement\r\nC9;Gamma;411GAMMA;45\r\n";
        var first = await store.Pipeline().SimulateAsync(new ImportRequest(ImportSource.FromBytes(Encoding.UTF8.GetBytes(customers), "clients.csv")) { Set = set });
        ReportAssert.Totals(first, rows: 1, inserted: 1);

        var invoices = await store.Pipeline(CommerceEntities.Invoices).SimulateAsync(new ImportRequest(Csv("F1;411GAMMA;15/01/2025;;100;120;")) { Profile = ByAccountingCode, Set = set });
        ReportAssert.Totals(invoices, rows: 1, inserted: 1);
    }

    [Fact]
    public async Task Execute_CustomersThenInvoicesOfTheSet_DueDateFromTheTermsTheFirstFileWrote()
    {
        var store = CommerceStore.WithDefaultRegime();
        var set = new ImportSet([CommerceEntities.Customers(), CommerceEntities.Invoices]);
        var customers = "Code client;Raison sociale;Code comptable;Délai de paiement\r\nC9;Gamma;411GAMMA;45\r\n";
        await store.Pipeline().ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Encoding.UTF8.GetBytes(customers), "clients.csv")) { Set = set });

        var invoices = await store.Pipeline(CommerceEntities.Invoices).ExecuteAsync(new ImportRequest(Csv("F1;411GAMMA;15/01/2025;;100;120;")) { Profile = ByAccountingCode, Set = set });

        ReportAssert.Totals(invoices, rows: 1, inserted: 1);
        Assert.Equal(new DateOnly(2025, 3, 1), Invoices(store).Single()["due_date"]);
    }

    [Fact]
    public async Task Execute_OnSqlite_InvoicesAndLinesReadBackThenReimportUnchanged()
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.WithTaxRegimesAsync("FR");
        var customers = CustomersCsv.Columns("code", "name", "accounting_code", "payment_terms_days").Row("C1", "Alpha", "411ALPHA", "60");
        ReportAssert.Totals(await store.ExecuteAsync(customers), rows: 1, inserted: 1);
        var pipeline = store.Pipeline(CommerceEntities.Invoices);
        var request = new ImportRequest(Csv("F1;411ALPHA;15/01/2025;;1 000,50;1 200,60;payée", "F2;411ALPHA;15/01/2025;;5;4;")) { Profile = ByAccountingCode };

        var report = await pipeline.ExecuteAsync(request);

        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var invoice = Assert.Single(await store.ReadAsync(CommerceEntities.Invoices));
        Assert.Equal(
            new object?[] { "F1", "411ALPHA", new DateOnly(2025, 1, 15), new DateOnly(2025, 3, 16), 1000.50m, 1200.60m, "CLOSED" },
            invoice.Values);
        var line = Assert.Single(await store.ReadAsync(CommerceEntities.InvoiceLines));
        Assert.Equal(new object?[] { "F1", 1L, null, 1000.50m, 1200.60m }, line.Values);

        var again = await pipeline.ExecuteAsync(request with { Source = Csv("F1;411ALPHA;15/01/2025;;1 000,50;1 200,60;payée") });
        ReportAssert.Totals(again, rows: 1, unchanged: 1);
    }

    [Fact]
    public async Task Execute_TermsPastTheLastDate_DueDateLeftEmptyWithAWarningNamingTheTerms()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "C1"), ("name", "Alpha"), ("accounting_code", "411ALPHA"), ("payment_terms_days", 3_000_000L)));

        var report = await RunAsync(store, execute: true, ByAccountingCode, "F1;411ALPHA;15/01/2025;;100;120;");

        ReportAssert.Totals(report, rows: 1, inserted: 1);
        var warning = Assert.Single(report.Issues);
        Assert.Equal((2, "due_date", "invalid_date", IssueSeverity.Warning), (warning.Row, warning.Field, warning.Code, warning.Severity));
        Assert.Contains("3000000", warning.Message, StringComparison.Ordinal);
        Assert.Null(Invoices(store).Single()["due_date"]);
    }
}
