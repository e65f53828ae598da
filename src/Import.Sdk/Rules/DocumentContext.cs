namespace Import.Sdk;

/// <summary>
/// A complete document as an <see cref="IDocumentRule"/> sees it: the header record as it will be stored (its values may be set)
/// and its lines as they will be stored, in the lines file's order.
/// </summary>
public sealed class DocumentContext
{
    private readonly object?[] _header;

    internal DocumentContext(EntitySchema schema, EntitySchema linesSchema, int row, object?[] header, IReadOnlyList<IReadOnlyList<object?>> lines)
    {
        Schema = schema;
        LinesSchema = linesSchema;
        Row = row;
        _header = header;
        Lines = lines;
    }

    /// <summary>Gets the schema of the header.</summary>
    public EntitySchema Schema { get; }

    /// <summary>Gets the schema of the lines.</summary>
    public EntitySchema LinesSchema { get; }

    /// <summary>Gets the row of the header in the header file.</summary>
    public int Row { get; }

    /// <summary>
    /// Gets the lines of the document, in the lines file's order, each indexed by <see cref="FieldDefinition.Index"/> of
    /// <see cref="LinesSchema"/> (values of the fields' types, as <see cref="RecordContext"/> reads them). Do not modify them.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<object?>> Lines { get; }

    /// <summary>Gets or sets a value of the header about to be written (of the field's type).</summary>
    /// <param name="field">The field name.</param>
    /// <exception cref="KeyNotFoundException">The header has no such field.</exception>
    public object? this[string field]
    {
        get => _header[Schema[field].Index];
        set => _header[Schema[field].Index] = value;
    }

    /// <summary>Gets a value of a line.</summary>
    /// <param name="line">The 0-based line, in <see cref="Lines"/>.</param>
    /// <param name="field">The field name, of <see cref="LinesSchema"/>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    /// <exception cref="KeyNotFoundException">The lines have no such field.</exception>
    public object? GetLineValue(int line, string field) => Lines[line][LinesSchema[field].Index];
}
