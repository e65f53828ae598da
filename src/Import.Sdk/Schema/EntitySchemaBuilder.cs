namespace Import.Sdk;

/// <summary>Builds an <see cref="EntitySchema"/> fluently.</summary>
public sealed class EntitySchemaBuilder
{
    private readonly List<FieldBuilder> _fields = [];
    private readonly List<Action<EntitySchemaBuilder>> _recipe = [];
    private string[] _keys = [];
    private string[] _alternateKeys = [];
    private string? _childSetParent;
    private string? _childSetPosition;
    private bool _updateOnly;
    private string? _labelFr;
    private string? _labelEn;

    internal EntitySchemaBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Gets the entity name.</summary>
    public string Name { get; }

    internal bool CustomMode { get; set; }

    /// <summary>Sets the French and English labels of the entity.</summary>
    /// <param name="french">The French label.</param>
    /// <param name="english">The English label.</param>
    /// <returns>This builder.</returns>
    public EntitySchemaBuilder Label(string french, string english)
    {
        _recipe.Add(b => b.Label(french, english));
        _labelFr = french;
        _labelEn = english;
        return this;
    }

    /// <summary>Adds a field.</summary>
    /// <param name="name">The snake_case field name.</param>
    /// <param name="type">The type values are converted to.</param>
    /// <param name="configure">Sets labels, rules and synonyms.</param>
    /// <returns>This builder.</returns>
    public EntitySchemaBuilder Field(string name, FieldType type, Action<FieldBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_fields.Exists(f => string.Equals(f.Name, name, StringComparison.Ordinal)))
        {
            throw new ImportException($"Entity '{Name}' already has a field '{name}'.");
        }

        var custom = CustomMode;
        _recipe.Add(b =>
        {
            var previous = b.CustomMode;
            b.CustomMode = custom;
            b.Field(name, type, configure);
            b.CustomMode = previous;
        });
        var field = new FieldBuilder(name, type) { IsCustomValue = custom };
        configure?.Invoke(field);
        _fields.Add(field);
        return this;
    }

    /// <summary>Sets the key fields that identify a record.</summary>
    /// <param name="fields">The key fields.</param>
    /// <returns>This builder.</returns>
    public EntitySchemaBuilder Key(params string[] fields)
    {
        _recipe.Add(b => b.Key(fields));
        _keys = fields;
        return this;
    }

    /// <summary>Sets the fields that identify a record when no column is mapped to a key field.</summary>
    /// <param name="fields">The alternate key fields.</param>
    /// <returns>This builder.</returns>
    public EntitySchemaBuilder AlternateKey(params string[] fields)
    {
        _recipe.Add(b => b.AlternateKey(fields));
        _alternateKeys = fields;
        return this;
    }

    /// <summary>
    /// Declares the records a child set of a parent (the components of a bill of materials' assembly): the records of one parent in
    /// a file are its whole set, so importing them replaces the parent's stored records (<see cref="ChangeKind.ReplaceChildren"/>),
    /// and re-importing the same file never duplicates a set.
    /// </summary>
    /// <param name="parentField">The field naming the parent.</param>
    /// <returns>This builder.</returns>
    public EntitySchemaBuilder ChildSetOf(string parentField)
    {
        _recipe.Add(b => b.ChildSetOf(parentField));
        _childSetParent = parentField;
        return this;
    }

    /// <summary>
    /// Declares the field that orders the records of one parent's child set (<see cref="ChildSetOf"/>), a key field with the parent
    /// field: a record that leaves it empty is numbered by the import, in file order, after the last position of its parent met so far
    /// in the file (1, 2, 3… when the file has no position at all). The field must be an integer field.
    /// </summary>
    /// <param name="positionField">The position field.</param>
    /// <returns>This builder.</returns>
    public EntitySchemaBuilder ChildSetPosition(string positionField)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(positionField);
        _recipe.Add(b => b.ChildSetPosition(positionField));
        _childSetPosition = positionField;
        return this;
    }

    /// <summary>
    /// Declares that an import only updates the entity's records, never inserts one (such as stock records, created by the articles
    /// import): the default and <see cref="ImportMode.Upsert"/> modes become <see cref="ImportMode.Update"/> (a record not in the store is
    /// <c>not_found</c>), and an import asked for <see cref="ImportMode.Insert"/> is refused as an invalid profile, before any row is read.
    /// </summary>
    /// <returns>This builder.</returns>
    public EntitySchemaBuilder UpdateOnly()
    {
        _recipe.Add(b => b.UpdateOnly());
        _updateOnly = true;
        return this;
    }

    /// <summary>Builds the schema, checking that keys, references and enums are consistent.</summary>
    /// <returns>The schema.</returns>
    /// <exception cref="ImportException">The schema is inconsistent; the message lists every problem.</exception>
    public EntitySchema Build()
    {
        var problems = new List<string>();
        if (_fields.Count == 0)
        {
            problems.Add("it has no field");
        }

        if (_keys.Length == 0)
        {
            problems.Add("it has no key field");
        }

        foreach (var k in _keys.Concat(_alternateKeys))
        {
            if (!_fields.Exists(f => string.Equals(f.Name, k, StringComparison.Ordinal)))
            {
                problems.Add($"key field '{k}' is not a field");
            }
        }

        if (_childSetParent is { } parent && !_fields.Exists(f => string.Equals(f.Name, parent, StringComparison.Ordinal)))
        {
            problems.Add($"the parent field of its child sets '{parent}' is not a field");
        }

        if (_childSetPosition is { } position)
        {
            if (_childSetParent is null)
            {
                problems.Add($"its child set position '{position}' needs a parent field (ChildSetOf)");
            }

            if (!_fields.Exists(f => string.Equals(f.Name, position, StringComparison.Ordinal) && f.Type == FieldType.Integer) || !_keys.Contains(position, StringComparer.Ordinal))
            {
                problems.Add($"its child set position '{position}' is not an integer key field");
            }
        }

        foreach (var f in _fields)
        {
            if (f.Type == FieldType.Enum && f.AllowedValuesList.Count == 0)
            {
                problems.Add($"enum field '{f.Name}' has no allowed value");
            }

            if (f.ReferenceValue is { Target: null } r && !_fields.Exists(x => string.Equals(x.Name, r.TargetField, StringComparison.Ordinal)))
            {
                problems.Add($"field '{f.Name}' references unknown field '{r.TargetField}'");
            }

            foreach (var alternate in f.ReferenceValue?.AlternateTargetFields ?? [])
            {
                var exists = f.ReferenceValue!.Target is { } target ? target.TryGetField(alternate, out _) : _fields.Exists(x => string.Equals(x.Name, alternate, StringComparison.Ordinal));
                if (!exists)
                {
                    problems.Add($"field '{f.Name}' may reference unknown field '{alternate}'");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ImportException($"Entity '{Name}' is not valid: {string.Join("; ", problems)}.");
        }

        return new EntitySchema(Name, _labelFr ?? Name, _labelEn ?? Name, _fields.ToArray(), _keys, _alternateKeys, _recipe.ToArray()) { ChildSetParent = _childSetParent, ChildSetPosition = _childSetPosition, IsUpdateOnly = _updateOnly };
    }
}
