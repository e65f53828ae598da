using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>
/// Seed 002: groups and subsidiaries. A subsidiary names its group customer by code ("Identifiant du groupe") or by name
/// ("Nom du groupe"); the group customer may be in the store or anywhere in the same file, else <c>unknown_parent</c>.
/// </summary>
public class CustomersParentTests
{
    [Fact]
    public async Task Execute_GroupEarlierInFile_SubsidiaryInserted()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code").Row("G1", "Groupe Dupont", null).Row("C1", "Dupont Lyon", "G1");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 2);
        Assert.Empty(report.Issues);
        Assert.Equal("G1", store.Customer("C1")["parent_code"]);
    }

    [Fact]
    public async Task Execute_GroupLaterInFile_BothInsertedGroupWrittenFirst()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code").Row("C1", "Dupont Lyon", "G1").Row("G1", "Groupe Dupont", null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 2);
        Assert.Empty(report.Issues);
        Assert.Equal(["G1", "C1"], store.Customers.Select(c => c["code"]));
    }

    [Fact]
    public async Task Execute_GroupLaterInAnotherBatch_BothInserted()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code")
            .Row("C1", "Dupont Lyon", "G1")
            .Row("C2", "Dupont Lille", "G1")
            .Row("X1", "Autre", null)
            .Row("X2", "Autre 2", null)
            .Row("G1", "Groupe Dupont", null);
        var report = await store.ExecuteAsync(csv, batchSize: 2);
        ReportAssert.Totals(report, rows: 5, inserted: 5);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public async Task Execute_GroupInStore_SubsidiaryInserted()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "G1"), ("name", "Groupe Dupont"), ("tax_regime", "FR")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "parent_code").Row("C1", "Dupont Lyon", "G1"));
        ReportAssert.Totals(report, rows: 1, inserted: 1);
    }

    [Fact]
    public async Task Execute_GroupByNameEarlierLaterAndInStore_AllInserted()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "G0"), ("name", "Groupe Ancien"), ("tax_regime", "FR")));
        var csv = CustomersCsv.Columns("code", "name", "parent_name")
            .Row("G1", "Groupe Dupont", null)
            .Row("C1", "Dupont Lyon", "Groupe Dupont")
            .Row("C2", "Martin Lille", "Groupe Martin")
            .Row("G2", "Groupe Martin", null)
            .Row("C3", "Ancien Nice", "Groupe Ancien");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 5, inserted: 5);
        Assert.Empty(report.Issues);
        Assert.Equal("Groupe Martin", store.Customer("C2")["parent_name"]);
    }

    [Fact]
    public async Task Execute_NoCodeColumn_SubsidiaryNamesItsGroupByName()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("name", "parent_name")
            .Row("Dupont Lyon", "Groupe Dupont")
            .Row("Groupe Dupont", null)
            .Row("Dupont Lille", "Groupe Dupont")
            .Row("Orphelin", "Groupe Inconnu");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 4, inserted: 3, rejected: 1);
        ReportAssert.SingleError(report, 5, "parent_name", "unknown_parent");
    }

    [Fact]
    public async Task Execute_MissingGroup_RejectedUnknownParent()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code").Row("C1", "Dupont Lyon", "G9").Row("C2", "Martin", null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "parent_code", "unknown_parent");
        Assert.Equal(("Identifiant du groupe", "G9"), (issue.Column, issue.Value));
        Assert.Equal("Le parent « G9 » est introuvable, ni dans le fichier ni dans la base.", issue.Message);
        Assert.Equal(["C2"], store.Customers.Select(c => c["code"]));
    }

    [Fact]
    public async Task Execute_MissingGroupByName_RejectedUnknownParent()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "parent_name").Row("C1", "Dupont Lyon", "Groupe Fantôme"));
        var issue = ReportAssert.SingleError(report, 2, "parent_name", "unknown_parent");
        Assert.Equal(("Nom du groupe", "Groupe Fantôme"), (issue.Column, issue.Value));
    }

    [Fact]
    public async Task Execute_ChainInReverseOrder_AllInsertedParentsFirst()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code")
            .Row("C3", "Petite-fille", "C2")
            .Row("C2", "Fille", "C1")
            .Row("C1", "Mère", "G")
            .Row("G", "Groupe", null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 4, inserted: 4);
        Assert.Empty(report.Issues);
        Assert.Equal(["G", "C1", "C2", "C3"], store.Customers.Select(c => c["code"]));
    }

    [Fact]
    public async Task Execute_ChainInFileOrder_AllInserted()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code")
            .Row("G", "Groupe", null)
            .Row("C1", "Mère", "G")
            .Row("C2", "Fille", "C1")
            .Row("C3", "Petite-fille", "C2");
        ReportAssert.Totals(await store.ExecuteAsync(csv), rows: 4, inserted: 4);
    }

    [Fact]
    public async Task Execute_RejectedGroup_SubsidiariesAndTheirSubsidiariesUnknownParent()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "siren", "parent_code")
            .Row("C1", "Dupont Lyon", null, "G1")
            .Row("G1", "Groupe Dupont", "123", null)
            .Row("C2", "Dupont Lille", null, "G1")
            .Row("C3", "Dupont Lille Sud", null, "C2")
            .Row("C4", "Indépendant", null, null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 5, inserted: 1, rejected: 4);
        Assert.Equal(
            [(2, "unknown_parent"), (3, "invalid_siren"), (4, "unknown_parent"), (5, "unknown_parent")],
            report.Issues.Select(i => (i.Row, i.Code)));
        Assert.Equal(["C4"], store.Customers.Select(c => c["code"]));
    }

    [Fact]
    public async Task Execute_GroupRejectedAsDuplicateButFirstAccepted_SubsidiaryInserted()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code")
            .Row("G1", "Groupe Dupont", null)
            .Row("C1", "Dupont Lyon", "G1")
            .Row("G1", "Groupe Dupont bis", null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 3, inserted: 2, rejected: 1);
        ReportAssert.SingleError(report, 4, "code", "duplicate_key");
    }

    [Fact]
    public async Task Execute_CodeAndNameOfTheGroup_BothResolved()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code", "parent_name")
            .Row("C1", "Dupont Lyon", "G1", "Groupe Dupont")
            .Row("G1", "Groupe Dupont", null, null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 2);
        var c = store.Customer("C1");
        Assert.Equal(("G1", "Groupe Dupont"), (c["parent_code"], c["parent_name"]));
    }

    [Fact]
    public async Task Execute_GroupUpdatedInSameFile_SubsidiaryInserted()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "G1"), ("name", "Groupe Dupont"), ("tax_regime", "FR")));
        var csv = CustomersCsv.Columns("code", "name", "city", "parent_code")
            .Row("C1", "Dupont Lyon", "Lyon", "G1")
            .Row("G1", "Groupe Dupont", "Paris", null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 1, updated: 1);
    }

    [Fact]
    public async Task Execute_InsertModeGroupInStore_SubsidiaryInsertedGroupRowAlreadyExists()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "G1"), ("name", "Groupe Dupont"), ("tax_regime", "FR")));
        var csv = CustomersCsv.Columns("code", "name", "parent_code").Row("G1", "Groupe Dupont", null).Row("C1", "Dupont Lyon", "G1");
        var report = await store.ExecuteAsync(csv, mode: ImportMode.Insert);
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        ReportAssert.SingleError(report, 2, "code", "already_exists");
    }

    [Fact]
    public async Task Simulate_ForwardAndMissingParents_SameReportAsExecute()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code", "groups")
            .Row("C1", "Dupont Lyon", "G1", "Rhône")
            .Row("C2", "Orphelin", "G9", "Nord")
            .Row("G1", "Groupe Dupont", null, "Rhône, Siège");
        var simulated = await store.SimulateAsync(csv, batchSize: 1);
        Assert.Empty(store.Customers);
        var executed = await store.ExecuteAsync(csv, batchSize: 1);
        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Equal(executed.Issues, simulated.Issues);
        ReportAssert.Totals(executed, rows: 3, inserted: 2, rejected: 1);
    }

    [Fact]
    public async Task Execute_SameFileWithForwardReferencesTwice_AllUnchanged()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code", "parent_name")
            .Row("C2", "Fille", "C1", null)
            .Row("C1", "Mère", null, "Groupe")
            .Row("G", "Groupe", null, null);
        ReportAssert.Totals(await store.ExecuteAsync(csv), rows: 3, inserted: 3);
        ReportAssert.Totals(await store.ExecuteAsync(csv), rows: 3, unchanged: 3);
    }

    [Fact]
    public async Task Execute_CustomerIsItsOwnGroupByCode_RejectedSayingSo()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_code").Row("G1", "Groupe Dupont", "G1").Row("C1", "Dupont Lyon", "G1");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, rejected: 2);
        var issue = ReportAssert.Issue(report, 2, "unknown_parent");
        Assert.Equal(("parent_code", "G1"), (issue.Field, issue.Value));
        Assert.Equal("Le client « G1 » ne peut pas être son propre groupe : pour le client de tête d'un groupe, laissez vides l'identifiant et le nom du groupe.", issue.Message);
        ReportAssert.Issue(report, 3, "unknown_parent");
    }

    [Fact]
    public async Task Execute_CustomerInStoreMadeItsOwnGroup_RejectedNotWritten()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(Customer.Of(("code", "G1"), ("name", "Groupe Dupont"), ("tax_regime", "FR")));
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "parent_code").Row("G1", "Groupe Dupont", "G1"), ui: CommerceStore.English);
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        Assert.Equal(
            "Customer 'G1' cannot be its own group customer: leave the group code and name empty for the head of a group.",
            ReportAssert.SingleError(report, 2, "parent_code", "unknown_parent").Message);
        Assert.Null(store.Customer("G1")["parent_code"]);
    }

    [Fact]
    public async Task Execute_NoCodeColumnCustomerIsItsOwnGroupByName_Rejected()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("name", "parent_name").Row("Groupe Dupont", "Groupe Dupont"));
        ReportAssert.SingleError(report, 2, "parent_name", "unknown_parent");
    }

    [Fact]
    public async Task Execute_HomonymGroupWithAnotherCode_SubsidiaryInserted()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "parent_name").Row("G1", "Dupont", null).Row("C1", "Dupont", "Dupont");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 2);
    }
}
