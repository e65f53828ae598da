using System.Globalization;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>Cross-row checks: duplicate keys in the file, references to other entities (auto-created or not), parents in the same entity.</summary>
public class KeysAndReferencesTests
{
    private static readonly Func<ImportOptions, ImportOptions> English = o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    private static readonly EntitySchema TaxRegimes = EntitySchema.Create("tax_regimes").Label("régimes de TVA", "tax regimes")
        .Field("code", FieldType.Text, f => f.Required()).Field("label", FieldType.Text, f => f.Required()).Key("code").Build();

    private static readonly ImportEntity WithTaxRegime = Some.AccountsEntity.WithCustomFields(b => b.Field(
        "tax_regime", FieldType.Text, f => f.Label("Régime de TVA", "Tax regime").References(new FieldReference(TaxRegimes, "code", creation: ReferenceCreation.WhenAllowed))));

    [Theory]
    [InlineData(2000)]
    [InlineData(2)]
    [InlineData(1)]
    public async Task ExecuteAsync_DuplicateKey_FirstOccurrenceImportedLaterOnesRejectedNamingTheFirstRow(int batchSize)
    {
        var csv = Some.AccountsCsv(Some.Line("C1", "Dupont"), Some.Line("C2", "Martin"), Some.Line("C3", "Durand"), Some.Line("C1", "Dupont bis"), Some.Line("C1", "Dupont ter"));

        var (report, sink) = await Some.ExecuteAsync(csv, options: o => English(o) with { BatchSize = batchSize });

        Assert.Equal(
            [
                new ImportIssue(5, "Code client", "code", "C1", IssueCodes.DuplicateKey, IssueSeverity.Error, "The key 'C1' already appears in row 2; only the first occurrence is imported."),
                new ImportIssue(6, "Code client", "code", "C1", IssueCodes.DuplicateKey, IssueSeverity.Error, "The key 'C1' already appears in row 2; only the first occurrence is imported."),
            ],
            report.Issues);
        Assert.Equal(new ImportTotals(5, 3, 0, 0, 2), report.Totals);
        Assert.Equal("Dupont", Some.Value(Some.Account(sink, "C1"), "name"));
    }

    [Fact]
    public async Task SimulateAsync_DuplicateAlternateKey_IsDuplicateKeyOnTheName()
    {
        var report = await SimulateAsync("Raison sociale;Email\r\nDupont;a@b.fr\r\nMartin;\r\nDupont;c@d.fr\r\n", English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((4, "name", "Dupont", IssueCodes.DuplicateKey), (issue.Row, issue.Field, issue.Value, issue.Code));
        Assert.Contains("row 2", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CompositeKeyFromTheProfile_MatchesTheStoreAndFindsDuplicatesOnAllParts()
    {
        var sink = new InMemorySink();
        sink.Seed(Some.Accounts, Some.NewAccount("C1", "Dupont", ("email", "old@x.fr")));
        var profile = new ImportProfile { Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name", ["Email"] = "email" }, Keys = ["code", "name"] };
        var csv = "Code;Nom;Email\r\nC1;Dupont;new@x.fr\r\nC1;Martin;m@x.fr\r\nC1;Dupont;autre@x.fr\r\nC2;;\r\n";

        var report = await Some.Pipeline(sink, options: English).ExecuteAsync(new ImportRequest(Some.Csv(csv)) { Profile = profile });

        Assert.Equal([(4, IssueCodes.DuplicateKey, "C1/Dupont"), (5, IssueCodes.Required, "")], report.Issues.Select(i => (i.Row, i.Code, i.Value!)));
        Assert.Contains("row 2", report.Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal(new ImportTotals(4, 1, 1, 0, 2), report.Totals);
        Assert.Equal("new@x.fr", Some.Value(sink.GetRecords("accounts").Single(r => Equals(Some.Value(r, "name"), "Dupont")), "email"));
    }

    [Fact]
    public async Task ExecuteAsync_GroupUsedByRowsInSeveralBatches_IsCreatedOnceWithOneWarning()
    {
        var csv = Some.AccountsCsv(
            Some.Line("C1", "A", groups: "Nord"),
            Some.Line("C2", "B", groups: "Sud, Nord"),
            Some.Line("C3", "C", groups: "Nord"),
            Some.Line("C4", "D", groups: "Nord,Sud"),
            Some.Line("C5", "E", groups: "Nord"));

        var (report, sink) = await Some.ExecuteAsync(csv, options: o => English(o) with { BatchSize = 2 });

        Assert.Equal(
            [
                new ImportIssue(2, "Groupes", "groups", "Nord", IssueCodes.AutoCreated, IssueSeverity.Warning, "'Nord' did not exist in groups: it was created."),
                new ImportIssue(3, "Groupes", "groups", "Sud", IssueCodes.AutoCreated, IssueSeverity.Warning, "'Sud' did not exist in groups: it was created."),
            ],
            report.Issues);
        Assert.Equal(["Nord", "Sud"], sink.GetRecords("groups").Select(g => (string)g[Some.Groups["code"].Index]!));
        Assert.Equal(new ImportTotals(5, 5, 0, 0, 0), report.Totals);
        Assert.True(report.IsSuccess);
    }

    [Fact]
    public async Task ExecuteAsync_GroupAlreadyInTheStore_IsNotCreated()
    {
        var sink = new InMemorySink();
        sink.Seed(Some.Groups, ["Nord", "Région Nord"]);

        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "A", groups: "Nord")), sink);

        Assert.Empty(report.Issues);
        Assert.Single(sink.GetRecords("groups"));
    }

    [Fact]
    public async Task ExecuteAsync_GroupOfARejectedRow_IsNotCreated()
    {
        var (report, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "A", email: "x", groups: "Nord")));

        Assert.DoesNotContain(report.Issues, i => i.Code == IssueCodes.AutoCreated);
        Assert.Empty(sink.GetRecords("groups"));
    }

    [Fact]
    public async Task ExecuteAsync_UnknownReferenceNotAllowedToBeCreated_IsUnknownReference()
    {
        var sink = new InMemorySink();
        sink.Seed(TaxRegimes, ["FR", "France"]);

        var report = await Some.Pipeline(sink, WithTaxRegime, English).ExecuteAsync(new ImportRequest(Some.Csv("Code client;Raison sociale;Régime de TVA\r\nC1;A;FR\r\nC2;B;UE\r\n")));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(3, "Régime de TVA", "tax_regime", "UE", IssueCodes.UnknownReference, IssueSeverity.Error, "'UE' is not a known tax regimes: create it first, or allow auto-creation of 'tax_regime' in the profile."), issue);
        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
        Assert.Single(sink.GetRecords("tax_regimes"));
    }

    [Fact]
    public async Task ExecuteAsync_UnknownReferenceListedInTheProfileAutoCreate_IsCreatedWithAWarning()
    {
        var profile = new ImportProfile
        {
            Columns = new Dictionary<string, string> { ["Code client"] = "code", ["Raison sociale"] = "name", ["Régime de TVA"] = "tax_regime" },
            AutoCreate = ["tax_regime"],
        };
        var sink = new InMemorySink();

        var report = await Some.Pipeline(sink, WithTaxRegime).ExecuteAsync(new ImportRequest(Some.Csv("Code client;Raison sociale;Régime de TVA\r\nC1;A;UE\r\nC2;B;UE\r\n")) { Profile = profile });

        var issue = Assert.Single(report.Issues);
        Assert.Equal((2, "tax_regime", "UE", IssueCodes.AutoCreated, IssueSeverity.Warning), (issue.Row, issue.Field, issue.Value, issue.Code, issue.Severity));
        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Totals);
        var created = Assert.Single(sink.GetRecords("tax_regimes"));
        Assert.Equal(["UE", "UE"], created); // a required text field (the label) gets the code until someone names it
    }

    [Fact]
    public async Task ExecuteAsync_ParentEarlierInTheFile_IsAccepted()
    {
        var (report, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("P1", "Groupe"), Some.Line("C1", "Filiale", parent: "P1")));

        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Totals);
        Assert.Equal("P1", Some.Value(Some.Account(sink, "C1"), "parent"));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(1)]
    public async Task ExecuteAsync_ParentLaterInTheFile_IsAcceptedAndWrittenAfterItsParent(int batchSize)
    {
        var sink = new CountingSink();

        var report = await Some.Pipeline(sink, options: o => o with { BatchSize = batchSize })
            .ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(Some.Line("C1", "Filiale", parent: "P1"), Some.Line("P1", "Groupe")))));

        Assert.Empty(report.Issues);
        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Totals);
        Assert.Equal(["P1", "C1"], sink.Writes.SelectMany(w => w).Select(c => c.Key));
    }

    [Fact]
    public async Task ExecuteAsync_ParentInTheStore_IsAccepted()
    {
        var sink = new InMemorySink();
        sink.Seed(Some.Accounts, Some.NewAccount("P1", "Groupe"));

        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Filiale", parent: "P1")), sink);

        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public async Task SimulateAsync_ParentNowhere_IsUnknownParent()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Filiale", parent: "ZZ"), Some.Line("C2", "Autre")), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(2, "Groupe parent", "parent", "ZZ", IssueCodes.UnknownParent, IssueSeverity.Error, "The parent 'ZZ' is found neither in the file nor in the store."), issue);
        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(2)]
    [InlineData(1)]
    public async Task ExecuteAsync_ChainOfForwardReferences_IsResolvedCompletely(int batchSize)
    {
        var csv = Some.AccountsCsv(
            Some.Line("A", "A", parent: "B"),
            Some.Line("B", "B", parent: "C"),
            Some.Line("C", "C", parent: "D"),
            Some.Line("X", "X", parent: "A"),
            Some.Line("D", "D"));
        var sink = new CountingSink();

        var report = await Some.Pipeline(sink, options: o => o with { BatchSize = batchSize }).ExecuteAsync(new ImportRequest(Some.Csv(csv)));

        Assert.Empty(report.Issues);
        Assert.Equal(new ImportTotals(5, 5, 0, 0, 0), report.Totals);
        var order = sink.Writes.SelectMany(w => w).Select(c => c.Key).ToList();
        Assert.True(order.IndexOf("D") < order.IndexOf("C") && order.IndexOf("C") < order.IndexOf("B") && order.IndexOf("B") < order.IndexOf("A") && order.IndexOf("A") < order.IndexOf("X"), string.Join(",", order));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(1)]
    public async Task SimulateAsync_ParentRejected_ChildIsUnknownParent(int batchSize)
    {
        var csv = Some.AccountsCsv(Some.Line("C1", "Filiale", parent: "P1"), Some.Line("P1", "Groupe", email: "pas-un-email"), Some.Line("C2", "Autre filiale", parent: "P1"));

        var report = await SimulateAsync(csv, o => o with { BatchSize = batchSize });

        Assert.Equal([(2, IssueCodes.UnknownParent), (3, IssueCodes.InvalidEmail), (4, IssueCodes.UnknownParent)], report.Issues.Select(i => (i.Row, i.Code)));
        Assert.Equal(new ImportTotals(3, 0, 0, 0, 3), report.Totals);
    }

    [Fact]
    public async Task SimulateAsync_SelfParent_IsUnknownParent()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Boucle", parent: "C1")));

        Assert.Equal((2, IssueCodes.UnknownParent), (Assert.Single(report.Issues).Row, report.Issues[0].Code));
    }

    [Fact]
    public async Task SimulateAsync_DeferredChildWithError_IssuesStayOrderedByRow()
    {
        var csv = Some.AccountsCsv(Some.Line("C1", "Filiale", parent: "ZZ"), Some.Line("C2", "Martin", email: "x"));

        var report = await SimulateAsync(csv);

        Assert.Equal([2, 3], report.Issues.Select(i => i.Row));
    }

    private static Task<ImportReport> SimulateAsync(string csv, Func<ImportOptions, ImportOptions>? options = null) =>
        Some.Pipeline(new InMemorySink(), options: options).SimulateAsync(new ImportRequest(Some.Csv(csv)));
}
