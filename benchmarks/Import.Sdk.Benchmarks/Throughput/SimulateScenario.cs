using CsvHelper;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>Where a scenario's pipeline reads the file from.</summary>
internal enum SourceKind
{
    /// <summary><see cref="ImportSource.FromFile"/>: what hosts do (an asynchronous <see cref="FileStream"/>).</summary>
    File,

    /// <summary>Diagnostic: <see cref="ImportSource.FromBytes"/> of the file read into memory outside the timing (no I/O at all).</summary>
    Bytes,

    /// <summary>Diagnostic: <see cref="ImportSource.FromStream"/> of a synchronous, buffered <see cref="FileStream"/>.</summary>
    SyncStream,

    /// <summary>
    /// Diagnostic: <see cref="ImportSource.FromStream"/> of an asynchronous <see cref="FileStream"/> without its own buffer
    /// (<c>bufferSize: 0</c>; CsvHelper has its own): no <c>BufferedFileStreamStrategy</c>, so no semaphore taken per read.
    /// </summary>
    UnbufferedStream,

    /// <summary>Diagnostic: <see cref="Bytes"/> through a stream that counts the reads the reader makes and the bytes it asks for.</summary>
    CountedBytes,
}

/// <summary><c>SimulateAsync</c> of the customers file over an in-memory sink seeded with the default tax regime.</summary>
internal sealed class SimulateScenario(SourceKind source, Func<ImportEntity>? entity = null) : Scenario
{
    private byte[]? _bytes;

    public override async Task PrepareAsync(string file)
    {
        if (source is SourceKind.Bytes or SourceKind.CountedBytes)
        {
            _bytes = await File.ReadAllBytesAsync(file);
        }
    }

    public override async Task<IScenarioRun> CreateRunAsync(string file, int run)
    {
        var importEntity = entity?.Invoke();
        var sink = new InMemorySink();
        await CustomerImport.SeedReferenceDataAsync(sink, importEntity);
        var pipeline = CustomerImport.Build(sink, BatchSize, importEntity, Degree);
        ImportReport? report = null;
        return new SimpleRun(
            async () =>
            {
                Stream? stream = null;
                var importSource = source switch
                {
                    SourceKind.CountedBytes => ImportSource.FromStream(stream = new ReadCountingStream(new MemoryStream(_bytes!, writable: false)), Path.GetFileName(file)),
                    SourceKind.Bytes => ImportSource.FromBytes(_bytes!, Path.GetFileName(file)),
                    SourceKind.SyncStream => ImportSource.FromStream(stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), Path.GetFileName(file)),
                    SourceKind.UnbufferedStream => ImportSource.FromStream(stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan), Path.GetFileName(file)),
                    _ => ImportSource.FromFile(file),
                };
                await using (stream)
                {
                    report = await pipeline.SimulateAsync(new ImportRequest(importSource));
                }

                return new RunOutcome(report.Totals.Rows, Totals(report) + (stream is ReadCountingStream counted ? "; " + counted : string.Empty));
            },
            (_, expected) => Task.FromResult(CheckReport(report!, expected, simulated: true)));
    }
}
