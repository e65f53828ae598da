using Import.Sdk.Tests.Support;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>
/// Rows are converted on several threads, but a host's validator or rule is called by two threads at once only when it declares
/// itself thread-safe (<see cref="IThreadSafeCheck"/>). A thread-safe check that waits for a second thread proves the conversion
/// really runs in parallel; the other check, on the same rows, is never entered twice at once.
/// </summary>
public class ThreadSafeCheckTests
{
    private const int Rows = 3000;

    [Fact]
    public async Task SimulateAsync_SeveralThreads_ANonThreadSafeValidatorIsNeverEnteredTwiceAtOnce_AThreadSafeOneIs()
    {
        var safe = new RendezvousValidator();
        var unsafeOne = new ExclusiveValidator();
        var schema = EntitySchema.Create("items")
            .Field("code", FieldType.Text, f => f.Required())
            .Field("a", FieldType.Text, f => f.Validate(safe))
            .Field("b", FieldType.Text, f => f.Validate(unsafeOne))
            .Field("c", FieldType.Text, f => f.Validate(unsafeOne)) // one instance on two fields: still one call at a time
            .Key("code")
            .Build();

        var report = await Simulate(new ImportEntity(schema));

        Assert.Equal(Rows, report.Totals.Inserted);
        Assert.True(safe.MetAnotherThread, "the thread-safe validator was never entered by two threads at once");
        Assert.Equal(2 * Rows, unsafeOne.Calls);
        Assert.Equal(1, unsafeOne.MostInside);
        Assert.True(unsafeOne.Threads.Count > 1, "the non-thread-safe validator was called from one thread only: the test proves nothing");
    }

    [Fact]
    public async Task SimulateAsync_SeveralThreads_ANonThreadSafeRuleIsNeverEnteredTwiceAtOnce_AThreadSafeOneIs()
    {
        var safe = new RendezvousRule();
        var unsafeOne = new ExclusiveRule();
        var schema = EntitySchema.Create("items")
            .Field("code", FieldType.Text, f => f.Required())
            .Field("a", FieldType.Text)
            .Field("b", FieldType.Text)
            .Field("c", FieldType.Text)
            .Key("code")
            .Build();

        var report = await Simulate(new ImportEntity(schema, [safe, unsafeOne]));

        Assert.Equal(Rows, report.Totals.Inserted);
        Assert.True(safe.MetAnotherThread, "the thread-safe rule was never entered by two threads at once");
        Assert.Equal(Rows, unsafeOne.Calls);
        Assert.Equal(1, unsafeOne.MostInside);
        Assert.True(unsafeOne.Threads.Count > 1, "the non-thread-safe rule was called from one thread only: the test proves nothing");
    }

    private static Task<ImportReport> Simulate(ImportEntity entity)
    {
        var csv = new StringBuilder("code;a;b;c\r\n");
        for (var i = 1; i <= Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"K{i};a{i};b{i};c{i}\r\n");
        }

        var pipeline = new ImportPipelineBuilder()
            .UseEntity(entity)
            .UseSink(new InMemorySink())
            .UseOptions(o => o with { BatchSize = 50, MaxDegreeOfParallelism = 4 })
            .Build();
        return pipeline.SimulateAsync(new ImportRequest(Some.Csv(csv.ToString(), "items.csv")));
    }

    /// <summary>Counts how many threads are inside it at once, and which threads call it.</summary>
    private class Occupancy
    {
        private int _inside;
        private int _mostInside;
        private int _calls;

        public int MostInside => Volatile.Read(ref _mostInside);

        public int Calls => Volatile.Read(ref _calls);

        public ConcurrentDictionary<int, bool> Threads { get; } = new();

        protected void Enter(Action whileInside)
        {
            Threads.TryAdd(Environment.CurrentManagedThreadId, true);
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _inside);
            int most;
            while (now > (most = Volatile.Read(ref _mostInside)) && Interlocked.CompareExchange(ref _mostInside, now, most) != most)
            {
            }

            whileInside();
            Interlocked.Decrement(ref _inside);
        }
    }

    /// <summary>Its first call waits (up to 10 s) for a second thread to enter: it returns as soon as one does.</summary>
    private class Rendezvous : Occupancy
    {
        private int _first = 1;

        public bool MetAnotherThread => MostInside >= 2;

        protected void Meet() => Enter(() =>
        {
            if (Interlocked.Exchange(ref _first, 0) == 1)
            {
                SpinWait.SpinUntil(() => MetAnotherThread, TimeSpan.FromSeconds(10));
            }
        });
    }

    private sealed class RendezvousValidator : Rendezvous, IFieldValidator, IThreadSafeCheck
    {
        public string Code => "never";

        public bool IsValid(ReadOnlySpan<char> value)
        {
            Meet();
            return true;
        }

        public string GetMessage(string value, CultureInfo uiCulture) => "never";
    }

    private sealed class ExclusiveValidator : Occupancy, IFieldValidator
    {
        public string Code => "never";

        public bool IsValid(ReadOnlySpan<char> value)
        {
            Enter(() => Thread.SpinWait(200)); // long enough for a second thread to come in, if it could
            return true;
        }

        public string GetMessage(string value, CultureInfo uiCulture) => "never";
    }

    private sealed class RendezvousRule : Rendezvous, IRecordRule, IThreadSafeCheck
    {
        public void Validate(RecordContext record) => Meet();
    }

    private sealed class ExclusiveRule : Occupancy, IRecordRule
    {
        public void Validate(RecordContext record) => Enter(() => Thread.SpinWait(200));
    }
}
