namespace Import.Sdk.Commerce.Tests.Support;

/// <summary>Assertions on import reports that name what was found when they fail.</summary>
internal static class ReportAssert
{
    public static void Totals(ImportReport report, long rows, long inserted = 0, long updated = 0, long unchanged = 0, long rejected = 0) =>
        Assert.True(
            report.Totals == new ImportTotals(rows, inserted, updated, unchanged, rejected),
            $"Expected {new ImportTotals(rows, inserted, updated, unchanged, rejected)}, got {report.Totals}.{Environment.NewLine}{Describe(report)}");

    /// <summary>The only error of the report: on this row, field and code.</summary>
    public static ImportIssue SingleError(ImportReport report, int row, string field, string code)
    {
        var errors = report.Issues.Where(i => i.Severity == IssueSeverity.Error).ToArray();
        Assert.True(errors.Length == 1, $"Expected one error, got {errors.Length}.{Environment.NewLine}{Describe(report)}");
        var issue = errors[0];
        Assert.Equal((row, field, code), (issue.Row, issue.Field, issue.Code));
        return issue;
    }

    /// <summary>The issue of this code on this row.</summary>
    public static ImportIssue Issue(ImportReport report, int row, string code)
    {
        var found = report.Issues.Where(i => i.Row == row && i.Code == code).ToArray();
        Assert.True(found.Length == 1, $"Expected one '{code}' on row {row}, got {found.Length}.{Environment.NewLine}{Describe(report)}");
        return found[0];
    }

    public static void NoErrors(ImportReport report) =>
        Assert.True(!report.Issues.Any(i => i.Severity == IssueSeverity.Error), Describe(report));

    public static string Describe(ImportReport report) =>
        $"Totals: {report.Totals}{Environment.NewLine}" + string.Join(Environment.NewLine, report.Issues.Select(i => $"  row {i.Row} [{i.Column}] {i.Field} '{i.Value}' {i.Code} {i.Severity}: {i.Message}"));
}
