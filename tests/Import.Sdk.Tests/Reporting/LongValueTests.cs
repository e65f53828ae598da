using System.Globalization;
using System.Text;
using System.Text.Json;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Reporting;

/// <summary>
/// Regression (issue 10, item 6): a huge cell is quoted in issues, messages and the JSON report cut to a readable length
/// ("… (N characters)"); the errors file keeps the rejected row's cells whole.
/// </summary>
public class LongValueTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static readonly string Huge = new('x', 1 << 20);

    /// <summary>A host rule quoting the whole value in its message and its value.</summary>
    private sealed class QuotingRule : IRecordRule
    {
        public void Validate(RecordContext record)
        {
            if (record.GetText("parent") is { Length: > 1000 } parent)
            {
                record.ReportError("parent", "host_rule", $"the parent '{parent}' is refused", parent);
            }
        }
    }

    private static async Task<ImportReport> SimulateAsync(CultureInfo ui, params string[] lines) =>
        await Some.Pipeline(new InMemorySink(), Some.AccountsEntity.WithRules(new QuotingRule()), o => o with { UiCulture = ui })
            .SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(lines))));

    [Fact]
    public async Task SimulateAsync_OneMegabyteTooLongValue_IssueValueAndMessageAreCut()
    {
        var report = await SimulateAsync(English, Some.Line("C1", Huge));

        var issue = Assert.Single(report.IssuesOf(IssueCodes.TooLong));
        Assert.Equal(new string('x', 100) + "… (1,048,576 characters)", issue.Value);
        Assert.Equal($"'{new string('x', 100)}… (1,048,576 characters)' has 1048576 characters; at most 30 are allowed.", issue.Message);
    }

    [Fact]
    public async Task SimulateAsync_OneMegabyteTooLongValueInFrench_TheCutIsFrench()
    {
        var report = await SimulateAsync(CultureInfo.GetCultureInfo("fr-FR"), Some.Line("C1", Huge));

        var issue = Assert.Single(report.IssuesOf(IssueCodes.TooLong));
        Assert.Equal(new string('x', 100) + "… (1\u202F048\u202F576 caractères)", issue.Value);
    }

    [Fact]
    public async Task SimulateAsync_HugeValuesInEveryKindOfCheck_NoIssueQuotesMoreThanAReadableLength()
    {
        var report = await SimulateAsync(
            English,
            Some.Line("C1", "Dupont", email: Huge),
            Some.Line("C2", "Dupont", terms: Huge),
            Some.Line("C3", "Dupont", limit: Huge),
            Some.Line("C4", "Dupont", since: Huge),
            Some.Line("C5", "Dupont", active: Huge),
            Some.Line("C6", "Dupont", method: Huge),
            Some.Line("C7", "Dupont", parent: Huge),
            Some.Line(Huge, "Dupont"));

        Assert.Equal(
            [IssueCodes.InvalidEmail, IssueCodes.InvalidNumber, IssueCodes.InvalidNumber, IssueCodes.InvalidDate, IssueCodes.InvalidBoolean, IssueCodes.InvalidEnum, "host_rule", IssueCodes.TooLong],
            report.Issues.Where(i => i.Code != IssueCodes.UnknownParent).Select(i => i.Code));
        Assert.All(report.Issues, i =>
        {
            Assert.InRange(i.Value?.Length ?? 0, 1, 130);
            Assert.InRange(i.Message.Length, 1, 1100);
        });
        Assert.All(report.Issues.Where(i => i.Code != "host_rule"), i => Assert.InRange(i.Message.Length, 1, 300));
    }

    [Fact]
    public async Task ToJson_HugeValues_WritesASmallReport()
    {
        var lines = Enumerable.Range(1, 20).Select(i => Some.Line($"C{i}", Huge, email: Huge, terms: Huge)).ToArray();
        var report = await SimulateAsync(English, lines);

        var json = report.ToJson();
        using var stream = new MemoryStream();
        await report.WriteJsonAsync(stream);

        Assert.InRange(json.Length, 1, 40_000);
        Assert.Equal(60, JsonDocument.Parse(json).RootElement.GetProperty("issues").GetArrayLength());
        Assert.Equal(Encoding.UTF8.GetBytes(json), stream.ToArray());
    }

    [Fact]
    public async Task WriteErrorsFileAsync_HugeValue_KeepsTheCellWhole()
    {
        var report = await SimulateAsync(English, Some.Line("C1", Huge));

        using var stream = new MemoryStream();
        await report.WriteErrorsFileAsync(stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains(";" + Huge + ";", text, StringComparison.Ordinal);
        Assert.Contains("… (1,048,576 characters)' has 1048576 characters", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToJson_HugeHeaderCells_ColumnsAreCutInIssuesAndTheReport()
    {
        // A column named by a 1 MB header cell matches no field; another, mapped by the profile to the e-mail, holds a bad e-mail.
        var profile = new ImportProfile
        {
            Entity = "accounts",
            Columns = new Dictionary<string, string> { ["Code client"] = "code", ["Raison sociale"] = "name", ["E" + Huge] = "email" },
        };
        var csv = Some.Lines("Code client;Raison sociale;E" + Huge + ";Z" + Huge, "C1;Dupont;pas-un-email;");

        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { UiCulture = English })
            .SimulateAsync(new ImportRequest(Some.Csv(csv)) { Profile = profile });

        Assert.Equal([IssueCodes.UnmappedColumn, IssueCodes.InvalidEmail], report.Issues.Select(i => i.Code));
        Assert.All(report.Issues, i => Assert.InRange(i.Column!.Length, 100, 130));
        Assert.All(report.Issues, i => Assert.InRange(i.Message.Length, 1, 300));
        Assert.InRange(report.ToJson().Length, 1, 5_000);
    }

    [Fact]
    public void Cut_SurrogatePairAcrossTheCut_IsNeverSplit()
    {
        var value = new string('a', 99) + "😀" + "b"; // the pair is characters 100 and 101

        var cut = Import.Sdk.Reporting.DisplayText.Cut(value, English);

        Assert.Equal(new string('a', 99) + "… (102 characters)", cut);
    }

    [Fact]
    public void Cut_ValueOfTheMaximumLength_IsKeptWhole()
    {
        var value = new string('a', 100);

        Assert.Same(value, Import.Sdk.Reporting.DisplayText.Cut(value, English));
    }
}
