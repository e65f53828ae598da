using System.Runtime.CompilerServices;

namespace Import.Sdk.Planning;

/// <summary>The host's sink, whose failures (other than a cancellation) are told apart from the run's own (<see cref="SinkFailedException"/>).</summary>
internal sealed class GuardedSink(IImportSink inner) : IImportSink
{
    public async ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.LookupAsync(schema, keyFields, keys, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SinkFailedException(ex);
        }
    }

    /// <summary>Forwards the reading; a <see cref="NotSupportedException"/> (a sink that cannot) goes through as it is.</summary>
    public async IAsyncEnumerable<object?[]> ReadAllAsync(EntitySchema schema, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<object?[]> records;
        try
        {
            records = inner.ReadAllAsync(schema, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not NotSupportedException)
        {
            throw new SinkFailedException(ex);
        }

        await using (records.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await records.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not NotSupportedException)
                {
                    throw new SinkFailedException(ex);
                }

                if (!more)
                {
                    yield break;
                }

                yield return records.Current;
            }
        }
    }

    public async ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SinkFailedException(ex);
        }
    }
}
