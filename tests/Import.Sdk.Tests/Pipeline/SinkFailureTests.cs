using System.Globalization;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>A sink that fails part-way: the batches before stay written, and the run says what they were (write_failed).</summary>
public class SinkFailureTests
{
    /// <summary>1,000 rows (spreadsheet rows 2 to 1001); the 3rd and the 350th have an invalid e-mail.</summary>
    private static string ThousandRows()
    {
        var lines = new List<string>();
        for (var i = 1; i <= 1000; i++)
        {
            var code = "C" + i.ToString("0000", CultureInfo.InvariantCulture);
            lines.Add(Some.Line(code, "Client " + i.ToString(CultureInfo.InvariantCulture), email: i is 3 or 350 ? "pas-un-email" : ""));
        }

        return Some.AccountsCsv([.. lines]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ExecuteAsync_SinkFailsOnItsFourthWrite_InterruptedWithTheReportOfTheThreeBatchesWritten(int degree)
    {
        var sink = new FailingSink(failingWrite: 4);

        var ex = await Assert.ThrowsAsync<ImportInterruptedException>(() =>
            Some.Pipeline(sink, options: o => o with { BatchSize = 100, MaxDegreeOfParallelism = degree, UiCulture = CultureInfo.GetCultureInfo("en-US") })
                .ExecuteAsync(new ImportRequest(Some.Csv(ThousandRows()))));

        Assert.Equal(299, sink.Inner.GetRecords("accounts").Count); // three batches of 100 rows, one of them rejected
        var report = ex.Report;
        Assert.False(report.Simulated);
        Assert.Equal(new ImportTotals(300, 299, 0, 0, 1), report.Totals);
        var failed = Assert.Single(report.IssuesOf(IssueCodes.WriteFailed));
        Assert.Equal(302, failed.Row); // the first row of the 4th batch (data rows 301 to 400)
        Assert.Equal(IssueSeverity.Error, failed.Severity);
        Assert.Contains("from this row on, nothing was imported", failed.Message, StringComparison.Ordinal);
        Assert.Contains("disk full (test)", failed.Message, StringComparison.Ordinal);
        Assert.Equal(failed.Message, ex.Message);
        Assert.IsType<IOException>(ex.InnerException);

        // Every issue of the batches before; none of the batch that failed (its rows were not imported).
        Assert.Equal([4], report.IssuesOf(IssueCodes.InvalidEmail).Select(i => i.Row));
        Assert.DoesNotContain(report.Issues, i => i.Row > 302);
        Assert.True(report.HasErrors);
        Assert.False(report.IsFileRejected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SimulateAsync_LookupFailsOnTheThirdBatch_InterruptedLikeAnExecution(int degree)
    {
        var sink = new FailingSink(failingLookup: 3);

        var ex = await Assert.ThrowsAsync<ImportInterruptedException>(() =>
            Some.Pipeline(sink, options: o => o with { BatchSize = 100, MaxDegreeOfParallelism = degree })
                .SimulateAsync(new ImportRequest(Some.Csv(ThousandRows()))));

        Assert.True(ex.Report.Simulated);
        Assert.Equal(new ImportTotals(200, 199, 0, 0, 1), ex.Report.Totals);
        Assert.Equal(202, Assert.Single(ex.Report.IssuesOf(IssueCodes.WriteFailed)).Row);
        Assert.Contains("à partir de cette ligne, rien n'a été importé", ex.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Inner.GetRecords("accounts"));
    }

    [Theory]
    [InlineData(1_000)] // the rejected rows stay in memory
    [InlineData(0)] // they are in the temporary file before the batch that fails
    [InlineData(120)] // they go to the temporary file while the batch that fails is planned
    public async Task ExecuteAsync_SinkFails_TheErrorsFileHoldsTheRejectedRowsOfTheBatchesWrittenOnly(int rejectedRowsInMemory)
    {
        // Every third row is rejected: 100 in the three batches written, 33 more in the 4th, whose write fails.
        var lines = Enumerable.Range(1, 1000).Select(i => Some.Line("C" + i.ToString("0000", CultureInfo.InvariantCulture), "Client", email: i % 3 == 0 ? "pas-un-email" : "")).ToArray();
        var sink = new FailingSink(failingWrite: 4);

        var ex = await Assert.ThrowsAsync<ImportInterruptedException>(() =>
            Some.Pipeline(sink, options: o => o with { BatchSize = 100, MaxDegreeOfParallelism = 1, RejectedRowsInMemory = rejectedRowsInMemory })
                .ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(lines)))));

        Assert.Equal(new ImportTotals(300, 200, 0, 0, 100), ex.Report.Totals);
        using var errors = new MemoryStream();
        await ex.Report.WriteErrorsFileAsync(errors);
        var codes = System.Text.Encoding.UTF8.GetString(errors.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[0]).ToArray();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => "C" + (3 * i).ToString("0000", CultureInfo.InvariantCulture)), codes);
    }

    [Fact]
    public async Task ExecuteAsync_SinkCancelled_StillAnOperationCanceledException()
    {
        var sink = new FailingSink(failingWrite: 2, failure: () => new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            Some.Pipeline(sink, options: o => o with { BatchSize = 100, MaxDegreeOfParallelism = 1 }).ExecuteAsync(new ImportRequest(Some.Csv(ThousandRows()))));
    }

    /// <summary>An in-memory sink whose Nth write (or look-up of the accounts' keys) throws.</summary>
    private sealed class FailingSink(int failingWrite = 0, int failingLookup = 0, Func<Exception>? failure = null) : IImportSink
    {
        private int _writes;
        private int _lookups;

        public InMemorySink Inner { get; } = new();

        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _lookups) == failingLookup)
            {
                throw failure?.Invoke() ?? new IOException("disk full (test)");
            }

            return Inner.LookupAsync(schema, keyFields, keys, cancellationToken);
        }

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _writes) == failingWrite)
            {
                throw failure?.Invoke() ?? new IOException("disk full (test)");
            }

            return Inner.WriteAsync(changes, cancellationToken);
        }
    }
}
