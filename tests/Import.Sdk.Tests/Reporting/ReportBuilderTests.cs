using System.Globalization;
using Import.Sdk.Pipeline;
using Import.Sdk.Reporting;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Reporting;

/// <summary>
/// The report stage on its own: outcomes counted, issues ordered by row whatever the order they arrive in, the first rows' kept
/// past the limit, a batch the sink failed to write taken out again.
/// </summary>
public class ReportBuilderTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Build_IssuesArrivingOutOfRowOrder_ByRowThenInTheOrderFound()
    {
        var builder = new ReportBuilder(new ImportOptions(), English);

        builder.AddIssue(Issue(5, "b"));
        builder.AddIssue(Issue(3, "x"));
        builder.AddIssue(Issue(5, "a"));
        builder.AddIssue(Issue(4, "y", IssueSeverity.Warning));

        var report = Build(builder);
        Assert.Equal([(3, "x"), (4, "y"), (5, "b"), (5, "a")], report.Issues.Select(i => (i.Row, i.Code)));
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void AddIssue_MoreThanMaxIssues_KeepsTheFirstRowsWhateverTheOrder_CountsTheRest()
    {
        var builder = new ReportBuilder(new ImportOptions { MaxIssues = 3 }, English);

        foreach (var row in new[] { 9, 2, 7, 4, 3, 8 })
        {
            builder.AddIssue(Issue(row, "c"));
        }

        var report = Build(builder);
        Assert.Equal([2, 3, 4], report.Issues.Select(i => i.Row));
        Assert.Equal(3, report.IssuesOmitted);
    }

    [Fact]
    public void Flush_HandsARowsPendingIssuesOver_InTheirOrder_Once()
    {
        var builder = new ReportBuilder(new ImportOptions(), English);
        var row = new RowState(6, ["C1"], new object?[1]);
        row.AddIssue(Issue(6, "first"), "Code: first");
        row.AddIssue(Issue(6, "second", IssueSeverity.Warning), null);

        builder.Flush(row);
        builder.Flush(row);

        Assert.Null(row.Pending);
        Assert.True(row.Rejected);
        Assert.Equal(["Code: first"], row.Errors);
        Assert.Equal(["first", "second"], Build(builder).Issues.Select(i => i.Code));
    }

    [Fact]
    public void Interrupted_TakesTheFailedBatchOut_AndSaysWhereTheImportStopped()
    {
        var builder = new ReportBuilder(new ImportOptions(), English);
        builder.CountRows(2);
        builder.CountInserted();
        Reject(builder, 3, "C2");
        builder.MarkBatch(firstRow: 4); // the batch of rows 4 and 5 fails in the sink
        builder.CountRows(2);
        builder.CountInserted();
        Reject(builder, 5, "C4");

        var ex = builder.Interrupted(new IOException("disk full\r\n  on /var"), () => Build(builder));

        var report = ex.Report;
        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
        Assert.Equal([(3, "required"), (4, IssueCodes.WriteFailed)], report.Issues.Select(i => (i.Row, i.Code)));
        Assert.Contains("starts at row 4", report.Issues[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("(disk full on /var).", report.Issues[1].Message, StringComparison.Ordinal); // the cause on one line
        Assert.Equal(ex.Message, report.Issues[1].Message);
        Assert.Contains("C2", ErrorsFile(report), StringComparison.Ordinal);
        Assert.DoesNotContain("C4", ErrorsFile(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(3, false)]
    public void StopReading_OneRejectedRowWhereReadingStopped_TheFileRefusedOnlyWhenNothingWasRead(int rowsBefore, bool refused)
    {
        var builder = new ReportBuilder(new ImportOptions(), English);
        builder.CountRows(rowsBefore);

        builder.StopReading(rowsBefore + 2, "the zip is damaged.", nothingRead: rowsBefore == 0);

        var report = Build(builder);
        Assert.Equal(rowsBefore + 1, report.Totals.Rows);
        Assert.Equal(1, report.Totals.Rejected);
        Assert.Equal(rowsBefore + 2, report.UnreadFromRow);
        Assert.Equal(refused, report.IsFileRejected);
        var issue = Assert.Single(report.Issues);
        Assert.Equal($"Nothing was imported from row {rowsBefore + 2} on: the file cannot be read further. the zip is damaged.", issue.Message);
    }

    private static void Reject(ReportBuilder builder, int row, string code)
    {
        var state = new RowState(row, [code, string.Empty], new object?[2]);
        state.AddIssue(Issue(row, "required"), "Name: required");
        builder.Flush(state);
        builder.Reject(state);
    }

    private static string ErrorsFile(ImportReport report) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Some.ErrorsFileOf(report)));

    private static ImportIssue Issue(int row, string code, IssueSeverity severity = IssueSeverity.Error) =>
        new(row, "Code", "code", "v", code, severity, $"message {code}");

    private static ImportReport Build(ReportBuilder builder) => builder.Build("accounts", ImportMode.Upsert, true, "accounts.csv", null, ["Code", "Name"]);
}
