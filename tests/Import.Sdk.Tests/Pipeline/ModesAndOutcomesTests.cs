using System.Globalization;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>Import modes (insert, update, upsert) and row outcomes (inserted, updated, unchanged, rejected).</summary>
public class ModesAndOutcomesTests
{
    private static readonly Func<ImportOptions, ImportOptions> English = o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ExecuteAsync_UpsertMode_InsertsNewKeysAndUpdatesExistingOnes()
    {
        var sink = Seeded(Some.NewAccount("C1", "Dupont"));

        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont et fils"), Some.Line("C2", "Martin")), sink);

        Assert.Equal(ImportMode.Upsert, report.Mode);
        Assert.Equal(new ImportTotals(2, 1, 1, 0, 0), report.Totals);
        Assert.Equal("Dupont et fils", Some.Value(Some.Account(sink, "C1"), "name"));
        Assert.Equal(2, sink.GetRecords("accounts").Count);
    }

    [Fact]
    public async Task ExecuteAsync_InsertMode_RejectsExistingKeysWithAlreadyExists()
    {
        var sink = Seeded(Some.NewAccount("C1", "Dupont"));

        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont et fils"), Some.Line("C2", "Martin")), sink, o => English(o) with { Mode = ImportMode.Insert });

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(2, "Code client", "code", "C1", IssueCodes.AlreadyExists, IssueSeverity.Error, "A record with the key 'C1' already exists: in insert mode it is not updated."), issue);
        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
        Assert.Equal("Dupont", Some.Value(Some.Account(sink, "C1"), "name"));
    }

    [Fact]
    public async Task ExecuteAsync_UpdateMode_RejectsUnknownKeysWithNotFound()
    {
        var sink = Seeded(Some.NewAccount("C1", "Dupont"));

        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont et fils"), Some.Line("C2", "Martin")), sink, o => English(o) with { Mode = ImportMode.Update });

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(3, "Code client", "code", "C2", IssueCodes.NotFound, IssueSeverity.Error, "No record has the key 'C2': in update mode it cannot be created."), issue);
        Assert.Equal(new ImportTotals(2, 0, 1, 0, 1), report.Totals);
        Assert.Single(sink.GetRecords("accounts"));
    }

    [Fact]
    public async Task ExecuteAsync_RowEqualToTheStoredRecord_IsUnchangedAndNotWritten()
    {
        var stored = Some.NewAccount("C1", "Dupont", ("email", "a@b.fr"), ("terms", 30L), ("limit", 1234.56m), ("since", new DateOnly(2024, 2, 29)), ("active", true), ("method", "CHEQUE"));
        var sink = Seeded(stored);
        var writesBefore = sink.WriteCount;

        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", " Dupont ", "a@b.fr", "30", "1 234,56", "29/02/2024", "oui", "chèque")), sink);

        Assert.Equal(new ImportTotals(1, 0, 0, 1, 0), report.Totals);
        Assert.Equal(writesBefore, sink.WriteCount);
        Assert.Equal(0, sink.BatchCount);
    }

    [Fact]
    public async Task ExecuteAsync_Update_KeepsTheStoredValuesOfUnmappedFields()
    {
        var sink = Seeded(Some.NewAccount("C1", "Dupont", ("email", "old@x.fr"), ("terms", 30L), ("status", "SUSPENDU")));

        var (report, _) = await Some.ExecuteAsync("Code client;Raison sociale\r\nC1;Dupont SA\r\n", sink);

        Assert.Equal(new ImportTotals(1, 0, 1, 0, 0), report.Totals);
        var c1 = Some.Account(sink, "C1");
        Assert.Equal(("Dupont SA", "old@x.fr", 30L, "SUSPENDU"), (Some.Value(c1, "name"), Some.Value(c1, "email"), Some.Value(c1, "terms"), Some.Value(c1, "status")));
    }

    [Fact]
    public async Task ExecuteAsync_Update_MappedEmptyCellClearsTheStoredValue()
    {
        var sink = Seeded(Some.NewAccount("C1", "Dupont", ("email", "old@x.fr")));

        await Some.ExecuteAsync("Code client;Raison sociale;Email\r\nC1;Dupont;\r\n", sink);

        Assert.Null(Some.Value(Some.Account(sink, "C1"), "email"));
    }

    [Fact]
    public async Task ExecuteAsync_ProtectedField_IsSetOnInsertAndKeptOnUpdate()
    {
        var sink = Seeded(Some.NewAccount("C1", "Dupont", ("limit", 1000m)));

        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont SA", limit: "5 000"), Some.Line("C2", "Martin", limit: "2 000")), sink);

        Assert.Equal(new ImportTotals(2, 1, 1, 0, 0), report.Totals);
        Assert.Equal((1000m, "Dupont SA"), (Some.Value(Some.Account(sink, "C1"), "limit"), Some.Value(Some.Account(sink, "C1"), "name")));
        Assert.Equal(2000m, Some.Value(Some.Account(sink, "C2"), "limit"));
    }

    [Fact]
    public async Task ExecuteAsync_OnlyAProtectedFieldDiffers_IsUnchanged()
    {
        var sink = Seeded(Some.NewAccount("C1", "Dupont", ("limit", 1000m)));

        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", limit: "5 000")), sink);

        Assert.Equal(new ImportTotals(1, 0, 0, 1, 0), report.Totals);
        Assert.Equal(0, sink.BatchCount);
    }

    [Fact]
    public async Task ExecuteAsync_NoCodeColumn_UsesTheAlternateKeyName()
    {
        var sink = Seeded(Some.NewAccount("C9", "Dupont", ("email", "old@x.fr")));

        var (report, _) = await Some.ExecuteAsync("Raison sociale;Email\r\nDupont;new@x.fr\r\nMartin;m@x.fr\r\n", sink);

        Assert.Equal(new ImportTotals(2, 1, 1, 0, 0), report.Totals);
        var dupont = sink.GetRecords("accounts").Single(r => Equals(Some.Value(r, "name"), "Dupont"));
        Assert.Equal(("C9", "new@x.fr"), (Some.Value(dupont, "code"), Some.Value(dupont, "email")));
    }

    [Fact]
    public async Task SimulateAsync_NothingIsWritten_ButTheReportIsComplete()
    {
        var sink = Seeded(Some.NewAccount("C1", "Dupont"));

        var report = await Some.Pipeline(sink).SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(Some.Line("C1", "Dupont SA"), Some.Line("C2", "Martin", groups: "Nord")))));

        Assert.True(report.Simulated);
        Assert.Equal(new ImportTotals(2, 1, 1, 0, 0), report.Totals);
        Assert.Equal(IssueCodes.AutoCreated, Assert.Single(report.Issues).Code);
        Assert.Equal((0, 0), (sink.BatchCount, sink.WriteCount));
        Assert.Equal("Dupont", Some.Value(Some.Account(sink, "C1"), "name"));
        Assert.Empty(sink.GetRecords("groups"));
    }

    [Fact]
    public async Task ExecuteAsync_HostRecordRule_RejectsTheRowWithItsIssue()
    {
        var entity = Some.AccountsEntity.WithRules(new LongTermsNeedTransfer());
        var csv = Some.AccountsCsv(Some.Line("C1", "Dupont", terms: "90", method: "chèque"), Some.Line("C2", "Martin", terms: "90", method: "virement"), Some.Line("C3", "Petit", email: "x", terms: "90", method: "chèque"));

        var (report, sink) = await Some.ExecuteAsync(csv, entity: entity);

        Assert.Equal(
            [
                new ImportIssue(2, "Délai de paiement", "terms", "90", "long_terms", IssueSeverity.Error, "90 jours : virement obligatoire"),
                new ImportIssue(4, "Email", "email", "x", IssueCodes.InvalidEmail, IssueSeverity.Error, "« x » n'est pas une adresse e-mail valide."),
                new ImportIssue(4, "Délai de paiement", "terms", "90", "long_terms", IssueSeverity.Error, "90 jours : virement obligatoire"),
            ],
            report.Issues);
        Assert.Equal(new ImportTotals(3, 1, 0, 0, 2), report.Totals);
        Assert.Equal("C2", Some.Value(Assert.Single(sink.GetRecords("accounts")), "code"));
    }

    [Fact]
    public async Task ExecuteAsync_RecordRule_SeesWhetherTheRowAlreadyHasErrors()
    {
        var rule = new SpyRule();

        await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont"), Some.Line("C2", "Martin", email: "x")), entity: Some.AccountsEntity.WithRules(rule));

        Assert.Equal([(2, false, "Dupont"), (3, true, "Martin")], rule.Seen);
    }

    [Fact]
    public async Task ExecuteAsync_RecordRule_ReadsAFieldByItsIndexAsByItsName()
    {
        var rule = new IndexRule();

        await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", terms: "30"), Some.Line("C2", "Martin")), entity: Some.AccountsEntity.WithRules(rule));

        Assert.Equal([("Dupont", 30L), ("Martin", null)], rule.Seen);
    }

    private static InMemorySink Seeded(params object?[][] records)
    {
        var sink = new InMemorySink();
        sink.Seed(Some.Accounts, records);
        return sink;
    }

    private sealed class LongTermsNeedTransfer : IRecordRule
    {
        public void Validate(RecordContext record)
        {
            if (record.GetDecimal("terms") > 60 && record.GetText("method") != "VIREMENT")
            {
                record.ReportError("terms", "long_terms", $"{record["terms"]} jours : virement obligatoire");
            }
        }
    }

    private sealed class IndexRule : IRecordRule
    {
        public List<(object? Name, object? Terms)> Seen { get; } = [];

        public void Validate(RecordContext record)
        {
            var name = record[record.Schema["name"].Index];
            Assert.Equal(record["name"], name);
            Assert.Throws<ArgumentOutOfRangeException>(() => record[record.Schema.Fields.Count]); // a failed assertion fails the import
            Assert.Throws<ArgumentOutOfRangeException>(() => record[-1]);
            Seen.Add((name, record[record.Schema["terms"].Index]));
        }
    }

    private sealed class SpyRule : IRecordRule
    {
        public List<(int Row, bool HasErrors, string? Name)> Seen { get; } = [];

        public void Validate(RecordContext record) => Seen.Add((record.Row, record.HasErrors, record.GetText("name")));
    }
}
