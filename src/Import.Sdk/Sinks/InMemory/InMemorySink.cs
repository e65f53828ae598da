namespace Import.Sdk;

/// <summary>A first-class sink that keeps records in memory: for tests and for host test harnesses. Thread-safe.</summary>
public sealed class InMemorySink : IImportSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<object?[]>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (IReadOnlyList<string> Fields, Dictionary<RecordKey, int> Index)>> _indexes = new(StringComparer.Ordinal);

    /// <summary>Gets the number of batches written.</summary>
    public int BatchCount { get; private set; }

    /// <summary>Gets the number of look-ups made.</summary>
    public int LookupCount { get; private set; }

    /// <summary>Gets the number of records written (inserted or updated) since the sink was created.</summary>
    public int WriteCount { get; private set; }

    /// <summary>Gets a copy of the records of an entity, in insertion order.</summary>
    /// <param name="entity">The entity name.</param>
    /// <returns>The records, each indexed by <see cref="FieldDefinition.Index"/>.</returns>
    public IReadOnlyList<object?[]> GetRecords(string entity)
    {
        lock (_gate)
        {
            return _tables.TryGetValue(entity, out var rows) ? rows.Select(r => (object?[])r.Clone()).ToArray() : [];
        }
    }

    /// <summary>Adds records directly, as a host would seed its store.</summary>
    /// <param name="schema">The entity.</param>
    /// <param name="records">The records, each indexed by <see cref="FieldDefinition.Index"/>.</param>
    public void Seed(EntitySchema schema, params object?[][] records)
    {
        ArgumentNullException.ThrowIfNull(schema);
        lock (_gate)
        {
            var table = Table(schema.Name);
            foreach (var r in records)
            {
                if (r.Length != schema.Fields.Count)
                {
                    throw new ArgumentException($"A record of '{schema.Name}' has {schema.Fields.Count} values, not {r.Length}.", nameof(records));
                }

                table.Add((object?[])r.Clone());
            }

            _indexes.Remove(schema.Name);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(keyFields);
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<RecordKey, object?[]>();
        lock (_gate)
        {
            LookupCount++;
            if (_tables.TryGetValue(schema.Name, out var rows))
            {
                var index = Index(schema, keyFields, rows);
                foreach (var key in keys)
                {
                    if (index.TryGetValue(key, out var i))
                    {
                        found.TryAdd(key, Fit(rows[i], schema.Fields.Count));
                    }
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<RecordKey, object?[]>>(found);
    }

    /// <inheritdoc/>
    /// <remarks>The records as they are when it is called (copies, fitted to <paramref name="schema"/>), in insertion order.</remarks>
    public IAsyncEnumerable<object?[]> ReadAllAsync(EntitySchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        cancellationToken.ThrowIfCancellationRequested();
        object?[][] records;
        lock (_gate)
        {
            records = _tables.TryGetValue(schema.Name, out var rows) ? [.. rows.Select(r => Fit(r, schema.Fields.Count))] : [];
        }

        return records.ToAsyncEnumerable();
    }

    /// <inheritdoc/>
    public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Applied in order; on failure every change of the batch is undone (all or nothing).
            var undo = new List<(List<object?[]> Table, int Index, object?[]? Old)>(changes.Count);
            try
            {
                foreach (var change in changes)
                {
                    var rows = Table(change.Schema.Name);
                    var values = change.Values.ToArray();
                    if (change.Kind == ChangeKind.ReplaceChildren)
                    {
                        for (var r = rows.Count - 1; r >= 0; r--)
                        {
                            if (Key(change.Schema, change.KeyFields, rows[r]) is { } key && key == change.Key)
                            {
                                undo.Add((rows, ~r, rows[r])); // a deleted row: put back at its place on failure
                                rows.RemoveAt(r);
                            }
                        }

                        _indexes.Remove(change.Schema.Name); // rows moved: rebuilt on the next look-up
                        continue;
                    }

                    if (change.Kind == ChangeKind.Insert)
                    {
                        rows.Add(values);
                        undo.Add((rows, rows.Count - 1, null));
                        foreach (var (fields, index) in Indexes(change.Schema.Name).Values)
                        {
                            if (Key(change.Schema, fields, values) is { } key)
                            {
                                index.TryAdd(key, rows.Count - 1);
                            }
                        }

                        continue;
                    }

                    if (!Index(change.Schema, change.KeyFields, rows).TryGetValue(change.Key, out var at))
                    {
                        throw new ImportException($"In-memory sink: no '{change.Schema.Name}' record has the key '{change.Key}' to update (row {change.Row}).");
                    }

                    var old = rows[at];
                    rows[at] = values;
                    undo.Add((rows, at, old));
                    foreach (var (fields, index) in Indexes(change.Schema.Name).Values)
                    {
                        if (Key(change.Schema, fields, old) is { } oldKey && index.TryGetValue(oldKey, out var i) && i == at)
                        {
                            index.Remove(oldKey);
                        }

                        if (Key(change.Schema, fields, values) is { } key)
                        {
                            index.TryAdd(key, at);
                        }
                    }
                }
            }
            catch
            {
                for (var u = undo.Count - 1; u >= 0; u--)
                {
                    var (table, index, old) = undo[u];
                    if (index < 0)
                    {
                        table.Insert(~index, old!);
                    }
                    else if (old is null)
                    {
                        table.RemoveAt(index);
                    }
                    else
                    {
                        table[index] = old;
                    }
                }

                foreach (var change in changes)
                {
                    _indexes.Remove(change.Schema.Name); // rebuilt on the next look-up
                }

                throw;
            }

            BatchCount++;
            WriteCount += changes.Count;
        }

        return ValueTask.CompletedTask;
    }

    private static RecordKey? Key(EntitySchema schema, IReadOnlyList<string> fields, object?[] row)
    {
        foreach (var f in fields)
        {
            if (schema[f].Index >= row.Length)
            {
                return null; // written with a schema that had no such field yet
            }
        }

        return RecordKey.Of(schema, fields, row);
    }

    private static object?[] Fit(object?[] row, int count)
    {
        var copy = new object?[count];
        Array.Copy(row, copy, Math.Min(row.Length, count));
        return copy;
    }

    private Dictionary<string, (IReadOnlyList<string> Fields, Dictionary<RecordKey, int> Index)> Indexes(string entity)
    {
        if (!_indexes.TryGetValue(entity, out var byFields))
        {
            byFields = new(StringComparer.Ordinal);
            _indexes[entity] = byFields;
        }

        return byFields;
    }

    private Dictionary<RecordKey, int> Index(EntitySchema schema, IReadOnlyList<string> keyFields, List<object?[]> rows)
    {
        var indexes = Indexes(schema.Name);
        var signature = string.Join('\u001F', keyFields);
        if (!indexes.TryGetValue(signature, out var entry))
        {
            var index = new Dictionary<RecordKey, int>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (Key(schema, keyFields, rows[i]) is { } key)
                {
                    index.TryAdd(key, i);
                }
            }

            entry = (keyFields.ToArray(), index);
            indexes[signature] = entry;
        }

        return entry.Index;
    }

    private List<object?[]> Table(string name)
    {
        if (!_tables.TryGetValue(name, out var t))
        {
            t = [];
            _tables[name] = t;
        }

        return t;
    }
}
