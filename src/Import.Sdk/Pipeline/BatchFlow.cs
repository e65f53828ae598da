using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Import.Sdk.Pipeline;

/// <summary>
/// Moves a file's batches through the stages: read (one at a time: the reader is not thread-safe), convert and check (on up to
/// <see cref="ImportOptions.MaxDegreeOfParallelism"/> threads at once), plan (one at a time, in file order).
/// </summary>
/// <remarks>
/// With one degree, each batch is read, converted and planned in turn on the importing flow. With more, as many workers each take
/// a free batch (<c>degree</c> batches in all: the memory is bounded by them), read it under the reading gate, and queue it in
/// file order for the planner before converting it on the same thread (its cells still in that core's cache). The planner takes
/// the batches in that order and waits for each one's conversion; it continues on the thread that completes it, as that thread
/// converted it. A failure in a batch (its reading or conversion) travels with the batch and fails the run when its turn to be
/// planned comes: the batches before it are planned (and written) first. Once the planner stops, the workers stop after the batch
/// they are converting, and the run ends only when they have.
/// </remarks>
internal sealed class BatchFlow(BatchReader reader, Func<BatchConverter> newConverter, Func<RowBatch, Task> plan, int degree, CancellationToken cancellationToken)
{
    public async Task RunAsync()
    {
        if (degree == 1)
        {
            await RunSequentialAsync().ConfigureAwait(false);
        }
        else
        {
            await RunParallelAsync().ConfigureAwait(false);
        }
    }

    private async Task RunSequentialAsync()
    {
        var batch = reader.NewBatch();
        var converter = newConverter();
        for (; ; )
        {
            cancellationToken.ThrowIfCancellationRequested();
            var more = await reader.ReadAsync(batch, cancellationToken).ConfigureAwait(false);
            if (batch.Rows.Count > 0)
            {
                converter.Convert(batch);
            }

            cancellationToken.ThrowIfCancellationRequested(); // nothing planned once cancelled
            await plan(batch).ConfigureAwait(false);
            if (!more)
            {
                return;
            }
        }
    }

    private async Task RunParallelAsync()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var free = Channel.CreateUnbounded<RowBatch>();
        var ordered = Channel.CreateUnbounded<RowBatch>(new UnboundedChannelOptions { SingleReader = true });
        using var readGate = new SemaphoreSlim(1, 1);
        for (var i = 0; i < degree; i++)
        {
            free.Writer.TryWrite(reader.NewBatch());
        }

        var workers = new Task[degree];
        var endOfFile = false; // read and written under the reading gate only
        for (var i = 0; i < degree; i++)
        {
            var converter = newConverter(); // here, not on the worker: made one after the other
            workers[i] = Task.Run(() => WorkAsync(converter), CancellationToken.None);
        }

        try
        {
            await foreach (var batch in ordered.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await batch.Converted!.Task.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested(); // nothing planned once cancelled (the import's token, not the workers')
                batch.Failure?.Throw();
                await plan(batch).ConfigureAwait(false);
                if (batch.IsLast)
                {
                    return;
                }

                free.Writer.TryWrite(batch);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The workers' own way of stopping.
            }
        }

        async Task WorkAsync(BatchConverter converter)
        {
            try
            {
                for (; ; )
                {
                    var batch = await free.Reader.ReadAsync(stop.Token).ConfigureAwait(false);
                    await readGate.WaitAsync(stop.Token).ConfigureAwait(false);
                    try
                    {
                        if (endOfFile)
                        {
                            return;
                        }

                        batch.Converted = new TaskCompletionSource(); // the planner continues on this thread (see remarks)
                        batch.Failure = null;
                        try
                        {
                            stop.Token.ThrowIfCancellationRequested();
                            endOfFile = !await reader.ReadAsync(batch, stop.Token).ConfigureAwait(false);
                        }
                        catch (Exception ex)
                        {
                            batch.Failure = ExceptionDispatchInfo.Capture(ex);
                            endOfFile = true;
                        }

                        ordered.Writer.TryWrite(batch);
                        if (endOfFile)
                        {
                            ordered.Writer.TryComplete();
                        }
                    }
                    finally
                    {
                        readGate.Release();
                    }

                    Convert(converter, batch);
                    if (batch.Failure is not null)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The planner stopped (or the import was cancelled): no more batches.
            }
        }
    }

    /// <summary>Converts a batch that was read, keeping what stops it for the planner.</summary>
    private static void Convert(BatchConverter converter, RowBatch batch)
    {
        try
        {
            if (batch.Failure is null && batch.Rows.Count > 0)
            {
                converter.Convert(batch);
            }
        }
        catch (Exception ex)
        {
            batch.Failure = ExceptionDispatchInfo.Capture(ex);
        }

        batch.Converted!.SetResult();
    }
}
