namespace Import.Sdk.Planning;

/// <summary>
/// The change writer of an execution: each batch's changes in one <see cref="IImportSink.WriteAsync"/> call. The list and the
/// changes in it are new for each call and left to the sink (see <see cref="IImportSink.WriteAsync"/>).
/// </summary>
internal sealed class SinkChangeWriter(IImportSink sink, int batchSize) : IChangeWriter
{
    private List<RecordChange>? _changes;

    public bool KeepsValues => true;

    public void Add(EntitySchema schema, ChangeKind kind, string[] keyFields, object?[] values, int row, RecordKey? key) =>
        (_changes ??= new List<RecordChange>(batchSize)).Add(key is null
            ? new RecordChange(schema, kind, keyFields, values, row)
            : new RecordChange(schema, kind, keyFields, values, row, key.Value));

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_changes is not { Count: > 0 } changes)
        {
            return;
        }

        _changes = null; // the sink may keep the list
        await sink.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
    }
}
