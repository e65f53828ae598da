using Import.Sdk.Excel.Templates;

namespace Import.Sdk.Excel;

/// <summary>
/// Writes an XLSX template of an entity: a workbook to fill in that imports back with the entity's schema.
/// </summary>
/// <remarks>
/// <para>
/// The workbook has one sheet named after the entity's French label (<see cref="EntitySchema.LabelFr"/>, cut to Excel's 31
/// characters, without the characters Excel forbids in sheet names): row 1 holds the French labels of the fields in schema
/// order (bold, frozen so that it stays visible while scrolling, columns sized to their content); row 2 holds the example
/// row when one is given.
/// </para>
/// <para>
/// Each column carries the cell format of its field type, so that what a user types is kept the way the import reads it:
/// <c>#,##0.00</c> for decimals, <c>0</c> for integers, <c>dd/mm/yyyy</c> for dates and the text format <c>@</c> for every
/// other type (identifiers such as SIREN, IBAN or postal codes keep their leading zeros). Enum fields get a drop-down list
/// of their allowed values and booleans a <c>oui</c>/<c>non</c> list (as a warning, not a stop: aliases the import accepts
/// can still be typed). A list longer than the 255 characters Excel allows inline (or holding a comma or a quote) is
/// written to a second, hidden sheet <c>Listes</c> and referenced from there.
/// </para>
/// <para>
/// Example values are written as a user would type them in a cell (as in a CSV template): decimal and integer examples in
/// French or invariant notation (<c>1 234,56</c>, <c>1234.56</c>) become number cells, date examples
/// (<c>dd/MM/yyyy</c>, <c>d/M/yyyy</c> or ISO <c>yyyy-MM-dd</c>) become date serials, booleans and every other type are
/// written as text. An example that does not read as its type is written as text, unchanged; an empty or
/// <see langword="null"/> example leaves its cell empty.
/// </para>
/// </remarks>
public static class ExcelTemplate
{
    /// <summary>Writes the template of <paramref name="schema"/> to <paramref name="destination"/>.</summary>
    /// <param name="schema">The entity whose fields are the columns.</param>
    /// <param name="destination">The stream the XLSX file is written to (from its current position; left open, not flushed beyond the write).</param>
    /// <param name="exampleRow">The example value of each field, in schema order (one per field), or <see langword="null"/> for a header-only template.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the workbook is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable, or <paramref name="exampleRow"/> does not hold one value per field.</exception>
    public static async Task WriteAsync(EntitySchema schema, Stream destination, IReadOnlyList<string?>? exampleRow = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        }

        if (exampleRow is not null && exampleRow.Count != schema.Fields.Count)
        {
            throw new ArgumentException(
                $"The example row has {exampleRow.Count} values; entity '{schema.Name}' has {schema.Fields.Count} fields.",
                nameof(exampleRow));
        }

        cancellationToken.ThrowIfCancellationRequested();

        // A template is small: built in memory (the OpenXml package needs a seekable stream), then copied.
        using var buffer = new MemoryStream();
        TemplateWorkbook.Write(schema, exampleRow, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
