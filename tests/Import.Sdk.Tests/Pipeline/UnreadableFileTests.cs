using System.Globalization;
using System.Text;
using System.Text.Json;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>
/// Regression (issue 10, item 4): a file that breaks part-way. The rows read before are imported; the row where reading
/// stopped is one rejected row with a <c>malformed_file</c> issue saying from which row on nothing was imported, in the totals,
/// the success flag, <see cref="ImportReport.UnreadFromRow"/>, the JSON report and the errors file — whatever the lanes.
/// </summary>
public class UnreadableFileTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static Task<ImportReport> SimulateAsync(int rowsInFile, int readable, int degree, CultureInfo? ui = null, bool execute = false)
    {
        var rows = Enumerable.Range(1, rowsInFile).Select(i => Some.Line($"C{i}", "Dupont")).ToArray();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(Some.AccountsEntity)
            .UseSink(new InMemorySink())
            .UseReader(new GivingUpReaderProvider(readable))
            .UseOptions(o => o with { BatchSize = 50, MaxDegreeOfParallelism = degree, UiCulture = ui ?? English })
            .Build();
        var request = new ImportRequest(Some.Csv(Some.AccountsCsv(rows), "accounts.fake"));
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SimulateAsync_ReaderGivesUpAfter120Rows_TheRowWhereReadingStoppedIsOneRejectedRow(int degree)
    {
        var report = await SimulateAsync(rowsInFile: 300, readable: 120, degree);

        Assert.Equal(new ImportTotals(121, 120, 0, 0, 1), report.Totals);
        Assert.False(report.IsSuccess);
        Assert.False(report.IsFileRejected); // rows were imported: the CLI exits 1, not 2
        Assert.Equal(122, report.UnreadFromRow);
        var issue = Assert.Single(report.Issues);
        Assert.Equal((122, IssueCodes.MalformedFile, IssueSeverity.Error), (issue.Row, issue.Code, issue.Severity));
        Assert.Equal("Nothing was imported from row 122 on: the file cannot be read further. no more rows after 120", issue.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ExecuteAsync_ReaderGivesUpAtTheEndOfABatch_SameTotals(int degree)
    {
        var report = await SimulateAsync(rowsInFile: 300, readable: 100, degree, execute: true);

        Assert.Equal(new ImportTotals(101, 100, 0, 0, 1), report.Totals);
        Assert.Equal(102, report.UnreadFromRow);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SimulateAsync_ReaderGivesUpBeforeTheFirstRow_FileRejectedAndTheRowCounted(int degree)
    {
        var report = await SimulateAsync(rowsInFile: 10, readable: 0, degree);

        Assert.True(report.IsFileRejected); // nothing read: the CLI exits 2
        Assert.False(report.IsSuccess);
        Assert.Equal(new ImportTotals(1, 0, 0, 0, 1), report.Totals);
        Assert.Equal(2, report.UnreadFromRow);
    }

    [Fact]
    public async Task SimulateAsync_ReaderGivesUpInFrench_TheMessageIsFrench()
    {
        var report = await SimulateAsync(rowsInFile: 30, readable: 7, degree: 1, CultureInfo.GetCultureInfo("fr-FR"));

        var issue = Assert.Single(report.Issues);
        Assert.Equal("Rien n'a été importé à partir de la ligne 9 : le fichier ne peut pas être lu plus loin. no more rows after 7", issue.Message);
    }

    [Fact]
    public async Task ToJson_ReaderGivesUp_HasUnreadFromRowAndCountsTheRow()
    {
        var report = await SimulateAsync(rowsInFile: 30, readable: 5, degree: 1);

        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(7, json.RootElement.GetProperty("unreadFromRow").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("totals").GetProperty("rows").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task ToJson_FileReadToItsEnd_HasNoUnreadFromRow()
    {
        var report = await SimulateAsync(rowsInFile: 30, readable: 1000, degree: 1);

        Assert.Null(report.UnreadFromRow);
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.False(json.RootElement.TryGetProperty("unreadFromRow", out _));
    }

    [Fact]
    public async Task WriteErrorsFileAsync_ReaderGivesUp_HasALineForTheUnreadRowAfterTheRejectedRows()
    {
        var rows = Enumerable.Range(1, 30).Select(i => Some.Line($"C{i}", i == 3 ? "" : "Dupont")).ToArray();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(Some.AccountsEntity)
            .UseSink(new InMemorySink())
            .UseReader(new GivingUpReaderProvider(5))
            .UseOptions(o => o with { UiCulture = English })
            .Build();
        var report = await pipeline.SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(rows), "accounts.fake")));

        using var stream = new MemoryStream();
        await report.WriteErrorsFileAsync(stream);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length); // header, row 4 (no name), row 7 (unread)
        Assert.StartsWith("C3;", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("Nothing was imported from row 7 on: the file cannot be read further. no more rows after 5", lines[2], StringComparison.Ordinal);
    }
}
