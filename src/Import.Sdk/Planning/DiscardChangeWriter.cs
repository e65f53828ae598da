namespace Import.Sdk.Planning;

/// <summary>The change writer of a simulation: every change is planned, counted and reported, and none is written (nor built).</summary>
internal sealed class DiscardChangeWriter : IChangeWriter
{
    public static DiscardChangeWriter Instance { get; } = new();

    public bool KeepsValues => false;

    public void Add(EntitySchema schema, ChangeKind kind, string[] keyFields, object?[] values, int row, RecordKey? key)
    {
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
