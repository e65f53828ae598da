namespace Import.Sdk;

/// <summary>The record an <see cref="IPlanningRule"/> plans: its values (which the rule may change), its referenced records, its derived records.</summary>
public sealed class PlanningContext
{
    private readonly Func<FieldDefinition, object?, IReadOnlyList<object?>?> _referenced;
    private readonly Action<FieldDefinition, string?, string, string> _warn;
    private object?[] _values = [];

    internal PlanningContext(EntitySchema schema, Func<FieldDefinition, object?, IReadOnlyList<object?>?> referenced, Action<FieldDefinition, string?, string, string> warn, System.Globalization.CultureInfo uiCulture)
    {
        Schema = schema;
        UiCulture = uiCulture;
        _referenced = referenced;
        _warn = warn;
    }

    /// <summary>The records of the entities the rules read whole (by entity name): as the sink held them, then those derived and written by this import.</summary>
    internal Dictionary<string, List<object?[]>> All { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the schema of the record.</summary>
    public EntitySchema Schema { get; }

    /// <summary>Gets the culture of the messages (<see cref="ImportOptions.UiCulture"/>), for the warnings a rule reports.</summary>
    public System.Globalization.CultureInfo UiCulture { get; }

    /// <summary>Gets the spreadsheet row of the record.</summary>
    public int Row { get; private set; }

    /// <summary>Gets a value indicating whether the record is new (inserted) rather than an update of a stored one.</summary>
    public bool IsNew { get; private set; }

    /// <summary>Gets or sets a value of the record about to be written (of the field's type, as <see cref="RecordContext"/> reads them).</summary>
    /// <param name="field">The field name.</param>
    public object? this[string field]
    {
        get => _values[Schema[field].Index];
        set => _values[Schema[field].Index] = value;
    }

    internal List<(EntitySchema Schema, object?[] Values)> Derived { get; } = [];

    /// <summary>
    /// Gets the record that a reference field of this record names, as the store holds it (indexed by
    /// <see cref="FieldDefinition.Index"/> of the referenced schema), or <see langword="null"/>: the field is empty, or names a
    /// record that is not in the store (created by this import, or planned by an earlier file of the set).
    /// </summary>
    /// <param name="field">The reference field.</param>
    /// <returns>The referenced record, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a reference field.</exception>
    public IReadOnlyList<object?>? GetReferenced(string field)
    {
        var definition = Schema[field];
        if (definition.Reference is null)
        {
            throw new ArgumentException($"The field '{field}' of '{Schema.Name}' is not a reference field.", nameof(field));
        }

        return _referenced(definition, _values[definition.Index]);
    }

    /// <summary>
    /// Gets every record of an entity that a planning rule reads whole (<see cref="IPlanningRule.ReadsAll"/>): the records the store
    /// held when the import started, then those this import derived (<see cref="AddDerived"/>) from the records it writes — in a
    /// simulation too, where nothing is written — in that order. In a set of files (<see cref="ImportRequest.Set"/>), the records an
    /// earlier file of the set planned are there too; in a simulation, where the store does not hold them, with their key only (when
    /// the key is one text field).
    /// </summary>
    /// <param name="schema">The entity, one that a planning rule of the import lists in <see cref="IPlanningRule.ReadsAll"/>.</param>
    /// <returns>The records, each indexed by <see cref="FieldDefinition.Index"/> of <paramref name="schema"/>. Do not modify them.</returns>
    /// <exception cref="InvalidOperationException">No planning rule of the import reads <paramref name="schema"/> whole.</exception>
    public IReadOnlyList<IReadOnlyList<object?>> GetAll(EntitySchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return All.TryGetValue(schema.Name, out var records)
            ? records
            : throw new InvalidOperationException($"No planning rule of '{Schema.Name}' lists '{schema.Name}' in IPlanningRule.ReadsAll: its records were not read.");
    }

    /// <summary>Reports a warning on the record's row (such as <c>auto_created</c>, for a record the rule creates): it never rejects the row.</summary>
    /// <param name="field">The field of this record the warning is about (its column is reported).</param>
    /// <param name="value">The value shown, or <see langword="null"/>.</param>
    /// <param name="code">The issue code (see <see cref="IssueCodes"/>).</param>
    /// <param name="message">The message, in the import's UI culture.</param>
    public void AddWarning(string field, string? value, string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(message);
        _warn(Schema[field], value, code, message);
    }

    /// <summary>Adds a record derived from this one, inserted with it (in the same batch, after it).</summary>
    /// <param name="schema">The derived record's entity.</param>
    /// <param name="values">The derived record, indexed by <see cref="FieldDefinition.Index"/>, with a key.</param>
    /// <exception cref="ArgumentException">The record has not one value per field of <paramref name="schema"/>, or no key.</exception>
    public void AddDerived(EntitySchema schema, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != schema.Fields.Count)
        {
            throw new ArgumentException($"A record of '{schema.Name}' has {schema.Fields.Count} values, not {values.Length}.", nameof(values));
        }

        if (RecordKey.Of(schema, schema.KeyFields, values) is null)
        {
            throw new ArgumentException($"The derived record of '{schema.Name}' has an empty key.", nameof(values));
        }

        Derived.Add((schema, values));
    }

    /// <summary>
    /// Reads, once per import before its first record is planned, every record of the entities the rules read whole
    /// (<see cref="IPlanningRule.ReadsAll"/>): small reference data, such as the warehouses an article gets a stock record in.
    /// </summary>
    /// <remarks>
    /// In a set of files (<see cref="ImportSet"/>), the records an earlier file planned and the store does not hold (a simulation)
    /// are added with their key only, when the key is one text field: a simulated set plans what its execution does.
    /// </remarks>
    internal async Task ReadAllAsync(IReadOnlyList<IPlanningRule> rules, IImportSink sink, ImportSet? set, CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
        {
            foreach (var schema in rule.ReadsAll)
            {
                if (!All.ContainsKey(schema.Name))
                {
                    var records = new List<object?[]>();
                    await foreach (var record in sink.ReadAllAsync(schema, cancellationToken).ConfigureAwait(false))
                    {
                        records.Add(record);
                    }

                    AddPlanned(schema, records, set);
                    All[schema.Name] = records;
                }
            }
        }
    }

    private static void AddPlanned(EntitySchema schema, List<object?[]> records, ImportSet? set)
    {
        if (set is null || schema.KeyFields.Count != 1 || schema[schema.KeyFields[0]] is not { Type: FieldType.Text } key)
        {
            return;
        }

        HashSet<string>? stored = null;
        foreach (var code in set.Planned(schema.Name, key.Name))
        {
            stored ??= [.. records.Select(r => RecordKey.FormatValue(r[key.Index])).OfType<string>()];
            if (stored.Add(code))
            {
                var record = new object?[schema.Fields.Count];
                record[key.Index] = code;
                records.Add(record);
            }
        }
    }

    internal void Reset(int row, object?[] values, bool isNew)
    {
        Row = row;
        _values = values;
        IsNew = isNew;
        Derived.Clear();
    }
}
