using Import.Sdk.Mapping;
using Import.Sdk.Pipeline;
using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Planning;

/// <summary>
/// The references of a run's records: which codes are known to exist (found in the store, created by this import, or accepted
/// earlier in the file), which ones a batch must look up (one sink look-up per reference field and batch), whether a row's
/// references resolve, wait for a parent later in the file (deferred), are created (auto-create), or reject the row.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly EntitySchema _schema;
    private readonly CompiledMapping _map;
    private readonly KeyRegistry _keys;
    private readonly RowIssues _issues;
    private readonly FieldDefinition[] _referenceFields; // mapped or with a default
    private readonly (int TargetIndex, KeyRegistry Set)[] _acceptedTargets;
    private readonly Dictionary<string, HashSet<string>> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyRegistry> _acceptedValues = new(StringComparer.Ordinal); // no object per value: they grow with the file
    private readonly HashSet<string>?[] _knownByField;
    private readonly string?[] _lastKnown;
    private HashSet<string>?[]? _wanted;
    private readonly ImportSet? _set; // the codes the set's earlier imports planned are known
    private readonly ReferencedRecords? _records; // for planning rules

    // excluded: a reference field checked elsewhere (a document line's header: DocumentAssembler), or null.
    public ReferenceResolver(EntitySchema schema, CompiledMapping map, KeyRegistry keys, RowIssues issues, ImportSet? set = null, bool keepRecords = false, FieldDefinition? excluded = null)
    {
        _set = set;
        _records = keepRecords ? new ReferencedRecords(schema.Fields.Count) : null;
        _schema = schema;
        _map = map;
        _keys = keys;
        _issues = issues;
        _knownByField = new HashSet<string>?[schema.Fields.Count];
        _lastKnown = new string?[schema.Fields.Count];
        _referenceFields = [.. schema.Fields.Where(f => f.Reference is not null && f.Index != excluded?.Index && (map.IsMapped(f.Index) || map.DefaultText[f.Index] is not null))];

        // The fields other rows may reference in the file, other than the key (the key registry has those), with the set of their accepted values.
        _acceptedTargets = [.. _referenceFields
            .Where(f => f.Reference!.Target is null && !IsSingleKey(TargetOf(f)))
            .Select(TargetOf)
            .Distinct(StringComparer.Ordinal)
            .Select(t => (schema[t].Index, AcceptedSet(t)))];
    }

    /// <summary>Starts a batch (see <see cref="ReferencedRecords.StartBatch"/>).</summary>
    public void StartBatch() => _records?.StartBatch();

    /// <summary>Collects the codes a staged row references that are not known yet: the batch looks them up.</summary>
    public void Collect(RowState row)
    {
        foreach (var field in _referenceFields)
        {
            if (row.Values[field.Index] is not { } value)
            {
                continue;
            }

            var reference = field.Reference!;
            var known = KnownFor(field);
            var records = field.Type == FieldType.TextList ? null : RecordsFor(field); // a list names no one record
            if (AllKnown(known, field, value) && (records is null || records.ContainsKey((string)value)))
            {
                continue; // the usual case, without a string per list item
            }

            foreach (var item in ListItems(field, value))
            {
                if ((!known.Contains(item) && !(reference.Target is null && AcceptedInFile(TargetOf(field), item))) || (records is not null && !records.ContainsKey(item)))
                {
                    _wanted ??= new HashSet<string>?[_schema.Fields.Count];
                    (_wanted[field.Index] ??= new HashSet<string>(StringComparer.Ordinal)).Add(item);
                }
            }
        }
    }

    /// <summary>Looks the collected codes up: one sink look-up per reference field.</summary>
    public async ValueTask LookUpAsync(IImportSink sink, CancellationToken cancellationToken)
    {
        if (_wanted is null)
        {
            return;
        }

        foreach (var field in _referenceFields)
        {
            if (_wanted[field.Index] is { Count: > 0 } wanted)
            {
                var target = field.Reference!.Target ?? _schema;
                var targetField = target[TargetOf(field)];
                var keys = new List<RecordKey>(wanted.Count);
                foreach (var item in wanted)
                {
                    if (ReferencedRecords.TypedKey(targetField, item) is { } key)
                    {
                        keys.Add(key);
                    }
                }

                var found = await sink.LookupAsync(target, [TargetOf(field)], keys, cancellationToken).ConfigureAwait(false);
                var known = KnownFor(field);
                foreach (var (key, record) in found)
                {
                    var code = RecordKey.FormatValue(key[0])!;
                    known.Add(code);
                    if (RecordsFor(field) is { } records)
                    {
                        records[code] = record;
                    }
                }

                wanted.Clear();
            }
        }
    }

    /// <summary>
    /// Checks what a row writes against the known codes: reports the missing ones (the row is rejected), lists the codes to create,
    /// and returns whether the row waits for a parent later in the file (only when <paramref name="allowDefer"/>).
    /// </summary>
    /// <param name="row">The row.</param>
    /// <param name="merged">For an update, the record after it; otherwise <see langword="null"/>.</param>
    /// <param name="existing">For an update, the stored record; otherwise <see langword="null"/>.</param>
    /// <param name="allowDefer">Whether a parent not yet known may still come later in the file.</param>
    /// <param name="creations">The codes to create, when the row has some.</param>
    public bool Resolve(RowState row, object?[]? merged, object?[]? existing, bool allowDefer, ref List<(FieldDefinition Field, EntitySchema Target, string Item)>? creations)
    {
        var defer = false;
        foreach (var field in _referenceFields)
        {
            // Check what this row writes: for an update, only a value that changes (a default or protected field keeps the stored one).
            var value = merged is null ? row.Values[field.Index] : Equals(merged[field.Index], existing![field.Index]) ? null : merged[field.Index];
            if (value is null)
            {
                continue;
            }

            var reference = field.Reference!;
            var target = reference.Target ?? _schema;
            var known = KnownFor(field);
            if (AllKnown(known, field, value))
            {
                continue;
            }

            foreach (var item in ListItems(field, value))
            {
                if (known.Contains(item))
                {
                    continue;
                }

                if (reference.Target is null)
                {
                    if (AcceptedInFile(TargetOf(field), item))
                    {
                        continue;
                    }

                    if (allowDefer)
                    {
                        defer = true; // the parent may come later in the file
                        continue;
                    }

                    ReportMissing(row, field, target, item);
                }
                else if (reference.Creation == ReferenceCreation.Always || (reference.Creation == ReferenceCreation.WhenAllowed && _map.AutoCreate.Contains(field.Name)))
                {
                    (creations ??= []).Add((field, target, item));
                }
                else
                {
                    ReportMissing(row, field, target, item);
                }
            }
        }

        return defer;
    }

    /// <summary>Creates the codes an accepted row names that do not exist yet (once each), with an <c>auto_created</c> warning.</summary>
    public void Create(RowState row, List<(FieldDefinition Field, EntitySchema Target, string Item)> creations, IChangeWriter writer)
    {
        foreach (var (field, target, item) in creations)
        {
            if (!KnownFor(field).Add(item))
            {
                continue; // created by an earlier row of this batch
            }

            var targetField = TargetOf(field);
            writer.Add(target, ChangeKind.Insert, [targetField], NewReferenceRecord(target, targetField, item), row.Row, key: null);
            var label = _issues.UiCulture.TwoLetterISOLanguageName == "fr" ? target.LabelFr : target.LabelEn;
            var shown = DisplayText.Cut(item, _issues.UiCulture);
            _issues.Add(row, field, shown, IssueCodes.AutoCreated, IssueSeverity.Warning, _issues.Msg(Messages.AutoCreated, shown, label));
        }
    }

    /// <summary>
    /// The stored record a reference field's value names, as its look-up found it, or <see langword="null"/> (empty, a list, or a
    /// code not found in the store: created by this import or planned by an earlier file of the set).
    /// </summary>
    public IReadOnlyList<object?>? Referenced(FieldDefinition field, object? value) =>
        RecordsFor(field) is { } records && RecordKey.FormatValue(value) is { } code && records.TryGetValue(code, out var record) ? record : null;

    /// <summary>The records found for a reference field's target, shared with the fields of the same target (as the known codes).</summary>
    private Dictionary<string, object?[]>? RecordsFor(FieldDefinition field) =>
        _records?.For(field, field.Reference!.Target ?? _schema, TargetOf(field));

    /// <summary>An accepted row: the values other rows may reference become known in the file.</summary>
    public void Accept(RowState row)
    {
        foreach (var (targetIndex, set) in _acceptedTargets)
        {
            if (RecordKey.FormatValue(row.Values[targetIndex]) is { } v)
            {
                set.Add(v);
            }
        }
    }

    /// <summary>Whether every parent a deferred row names in the file is now known.</summary>
    public bool SelfReferencesResolved(RowState row)
    {
        foreach (var field in _referenceFields)
        {
            var reference = field.Reference!;
            if (reference.Target is not null || row.Values[field.Index] is not { } value)
            {
                continue;
            }

            foreach (var item in ListItems(field, value))
            {
                if (!AcceptedInFile(TargetOf(field), item) && !KnownFor(field).Contains(item))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static object?[] NewReferenceRecord(EntitySchema target, string targetField, string item)
    {
        var values = new object?[target.Fields.Count];
        values[target[targetField].Index] = item;
        foreach (var f in target.Fields)
        {
            if (values[f.Index] is null && f.IsRequired && f.Type == FieldType.Text)
            {
                values[f.Index] = item; // a label: the code itself, until someone names it
            }
        }

        return values;
    }

    private void ReportMissing(RowState row, FieldDefinition field, EntitySchema target, string item)
    {
        var shown = DisplayText.Cut(item, _issues.UiCulture);
        if (field.Reference!.IsParent)
        {
            _issues.Add(row, field, shown, IssueCodes.UnknownParent, IssueSeverity.Error, _issues.Msg(Messages.UnknownParent, shown));
        }
        else
        {
            var label = _issues.UiCulture.TwoLetterISOLanguageName == "fr" ? target.LabelFr : target.LabelEn;
            var message = field.Reference.Creation == ReferenceCreation.Never
                ? _issues.Msg(Messages.UnknownReferenceNoCreation, shown, label, TargetOf(field)) // nothing a profile could allow
                : _issues.Msg(Messages.UnknownReference, shown, label, field.Name);
            _issues.Add(row, field, shown, IssueCodes.UnknownReference, IssueSeverity.Error, message);
        }
    }

    /// <summary>Whether every code a reference value names is known (no allocation); false when one is not, and the caller looks at each.</summary>
    private bool AllKnown(HashSet<string> known, FieldDefinition field, object value)
    {
        // Known codes are never forgotten: the last value found known is known still (a default is the same string every row).
        var text = (string)value;
        if (_lastKnown[field.Index] is { } last && (ReferenceEquals(last, text) || string.Equals(last, text, StringComparison.Ordinal)))
        {
            return true;
        }

        if (!AllKnownIn(known, field, text))
        {
            return false;
        }

        _lastKnown[field.Index] = text;
        return true;
    }

    private static bool AllKnownIn(HashSet<string> known, FieldDefinition field, string text)
    {
        if (field.Type != FieldType.TextList)
        {
            return known.Contains(text);
        }

        if (known.Count == 0)
        {
            return false;
        }

        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = text.AsSpan();
        foreach (var range in span.Split(field.ListSeparator))
        {
            if (!lookup.Contains(span[range]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The field of the referenced entity that a reference field's values name in this import (see <see cref="FieldReference.AlternateTargetFields"/>).</summary>
    private string TargetOf(FieldDefinition field) => _map.ReferenceTargets[field.Index]!;

    private bool IsSingleKey(string field) => _map.KeyFields.Length == 1 && string.Equals(_map.KeyFields[0], field, StringComparison.Ordinal);

    private bool AcceptedInFile(string targetField, string item) => IsSingleKey(targetField)
        ? _keys.IsAccepted(item)
        : _acceptedValues.TryGetValue(targetField, out var set) && set.IsAccepted(item);

    private KeyRegistry AcceptedSet(string field)
    {
        if (!_acceptedValues.TryGetValue(field, out var set))
        {
            set = new KeyRegistry();
            _acceptedValues[field] = set;
        }

        return set;
    }

    /// <summary>The codes known to exist for a reference field (found in the store or created by this import), cached per field.</summary>
    private HashSet<string> KnownFor(FieldDefinition field) =>
        _knownByField[field.Index] ??= Known(field.Reference!.Target ?? _schema, TargetOf(field));

    private HashSet<string> Known(EntitySchema target, string field)
    {
        var name = string.Concat(target.Name, "\u001F", field);
        if (!_known.TryGetValue(name, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            if (_set is not null)
            {
                set.UnionWith(_set.Planned(target.Name, field)); // planned by an earlier file of the set: known, even in a simulation
            }

            _known[name] = set;
        }

        return set;
    }

    /// <summary>The codes a reference value names: the value itself, or each item of a list. No allocation for a single value.</summary>
    private static ReferenceItems ListItems(FieldDefinition field, object value) =>
        new((string)value, field.Type == FieldType.TextList ? field.ListSeparator : null);
}
