using System.Globalization;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>What one measured run did.</summary>
/// <param name="Rows">The data rows read.</param>
/// <param name="Detail">Totals or counts worth printing (inserted, rejected…).</param>
internal sealed record RunOutcome(long Rows, string Detail);

/// <summary>One measured run: set up by <see cref="Scenario.CreateRunAsync"/> (not timed), executed (timed), checked, disposed (not timed).</summary>
internal interface IScenarioRun : IAsyncDisposable
{
    /// <summary>The timed part.</summary>
    Task<RunOutcome> ExecuteAsync();

    /// <summary>Checks the result (not timed).</summary>
    /// <returns>A problem, or <see langword="null"/> when the run did what it should.</returns>
    Task<string?> VerifyAsync(RunOutcome outcome, long expectedRows);
}

/// <summary>A throughput scenario, run in a child process of its own by <see cref="ScenarioRunner"/>.</summary>
internal abstract class Scenario
{
    /// <summary>The scenarios by the name the harness passes on the command line.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Scenario>> All = new Dictionary<string, Func<Scenario>>(StringComparer.Ordinal)
    {
        ["raw-csv"] = () => new RawCsvScenario(),
        ["raw-csv-async"] = () => new RawCsvScenario(RawCsvVariant.Async),
        ["raw-csv-our-options"] = () => new RawCsvScenario(RawCsvVariant.OurOptions),
        ["raw-csv-keys"] = () => new RawCsvScenario(RawCsvVariant.StringKeys),
        ["raw-csv-hashkeys"] = () => new RawCsvScenario(RawCsvVariant.HashKeys),
        ["read-ours"] = () => new OurReaderScenario(),
        ["simulate"] = () => new SimulateScenario(SourceKind.File),
        ["simulate-sequential"] = () => new SimulateScenario(SourceKind.File) { Degree = 1 },
        ["simulate-bytes"] = () => new SimulateScenario(SourceKind.Bytes),
        ["simulate-syncstream"] = () => new SimulateScenario(SourceKind.SyncStream),
        ["simulate-unbuffered"] = () => new SimulateScenario(SourceKind.UnbufferedStream),
        ["simulate-reads"] = () => new SimulateScenario(SourceKind.CountedBytes),
        ["ladder-plain"] = () => new SimulateScenario(SourceKind.File, LadderEntities.Plain),
        ["ladder-typed"] = () => new SimulateScenario(SourceKind.File, LadderEntities.Typed),
        ["ladder-validated"] = () => new SimulateScenario(SourceKind.File, LadderEntities.Validated),
        ["ladder-referenced"] = () => new SimulateScenario(SourceKind.File, LadderEntities.Referenced),
        ["execute-memory"] = () => new ExecuteInMemoryScenario(),
        ["execute-sqlite"] = () => new ExecuteSqliteScenario(),
        ["raw-sqlite"] = () => new RawSqliteScenario(),
        ["raw-sqlite-batched"] = () => new RawSqliteScenario(transactionRows: 2000),
        ["xlsx-ours"] = () => new XlsxScenario(XlsxReaderKind.Ours),
        ["xlsx-edr"] = () => new XlsxScenario(XlsxReaderKind.ExcelDataReader),
        ["xlsx-floor"] = () => new XlsxScenario(XlsxReaderKind.Floor),
        ["xls-ours"] = () => new XlsxScenario(XlsxReaderKind.Ours, "xls"),
        ["xls-edr"] = () => new XlsxScenario(XlsxReaderKind.ExcelDataReader, "xls"),
    };

    /// <summary>Gets or sets the pipeline's batch size, or <see langword="null"/> for the default (diagnostic: <c>--batch N</c>).</summary>
    public int? BatchSize { get; set; }

    /// <summary>Gets or sets the pipeline's <see cref="ImportOptions.MaxDegreeOfParallelism"/>, or <see langword="null"/> for the default (<c>--degree N</c>).</summary>
    public int? Degree { get; set; }

    /// <summary>Gets or sets the folder for scratch files (databases).</summary>
    public string WorkDirectory { get; set; } = Path.GetTempPath();

    /// <summary>Work done once before any run, not timed (pre-parsing, DDL).</summary>
    public virtual Task PrepareAsync(string file) => Task.CompletedTask;

    /// <summary>Sets up one run (not timed).</summary>
    public abstract Task<IScenarioRun> CreateRunAsync(string file, int run);

    protected string ScratchDatabase(int run) =>
        Path.Combine(WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"bench-{GetType().Name}-{Environment.ProcessId}-{run}.db"));

    protected static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    protected static string Totals(ImportReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"rows {report.Totals.Rows}, inserted {report.Totals.Inserted}, updated {report.Totals.Updated}, unchanged {report.Totals.Unchanged}, rejected {report.Totals.Rejected}, issues {report.Issues.Count + report.IssuesOmitted}");

    protected static string? CheckReport(ImportReport report, long expectedRows, bool simulated)
    {
        if (report.Totals.Rows != expectedRows || report.Totals.Rejected != 0 || report.Totals.Inserted != expectedRows || report.Simulated != simulated)
        {
            var first = string.Join(" | ", report.Issues.Where(i => i.Severity == IssueSeverity.Error).Take(5).Select(i => $"row {i.Row} {i.Field} {i.Code}: {i.Message}"));
            return $"expected {expectedRows} rows all inserted and none rejected, got {Totals(report)}; first errors: {first}";
        }

        var unmapped = report.Issues.Where(i => i.Code is IssueCodes.UnmappedColumn or IssueCodes.AmbiguousColumn).Select(i => i.Column).ToArray();
        return unmapped.Length == 0 ? null : $"columns not auto-matched: {string.Join(", ", unmapped)}";
    }

    /// <summary>A run with nothing to set up or tear down.</summary>
    protected sealed class SimpleRun(Func<Task<RunOutcome>> execute, Func<RunOutcome, long, Task<string?>>? verify = null) : IScenarioRun
    {
        public Task<RunOutcome> ExecuteAsync() => execute();

        public Task<string?> VerifyAsync(RunOutcome outcome, long expectedRows) =>
            verify is null ? Task.FromResult(outcome.Rows == expectedRows ? null : $"read {outcome.Rows} rows, expected {expectedRows}") : verify(outcome, expectedRows);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
