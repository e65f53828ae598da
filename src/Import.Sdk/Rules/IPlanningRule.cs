namespace Import.Sdk;

/// <summary>
/// A rule of the planner: runs on each record the import is about to write, once its key, mode and references are resolved, on
/// the planner's single thread (never concurrently). It may set values computed from the records its references name (an
/// invoice's due date from its customer's payment terms) and add records derived from it (a stock record for a new article).
/// It runs in a simulation as in an execution.
/// </summary>
public interface IPlanningRule
{
    /// <summary>Plans one record.</summary>
    /// <param name="record">The record about to be written, its referenced records, and the means to add derived ones.</param>
    void Plan(PlanningContext record);

    /// <summary>
    /// Gets the entities whose every record the rule reads through <see cref="PlanningContext.GetAll"/>: small reference data (such as
    /// the warehouses), read from the sink once per import (<see cref="IImportSink.ReadAllAsync"/>), before its first record is
    /// planned. Empty by default: the rule reads nothing whole.
    /// </summary>
    IReadOnlyList<EntitySchema> ReadsAll => [];
}
