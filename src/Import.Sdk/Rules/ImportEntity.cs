namespace Import.Sdk;

/// <summary>An importable entity: its schema and its rule set. Immutable.</summary>
public sealed class ImportEntity
{
    /// <summary>Creates an entity.</summary>
    /// <param name="schema">The fields.</param>
    /// <param name="rules">The record rules, run after every field has been converted and checked.</param>
    public ImportEntity(EntitySchema schema, IEnumerable<IRecordRule>? rules = null)
        : this(schema, rules, null, null, null)
    {
    }

    private ImportEntity(EntitySchema schema, IEnumerable<IRecordRule>? rules, IEnumerable<IPlanningRule>? planningRules, ImportEntity? lines, IEnumerable<IDocumentRule>? documentRules)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Rules = rules?.ToArray() ?? [];
        PlanningRules = planningRules?.ToArray() ?? [];
        Lines = lines;
        DocumentRules = documentRules?.ToArray() ?? [];
    }

    /// <summary>Gets the entity name.</summary>
    public string Name => Schema.Name;

    /// <summary>Gets the fields.</summary>
    public EntitySchema Schema { get; }

    /// <summary>Gets the record rules.</summary>
    public IReadOnlyList<IRecordRule> Rules { get; }

    /// <summary>Gets the planning rules, run by the planner on each record about to be written (see <see cref="IPlanningRule"/>).</summary>
    public IReadOnlyList<IPlanningRule> PlanningRules { get; }

    /// <summary>
    /// Gets the lines of the documents this entity is the header of (see <see cref="WithLines"/>), or <see langword="null"/>
    /// when its records are not documents.
    /// </summary>
    public ImportEntity? Lines { get; }

    /// <summary>
    /// Gets the document rules, run once per complete document of a document import (see <see cref="IDocumentRule"/>); empty for an
    /// entity whose records are not documents.
    /// </summary>
    public IReadOnlyList<IDocumentRule> DocumentRules { get; }

    /// <summary>Returns the same entity with the host's own fields added.</summary>
    /// <param name="configure">Adds fields.</param>
    /// <returns>The extended entity.</returns>
    public ImportEntity WithCustomFields(Action<EntitySchemaBuilder> configure) => new(Schema.Extend(configure), Rules, PlanningRules, Lines, DocumentRules);

    /// <summary>Returns the same entity with more record rules.</summary>
    /// <param name="rules">The rules to add.</param>
    /// <returns>The extended entity.</returns>
    public ImportEntity WithRules(params IRecordRule[] rules) => new(Schema, Rules.Concat(rules), PlanningRules, Lines, DocumentRules);

    /// <summary>Returns the same entity with more planning rules.</summary>
    /// <param name="rules">The rules to add.</param>
    /// <returns>The extended entity.</returns>
    public ImportEntity WithPlanningRules(params IPlanningRule[] rules) => new(Schema, Rules, PlanningRules.Concat(rules), Lines, DocumentRules);

    /// <summary>
    /// Returns the same entity with more document rules: each runs once per complete document, its header and every line known,
    /// before the document is written (see <see cref="IDocumentRule"/>). They run only in a document import
    /// (<see cref="ImportRequest.Lines"/>), the entity having lines (<see cref="WithLines"/>, before or after this call).
    /// </summary>
    /// <param name="rules">The rules to add.</param>
    /// <returns>The extended entity.</returns>
    public ImportEntity WithDocumentRules(params IDocumentRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(Schema, Rules, PlanningRules, Lines, DocumentRules.Concat(rules));
    }

    /// <summary>
    /// Returns the same entity as the header of documents whose lines are <paramref name="lines"/> (a sales document and its
    /// lines): an import given a lines file (<see cref="ImportRequest.Lines"/>) then reads the header file, then the lines file,
    /// and imports each document (its header and its lines) all or nothing, in one <see cref="IImportSink.WriteAsync"/> call.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The lines name their header by one field: the one whose reference is a parent reference to this entity's key,
    /// <c>new FieldReference(header, "number", isParent: true)</c>. A line whose header is not in the header file is rejected
    /// (<see cref="IssueCodes.OrphanLine"/>), as is each line of a rejected header (<see cref="IssueCodes.UnknownParent"/>, naming
    /// the header's row); a rejected line rejects its header and its other lines (<see cref="IssueCodes.IncompleteDocument"/>).
    /// Lines may come in any order. The report has a section per file (<see cref="ImportReport.Files"/>). A lines file that
    /// cannot be used (a required field unmapped, or unreadable past a row) leaves every document incomplete: nothing is written.
    /// Without a lines file, the header file is imported as any other file.
    /// </para>
    /// <para>
    /// Memory: a document is known complete only once the lines file is read, so until then the import holds, for each accepted
    /// row of both files, its row number and outcome, its cells packed in one string (for the errors file, should the row be
    /// rejected after all: about two bytes per character of the row plus 4 bytes per cell) and, when executing, the changes it
    /// writes (the record's values array, which the sink is given anyway); and per document its key and header row. For rows of
    /// a few short cells that is 150 to 300 bytes a row, so a million lines hold some hundreds of megabytes until they are
    /// written; a simulation holds no values. Rejected rows go to the report as in any import (past a few hundred, to a
    /// temporary file). A written document's rows are let go of as soon as their write call returns. An import without a lines
    /// file holds nothing of this.
    /// </para>
    /// </remarks>
    /// <param name="lines">The lines entity: exactly one of its fields references this entity's key as a parent.</param>
    /// <returns>The header entity with its lines.</returns>
    /// <exception cref="ArgumentException">The lines have no field, or more than one, that references this entity's key as a parent.</exception>
    public ImportEntity WithLines(ImportEntity lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _ = DocumentParentField(Schema, lines.Schema);
        return new(Schema, Rules, PlanningRules, lines, DocumentRules);
    }

    /// <summary>The field of the lines that names their header: a parent reference to the header's single key field.</summary>
    internal static FieldDefinition DocumentParentField(EntitySchema header, EntitySchema lines)
    {
        var parents = lines.Fields.Where(f => f.Reference is { IsParent: true } r && r.Target is { } t && string.Equals(t.Name, header.Name, StringComparison.Ordinal)).ToList();
        if (parents.Count != 1)
        {
            throw new ArgumentException($"The lines '{lines.Name}' need exactly one field referencing '{header.Name}' as a parent (FieldReference with isParent: true); they have {parents.Count}.", nameof(lines));
        }

        var target = parents[0].Reference!.TargetField;
        if (header.KeyFields.Count != 1 || !string.Equals(header.KeyFields[0], target, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The field '{parents[0].Name}' of the lines '{lines.Name}' must reference the key of '{header.Name}' (a single field), not '{target}'.", nameof(lines));
        }

        return parents[0];
    }
}
