namespace Import.Sdk.Tests.Support;

/// <summary>A sink double: forwards to an <see cref="InMemorySink"/> and records every look-up (entity, key fields, keys) and every write.</summary>
internal sealed class CountingSink(InMemorySink? inner = null) : IImportSink
{
    private readonly Lock _gate = new();

    public InMemorySink Inner { get; } = inner ?? new InMemorySink();

    public List<(string Entity, string[] KeyFields, string[] Keys)> Lookups { get; } = [];

    public List<RecordChange[]> Writes { get; } = [];

    public int LookupsOf(string entity)
    {
        lock (_gate)
        {
            return Lookups.Count(l => l.Entity == entity);
        }
    }

    public async ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Lookups.Add((schema.Name, keyFields.ToArray(), keys.Select(k => k.ToString()).ToArray()));
        }

        return await Inner.LookupAsync(schema, keyFields, keys, cancellationToken);
    }

    public async ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
    {
        await Inner.WriteAsync(changes, cancellationToken);
        lock (_gate)
        {
            Writes.Add(changes.ToArray());
        }
    }
}
