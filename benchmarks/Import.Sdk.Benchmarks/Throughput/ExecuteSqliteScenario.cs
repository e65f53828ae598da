using Import.Sdk.Sqlite;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary><c>ExecuteAsync</c> of the customers file into a new SQLite database (the sink opened and the tax regime seeded outside the timing).</summary>
internal sealed class ExecuteSqliteScenario : Scenario
{
    public override async Task<IScenarioRun> CreateRunAsync(string file, int run)
    {
        var path = ScratchDatabase(run);
        DeleteDatabase(path);
        var sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(path));
        await CustomerImport.SeedReferenceDataAsync(sink);
        return new Run(file, path, sink, BatchSize, Degree);
    }

    private sealed class Run(string file, string path, SqliteSink sink, int? batchSize, int? degree) : IScenarioRun
    {
        private ImportReport? _report;

        public async Task<RunOutcome> ExecuteAsync()
        {
            // The SQLite sink behind a timing decorator (two timestamps per batch call): the report tells the sink's share.
            var timed = new TimingSink(sink);
            var builder = new ImportPipelineBuilder().UseEntity(CustomerImport.Entity).UseSink(timed);
            builder.UseOptions(o => o with { BatchSize = batchSize ?? o.BatchSize, MaxDegreeOfParallelism = degree ?? o.MaxDegreeOfParallelism });

            var pipeline = builder.Build();
            _report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromFile(file)));
            return new RunOutcome(_report.Totals.Rows, Totals(_report) + "; " + timed);
        }

        public async Task<string?> VerifyAsync(RunOutcome outcome, long expectedRows)
        {
            var problem = CheckReport(_report!, expectedRows, simulated: false);
            var count = await sink.CountAsync(CustomerImport.Entity.Name);
            return problem ?? (count == expectedRows ? null : $"the database holds {count} customers, expected {expectedRows}");
        }

        public async ValueTask DisposeAsync()
        {
            await sink.DisposeAsync();
            DeleteDatabase(path);
        }
    }
}
