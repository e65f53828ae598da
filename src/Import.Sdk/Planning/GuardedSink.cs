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
