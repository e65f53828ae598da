namespace Import.Sdk;

/// <summary>
/// A rule of a document import (<see cref="ImportEntity.WithDocumentRules"/>): runs once per complete document — its header and
/// every line accepted, none rejected — after both files are planned and before the document is written, on a single thread. It
/// may set values of the header computed from the lines (a sales document's totals). It runs in a simulation as in an execution,
/// so both report the same outcomes.
/// </summary>
/// <remarks>
/// A header that the planner found unchanged (its stored record equals the file's) and whose values a document rule changes is
/// written as an update and counted <c>updated</c> instead: its lines changed what the rule computes.
/// </remarks>
public interface IDocumentRule
{
    /// <summary>Completes one document.</summary>
    /// <param name="document">The header about to be written (its values may be set) and its lines (read only).</param>
    void Complete(DocumentContext document);
}
