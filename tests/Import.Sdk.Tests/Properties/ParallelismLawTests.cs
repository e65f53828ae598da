using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Properties;

/// <summary>
/// Law: converting rows on several threads changes nothing a user sees. The report (totals, issues in order, errors file), the
/// sink's look-ups and writes, and the store are those of the sequential import, whatever <see cref="ImportOptions.MaxDegreeOfParallelism"/>.
/// </summary>
public class ParallelismLawTests
{
    /// <summary>A rule that reports on a row from its own values (a name starting with "Le" needs an e-mail), run on any thread.</summary>
    private sealed class NameNeedsEmailRule : IRecordRule
    {
        public void Validate(RecordContext record)
        {
            if (record.GetText("name") is { } name && name.StartsWith("Le", StringComparison.Ordinal) && record.GetText("email") is null)
            {
                record.ReportError("email", "host_rule", $"row {record.Row}: '{name}' needs an e-mail", name);
            }
        }
    }

    private static readonly ImportEntity Entity = Some.AccountsEntity.WithRules(new NameNeedsEmailRule());

    /// <summary>The random case's rows repeated until the file is long enough for several chunks of rows per batch.</summary>
    private static string LongCsv(AccountsCase c, int copies)
    {
        var csv = c.Csv;
        var firstLine = csv.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        var sb = new StringBuilder(csv);
        for (var i = 1; i < copies; i++)
        {
            sb.Append(csv, firstLine, csv.Length - firstLine);
        }

        return sb.ToString();
    }

    [Property(MaxTest = 60)]
    public Property Report_DoesNotDependOnTheDegreeOfParallelism() =>
        Prop.ForAll(AccountsCase.Any, Gen.Elements(20, 60).ToArbitrary(), Gen.Elements(1, 7, 100, 500).ToArbitrary(), (c, copies, batch) =>
        {
            var request = new ImportRequest(Some.Csv(LongCsv(c, copies)));
            foreach (var execute in new[] { false, true })
            {
                var (sequential, sequentialSink) = Run(c, request, degree: 1, batch, execute);
                var (parallel, parallelSink) = Run(c, request, degree: 4, batch, execute);

                Assert.Equal(sequential.Totals, parallel.Totals);
                Assert.Equal(sequential.Issues, parallel.Issues);
                Assert.Equal(Some.ErrorsFileOf(sequential), Some.ErrorsFileOf(parallel));
                Assert.Equal(Snapshot(sequentialSink.Inner, "accounts"), Snapshot(parallelSink.Inner, "accounts"));
                Assert.Equal(Snapshot(sequentialSink.Inner, "groups"), Snapshot(parallelSink.Inner, "groups"));
                Assert.Equal(sequentialSink.Writes.Select(w => w.Length), parallelSink.Writes.Select(w => w.Length));
                Assert.Equal(sequentialSink.Lookups.Select(l => (l.Entity, l.Keys.Length)), parallelSink.Lookups.Select(l => (l.Entity, l.Keys.Length)));
            }
        });

    [Fact]
    public async Task ExecuteAsync_ARuleThatThrowsOnAnotherThread_FailsTheImportWithItsException()
    {
        var rows = Enumerable.Range(1, 500).Select(i => Some.Line($"C{i}", i == 321 ? "Boom" : "Dupont")).ToArray();
        var entity = Some.AccountsEntity.WithRules(new ThrowingRule());
        var sink = new InMemorySink();
        var pipeline = Some.Pipeline(sink, entity, o => o with { BatchSize = 100, MaxDegreeOfParallelism = 4 });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(rows)))));

        Assert.Equal("boom at row 322", ex.Message);
        Assert.Equal(300, sink.GetRecords("accounts").Count); // the batches before the failing one were written, whole
    }

    [Fact]
    public async Task ExecuteAsync_SinkFailsWhileTheNextBatchConverts_NoConversionRunsAfterTheImportHasThrown()
    {
        var rows = Enumerable.Range(1, 600).Select(i => Some.Line($"C{i}", "Dupont")).ToArray();
        var rule = new CountingSlowRule();
        var sink = new FailingSink(failOnWrite: 2);
        var pipeline = Some.Pipeline(sink, Some.AccountsEntity.WithRules(rule), o => o with { BatchSize = 100, MaxDegreeOfParallelism = 2 });

        await Assert.ThrowsAsync<ImportInterruptedException>(() => pipeline.ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(rows)))));
        var callsWhenThrown = rule.Calls;
        await Task.Delay(300);

        Assert.Equal(callsWhenThrown, rule.Calls); // the batch that was converting finished before the import returned
        Assert.InRange(callsWhenThrown, 200, 600);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task SimulateAsync_FileUnreadablePastARow_SameReportOnEveryDegree(int degree)
    {
        // 1,000 rows, unreadable past row 651 (the middle of the seventh batch): the rows before are imported, then one malformed_file issue on row 652, counted as rejected.
        var rows = Enumerable.Range(1, 1000).Select(i => Some.Line($"C{i}", i % 97 == 0 ? "" : "Dupont")).ToArray();
        var reference = await UnreadablePipeline(1, 650).SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(rows), "accounts.fake")));

        var report = await UnreadablePipeline(degree, 650).SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(rows), "accounts.fake")));

        Assert.Equal(new ImportTotals(651, 644, 0, 0, 7), report.Totals); // the row where reading stopped is one rejected row
        Assert.Equal(reference.Issues, report.Issues);
        Assert.Equal(Some.ErrorsFileOf(reference), Some.ErrorsFileOf(report));
        var unreadable = Assert.Single(report.IssuesOf(IssueCodes.MalformedFile));
        Assert.Equal(652, unreadable.Row);
        Assert.EndsWith("no more rows after 650", unreadable.Message, StringComparison.Ordinal);
        Assert.Equal(652, report.UnreadFromRow);
        Assert.False(report.IsFileRejected);
    }

    [Fact]
    public async Task ExecuteAsync_SinkFailsOnAnEarlierBatchWhileALaterBatchFails_TheEarlierFailureIsTheOutcome()
    {
        // Batch 2 (rows 201-300) fails in the sink; batch 4 holds a row whose rule throws. In file order, the sink fails first.
        var rows = Enumerable.Range(1, 800).Select(i => Some.Line($"C{i}", i == 421 ? "Boom" : "Dupont")).ToArray();
        var sink = new FailingSink(failOnWrite: 3);
        var pipeline = Some.Pipeline(sink, Some.AccountsEntity.WithRules(new ThrowingRule()), o => o with { BatchSize = 100, MaxDegreeOfParallelism = 4 });

        var ex = await Assert.ThrowsAsync<ImportInterruptedException>(() => pipeline.ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(rows)))));

        Assert.Equal("the store is full", ex.InnerException!.Message);
        Assert.Equal(202, Assert.Single(ex.Report.IssuesOf(IssueCodes.WriteFailed)).Row); // the third batch: data rows 201 to 300
        Assert.Equal(200, ex.Report.Totals.Inserted);
    }

    [Fact]
    public async Task SimulateAsync_CancelledWithSeveralLanes_ThrowsAndNothingRunsAfterwards()
    {
        using var cts = new CancellationTokenSource();
        var rows = Enumerable.Range(1, 2000).Select(i => Some.Line($"C{i}", "Dupont")).ToArray();
        var rule = new CountingSlowRule();
        var progress = new RecordingProgress(p =>
        {
            if (p.RowsDone >= 500)
            {
                cts.Cancel();
            }
        });
        var pipeline = Some.Pipeline(new InMemorySink(), Some.AccountsEntity.WithRules(rule), o => o with { BatchSize = 100, MaxDegreeOfParallelism = 4 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(rows))), progress, cts.Token));
        var callsWhenThrown = rule.Calls;
        await Task.Delay(300);

        Assert.Equal(callsWhenThrown, rule.Calls);
        Assert.InRange(callsWhenThrown, 500, 1000); // the batches being converted by the other lanes at most, never the rest of the file
        Assert.Equal(500, progress.Reports[^1].RowsDone); // no batch was planned once cancelled
    }

    /// <summary>A pipeline whose reader of <c>.fake</c> files reads CSV but gives up after <paramref name="rows"/> data rows.</summary>
    private static IImportPipeline UnreadablePipeline(int degree, int rows) => new ImportPipelineBuilder()
        .UseEntity(Some.AccountsEntity)
        .UseSink(new InMemorySink())
        .UseReader(new GivingUpReaderProvider(rows))
        .UseOptions(o => o with { BatchSize = 100, MaxDegreeOfParallelism = degree })
        .Build();

    private sealed class CountingSlowRule : IRecordRule
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Validate(RecordContext record)
        {
            Thread.SpinWait(20_000); // a slow host rule: conversion lags behind planning
            Interlocked.Increment(ref _calls);
        }
    }

    private sealed class FailingSink(int failOnWrite) : IImportSink
    {
        private readonly InMemorySink _inner = new();
        private int _writes;

        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            _inner.LookupAsync(schema, keyFields, keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default) =>
            ++_writes == failOnWrite ? throw new ImportException("the store is full") : _inner.WriteAsync(changes, cancellationToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65)]
    public void Build_DegreeOfParallelismOutOfRange_IsRefused(int degree)
    {
        var builder = new ImportPipelineBuilder().UseEntity(Some.AccountsEntity).UseSink(new InMemorySink()).UseOptions(o => o with { MaxDegreeOfParallelism = degree });

        var ex = Assert.Throws<ImportException>(builder.Build);

        Assert.Contains($"MaxDegreeOfParallelism must be between 1 and 64, or null for automatic (it is {degree})", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ThrowingRule : IRecordRule
    {
        public void Validate(RecordContext record)
        {
            if (record.GetText("name") == "Boom")
            {
                throw new InvalidOperationException($"boom at row {record.Row}");
            }
        }
    }

    private static (ImportReport Report, CountingSink Sink) Run(AccountsCase c, ImportRequest request, int degree, int batch, bool execute)
    {
        var sink = new CountingSink(c.NewStore());
        var pipeline = Some.Pipeline(sink, Entity, o => o with { BatchSize = batch, Mode = c.Mode, MaxDegreeOfParallelism = degree });
        var report = (execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request)).GetAwaiter().GetResult();
        return (report, sink);
    }

    private static string[] Snapshot(InMemorySink sink, string entity) =>
        [.. sink.GetRecords(entity).Select(r => string.Join('|', r.Select(v => RecordKey.FormatValue(v)))).Order(StringComparer.Ordinal)];
}
