using Import.Sdk.Pipeline;

namespace Import.Sdk.Planning;

/// <summary>
/// One file of a document import as its planner sees it (<see cref="DocumentAssembler"/>): the change writer it hands its
/// changes to (held until the documents are known complete), and what it tells of each row's outcome. A planner of a file that
/// is not part of a document import has none, and does no work of this kind.
/// </summary>
internal interface IDocumentSide : IChangeWriter
{
    /// <summary>Gets the field the side checks itself (the lines' parent: in the header file, not in the store), which the reference resolver leaves alone; or <see langword="null"/>.</summary>
    FieldDefinition? OwnParent { get; }

    /// <summary>Checks a row that passed its own checks against its document: false rejects it (the issue is added to the row).</summary>
    /// <param name="row">The row.</param>
    /// <returns>Whether the row may be accepted.</returns>
    bool Admit(RowState row);

    /// <summary>A row accepted (counted with <paramref name="outcome"/>): its changes since the last row are its own.</summary>
    /// <param name="row">The row, its cells still readable.</param>
    /// <param name="outcome">How it was counted.</param>
    void Accepted(RowState row, RowOutcome outcome);

    /// <summary>A row rejected (already in the report).</summary>
    /// <param name="row">The row.</param>
    void Rejected(RowState row);
}
