namespace Import.Sdk;

/// <summary>An importable entity: its schema and its rule set. Immutable.</summary>
public sealed class ImportEntity
{
    /// <summary>Creates an entity.</summary>
    /// <param name="schema">The fields.</param>
    /// <param name="rules">The record rules, run after every field has been converted and checked.</param>
    public ImportEntity(EntitySchema schema, IEnumerable<IRecordRule>? rules = null)
        : this(schema, rules, null)
    {
    }

    private ImportEntity(EntitySchema schema, IEnumerable<IRecordRule>? rules, IEnumerable<IPlanningRule>? planningRules)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Rules = rules?.ToArray() ?? [];
        PlanningRules = planningRules?.ToArray() ?? [];
    }

    /// <summary>Gets the entity name.</summary>
    public string Name => Schema.Name;

    /// <summary>Gets the fields.</summary>
    public EntitySchema Schema { get; }

    /// <summary>Gets the record rules.</summary>
    public IReadOnlyList<IRecordRule> Rules { get; }

    /// <summary>Gets the planning rules, run by the planner on each record about to be written (see <see cref="IPlanningRule"/>).</summary>
    public IReadOnlyList<IPlanningRule> PlanningRules { get; }

    /// <summary>Returns the same entity with the host's own fields added.</summary>
    /// <param name="configure">Adds fields.</param>
    /// <returns>The extended entity.</returns>
    public ImportEntity WithCustomFields(Action<EntitySchemaBuilder> configure) => new(Schema.Extend(configure), Rules, PlanningRules);

    /// <summary>Returns the same entity with more record rules.</summary>
    /// <param name="rules">The rules to add.</param>
    /// <returns>The extended entity.</returns>
    public ImportEntity WithRules(params IRecordRule[] rules) => new(Schema, Rules.Concat(rules), PlanningRules);

    /// <summary>Returns the same entity with more planning rules.</summary>
    /// <param name="rules">The rules to add.</param>
    /// <returns>The extended entity.</returns>
    public ImportEntity WithPlanningRules(params IPlanningRule[] rules) => new(Schema, Rules, PlanningRules.Concat(rules));
}
