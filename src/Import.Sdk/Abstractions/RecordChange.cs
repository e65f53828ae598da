namespace Import.Sdk;

/// <summary>One write the planner asks a sink to make: a whole record, indexed by <see cref="FieldDefinition.Index"/>.</summary>
public sealed class RecordChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="schema">The entity of the record.</param>
    /// <param name="kind">Insert or update.</param>
    /// <param name="keyFields">The fields that identify the record (for an update: the record to replace).</param>
    /// <param name="values">The complete record after the change.</param>
    /// <param name="row">The spreadsheet row the change comes from, or 0 for a record created by the import itself.</param>
    public RecordChange(EntitySchema schema, ChangeKind kind, IReadOnlyList<string> keyFields, object?[] values, int row)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(keyFields);
        ArgumentNullException.ThrowIfNull(values);
        Schema = schema;
        Kind = kind;
        KeyFields = keyFields;
        Values = values;
        Row = row;
        Key = RecordKey.Of(schema, keyFields, values) ?? throw new ArgumentException($"The record of '{schema.Name}' has an empty key.", nameof(values));
    }

    /// <summary>The planner's constructor: the key is already made.</summary>
    internal RecordChange(EntitySchema schema, ChangeKind kind, IReadOnlyList<string> keyFields, object?[] values, int row, RecordKey key)
    {
        Schema = schema;
        Kind = kind;
        KeyFields = keyFields;
        Values = values;
        Row = row;
        Key = key;
    }

    /// <summary>Gets the entity of the record.</summary>
    public EntitySchema Schema { get; }

    /// <summary>Gets whether the record is inserted or updated.</summary>
    public ChangeKind Kind { get; }

    /// <summary>Gets the fields that identify the record.</summary>
    public IReadOnlyList<string> KeyFields { get; }

    /// <summary>Gets the key: the record's values of <see cref="KeyFields"/> (for an update, the key of the record it replaces).</summary>
    public RecordKey Key { get; }

    /// <summary>Gets the complete record after the change.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>Gets the spreadsheet row the change comes from, or 0.</summary>
    public int Row { get; }
}
