using System.Globalization;

namespace Import.Sdk;

/// <summary>Formats record keys the same way in the pipeline and in every sink: one text per key, the canonical text of each key field joined by U+001F.</summary>
public static class RecordKey
{
    /// <summary>The separator between the parts of a composite key.</summary>
    public const char Separator = '\u001F';

    /// <summary>Formats the key of a record.</summary>
    /// <param name="schema">The schema of the record.</param>
    /// <param name="keyFields">The key fields.</param>
    /// <param name="values">The record.</param>
    /// <returns>The key, or <see langword="null"/> when a key field is empty.</returns>
    public static string? Format(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(keyFields);
        ArgumentNullException.ThrowIfNull(values);
        if (keyFields.Count == 1)
        {
            return FormatValue(values[schema[keyFields[0]].Index]);
        }

        var parts = new string[keyFields.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = FormatValue(values[schema[keyFields[i]].Index]);
            if (part is null)
            {
                return null;
            }

            parts[i] = part;
        }

        return string.Join(Separator, parts);
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

    /// <summary>Splits a composite key into the canonical texts of its parts.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The parts.</returns>
    public static string[] Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Split(Separator);
    }
}
