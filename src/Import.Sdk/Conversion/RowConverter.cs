using Import.Sdk.Mapping;
using Import.Sdk.Pipeline;
using Import.Sdk.Planning;
using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Conversion;

/// <summary>
/// The conversion stage: a row's cells to typed values (<see cref="RowState.Values"/>), every field checked (type, culture,
/// required, length, enum, e-mail, validators), and the row's key. Touches nothing but the row: its issues wait in it
/// (<see cref="RowState.Pending"/>). Holds nothing that changes after it is built: one converter serves every converting thread.
/// </summary>
internal sealed class RowConverter
{
    private readonly EntitySchema _schema;
    private readonly CompiledMapping _map;
    private readonly IReadOnlyList<string> _header;
    private readonly RowIssues _issues;
    private readonly ValueConverter _values;
    private readonly FieldDefinition[] _fields; // the schema's list as an array: no interface call per row
    private readonly int _columns; // the header's width, read once
    private readonly object?[] _defaults;
    private readonly MappedField[] _mappedFields; // the fields a row fills from a cell
    private readonly int[] _unmappedFilled; // unmapped fields with a default, or needed (their required issue)

    /// <summary>
    /// Prepares the conversion of a file's rows. A default value that is not valid is added to <paramref name="map"/>'s issues
    /// (<see cref="IssueCodes.InvalidProfile"/>): the run then reads no row.
    /// </summary>
    public RowConverter(EntitySchema schema, CompiledMapping map, IReadOnlyList<string> header, RowIssues issues, ValueConverter values)
    {
        _schema = schema;
        _map = map;
        _header = header;
        _issues = issues;
        _values = values;
        _fields = [.. schema.Fields];
        _columns = header.Count;
        var needed = _fields.Select(f => f.IsRequired || (map.IsKey(f.Index) && !string.Equals(f.Name, schema.ChildSetPosition, StringComparison.Ordinal))).ToArray(); // required, or part of the key (a child set's position is numbered by the planner)
        var plainTextMax = _fields.Select(f => f.Type == FieldType.Text && !values.HasValidators(f.Index) ? f.MaxLength ?? int.MaxValue : -1).ToArray();

        // Columns only read as numbers, dates, booleans or codes: their cells need no string (see CellChars).
        CellSlots = new int[_columns];
        var slot = 0;
        for (var column = 0; column < _columns; column++)
        {
            var fields = _fields.Where(f => map.FieldColumn[f.Index] == column).ToArray();
            CellSlots[column] = fields.Length > 0 && fields.All(f => f.Type is FieldType.Integer or FieldType.Decimal or FieldType.Date or FieldType.Boolean or FieldType.Enum)
                ? slot++
                : -1;
        }

        _defaults = ConvertDefaults();
        _mappedFields = [.. Enumerable.Range(0, _fields.Length).Where(f => map.FieldColumn[f] >= 0).Select(f => new MappedField(f, map.FieldColumn[f], CellSlots[map.FieldColumn[f]], plainTextMax[f], needed[f]))];
        _unmappedFilled = [.. Enumerable.Range(0, _fields.Length).Where(f => map.FieldColumn[f] < 0 && (_defaults[f] is not null || needed[f]))];
    }

    /// <summary>Gets, per column, its place among the columns kept as characters (<see cref="CellChars"/>), or -1.</summary>
    public int[] CellSlots { get; }

    /// <summary>Gets the number of fields: the length of a row's values.</summary>
    public int FieldCount => _fields.Length;

    /// <summary>
    /// Converts a row's cells to typed values and checks every field; computes its key. May run on any thread, for several rows
    /// at once.
    /// </summary>
    public void Convert(RowState row)
    {
        var cells = row.Cells;
        var problemColumn = -1;
        IReadOnlyList<int>? errorColumns = null;
        if (row.ReaderProblem is { Code: IssueCodes.CellError } cellError)
        {
            // Excel error cells (rare path): only those of mapped columns reject the row; their fields are not checked again.
            errorColumns = cellError.Columns.Count > 0 ? cellError.Columns : [cellError.Column];
            var first = FirstMappedColumn(errorColumns);
            if (first >= 0)
            {
                var errorText = first < _columns ? row.Cell(first, CellSlots[first]).ToString() : cellError.Value;
                _issues.Add(row, first < _header.Count ? _header[first] : null, null, errorText, IssueCodes.CellError, IssueSeverity.Error, cellError.Message);
            }
        }
        else if (row.ReaderProblem is { } problem)
        {
            var column = problem.Column >= 0 && problem.Column < _header.Count ? _header[problem.Column] : null;
            var shown = problem.Value is { Length: <= DisplayText.MaxValueLength + 1 } cut ? cut : DisplayText.Cut(problem.Value, _issues.UiCulture); // readers cut with "…"
            _issues.Add(row, column, null, shown, problem.Code, IssueSeverity.Error, problem.Message);
            if (problem.Column < 0 && problem.Code is IssueCodes.MalformedRow or IssueCodes.TooLong)
            {
                // The reader could not split the row into cells: nothing more can be said of them (no required nor key issue).
                return;
            }

            problemColumn = problem.Column; // that cell was not read (too long, malformed): its field is not checked again
        }

        if (row.FieldCount != _columns && !OnlyEmptyExtraCells(cells, row.FieldCount))
        {
            _issues.Add(row, null, null, IssueCodes.RaggedRow, IssueSeverity.Error, _issues.Msg(Messages.RaggedRow, row.FieldCount, _header.Count));
        }

        ConvertFields(row, problemColumn, errorColumns);
        row.HasValues = true;
        var values = row.Values;
        var keyIndexes = _map.KeyIndexes;
        row.Key = keyIndexes.Length == 1 ? RecordKey.FormatValue(values[keyIndexes[0]]) : KeyText.Format(_schema, _map.KeyFields, values);
        if (row.Key is not null)
        {
            row.KeyHash = KeyRegistry.Hash(row.Key); // here, where the key is hot
        }
    }

    private void ConvertFields(RowState row, int problemColumn, IReadOnlyList<int>? errorColumns)
    {
        var cells = row.Cells;
        var fields = _fields;
        var defaults = _defaults;
        var values = row.Values;
        foreach (ref readonly var mapped in _mappedFields.AsSpan())
        {
            var f = mapped.Field;
            if (mapped.Column == problemColumn || (errorColumns is not null && errorColumns.Contains(mapped.Column)))
            {
                continue;
            }

            var cell = cells[mapped.Column];
            if (cell is { Length: > 0 } && cell.Length <= mapped.PlainTextMax && ValueParsers.NeedsNoTrim(cell))
            {
                values[f] = cell; // plain text, as most cells are: nothing to convert nor check
                continue;
            }

            var field = fields[f];
            var raw = cell is null ? row.Cell(mapped.Column, mapped.Slot) : cell;
            if (!_values.TryConvert(field, raw, cell, out var value, out var code, out var message))
            {
                _issues.Add(row, field, DisplayText.Cut(ValueParsers.Trim(raw), _issues.UiCulture), code, IssueSeverity.Error, message);
                continue;
            }

            value ??= defaults[f];
            values[f] = value;
            if (value is null && mapped.Needed)
            {
                RequiredIssue(row, field);
            }
        }

        foreach (var f in _unmappedFilled)
        {
            // An unmapped field: its default, or the required issue (the values start empty).
            values[f] = defaults[f];
            if (values[f] is null)
            {
                RequiredIssue(row, fields[f]);
            }
        }
    }

    /// <summary>Gets the first of <paramref name="columns"/> mapped to a field, or -1.</summary>
    private int FirstMappedColumn(IReadOnlyList<int> columns)
    {
        foreach (var column in columns)
        {
            foreach (ref readonly var mapped in _mappedFields.AsSpan())
            {
                if (mapped.Column == column)
                {
                    return column;
                }
            }
        }

        return -1;
    }

    private void RequiredIssue(RowState row, FieldDefinition field)
    {
        var label = _map.ColumnOf(field.Index) ?? field.Name;
        _issues.Add(row, field, string.Empty, IssueCodes.Required, IssueSeverity.Error, _issues.Msg(_map.IsKey(field.Index) ? Messages.KeyRequired : Messages.Required, label));
    }

    private bool OnlyEmptyExtraCells(string?[] cells, int fieldCount)
    {
        // Trailing empty cells (a separator at the end of every line) are not a ragged row; missing cells are.
        if (fieldCount < _header.Count)
        {
            return false;
        }

        for (var i = _header.Count; i < fieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(cells[i]))
            {
                return false;
            }
        }

        return true;
    }

    private object?[] ConvertDefaults()
    {
        var defaults = new object?[_fields.Length];
        for (var f = 0; f < _fields.Length; f++)
        {
            if (_map.DefaultText[f] is { } text)
            {
                if (_values.TryConvert(_fields[f], text, text, out var value, out _, out var message))
                {
                    defaults[f] = value;
                }
                else
                {
                    _map.Problem(_map.ColumnOf(f), _fields[f].Name, text, _issues.UiCulture, Resources.Messages.DefaultValueInvalid, _fields[f].Name, message);
                }
            }
        }

        return defaults;
    }

    /// <summary>A mapped field and what converting its cell needs, in one place (read once per cell).</summary>
    /// <param name="Field">The field's index.</param>
    /// <param name="Column">Its column.</param>
    /// <param name="Slot">The column's place among those kept as characters, or -1.</param>
    /// <param name="PlainTextMax">The field's maximum length when it is text taken as is, or -1.</param>
    /// <param name="Needed">Whether the field is required or part of the key.</param>
    private readonly record struct MappedField(int Field, int Column, int Slot, int PlainTextMax, bool Needed);
}
