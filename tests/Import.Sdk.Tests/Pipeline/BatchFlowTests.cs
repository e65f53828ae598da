using System.Text;
using Import.Sdk.Conversion;
using Import.Sdk.Pipeline;
using Import.Sdk.Rules;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>
/// How batches move through the stages, on its own (no planner: the planning step is the test's): every batch converted before
/// it is planned, batches planned one at a time in file order whatever the degree, a failure surfacing in file order, and nothing
/// left running once the flow has returned.
/// </summary>
public class BatchFlowTests
{
    private const int BatchSize = 100;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task RunAsync_AnyDegree_EveryBatchConvertedThenPlannedOnce_InFileOrder_OneAtATime(int degree)
    {
        var planned = new List<int>();
        var planning = 0;
        var lastSeen = false;

        await (await FlowAsync(1050, degree, async batch =>
        {
            Assert.Equal(1, Interlocked.Increment(ref planning));
            Assert.All(batch.Rows, r => Assert.True(r.HasValues));
            planned.AddRange(batch.Rows.Select(r => r.Row));
            lastSeen = batch.IsLast;
            await Task.Yield();
            Interlocked.Decrement(ref planning);
        })).RunAsync();

        Assert.Equal(Enumerable.Range(2, 1050), planned);
        Assert.True(lastSeen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task RunAsync_ARuleThrowsInTheThirdBatch_TheTwoBatchesBeforeArePlanned_ThenItsExceptionIsTheOutcome(int degree)
    {
        var planned = new List<int>();

        var flow = await FlowAsync(1000, degree, batch =>
        {
            planned.Add(batch.Rows[0].Row);
            return Task.CompletedTask;
        }, new ThrowingRule(250));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(flow.RunAsync);

        Assert.Equal("row 250", ex.Message);
        Assert.Equal([2, 102], planned);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task RunAsync_PlanningFails_NothingIsConvertedOnceTheFlowHasThrown(int degree)
    {
        var counting = new CountingRule();

        var flow = await FlowAsync(5000, degree, batch => batch.Rows[0].Row == 302 ? throw new IOException("the store is gone") : Task.CompletedTask, counting);
        await Assert.ThrowsAsync<IOException>(flow.RunAsync);
        var converted = counting.Calls;
        await Task.Delay(200);

        Assert.Equal(converted, counting.Calls);
        Assert.InRange(converted, 400, 400 + (degree * BatchSize)); // the batch that failed, those before, and at most one per thread after
    }

    [Fact]
    public async Task RunAsync_Cancelled_NothingPlannedAfterwards()
    {
        using var cts = new CancellationTokenSource();
        var planned = 0;

        var flow = await FlowAsync(2000, 4, batch =>
        {
            if (++planned == 3)
            {
                cts.Cancel();
            }

            return Task.CompletedTask;
        }, cancellationToken: cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(flow.RunAsync);

        Assert.Equal(3, planned);
    }

    private static async Task<BatchFlow> FlowAsync(int rows, int degree, Func<RowBatch, Task> plan, IRecordRule? rule = null, CancellationToken cancellationToken = default)
    {
        var csv = new StringBuilder(Some.Header).Append("\r\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(Some.Line($"C{i}", "Dupont", terms: "30", limit: "1 000,50")).Append("\r\n");
        }

        var stages = new Stages(rule is null ? null : Some.AccountsEntity.WithRules(rule));
        var reader = await ImportPipelineBuilder.CreateRegistry([]).OpenAsync(Some.Csv(csv.ToString()), new ReaderOptions(), CancellationToken.None);
        var batches = new BatchReader(reader, stages.Header.Length, stages.Converter.FieldCount, stages.Converter.CellSlots, BatchSize, stages.Options.UiCulture);
        var gates = new CallGates(stages.Entity, degree > 1);
        return new BatchFlow(
            batches,
            () => new BatchConverter(stages.Converter, new RecordChecker(stages.Entity, stages.Issues, gates)),
            async batch =>
            {
                await plan(batch);
                batch.Recycle(stages.Converter.CellSlots);
            },
            degree,
            cancellationToken);
    }

    private sealed class ThrowingRule(int row) : IRecordRule, IThreadSafeCheck
    {
        public void Validate(RecordContext record)
        {
            if (record.Row == row)
            {
                throw new InvalidOperationException($"row {row}");
            }
        }
    }

    private sealed class CountingRule : IRecordRule, IThreadSafeCheck
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Validate(RecordContext record)
        {
            Thread.SpinWait(2_000);
            Interlocked.Increment(ref _calls);
        }
    }
}
