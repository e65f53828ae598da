using Import.Sdk.Planning;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Planning;

/// <summary>
/// The planning stage on its own: converted rows in, batch by batch; the changes handed to a change writer, the outcomes and issues
/// in the report, the sink only looked up (once per batch for the keys, once per reference field).
/// </summary>
public class BatchPlannerTests
{
    private readonly Stages _stages = new();
    private readonly CountingSink _sink = new();
    private readonly RecordingChangeWriter _writer = new();

    [Fact]
    public async Task PlanAsync_NewChangedAndUnchangedKeys_InsertUpdateAndNothing_OneLookupAndOneFlushForTheBatch()
    {
        _sink.Inner.Seed(Some.Accounts, Some.NewAccount("C2", "Old name", ("status", "ACTIVE")), Some.NewAccount("C3", "Same", ("status", "ACTIVE")));
        var rows = _stages.Batch(2, Some.Line("C1", "New"), Some.Line("C2", "New name"), Some.Line("C3", "Same"));

        await _stages.Planner(_sink, _writer).PlanAsync(rows, 0, 3, null);

        var flushed = Assert.Single(_writer.Flushed);
        Assert.Equal([(ChangeKind.Insert, "C1", 2), (ChangeKind.Update, "C2", 3)], flushed.Select(c => (c.Kind, c.Key, c.Row)));
        Assert.Equal("New name", Some.Value(flushed[1].Values, "name"));
        Assert.Same(rows[0].Values, flushed[0].Values); // an insert hands the row's values over...
        Assert.True(rows[0].ValuesKept); // ...and the row will not reuse them, since this writer keeps them
        Assert.Equal(new ImportTotals(0, 1, 1, 1, 0), _stages.Report.Totals); // rows are counted by whoever read them
        Assert.Equal(1, _sink.LookupsOf("accounts"));
        Assert.Equal(["C1", "C2", "C3"], _sink.Lookups.Single().Keys);
        Assert.All(rows, r => Assert.True(r.Recyclable));
    }

    [Fact]
    public async Task PlanAsync_UpdateOfAProtectedField_TheStoredValueIsKept_AsIsAnUnmappedField()
    {
        _sink.Inner.Seed(Some.Accounts, Some.NewAccount("C1", "Dupont", ("limit", 5000m), ("status", "BLOCKED")));
        var rows = _stages.Batch(2, Some.Line("C1", "Dupont SA", limit: "9 999"));

        await _stages.Planner(_sink, _writer).PlanAsync(rows, 0, 1, null);

        var update = Assert.Single(Assert.Single(_writer.Flushed));
        Assert.Equal("Dupont SA", Some.Value(update.Values, "name"));
        Assert.Equal(5000m, Some.Value(update.Values, "limit")); // protected: set on insert only
        Assert.Equal("BLOCKED", Some.Value(update.Values, "status")); // unmapped: its default only fills an empty value
        Assert.False(rows[0].ValuesKept); // an update writes a merged copy: the row's own values are free again
    }

    [Fact]
    public async Task PlanAsync_KeySeenInAnEarlierBatch_LaterRowRejectedAsDuplicateNamingTheFirstRow()
    {
        var planner = _stages.Planner(_sink, _writer);

        await planner.PlanAsync(_stages.Batch(2, Some.Line("C1", "Dupont"), Some.Line("C2", "Martin")), 0, 2, null);
        var second = _stages.Batch(4, Some.Line("C3", "Durand"), Some.Line("C1", "Dupont bis"));
        await planner.PlanAsync(second, 0, 4, null);

        var report = _stages.BuildReport();
        var duplicate = Assert.Single(report.Issues);
        Assert.Equal((5, IssueCodes.DuplicateKey, "Code client"), (duplicate.Row, duplicate.Code, duplicate.Column));
        Assert.Equal("The key 'C1' already appears in row 2; only the first occurrence is imported.", duplicate.Message);
        Assert.Equal(new ImportTotals(0, 3, 0, 0, 1), report.Totals);
        Assert.False(second[1].Recyclable); // kept for the errors file
        Assert.Equal(["C3"], _writer.Flushed[1].Select(c => c.Key));
        Assert.Equal(["C3"], _sink.Lookups[1].Keys); // a duplicate is not looked up again
    }

    [Fact]
    public async Task PlanAsync_ParentLaterInTheFile_RowDeferredThenPlannedAfterItsParent_UnknownParentRejectedLast()
    {
        var planner = _stages.Planner(_sink, _writer);

        await planner.PlanAsync(_stages.Batch(2, Some.Line("C1", "Filiale", parent: "C9"), Some.Line("C2", "Orpheline", parent: "C404")), 0, 2, null);
        Assert.Equal([], _writer.Flushed.Single().Select(c => c.Key)); // both wait: a parent may come later
        await planner.PlanAsync(_stages.Batch(4, Some.Line("C9", "Groupe")), 0, 3, null);
        await planner.PlanDeferredAsync();

        Assert.Equal(["C9", "C1"], _writer.Flushed.SelectMany(f => f).Select(c => c.Key));
        var report = _stages.BuildReport();
        var orphan = Assert.Single(report.Issues);
        Assert.Equal((3, IssueCodes.UnknownParent, "C404"), (orphan.Row, orphan.Code, orphan.Value));
        Assert.Equal(new ImportTotals(0, 2, 0, 0, 1), report.Totals);
    }

    [Fact]
    public async Task PlanAsync_UnknownGroupCodes_CreatedOnceBeforeTheRowsThatUseThem_WithAWarningEach()
    {
        var rows = _stages.Batch(2, Some.Line("C1", "Dupont", groups: "G1,G2"), Some.Line("C2", "Martin", groups: "G2"));

        await _stages.Planner(_sink, _writer).PlanAsync(rows, 0, 2, null);

        Assert.Equal(
            [("groups", "G1"), ("groups", "G2"), ("accounts", "C1"), ("accounts", "C2")],
            _writer.Flushed.Single().Select(c => (c.Entity, c.Key)));
        var report = _stages.BuildReport();
        Assert.Equal([(2, "G1"), (2, "G2")], report.Issues.Select(i => (i.Row, i.Value)));
        Assert.All(report.Issues, i => Assert.Equal((IssueCodes.AutoCreated, IssueSeverity.Warning), (i.Code, i.Severity)));
        Assert.False(report.HasErrors);
        Assert.Equal(1, _sink.LookupsOf("groups")); // the batch's codes in one look-up
    }

    [Theory]
    [InlineData(ImportMode.Insert, "C1", IssueCodes.AlreadyExists)]
    [InlineData(ImportMode.Update, "C2", IssueCodes.NotFound)]
    public async Task PlanAsync_RowTheModeRefuses_RejectedWithItsCode_NothingWritten(ImportMode mode, string key, string code)
    {
        var stages = new Stages(mode: mode);
        _sink.Inner.Seed(Some.Accounts, Some.NewAccount("C1", "Dupont"));

        await stages.Planner(_sink, _writer).PlanAsync(stages.Batch(2, Some.Line(key, "Dupont")), 0, 1, null);

        var issue = Assert.Single(stages.BuildReport().Issues);
        Assert.Equal((code, key, "code"), (issue.Code, issue.Value, issue.Field));
        Assert.Empty(_writer.Flushed.Single());
        Assert.Equal(1, stages.Report.Totals.Rejected);
    }

    [Fact]
    public async Task PlanAsync_TheSameRowsWithEitherWriter_SameOutcomesAndIssues_OnlyTheWriterDiffers()
    {
        string[] lines = [Some.Line("C1", "Dupont", groups: "G1"), Some.Line("C1", "Encore"), Some.Line("C2", "", parent: "C1"), Some.Line("C3", "Martin", parent: "C4"), Some.Line("C4", "Groupe")];
        var simulated = new Stages();
        var executed = new Stages();

        var discard = simulated.Planner(new InMemorySink(), DiscardChangeWriter.Instance, batchSize: 2);
        await discard.PlanAsync(simulated.Batch(2, lines), 0, 5, null);
        await discard.PlanDeferredAsync();
        var writing = executed.Planner(new InMemorySink(), _writer, batchSize: 2);
        await writing.PlanAsync(executed.Batch(2, lines), 0, 5, null);
        await writing.PlanDeferredAsync();

        Assert.Equal(executed.BuildReport(simulated: false).Totals, simulated.BuildReport().Totals);
        Assert.Equal(executed.BuildReport(simulated: false).Issues, simulated.BuildReport().Issues);
        Assert.Equal(["G1", "C1", "C4", "C3"], _writer.Flushed.SelectMany(f => f).Select(c => c.Key));
    }
}
