using System.Collections.Frozen;

namespace Import.Sdk;

/// <summary>
/// The fields of an importable entity. Records of the entity are value rows indexed by <see cref="FieldDefinition.Index"/>.
/// Immutable and thread-safe; build one with <see cref="Create(string)"/>, <see cref="FromType{T}(string)"/> or <see cref="Extend(Action{EntitySchemaBuilder})"/>.
/// </summary>
public sealed class EntitySchema
{
    private readonly FrozenDictionary<string, FieldDefinition> _byName;

    internal EntitySchema(string name, string labelFr, string labelEn, IReadOnlyList<FieldBuilder> fields, IReadOnlyList<string> keyFields, IReadOnlyList<string> alternateKeyFields, IReadOnlyList<Action<EntitySchemaBuilder>> recipe)
    {
        Name = name;
        LabelFr = labelFr;
        LabelEn = labelEn;
        var defs = new FieldDefinition[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            defs[i] = new FieldDefinition(fields[i], i);
        }

        Fields = defs;
        _byName = defs.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        KeyFields = keyFields;
        AlternateKeyFields = alternateKeyFields;
        Recipe = recipe;
    }

    /// <summary>Gets the stable entity name (for example <c>customers</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the French label.</summary>
    public string LabelFr { get; }

    /// <summary>Gets the English label.</summary>
    public string LabelEn { get; }

    /// <summary>Gets the fields, in record order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Gets the fields that identify a record.</summary>
    public IReadOnlyList<string> KeyFields { get; }

    /// <summary>Gets the fields that identify a record when no column is mapped to a <see cref="KeyFields"/> field (for customers: the name).</summary>
    public IReadOnlyList<string> AlternateKeyFields { get; }

    /// <summary>
    /// Gets the field naming the parent when the entity's records are child sets (<see cref="EntitySchemaBuilder.ChildSetOf"/>):
    /// the records of one parent in a file replace the parent's stored records; <see langword="null"/> otherwise.
    /// </summary>
    public string? ChildSetParent { get; internal init; }

    /// <summary>
    /// Gets the key field that orders the records of one parent's child set (<see cref="EntitySchemaBuilder.ChildSetPosition"/>):
    /// empty in a record, the import numbers it in file order; <see langword="null"/> when there is none.
    /// </summary>
    public string? ChildSetPosition { get; internal init; }

    /// <summary>
    /// Gets a value indicating whether an import only updates the entity's records (<see cref="EntitySchemaBuilder.UpdateOnly"/>):
    /// it runs in <see cref="ImportMode.Update"/> mode, and an <see cref="ImportMode.Insert"/> import is refused.
    /// </summary>
    public bool IsUpdateOnly { get; internal init; }

    internal IReadOnlyList<Action<EntitySchemaBuilder>> Recipe { get; }

    /// <summary>Gets a field by name.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The field.</returns>
    /// <exception cref="KeyNotFoundException">The schema has no such field.</exception>
    public FieldDefinition this[string name] => _byName.TryGetValue(name, out var f) ? f : throw new KeyNotFoundException($"Entity '{Name}' has no field '{name}'.");

    /// <summary>Starts a schema.</summary>
    /// <param name="name">The entity name.</param>
    /// <returns>A builder.</returns>
    public static EntitySchemaBuilder Create(string name) => new(name);

    /// <summary>Builds a schema from the public read-write properties of a host type (see <see cref="ImportFieldAttribute"/>).</summary>
    /// <typeparam name="T">The host type.</typeparam>
    /// <param name="name">The entity name.</param>
    /// <returns>The schema.</returns>
    public static EntitySchema FromType<T>(string name) => PocoBinder<T>.BuildSchema(name);

    /// <summary>Looks a field up by name.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="field">The field, when found.</param>
    /// <returns><see langword="true"/> when the schema has the field.</returns>
    public bool TryGetField(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FieldDefinition? field) => _byName.TryGetValue(name, out field);

    /// <summary>Gets the index of a field, or -1.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The index, or -1 when the schema has no such field.</returns>
    public int IndexOf(string name) => _byName.TryGetValue(name, out var f) ? f.Index : -1;

    /// <summary>Returns a new schema with the host's own fields added (custom fields).</summary>
    /// <param name="configure">Adds fields to the builder.</param>
    /// <returns>The extended schema; this one is unchanged.</returns>
    public EntitySchema Extend(Action<EntitySchemaBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new EntitySchemaBuilder(Name);
        foreach (var step in Recipe)
        {
            step(builder);
        }

        builder.CustomMode = true;
        configure(builder);
        return builder.Build();
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
