namespace Import.Sdk.Planning;

/// <summary>
/// Where the planner hands the changes of a batch: the sink's <see cref="IImportSink.WriteAsync"/> when executing
/// (<see cref="SinkChangeWriter"/>), nowhere when simulating (<see cref="DiscardChangeWriter"/>). The planner does the same
/// work either way; which writer it is given is the one difference between a simulation and an execution.
/// </summary>
internal interface IChangeWriter
{
    /// <summary>
    /// Gets a value indicating whether the values arrays handed to <see cref="Add"/> are kept past the batch: when they are,
    /// the planner never reuses one (see <see cref="Pipeline.RowState.ValuesKept"/>).
    /// </summary>
    bool KeepsValues { get; }

    /// <summary>Adds a change to the batch's.</summary>
    /// <param name="schema">The entity of the record.</param>
    /// <param name="kind">Insert or update.</param>
    /// <param name="keyFields">The fields that identify the record.</param>
    /// <param name="values">The complete record after the change.</param>
    /// <param name="row">The spreadsheet row the change comes from.</param>
    /// <param name="key">The record's key already made, or <see langword="null"/> to make it from the values.</param>
    void Add(EntitySchema schema, ChangeKind kind, string[] keyFields, object?[] values, int row, RecordKey? key);

    /// <summary>Writes the batch's changes, in the order they were added, atomically; then the next batch starts.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the batch is written.</returns>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
