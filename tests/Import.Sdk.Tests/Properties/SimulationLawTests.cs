using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Properties;

/// <summary>The laws of simulation and re-import, over random files and stores (<see cref="AccountsCase"/>).</summary>
public class SimulationLawTests
{
    /// <summary>Law: simulating then executing the same file on identical stores gives the same report (totals, issues, rejected rows).</summary>
    [Property(MaxTest = 200)]
    public Property SimulateAsync_Report_EqualsExecuteAsyncReportOnAnIdenticalStore() =>
        Prop.ForAll(AccountsCase.Any, c =>
        {
            var request = new ImportRequest(Some.Csv(c.Csv));
            var simulated = Run(c.Pipeline(c.NewStore()).SimulateAsync(request));
            var executed = Run(c.Pipeline(c.NewStore()).ExecuteAsync(request));

            Assert.True(simulated.Simulated);
            Assert.False(executed.Simulated);
            Assert.Equal(simulated.Totals, executed.Totals);
            Assert.Equal(simulated.Issues, executed.Issues);
            Assert.Equal(Some.ErrorsFileOf(simulated), Some.ErrorsFileOf(executed));
            // A row whose cells are all empty is not a data row (the reader skips it, as an emptied Excel row).
            Assert.Equal(c.Rows.Count(r => r.Any(cell => cell.Length > 0)), simulated.Totals.Rows);
        });

    /// <summary>Law: every row has exactly one outcome.</summary>
    [Property(MaxTest = 200)]
    public Property ExecuteAsync_Totals_AddUpToTheRows() =>
        Prop.ForAll(AccountsCase.Any, c =>
        {
            var sink = c.NewStore();
            var before = sink.GetRecords("accounts").Count;
            var report = Run(c.Pipeline(sink).ExecuteAsync(new ImportRequest(Some.Csv(c.Csv))));

            var t = report.Totals;
            Assert.Equal(t.Rows, t.Inserted + t.Updated + t.Unchanged + t.Rejected);
            Assert.Equal(before + t.Inserted, sink.GetRecords("accounts").Count);
            Assert.Equal(t.Rejected, report.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Row).Distinct().Count());
            Assert.Equal(report.Issues.OrderBy(i => i.Row).Select(i => i.Row), report.Issues.Select(i => i.Row));
        });

    /// <summary>Law: importing the same file twice (upsert), the second run inserts and updates nothing, and finds unchanged every row the first run accepted.</summary>
    [Property(MaxTest = 200)]
    public Property ExecuteAsync_SameFileTwice_SecondRunChangesNothing() =>
        Prop.ForAll(AccountsCase.Any, c =>
        {
            var sink = c.NewStore();
            var pipeline = Some.Pipeline(sink, options: o => o with { BatchSize = c.BatchSize, Mode = ImportMode.Upsert });
            var first = Run(pipeline.ExecuteAsync(new ImportRequest(Some.Csv(c.Csv)))).Totals;
            var writes = sink.WriteCount;

            var second = Run(pipeline.ExecuteAsync(new ImportRequest(Some.Csv(c.Csv)))).Totals;

            Assert.Equal((0L, 0L), (second.Inserted, second.Updated));
            Assert.Equal(first.Inserted + first.Updated + first.Unchanged, second.Unchanged);
            Assert.Equal(first.Rejected, second.Rejected);
            Assert.Equal(writes, sink.WriteCount);
        });

    private static T Run<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
