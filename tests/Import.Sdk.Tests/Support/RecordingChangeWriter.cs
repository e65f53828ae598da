using Import.Sdk.Planning;

namespace Import.Sdk.Tests.Support;

/// <summary>A change writer that records what it is handed, batch by batch.</summary>
internal sealed class RecordingChangeWriter(bool keepsValues = true) : IChangeWriter
{
    private List<(ChangeKind Kind, string Entity, string Key, int Row, object?[] Values)> _batch = [];

    public bool KeepsValues => keepsValues;

    public List<(ChangeKind Kind, string Entity, string Key, int Row, object?[] Values)[]> Flushed { get; } = [];

    public void Add(EntitySchema schema, ChangeKind kind, string[] keyFields, object?[] values, int row, RecordKey? key) =>
        _batch.Add((kind, schema.Name, (key ?? RecordKey.Of(schema, keyFields, values))!.Value.ToString(), row, values));

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Flushed.Add([.. _batch]);
        _batch = [];
        return ValueTask.CompletedTask;
    }
}
