using System.Globalization;

namespace Import.Sdk;

/// <summary>
/// The key of a record as typed values, one per key field, in the key fields' order: what the sink contract passes for
/// look-ups (<see cref="IImportSink.LookupAsync"/>) and changes (<see cref="RecordChange.Key"/>). Each part is a value of its
/// field's type: <see cref="string"/> (text, e-mail, enum), <see cref="long"/>, <see cref="decimal"/>, <see cref="DateOnly"/>
/// or <see cref="bool"/>; never <see langword="null"/> or empty text (a record with an empty key field has no key). Two keys
/// are equal when every part is: text ordinally (case and accents count), numbers and dates by value (<c>1.50</c> equals
/// <c>1.5</c>). A single text key converts implicitly from a <see cref="string"/>.
/// </summary>
public readonly struct RecordKey : IEquatable<RecordKey>
{
    private readonly object? _single; // one part: no array
    private readonly object[]? _parts; // two parts or more

    /// <summary>Initializes a key of one part.</summary>
    /// <param name="value">The value of the key field: text, <see cref="long"/> (or <see cref="int"/>), <see cref="decimal"/>, <see cref="DateOnly"/> or <see cref="bool"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty text or of another type.</exception>
    public RecordKey(object value)
    {
        _single = Part(value, nameof(value));
        _parts = null;
    }

    /// <summary>Initializes a key of one part per key field, in the key fields' order.</summary>
    /// <param name="values">The values, as for <see cref="RecordKey(object)"/>.</param>
    /// <exception cref="ArgumentException">No value, or a value that is null, empty text or of another type.</exception>
    public RecordKey(params object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("A key has at least one part.", nameof(values));
        }

        if (values.Length == 1)
        {
            _single = Part(values[0], nameof(values));
            _parts = null;
            return;
        }

        _single = null;
        _parts = new object[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            _parts[i] = Part(values[i], nameof(values));
        }
    }

    /// <summary>Gets the number of parts (0 for <see langword="default"/>).</summary>
    public int Count => _parts?.Length ?? (_single is null ? 0 : 1);

    /// <summary>Gets a part of the key.</summary>
    /// <param name="index">The part's position, as the key field's in the key fields.</param>
    /// <returns>The value.</returns>
    public object this[int index] => _parts is not null ? _parts[index] : index == 0 && _single is not null ? _single : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A single text key.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator RecordKey(string value) => new(value);

    /// <summary>Compares two keys part by part.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RecordKey left, RecordKey right) => left.Equals(right);

    /// <summary>Compares two keys part by part.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RecordKey left, RecordKey right) => !left.Equals(right);

    /// <summary>The key of a record: its values for <paramref name="keyFields"/>, or <see langword="null"/> when one of them is empty.</summary>
    /// <param name="schema">The schema of the record.</param>
    /// <param name="keyFields">The key fields.</param>
    /// <param name="values">The record, indexed by <see cref="FieldDefinition.Index"/>.</param>
    /// <returns>The key, or <see langword="null"/>.</returns>
    public static RecordKey? Of(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(keyFields);
        ArgumentNullException.ThrowIfNull(values);
        if (keyFields.Count == 1)
        {
            var value = values[schema[keyFields[0]].Index];
            return IsEmpty(value) ? (RecordKey?)null : new RecordKey(value!);
        }

        var parts = new object[keyFields.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (values[schema[keyFields[i]].Index] is not { } part || IsEmpty(part))
            {
                return null;
            }

            parts[i] = part;
        }

        return new RecordKey(parts);
    }

    /// <summary>The key of a record by the indexes of its key fields (the planner's hot path: no look-up by name).</summary>
    internal static RecordKey? Of(int[] keyIndexes, object?[] values)
    {
        if (keyIndexes.Length == 1)
        {
            var value = values[keyIndexes[0]];
            return IsEmpty(value) ? (RecordKey?)null : new RecordKey(value!);
        }

        var parts = new object[keyIndexes.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (values[keyIndexes[i]] is not { } part || IsEmpty(part))
            {
                return null;
            }

            parts[i] = part;
        }

        return new RecordKey(parts);
    }

    /// <summary>The canonical text of one value: text as is, numbers in invariant culture, dates as <c>yyyy-MM-dd</c>, booleans as <c>true</c>/<c>false</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/> for an empty value.</returns>
    public static string? FormatValue(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <inheritdoc/>
    public bool Equals(RecordKey other)
    {
        if (_parts is null || other._parts is null)
        {
            return _parts is null && other._parts is null && PartEquals(_single, other._single);
        }

        if (_parts.Length != other._parts.Length)
        {
            return false;
        }

        for (var i = 0; i < _parts.Length; i++)
        {
            if (!PartEquals(_parts[i], other._parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RecordKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_parts is null)
        {
            return PartHash(_single);
        }

        var hash = default(HashCode);
        foreach (var part in _parts)
        {
            hash.Add(PartHash(part));
        }

        return hash.ToHashCode();
    }

    /// <summary>The parts' canonical texts (<see cref="FormatValue"/>) separated by <c>/</c>, for messages.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _parts is null ? FormatValue(_single) ?? string.Empty : string.Join('/', _parts.Select(FormatValue));

    private static bool IsEmpty(object? value) => value is null or "";

    private static object Part(object? value, string name) => value switch
    {
        null => throw new ArgumentException("A key part cannot be null: a record with an empty key field has no key.", name),
        string { Length: 0 } => throw new ArgumentException("A key part cannot be empty text: a record with an empty key field has no key.", name),
        string or long or decimal or DateOnly or bool => value,
        int i => (long)i,
        _ => throw new ArgumentException($"A key part is text, long, decimal, DateOnly or bool, not {value.GetType().Name}.", name),
    };

    private static bool PartEquals(object? a, object? b) => a is string s ? b is string t && string.Equals(s, t, StringComparison.Ordinal) : Equals(a, b);

    private static int PartHash(object? part) => part is string s ? string.GetHashCode(s, StringComparison.Ordinal) : part?.GetHashCode() ?? 0;
}
