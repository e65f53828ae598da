using System.Diagnostics;
using System.Globalization;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>Diagnostic decorator: the time an import spends in its sink's look-ups and writes (two timestamps per batch call).</summary>
internal sealed class TimingSink(IImportSink inner) : IImportSink
{
    private long _lookupTicks;
    private long _writeTicks;
    private int _lookups;
    private int _writes;
    private long _keys;
    private long _changes;

    public TimeSpan LookupTime => Stopwatch.GetElapsedTime(0, _lookupTicks);

    public TimeSpan WriteTime => Stopwatch.GetElapsedTime(0, _writeTicks);

    public async ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.LookupAsync(schema, keyFields, keys, cancellationToken);
        }
        finally
        {
            _lookupTicks += Stopwatch.GetTimestamp() - started;
            _lookups++;
            _keys += keys.Count;
        }
    }

    public async ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.WriteAsync(changes, cancellationToken);
        }
        finally
        {
            _writeTicks += Stopwatch.GetTimestamp() - started;
            _writes++;
            _changes += changes.Count;
        }
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"sink: {_lookups} look-ups ({_keys} keys) {LookupTime.TotalSeconds:F3} s, {_writes} writes ({_changes} changes) {WriteTime.TotalSeconds:F3} s");
}
