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

    /// <summary>Gets the value of a field: <see cref="string"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="DateOnly"/>, <see cref="bool"/>, or <see langword="null"/> when empty.</summary>
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
