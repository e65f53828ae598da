using Import.Sdk.Conversion;
using Import.Sdk.Mapping;
using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Planning;

/// <summary>Reading a row, converting its cells to typed values and checking every field and record rule.</summary>
internal sealed partial class ImportRun
{
    private object?[]? _defaults;

    // The schema's lists as arrays, once per run: no interface call nor boxed enumerator per row.
    private FieldDefinition[] _fields = [];
    private IFieldValidator[][] _validators = [];
    private IValueNormalizer?[][] _normalizers = []; // per validator, itself when it also normalises (no type test per value)
    private IRecordRule[] _rules = [];
    private bool[] _needed = []; // per field: required, or part of the key

    private int _columns; // the header's width, read once

    private void PrepareConversion()
    {
        _columns = _header.Count;
        _fields = [.. _schema.Fields];
        _validators = [.. _fields.Select(f => f.Validators.ToArray())];
        _normalizers = [.. _validators.Select(v => v.Select(x => x as IValueNormalizer).ToArray())];
        _rules = [.. _entity.Rules];
        _needed = [.. _fields.Select(f => f.IsRequired || _map.IsKey(f.Index))];

        _plainTextMax = [.. _fields.Select(f => f.Type == FieldType.Text && _validators[f.Index].Length == 0 ? f.MaxLength ?? int.MaxValue : -1)];

        // Columns only read as numbers, dates, booleans or codes: their cells need no string (see CellChars).
        _cellSlots = new int[_columns];
        var slot = 0;
        for (var column = 0; column < _columns; column++)
        {
            var fields = _fields.Where(f => _map.FieldColumn[f.Index] == column).ToArray();
            _cellSlots[column] = fields.Length > 0 && fields.All(f => f.Type is FieldType.Integer or FieldType.Decimal or FieldType.Date or FieldType.Boolean or FieldType.Enum)
                ? slot++
                : -1;
        }
    }

    private int[] _cellSlots = []; // per column: its place among the columns kept as characters, or -1
    private int[] _plainTextMax = []; // per field: its maximum length when it is text with no validator (taken as is), or -1

    /// <summary>
    /// Reads a row's cells into a recycled row of the lane or a new row, in the lane's reading turn (the reader is not
    /// thread-safe). The lane converts the row on the same thread, while its cells are still in the cache.
    /// </summary>
    private RowState ReadRow(ITabularReader reader, BatchLane lane)
    {
        _rows++;
        var fieldCount = reader.FieldCount;
        var width = Math.Max(fieldCount, _columns);
        RowState row;
        if (lane.Free.TryPop(out var recycled))
        {
            // An accepted row of an earlier batch: nothing refers to its arrays any more (its values only when they were not written).
            var reused = recycled.Cells.Length == width ? recycled.Cells : new string?[width];
            var values = recycled.Values;
            if (_execute)
            {
                values = new object?[_fields.Length]; // the sink was handed the old one
            }

            recycled.Reset(reader.RowNumber, reused, values);
            row = recycled;
        }
        else
        {
            row = new RowState(reader.RowNumber, new string?[width], new object?[_fields.Length]);
        }

        var cells = row.Cells;
        if (lane.CellReader is { } csv)
        {
            var chars = lane.Chars;
            if (chars is not null)
            {
                row.CellBounds ??= new int[2 * chars.Count];
            }

            csv.CopyCells(cells, chars, row.CellBounds);
            row.CellChars = chars?.Buffer; // after the copy: the buffer may have grown for this row
        }
        else
        {
            for (var i = 0; i < width; i++)
            {
                cells[i] = reader.GetString(i);
            }
        }

        row.FieldCount = fieldCount;
        row.ReaderProblem = reader.RowProblem;
        return row;
    }

    /// <summary>What one thread needs to convert rows: its own record context for the rules.</summary>
    private sealed class RowConverter
    {
        private readonly ImportRun _run;
        private readonly RecordContext _context;
        private RowState? _row;

        public RowConverter(ImportRun run)
        {
            _run = run;
            _context = new RecordContext(run._schema, run._ui, Report);
        }

        public void Convert(RowState row)
        {
            _row = row;
            _run.ConvertValues(row, _context);
            _row = null;
        }

        private void Report(string field, string code, string message, string? value) => _run.ReportRuleIssue(_row!, field, code, message, value);
    }

    /// <summary>
    /// Converts a row's cells to typed values and checks every field and record rule. Touches nothing but the row:
    /// it may run on any thread, for several rows at once; its issues wait in the row until it is staged.
    /// </summary>
    private void ConvertValues(RowState row, RecordContext context)
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
                var errorText = first < _columns ? row.Cell(first, _cellSlots[first]).ToString() : cellError.Value;
                RowIssue(row, first < _header.Count ? _header[first] : null, null, errorText, IssueCodes.CellError, IssueSeverity.Error, cellError.Message);
            }
        }
        else if (row.ReaderProblem is { } problem)
        {
            var column = problem.Column >= 0 && problem.Column < _header.Count ? _header[problem.Column] : null;
            var shown = problem.Value is { Length: <= DisplayText.MaxValueLength + 1 } cut ? cut : DisplayText.Cut(problem.Value, _ui); // readers cut with "…"
            RowIssue(row, column, null, shown, problem.Code, IssueSeverity.Error, problem.Message);
            if (problem.Column < 0 && problem.Code is IssueCodes.MalformedRow or IssueCodes.TooLong)
            {
                // The reader could not split the row into cells: nothing more can be said of them (no required nor key issue).
                row.Key = null;
                return;
            }

            problemColumn = problem.Column; // that cell was not read (too long, malformed): its field is not checked again
        }

        if (row.FieldCount != _columns && !OnlyEmptyExtraCells(cells, row.FieldCount))
        {
            RowIssue(row, null, null, IssueCodes.RaggedRow, IssueSeverity.Error, Msg(Messages.RaggedRow, row.FieldCount, _header.Count));
        }

        var fields = _fields;
        var defaults = _defaults!;
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
            if (!TryConvert(field, raw, cell, out var value, out var code, out var message))
            {
                RowIssue(row, field, DisplayText.Cut(ValueParsers.Trim(raw), _ui), code, IssueSeverity.Error, message);
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

        if (_rules.Length > 0)
        {
            context.Reset(row.Row, values, row.Rejected);
            foreach (var rule in _rules)
            {
                rule.Validate(context);
            }
        }

        var keyIndexes = _map.KeyIndexes;
        row.Key = keyIndexes.Length == 1 ? RecordKey.FormatValue(values[keyIndexes[0]]) : RecordKey.Format(_schema, _map.KeyFields, values);
        if (row.Key is not null)
        {
            row.KeyHash = KeyRegistry.Hash(row.Key);
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
        RowIssue(row, field, string.Empty, IssueCodes.Required, IssueSeverity.Error, Msg(_map.IsKey(field.Index) ? Messages.KeyRequired : Messages.Required, label));
    }

    // The fields a row fills, computed once: mapped ones (from their cell), and unmapped ones with a default or needed.
    private MappedField[] _mappedFields = [];
    private int[] _unmappedFilled = [];

    /// <summary>A mapped field and what converting its cell needs, in one place (read once per cell).</summary>
    /// <param name="Field">The field's index.</param>
    /// <param name="Column">Its column.</param>
    /// <param name="Slot">The column's place among those kept as characters, or -1.</param>
    /// <param name="PlainTextMax">The field's maximum length when it is text taken as is, or -1.</param>
    /// <param name="Needed">Whether the field is required or part of the key.</param>
    private readonly record struct MappedField(int Field, int Column, int Slot, int PlainTextMax, bool Needed);

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
        var fields = _schema.Fields;
        var defaults = new object?[fields.Count];
        var problems = new List<string>();
        for (var f = 0; f < fields.Count; f++)
        {
            if (_map.DefaultText[f] is { } text)
            {
                if (TryConvert(fields[f], text, text, out var value, out _, out var message))
                {
                    defaults[f] = value;
                }
                else
                {
                    problems.Add($"the default value of '{fields[f].Name}' is not valid: {message}");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ImportException($"The import of '{_schema.Name}' cannot start: {string.Join("; ", problems)}.");
        }

        _mappedFields = [.. Enumerable.Range(0, fields.Count).Where(f => _map.FieldColumn[f] >= 0).Select(f => new MappedField(f, _map.FieldColumn[f], _cellSlots[_map.FieldColumn[f]], _plainTextMax[f], _needed[f]))];
        _unmappedFilled = [.. Enumerable.Range(0, fields.Count).Where(f => _map.FieldColumn[f] < 0 && (defaults[f] is not null || _needed[f]))];
        return defaults;
    }

    /// <summary>Converts one cell to the field's type and checks it. Never throws.</summary>
    // Boxed once: delays, quantities and counts are mostly small (one allocation less per such cell). Read-only after start-up.
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;
    private static readonly object[] SmallIntegers = [.. Enumerable.Range(0, 1024).Select(i => (object)(long)i)];

    /// <param name="field">The field.</param>
    /// <param name="raw">The cell as found.</param>
    /// <param name="cell">The cell as a string, or <see langword="null"/> when it is kept as characters (fields that are not text).</param>
    /// <param name="value">The value; <see langword="null"/> for an empty cell.</param>
    /// <param name="code">The issue code when the cell is not valid.</param>
    /// <param name="message">The issue message when the cell is not valid.</param>
    private bool TryConvert(FieldDefinition field, ReadOnlySpan<char> raw, string? cell, out object? value, out string code, out string message)
    {
        value = null;
        code = string.Empty;
        message = string.Empty;
        var span = ValueParsers.Trim(raw);
        if (span.IsEmpty)
        {
            return true;
        }

        switch (field.Type)
        {
            case FieldType.Integer:
                if (ValueParsers.TryParseInteger(span, _map.NumberStyle, out var l) && (field.MinValue is not { } minL || l >= minL))
                {
                    value = (ulong)l < (ulong)SmallIntegers.Length ? SmallIntegers[l] : l;
                    return true;
                }

                return NumberIssue(field, span, out code, out message);
            case FieldType.Decimal:
                if (ValueParsers.TryParseDecimal(span, _map.NumberStyle, out var d) && (field.MinValue is not { } minD || d >= minD))
                {
                    value = d;
                    return true;
                }

                return NumberIssue(field, span, out code, out message);
            case FieldType.Date:
                if (ValueParsers.TryParseDate(span, _map.DateFormats, out var date))
                {
                    value = date;
                    return true;
                }

                code = IssueCodes.InvalidDate;
                message = Msg(Messages.InvalidDate, DisplayText.Cut(span, _ui), _map.DateFormats[0]);
                return false;
            case FieldType.Boolean:
                if (ValueParsers.TryParseBoolean(span, out var b))
                {
                    value = b ? BoxedTrue : BoxedFalse;
                    return true;
                }

                code = IssueCodes.InvalidBoolean;
                message = Msg(Messages.InvalidBoolean, DisplayText.Cut(span, _ui));
                return false;
            case FieldType.Enum:
                return TryConvertEnum(field, span, out value, out code, out message);
            case FieldType.TextList:
                if (IsCanonicalList(field, span))
                {
                    value = cell is not null && span.Length == cell.Length ? cell : span.ToString();
                    return true;
                }

                return TryConvertList(field, span, out value, out code, out message);
            default:
                return TryConvertText(field, span, cell, out value, out code, out message);
        }
    }

    /// <summary>Converts a text cell (plain, e-mail, or checked by the field's validators). Kept apart: its locals do not weigh on the number paths.</summary>
    private bool TryConvertText(FieldDefinition field, ReadOnlySpan<char> span, string? cell, out object? value, out string code, out string message)
    {
        value = null;
        code = string.Empty;
        message = string.Empty;
        var text = cell is not null && span.Length == cell.Length ? cell : span.ToString();
        if (field.MaxLength is { } max && text.Length > max)
        {
            code = IssueCodes.TooLong;
            message = Msg(Messages.TooLong, DisplayText.Cut(text, _ui), text.Length, max);
            return false;
        }

        if (field.Type == FieldType.Email && !ValueParsers.IsValidEmail(text))
        {
            code = IssueCodes.InvalidEmail;
            message = Msg(Messages.InvalidEmail, DisplayText.Cut(text, _ui));
            return false;
        }

        var normalizers = _normalizers[field.Index];
        var validators = _validators[field.Index];
        for (var v = 0; v < validators.Length; v++)
        {
            var validator = validators[v];
            string? normalized = null;
            var valid = normalizers[v] is { } normalizer
                ? normalizer.TryNormalize(text, out normalized)
                : validator.IsValid(text);
            if (!valid)
            {
                code = validator.Code;
                message = validator.GetMessage(DisplayText.Cut(text, _ui), _ui);
                return false;
            }

            text = normalized ?? text;
        }

        value = text;
        return true;
    }

    /// <summary>Why a number cell is not valid (kept out of <see cref="TryConvert"/>: its hot path stays small).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool NumberIssue(FieldDefinition field, ReadOnlySpan<char> span, out string code, out string message)
    {
        code = IssueCodes.InvalidNumber;
        var text = DisplayText.Cut(span, _ui);
        if (field.Type == FieldType.Integer)
        {
            message = ValueParsers.TryParseInteger(span, _map.NumberStyle, out _)
                ? Msg(Messages.BelowMinimum, text, field.MinValue!.Value.ToString(_map.Culture))
                : Msg(Messages.InvalidInteger, text);
            return false;
        }

        message = ValueParsers.TryParseDecimal(span, _map.NumberStyle, out _)
            ? Msg(Messages.BelowMinimum, text, field.MinValue!.Value.ToString(_map.Culture))
            : Msg(Messages.InvalidNumber, text, 1234.56m.ToString("#,##0.00", _map.Culture));
        return false;
    }

    private bool TryConvertEnum(FieldDefinition field, ReadOnlySpan<char> span, out object? value, out string code, out string message)
    {
        code = string.Empty;
        message = string.Empty;
        Span<char> buffer = span.Length <= 128 ? stackalloc char[span.Length * 2 + 4] : new char[span.Length * 2 + 4];
        var n = TextNormalizer.Normalize(span, buffer);
        var lookup = field.EnumLookup.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(buffer[..n], out var canonical))
        {
            value = canonical;
            return true;
        }

        value = null;
        code = IssueCodes.InvalidEnum;
        message = Msg(Messages.InvalidEnum, DisplayText.Cut(span, _ui), string.Join(", ", field.AllowedValues));
        return false;
    }

    /// <summary>Whether a list is already as <see cref="TryConvertList"/> would write it: items trimmed, not empty, not too long, distinct.</summary>
    private static bool IsCanonicalList(FieldDefinition field, ReadOnlySpan<char> span)
    {
        var separator = field.ListSeparator;
        var max = field.MaxLength ?? int.MaxValue;
        var start = 0;
        while (true)
        {
            var length = span[start..].IndexOf(separator);
            var end = length < 0 ? span.Length : start + length;
            var part = span[start..end];
            if (part.IsEmpty || part.Length > max || ValueParsers.Trim(part).Length != part.Length)
            {
                return false;
            }

            // Distinct from the earlier items (lists are short).
            var earlier = span[..start];
            while (!earlier.IsEmpty)
            {
                var cut = earlier.IndexOf(separator);
                if (earlier[..cut].SequenceEqual(part))
                {
                    return false;
                }

                earlier = earlier[(cut + 1)..];
            }

            if (end == span.Length)
            {
                return true;
            }

            start = end + 1;
        }
    }

    private bool TryConvertList(FieldDefinition field, ReadOnlySpan<char> span, out object? value, out string code, out string message)
    {
        code = string.Empty;
        message = string.Empty;
        value = null;
        var parts = new List<string>();
        foreach (var range in span.Split(field.ListSeparator))
        {
            var part = ValueParsers.Trim(span[range]);
            if (part.IsEmpty)
            {
                continue;
            }

            var s = part.ToString();
            if (field.MaxLength is { } max && s.Length > max)
            {
                code = IssueCodes.TooLong;
                message = Msg(Messages.TooLong, DisplayText.Cut(s, _ui), s.Length, max);
                return false;
            }

            if (!parts.Contains(s, StringComparer.Ordinal))
            {
                parts.Add(s);
            }
        }

        value = parts.Count == 0 ? null : string.Join(field.ListSeparator, parts);
        return true;
    }

    /// <summary>The codes a reference value names: the value itself, or each item of a list. No allocation for a single value.</summary>
    private static ReferenceItems ListItems(FieldDefinition field, object value) =>
        new((string)value, field.Type == FieldType.TextList ? field.ListSeparator : null);

    private readonly struct ReferenceItems(string text, char? separator)
    {
        public Enumerator GetEnumerator() => new(text, separator);

        public struct Enumerator(string text, char? separator)
        {
            private int _position;

            public string Current { get; private set; } = string.Empty;

            public bool MoveNext()
            {
                if (_position > text.Length)
                {
                    return false;
                }

                if (separator is not { } sep)
                {
                    Current = text;
                    _position = text.Length + 1;
                    return true;
                }

                var end = text.IndexOf(sep, _position);
                if (end < 0)
                {
                    end = text.Length;
                }

                Current = text[_position..end];
                _position = end + 1;
                return true;
            }
        }
    }

}
