using System.Globalization;
using CsvHelper;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>How <see cref="RawCsvScenario"/> reads.</summary>
internal enum RawCsvVariant
{
    /// <summary>R: <c>CsvReader.FromFile</c>, separator <c>;</c>, default options, synchronous <c>Read()</c>.</summary>
    Reference,

    /// <summary>Diagnostic: R over an asynchronous <see cref="FileStream"/> with <c>await ReadAsync()</c> per row, as our reader reads.</summary>
    Async,

    /// <summary>Diagnostic: R with the options our reader sets (separator detected, empty lines kept, malformed-record callback, record limit).</summary>
    OurOptions,

    /// <summary>Diagnostic: R + the key registry as <c>ImportRun</c> keeps it: <c>Dictionary&lt;string, KeyState&gt;</c> of every key string.</summary>
    StringKeys,

    /// <summary>
    /// Diagnostic: R + a compact key registry: a 64-bit hash of the key's UTF-8 bytes → first row, no string kept per key. A lower bound
    /// of what an exact compact registry costs (an exact one also keeps the key bytes, ~10 bytes a key here, in a byte arena).
    /// </summary>
    HashKeys,
}

/// <summary>R, the reference: CsvHelper 34 <c>CsvReader.FromFile</c> + <c>Read()</c> + <c>GetString(i)</c> of every field.</summary>
internal sealed class RawCsvScenario(RawCsvVariant variant = RawCsvVariant.Reference) : Scenario
{
    public override Task<IScenarioRun> CreateRunAsync(string file, int run) => Task.FromResult<IScenarioRun>(new SimpleRun(variant switch
    {
        RawCsvVariant.Async => () => ReadAsync(file),
        RawCsvVariant.OurOptions => () => Task.FromResult(Read(file, CsvReaderOptions.Default with { SkipEmptyLines = false, MaxRecordSize = 4 << 20, OnMalformedRecord = _ => { } })),
        RawCsvVariant.StringKeys => () => Task.FromResult(ReadWithStringKeys(file)),
        RawCsvVariant.HashKeys => () => Task.FromResult(ReadWithHashKeys(file)),
        _ => () => Task.FromResult(Read(file)),
    }));

    private static async Task<RunOutcome> ReadAsync(string file)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ';' }, leaveOpen: false);
        long rows = 0;
        long chars = 0;
        while (await csv.ReadAsync())
        {
            var count = csv.FieldCount;
            for (var i = 0; i < count; i++)
            {
                chars += csv.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }

    private static RunOutcome ReadWithStringKeys(string file)
    {
        using var csv = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ';' });
        var keys = new Dictionary<string, (int FirstRow, bool Accepted)>(StringComparer.Ordinal);
        long rows = 0;
        long duplicates = 0;
        while (csv.Read())
        {
            var key = csv.GetString(0);
            for (var i = 1; i < csv.FieldCount; i++)
            {
                _ = csv.GetString(i);
            }

            rows++;
            ref var state = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(keys, key, out var seen);
            if (seen)
            {
                duplicates++;
            }
            else
            {
                state.FirstRow = (int)rows + 1;
            }

            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(keys, key).Accepted = true;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{keys.Count} keys, {duplicates} duplicates"));
    }

    private static RunOutcome ReadWithHashKeys(string file)
    {
        using var csv = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ';' });
        var keys = new Dictionary<ulong, int>();
        long rows = 0;
        long duplicates = 0;
        while (csv.Read())
        {
            var hash = Fnv1A64(csv.GetSpan(0));
            for (var i = 1; i < csv.FieldCount; i++)
            {
                _ = csv.GetString(i);
            }

            rows++;
            if (!keys.TryAdd(hash, (int)rows + 1))
            {
                duplicates++;
            }
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{keys.Count} keys, {duplicates} duplicates"));
    }

    private static ulong Fnv1A64(ReadOnlySpan<byte> bytes)
    {
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1_099_511_628_211UL;
        }

        return hash;
    }

    private static RunOutcome Read(string file, CsvReaderOptions options)
    {
        using var csv = CsvReader.FromFile(file, options);
        long rows = 0;
        long chars = 0;
        while (csv.Read())
        {
            var count = csv.FieldCount;
            for (var i = 0; i < count; i++)
            {
                chars += csv.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }

    internal static RunOutcome Read(string file)
    {
        using var csv = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ';' });
        long rows = 0;
        long chars = 0;
        while (csv.Read())
        {
            var count = csv.FieldCount;
            for (var i = 0; i < count; i++)
            {
                chars += csv.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }
}
