namespace Import.Sdk;

/// <summary>
/// Several imports planned as one set of files (reference data first, then the records that use it): an import given the set
/// (<see cref="ImportRequest.Set"/>) sees the records the set's earlier imports planned — accepted, whether written or only
/// simulated — so that a reference to a code the first file creates resolves in the second, in a simulation too, where nothing
/// is written.
/// </summary>
/// <remarks>
/// The set keeps, for each field that a reference of its entities names, and for the key of each entity that a planning rule of
/// its entities reads whole (<see cref="IPlanningRule.ReadsAll"/>: the warehouses, for the articles) (such as <c>tax-regimes.code</c>, or
/// <c>customers.accounting_code</c>), the values of the records planned so far: memory grows with those values only. Import the
/// files one after the other, in dependency order; a set is not for imports running at the same time.
/// </remarks>
public sealed class ImportSet
{
    private readonly HashSet<(string Entity, string Field)> _tracked = [];
    private readonly Dictionary<(string Entity, string Field), HashSet<string>> _planned = [];
    private readonly Dictionary<EntitySchema, (int Index, HashSet<string> Planned)[]> _fieldsOf = [];

    /// <summary>Initializes a new instance of the <see cref="ImportSet"/> class.</summary>
    /// <param name="entities">The entities of the set's files: their references say which values later files may name.</param>
    public ImportSet(IEnumerable<ImportEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            ArgumentNullException.ThrowIfNull(entity, nameof(entities));
            foreach (var field in entity.Schema.Fields)
            {
                if (field.Reference is { } reference)
                {
                    foreach (var target in reference.AlternateTargetFields.Prepend(reference.TargetField))
                    {
                        _tracked.Add(((reference.Target ?? entity.Schema).Name, target));
                    }
                }
            }

            foreach (var whole in entity.PlanningRules.SelectMany(r => r.ReadsAll))
            {
                foreach (var key in whole.KeyFields)
                {
                    _tracked.Add((whole.Name, key)); // read whole by a planning rule: the keys planned earlier in the set count (see PlanningContext.GetAll)
                }
            }
        }
    }

    /// <summary>Records the values a planned record gives to the tracked fields of its entity (their indexes found once per schema).</summary>
    internal void Record(EntitySchema schema, IReadOnlyList<object?> values)
    {
        if (!_fieldsOf.TryGetValue(schema, out var fields))
        {
            fields = [.. schema.Fields.Where(f => _tracked.Contains((schema.Name, f.Name))).Select(f => (f.Index, PlannedSet(schema.Name, f.Name)))];
            _fieldsOf[schema] = fields;
        }

        foreach (var (index, planned) in fields)
        {
            if (index < values.Count && RecordKey.FormatValue(values[index]) is { } value)
            {
                planned.Add(value);
            }
        }
    }

    /// <summary>Whether the set records values of <paramref name="entity"/>.</summary>
    internal bool Tracks(string entity) => _tracked.Any(t => string.Equals(t.Entity, entity, StringComparison.Ordinal));

    /// <summary>The values planned so far for a field (canonical text), or none.</summary>
    internal IEnumerable<string> Planned(string entity, string field) =>
        _planned.TryGetValue((entity, field), out var set) ? set : [];

    private HashSet<string> PlannedSet(string entity, string field)
    {
        if (!_planned.TryGetValue((entity, field), out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            _planned[(entity, field)] = set;
        }

        return set;
    }
}
