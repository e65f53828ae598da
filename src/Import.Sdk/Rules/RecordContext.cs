using System.Globalization;

namespace Import.Sdk;

/// <summary>The record a <see cref="IRecordRule"/> checks: typed values by field, and the means to report issues.</summary>
public sealed class RecordContext
{
    private readonly Action<string, string, string, string?> _report;
    private object?[] _values = [];

    internal RecordContext(EntitySchema schema, CultureInfo uiCulture, Action<string, string, string, string?> report)
    {
        Schema = schema;
        UiCulture = uiCulture;
        _report = report;
    }

    /// <summary>Gets the schema of the record.</summary>
    public EntitySchema Schema { get; }

    /// <summary>Gets the culture of messages (French or English).</summary>
    public CultureInfo UiCulture { get; }

    /// <summary>Gets the spreadsheet row of the record.</summary>
    public int Row { get; private set; }

    /// <summary>Gets a value indicating whether the record already has an error.</summary>
    public bool HasErrors { get; internal set; }

    /// <summary>
    /// Gets the value of a field, or <see langword="null"/> when empty: <see cref="string"/> for text, e-mail, enum (its canonical
    /// value) and list fields (the items joined by the field's separator), <see cref="long"/> for integers, <see cref="decimal"/>,
    /// <see cref="DateOnly"/> for dates, <see cref="bool"/>. The typed getters (<see cref="GetText"/>, <see cref="GetInt64"/>,
    /// <see cref="GetDecimal"/>, <see cref="GetDate"/>, <see cref="GetBoolean"/>, <see cref="GetList"/>) read each type.
    /// </summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value.</returns>
    public object? this[string field] => _values[IndexOf(field)];

    /// <summary>
    /// Gets the value of a field by its <see cref="FieldDefinition.Index"/> in <see cref="Schema"/>: for rules that look their
    /// fields up once per schema instead of by name for every record.
    /// </summary>
    /// <param name="fieldIndex">The field's index in <see cref="Schema"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fieldIndex"/> is not the index of a field of <see cref="Schema"/>.</exception>
    public object? this[int fieldIndex] =>
        (uint)fieldIndex < (uint)_values.Length ? _values[fieldIndex] : throw new ArgumentOutOfRangeException(nameof(fieldIndex), fieldIndex, "Not the index of a field of the record's schema.");

    /// <summary>Gets a text value, or <see langword="null"/>.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value.</returns>
    public string? GetText(string field) => this[field] as string;

    /// <summary>Gets a decimal value, or <see langword="null"/>.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value.</returns>
    public decimal? GetDecimal(string field) => this[field] switch
    {
        decimal d => d,
        long l => l,
        _ => null,
    };

    /// <summary>Gets the value of an <see cref="FieldType.Integer"/> field, or <see langword="null"/> when empty.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The field is not an <see cref="FieldType.Integer"/> field.</exception>
    public long? GetInt64(string field) => (long?)Typed(field, FieldType.Integer);

    /// <summary>Gets the value of a <see cref="FieldType.Date"/> field, or <see langword="null"/> when empty.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The field is not a <see cref="FieldType.Date"/> field.</exception>
    public DateOnly? GetDate(string field) => (DateOnly?)Typed(field, FieldType.Date);

    /// <summary>Gets the value of a <see cref="FieldType.Boolean"/> field, or <see langword="null"/> when empty.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The field is not a <see cref="FieldType.Boolean"/> field.</exception>
    public bool? GetBoolean(string field) => (bool?)Typed(field, FieldType.Boolean);

    /// <summary>
    /// Gets the items of a <see cref="FieldType.TextList"/> field (trimmed, distinct, in the file's order), or an empty list
    /// when empty.
    /// </summary>
    /// <param name="field">The field name.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ArgumentException">The field is not a <see cref="FieldType.TextList"/> field.</exception>
    public IReadOnlyList<string> GetList(string field) =>
        Typed(field, FieldType.TextList) is string list ? list.Split(Schema[field].ListSeparator) : [];

    /// <summary>The value of <paramref name="field"/>, which must be of <paramref name="type"/>: asking a field for another type is a bug in the rule.</summary>
    private object? Typed(string field, FieldType type)
    {
        var index = IndexOf(field);
        var actual = Schema.Fields[index].Type;
        if (actual != type)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The field '{field}' is of type {actual}, not {type}."), nameof(field));
        }

        return _values[index];
    }

    /// <summary>Reports an error on a field: the record is rejected.</summary>
    /// <param name="field">The field the error concerns (its column is named in the report).</param>
    /// <param name="code">One of <see cref="IssueCodes"/> or a host code.</param>
    /// <param name="message">What is wrong and what to do, in <see cref="UiCulture"/>.</param>
    /// <param name="value">The offending value, as text.</param>
    public void ReportError(string field, string code, string message, string? value = null)
    {
        HasErrors = true;
        _report(field, code, message, value);
    }

    // Rules name fields with the same string instances row after row (constants): a few references compared before the schema's dictionary.
    private readonly string?[] _names = new string?[16];
    private readonly int[] _indexes = new int[16];
    private int _nextName;

    private int IndexOf(string field)
    {
        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            if (name is null)
            {
                break;
            }

            if (ReferenceEquals(name, field))
            {
                return _indexes[i];
            }
        }

        var index = Schema[field].Index;
        var slot = _nextName;
        _nextName = (slot + 1) & (names.Length - 1);
        names[slot] = field;
        _indexes[slot] = index;
        return index;
    }

    internal void Reset(int row, object?[] values, bool hasErrors)
    {
        Row = row;
        _values = values;
        HasErrors = hasErrors;
    }
}
