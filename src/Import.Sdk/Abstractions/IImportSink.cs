namespace Import.Sdk;

/// <summary>
/// The host's storage, as the pipeline sees it: batched look-ups of existing records, and batched writes, each batch atomic.
/// Only the planner talks to a sink. Built-ins: <see cref="InMemorySink"/> and SQLite (<c>Import.Sdk.Sqlite</c>).
/// </summary>
public interface IImportSink
{
    /// <summary>Finds existing records by key, for a whole batch at once (never one query per row).</summary>
    /// <param name="schema">The entity.</param>
    /// <param name="keyFields">The fields the keys are made of (a key field or any other field, such as a name).</param>
    /// <param name="keys">The keys: typed values of <paramref name="keyFields"/>, one part per field (see <see cref="RecordKey"/> for how they compare).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The records found, by key, each a complete record indexed by <see cref="FieldDefinition.Index"/> with values of the field's type. Keys not found are absent. An entity the store has never seen has no record.</returns>
    ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes a batch of changes, in order, atomically: all of them or, when it fails or is cancelled, none.</summary>
    /// <remarks>
    /// <para>
    /// Each call is one unit: a document import (<see cref="ImportEntity.WithLines"/>) hands each document (its header's changes,
    /// then its lines') within one call, never split across two, so that a document is written whole or not at all. A sink must
    /// therefore undo every change of a call that fails part-way (a transaction per call).
    /// </para>
    /// <para>
    /// What the sink is given is its own to keep: the pipeline makes a new list for each call, and a new
    /// <see cref="RecordChange"/> and a new values array (<see cref="RecordChange.Values"/>) for each change, and never reads,
    /// reuses or modifies any of them once this method returns (nor while it runs). A sink may therefore keep the list, the
    /// changes or their values (in a cache, or as the stored records of an in-memory store) without copying them. The
    /// <see cref="RecordChange.KeyFields"/> list, however, is shared by the changes of one import: read it, do not modify it.
    /// </para>
    /// </remarks>
    /// <param name="changes">The changes, possibly of several entities (a referenced code created before the records that use it).</param>
    /// <param name="cancellationToken">Cancels the write; the batch is rolled back.</param>
    /// <returns>A task that completes when the batch is committed.</returns>
    ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every record of an entity: for small reference data only (such as the warehouses, which the articles import reads once
    /// to give each new article a stock record in every warehouse, see <see cref="IPlanningRule.ReadsAll"/>), never for the records
    /// an import plans, which are looked up by key (<see cref="LookupAsync"/>).
    /// </summary>
    /// <remarks>
    /// A sink that imports no such entity need not implement it: by default it throws <see cref="NotSupportedException"/>, which the
    /// pipeline lets through unchanged (an import whose planning rules need it fails before its first row is planned, nothing
    /// written). An implementation returns the records as committed when it is called (read once per import, before planning), each a
    /// new array that the caller may keep.
    /// </remarks>
    /// <param name="schema">The entity.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The records, each indexed by <see cref="FieldDefinition.Index"/> with values of the field's type, in the order they were written; none when the store has never seen the entity.</returns>
    /// <exception cref="NotSupportedException">The sink cannot read a whole entity (the default implementation).</exception>
    IAsyncEnumerable<object?[]> ReadAllAsync(EntitySchema schema, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(
            $"The sink {GetType().Name} cannot read every record of '{schema?.Name}': implement IImportSink.ReadAllAsync to import an entity whose planning rules read it (the articles import reads the warehouses).");
}
