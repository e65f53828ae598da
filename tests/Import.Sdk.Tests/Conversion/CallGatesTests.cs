using System.Collections.Concurrent;
using Import.Sdk.Conversion;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Conversion;

/// <summary>
/// The gates are made whole when the run starts and only read after: converting threads that look theirs up at once all get the
/// same lock per instance (regression: they were added on first look-up, and two threads starting together corrupted the table).
/// </summary>
public class CallGatesTests
{
    [Fact]
    public void For_FromManyThreadsAtOnce_OneLockPerInstanceNotThreadSafe_NoneForTheOthers()
    {
        var plain = new PlainRule();
        var safe = new SafeRule();
        var gates = new CallGates(Some.AccountsEntity.WithRules(plain, safe, plain), concurrent: true);
        var first = gates.For(plain);
        var same = new ConcurrentBag<bool>();

        Parallel.For(0, 2000, _ => same.Add(gates.For(plain) == first && gates.For(safe) is null));

        Assert.True(first is not null);
        Assert.Equal(2000, same.Count);
        Assert.All(same, Assert.True);
    }

    [Fact]
    public void For_OneThread_NoLockAtAll()
    {
        var plain = new PlainRule();

        Assert.True(new CallGates(Some.AccountsEntity.WithRules(plain), concurrent: false).For(plain) is null);
    }

    private sealed class PlainRule : IRecordRule
    {
        public void Validate(RecordContext record)
        {
        }
    }

    private sealed class SafeRule : IRecordRule, IThreadSafeCheck
    {
        public void Validate(RecordContext record)
        {
        }
    }
}
