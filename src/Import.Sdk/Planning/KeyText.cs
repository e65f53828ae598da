namespace Import.Sdk.Planning;

/// <summary>
/// The planner's own text of a key, for finding the same key twice in a file (<see cref="KeyRegistry"/>): the canonical text of
/// each key field (<see cref="RecordKey.FormatValue"/>) joined by U+001F. Internal only: sinks receive typed keys
/// (<see cref="RecordKey"/>).
/// </summary>
internal static class KeyText
{
    /// <summary>The separator between the parts of a composite key.</summary>
    public const char Separator = '\u001F';

    /// <summary>The text of a record's key, or <see langword="null"/> when a key field is empty.</summary>
    public static string? Format(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyList<object?> values)
    {
        if (keyFields.Count == 1)
        {
            return RecordKey.FormatValue(values[schema[keyFields[0]].Index]);
        }

        var parts = new string[keyFields.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (RecordKey.FormatValue(values[schema[keyFields[i]].Index]) is not { } part)
            {
                return null;
            }

            parts[i] = part;
        }

        return string.Join(Separator, parts);
    }

    /// <summary>The key as shown in messages: its parts separated by <c>/</c>.</summary>
    public static string Display(string? key) => key?.Replace(Separator, '/') ?? string.Empty;
}
