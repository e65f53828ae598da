using System.Globalization;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary><c>ExecuteAsync</c> of the customers file into a new in-memory sink.</summary>
internal sealed class ExecuteInMemoryScenario : Scenario
{
    public override async Task<IScenarioRun> CreateRunAsync(string file, int run)
    {
        var sink = new InMemorySink();
        await CustomerImport.SeedReferenceDataAsync(sink);
        var pipeline = CustomerImport.Build(sink, BatchSize, degree: Degree);
        ImportReport? report = null;
        return new SimpleRun(
            async () =>
            {
                report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromFile(file)));
                return new RunOutcome(report.Totals.Rows, Totals(report) + string.Create(CultureInfo.InvariantCulture, $", sink batches {sink.BatchCount}"));
            },
            (_, expected) => Task.FromResult(CheckReport(report!, expected, simulated: false)
                ?? (sink.WriteCount < expected ? $"the sink holds {sink.WriteCount} writes, expected at least {expected}" : null)));
    }
}
