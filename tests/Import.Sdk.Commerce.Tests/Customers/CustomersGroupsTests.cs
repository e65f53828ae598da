using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>Seed 003: the "Groupes" field creates the customer groups it names; several groups separated by commas.</summary>
public class CustomersGroupsTests
{
    [Fact]
    public async Task Execute_NewGroups_EachCreatedOnceWithWarningAndStoredJoined()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "groups")
            .Row("C1", "Dupont SA", "Nord, Sud")
            .Row("C2", "Martin", "Sud,Est")
            .Row("C3", "Durand", "Nord");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 3, inserted: 3);
        Assert.Equal(
            [(2, "Nord"), (2, "Sud"), (3, "Est")],
            report.Issues.Select(i => (i.Row, i.Value)));
        Assert.All(report.Issues, i => Assert.Equal(("auto_created", IssueSeverity.Warning, "groups", "Groupes"), (i.Code, i.Severity, i.Field, i.Column)));
        Assert.Equal("« Nord » n'existait pas dans groupes de clients : il a été créé.", report.Issues[0].Message);
        Assert.Equal(["Nord", "Sud", "Est"], store.Groups.Select(g => g["code"]));
        Assert.Equal(["Nord,Sud", "Sud,Est", "Nord"], store.Customers.Select(c => c["groups"]));
    }

    [Fact]
    public async Task Execute_GroupsWithoutAutoCreateInProfile_StillCreated()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "groups").Row("C1", "Dupont SA", "Agence Lyon");
        var report = await store.ExecuteAsync(csv, csv.Profile());
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        ReportAssert.Issue(report, 2, "auto_created");
        Assert.Equal([["Agence Lyon", null]], store.Groups.Select(g => g.Values.ToArray()));
    }

    [Fact]
    public async Task Execute_ExistingGroup_NotCreatedAgain()
    {
        var store = CommerceStore.WithDefaultRegime().WithGroups("Nord");
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "groups").Row("C1", "Dupont SA", "Nord, Ouest"));
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal("Ouest", Assert.Single(report.Issues).Value);
        Assert.Equal(["Nord", "Ouest"], store.Groups.Select(g => g["code"]));
    }

    [Theory]
    [InlineData("Nord, Nord", "Nord")]
    [InlineData("Nord,,Sud,", "Nord,Sud")]
    [InlineData(" Nord ,  Sud ", "Nord,Sud")]
    [InlineData("Agence Île-de-France", "Agence Île-de-France")]
    public async Task Execute_GroupList_StoredCanonical(string cell, string stored)
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "groups").Row("C1", "Dupont SA", cell));
        ReportAssert.NoErrors(report);
        Assert.Equal(stored, store.Customer("C1")["groups"]);
        Assert.Equal(stored.Split(','), store.Groups.Select(g => g["code"]));
    }

    [Fact]
    public async Task Execute_GroupLongerThan100_RejectedTooLong()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "groups").Row("C1", "Dupont SA", "Nord," + new string('g', 101)));
        ReportAssert.SingleError(report, 2, "groups", "too_long");
        Assert.Empty(store.Groups);
    }

    [Fact]
    public async Task Execute_RejectedCustomer_ItsNewGroupsNotCreated()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "siren", "groups").Row("C1", "Dupont SA", "123", "Nord").Row("C2", "Martin", Ids.Siren, "Sud");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        Assert.Equal(["Sud"], store.Groups.Select(g => g["code"]));
        Assert.DoesNotContain(report.Issues, i => i.Code == "auto_created" && i.Row == 2);
    }

    [Fact]
    public async Task Execute_GroupFirstNamedByRejectedRow_CreatedByTheNextRowUsingIt()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "siren", "groups").Row("C1", "Dupont SA", "123", "Nord").Row("C2", "Martin", null, "Nord");
        var report = await store.ExecuteAsync(csv);
        Assert.Equal(3, ReportAssert.Issue(report, 3, "auto_created").Row);
        Assert.Equal(["Nord"], store.Groups.Select(g => g["code"]));
    }

    [Fact]
    public async Task Simulate_NewGroups_SameWarningsNothingWritten()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "groups").Row("C1", "Dupont SA", "Nord, Sud").Row("C2", "Martin", "Sud");
        var simulated = await store.SimulateAsync(csv);
        Assert.Empty(store.Groups);
        Assert.Empty(store.Customers);
        var executed = await store.ExecuteAsync(csv);
        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Equal(executed.Issues, simulated.Issues);
        Assert.Equal(2, store.Groups.Count);
    }

    [Fact]
    public async Task Execute_SecondImport_NoGroupCreatedAllUnchanged()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "groups").Row("C1", "Dupont SA", "Nord, Sud").Row("C2", "Martin", "Sud");
        await store.ExecuteAsync(csv);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, unchanged: 2);
        Assert.Empty(report.Issues);
        Assert.Equal(2, store.Groups.Count);
    }

    [Fact]
    public async Task Execute_GroupsAcrossBatches_EachCreatedOnce()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "groups");
        for (var i = 0; i < 10; i++)
        {
            csv.Row($"C{i}", $"Client {i}", i % 2 == 0 ? "Pair, Tous" : "Impair, Tous");
        }

        var report = await store.ExecuteAsync(csv, batchSize: 3);
        ReportAssert.Totals(report, rows: 10, inserted: 10);
        Assert.Equal(3, report.Issues.Count(i => i.Code == "auto_created"));
        Assert.Equal(["Pair", "Tous", "Impair"], store.Groups.Select(g => g["code"]));
    }
}
