namespace Import.Sdk.Cli;

/// <summary>
/// Passes everything to the store's sink and counts the records of the imported entity in the batches it committed: what an
/// interrupted import (Ctrl+C, SIGTERM) had written, said on the console. One count per batch, never per row.
/// </summary>
internal sealed class CommitCountingSink(IImportSink inner, string entity) : IImportSink
{
    private long _inserted;
    private long _updated;
    private long _batches;

    /// <summary>Gets the records of the entity inserted by committed batches.</summary>
    public long Inserted => Interlocked.Read(ref _inserted);

    /// <summary>Gets the records of the entity updated by committed batches.</summary>
    public long Updated => Interlocked.Read(ref _updated);

    /// <summary>Gets a value indicating whether any batch was committed (records of the entity, or references it created).</summary>
    public bool HasCommitted => Interlocked.Read(ref _batches) > 0;

    public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
        inner.LookupAsync(schema, keyFields, keys, cancellationToken);

    public IAsyncEnumerable<object?[]> ReadAllAsync(EntitySchema schema, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(schema, cancellationToken);

    public async ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(changes, cancellationToken);
        long inserted = 0, updated = 0;
        foreach (var change in changes)
        {
            if (string.Equals(change.Schema.Name, entity, StringComparison.Ordinal))
            {
                if (change.Kind == ChangeKind.Insert)
                {
                    inserted++;
                }
                else if (change.Kind == ChangeKind.Update)
                {
                    updated++;
                }
            }
        }

        Interlocked.Add(ref _inserted, inserted);
        Interlocked.Add(ref _updated, updated);
        Interlocked.Increment(ref _batches);
    }
}
