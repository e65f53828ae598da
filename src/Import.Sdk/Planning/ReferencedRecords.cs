namespace Import.Sdk.Planning;

/// <summary>
/// The records that a batch's reference look-ups found, kept for the planning rules (<see cref="PlanningContext.GetReferenced"/>):
/// by referenced entity and field, and by reference field (found once). They are the batch's only: a later batch naming the same
/// code looks it up again, so that they never grow with the store.
/// </summary>
internal sealed class ReferencedRecords(int fieldCount)
{
    private readonly Dictionary<string, Dictionary<string, object?[]>> _byTarget = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?[]>?[] _byField = new Dictionary<string, object?[]>?[fieldCount];

    /// <summary>Starts a batch: forgets the records of the one before.</summary>
    public void StartBatch()
    {
        foreach (var records in _byTarget.Values)
        {
            records.Clear();
        }
    }

    /// <summary>The records of <paramref name="target"/> by <paramref name="targetField"/>, shared by the fields naming them that way.</summary>
    public Dictionary<string, object?[]> For(FieldDefinition field, EntitySchema target, string targetField)
    {
        if (_byField[field.Index] is { } known)
        {
            return known;
        }

        var name = string.Concat(target.Name, "\u001F", targetField);
        if (!_byTarget.TryGetValue(name, out var records))
        {
            records = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            _byTarget[name] = records;
        }

        _byField[field.Index] = records;
        return records;
    }

    /// <summary>
    /// The typed key of a referenced code, as the referenced field stores it: the code's canonical text read back into the field's
    /// type (invariant culture, as <see cref="RecordKey.FormatValue"/> writes it), or <see langword="null"/> when it cannot be of
    /// that type (no record can have it).
    /// </summary>
    public static RecordKey? TypedKey(FieldDefinition target, string item)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return target.Type switch
        {
            FieldType.Integer => long.TryParse(item, System.Globalization.NumberStyles.Integer, invariant, out var l) ? new RecordKey(l) : (RecordKey?)null,
            FieldType.Decimal => decimal.TryParse(item, System.Globalization.NumberStyles.Number, invariant, out var d) ? new RecordKey(d) : (RecordKey?)null,
            FieldType.Date => DateOnly.TryParseExact(item, "yyyy-MM-dd", invariant, System.Globalization.DateTimeStyles.None, out var date) ? new RecordKey(date) : (RecordKey?)null,
            FieldType.Boolean => bool.TryParse(item, out var b) ? new RecordKey(b) : (RecordKey?)null,
            _ => new RecordKey(item),
        };
    }
}
