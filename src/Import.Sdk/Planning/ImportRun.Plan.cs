using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Planning;

/// <summary>
/// Planning a batch: duplicate keys in the file, one batched sink look-up for the batch's keys and one per reference field,
/// then per row the outcome (insert, update, unchanged, rejected) by mode, references, protected fields; then one write.
/// </summary>
internal sealed partial class ImportRun
{
    private readonly Dictionary<string, HashSet<string>> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyRegistry> _acceptedValues = new(StringComparer.Ordinal); // no object per value: they grow with the file
    private FieldDefinition[]? _referenceFields;

    private FieldDefinition[] ReferenceFields => _referenceFields ??= _schema.Fields
        .Where(f => f.Reference is not null && (_map.IsMapped(f.Index) || _map.DefaultText[f.Index] is not null))
        .ToArray();

    private readonly List<RecordChange> _noChanges = [];
    private readonly List<string> _batchKeys = []; // distinct: a key seen earlier in the file makes its row a rejected duplicate
    private HashSet<string>?[]? _wanted;
    private IReadOnlyDictionary<string, object?[]>? _found;

    /// <summary>
    /// Prepares a row for planning as soon as it is read (one pass, while the row is hot in the cache): registers its key
    /// (duplicates in the file) and collects what the batch must look up in the sink — its key and the codes it references.
    /// </summary>
    private void Stage(RowState row)
    {
        if (!row.Staged)
        {
            row.Staged = true;
            if (row.Pending is { } pending)
            {
                row.Pending = null;
                foreach (var issue in pending)
                {
                    AddIssue(issue);
                }
            }
        }

        if (!row.KeyRegistered)
        {
            row.KeyRegistered = true;
            if (row.Key is not null)
            {
                var entry = _keys.Register(row.Key, row.KeyHash, row.Row, out var seen, out var firstRow);
                if (seen)
                {
                    var keyField = _schema.Fields[_map.KeyIndexes[0]];
                    var display = DisplayText.Cut(row.Key.Replace(RecordKey.Separator, '/'), _ui);
                    RowIssue(row, keyField, display, IssueCodes.DuplicateKey, IssueSeverity.Error, Msg(Messages.DuplicateKey, display, firstRow));
                }
                else
                {
                    row.KeyEntry = entry;
                }
            }
        }

        if (row.Rejected)
        {
            return;
        }

        if (!row.LookedUp && row.Key is not null)
        {
            _batchKeys.Add(row.Key);
        }

        foreach (var field in ReferenceFields)
        {
            if (row.Values[field.Index] is not { } value)
            {
                continue;
            }

            var reference = field.Reference!;
            var known = KnownFor(field);
            if (AllKnown(known, field, value))
            {
                continue; // the usual case, without a string per list item
            }

            foreach (var item in ListItems(field, value))
            {
                if (!known.Contains(item) && !(reference.Target is null && AcceptedInFile(reference.TargetField, item)))
                {
                    _wanted ??= new HashSet<string>?[_schema.Fields.Count];
                    (_wanted[field.Index] ??= new HashSet<string>(StringComparer.Ordinal)).Add(item);
                }
            }
        }
    }

    /// <summary>Plans a batch of staged rows: one sink look-up for their keys, one per reference field, the outcome of each row, one write.</summary>
    private async Task PlanAsync(List<RowState> rows, bool allowDefer)
    {
        _found = null;
        if (_batchKeys.Count > 0)
        {
            _found = await _sink.LookupAsync(_schema, _map.KeyFields, _batchKeys, _ct).ConfigureAwait(false);
            _batchKeys.Clear();
        }

        if (_wanted is not null)
        {
            foreach (var field in ReferenceFields)
            {
                if (_wanted[field.Index] is { Count: > 0 } wanted)
                {
                    var found = await _sink.LookupAsync(field.Reference!.Target ?? _schema, [field.Reference.TargetField], wanted, _ct).ConfigureAwait(false);
                    KnownFor(field).UnionWith(found.Keys);
                    wanted.Clear();
                }
            }
        }

        var changes = _execute ? new List<RecordChange>(rows.Count) : _noChanges; // a simulation writes nothing: no change is built
        foreach (var row in rows)
        {
            if (!row.LookedUp && !row.Rejected && row.Key is not null)
            {
                row.LookedUp = true;
                row.Existing = _found is { Count: > 0 } && _found.TryGetValue(row.Key, out var existing) ? existing : null;
            }

            Decide(row, allowDefer, changes);
        }

        if (_execute && changes.Count > 0)
        {
            await _sink.WriteAsync(changes, _ct).ConfigureAwait(false);
        }
    }

    private void Decide(RowState row, bool allowDefer, List<RecordChange> changes)
    {
        if (row.Rejected)
        {
            Reject(row);
            return;
        }

        List<(FieldDefinition Field, EntitySchema Target, string Item)>? creations = null;
        var defer = false;
        var existing = row.Existing;
        var merged = existing is null ? null : Merge(row.Values, existing);
        foreach (var field in ReferenceFields)
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
                    if (AcceptedInFile(reference.TargetField, item))
                    {
                        continue;
                    }

                    if (allowDefer)
                    {
                        defer = true; // the parent may come later in the file
                        continue;
                    }

                    ReportMissingReference(row, field, target, item);
                }
                else if (reference.Creation == ReferenceCreation.Always || (reference.Creation == ReferenceCreation.WhenAllowed && _map.AutoCreate.Contains(field.Name)))
                {
                    (creations ??= []).Add((field, target, item));
                }
                else
                {
                    ReportMissingReference(row, field, target, item);
                }
            }
        }

        if (row.Rejected)
        {
            Reject(row);
            return;
        }

        if (defer)
        {
            _deferred.Add(row);
            return;
        }

        if (_mode == ImportMode.Insert && existing is not null)
        {
            var keyField = _schema.Fields[_map.KeyIndexes[0]];
            var shown = DisplayText.Cut(DisplayKey(row), _ui);
            RowIssue(row, keyField, shown, IssueCodes.AlreadyExists, IssueSeverity.Error, Msg(Messages.AlreadyExists, shown));
            Reject(row);
            return;
        }

        if (_mode == ImportMode.Update && existing is null)
        {
            var keyField = _schema.Fields[_map.KeyIndexes[0]];
            var shown = DisplayText.Cut(DisplayKey(row), _ui);
            RowIssue(row, keyField, shown, IssueCodes.NotFound, IssueSeverity.Error, Msg(Messages.NotFound, shown));
            Reject(row);
            return;
        }

        if (creations is not null)
        {
            foreach (var (field, target, item) in creations)
            {
                if (!KnownFor(field).Add(item))
                {
                    continue; // created by an earlier row of this batch
                }

                var targetField = field.Reference!.TargetField;
                if (_execute)
                {
                    changes.Add(new RecordChange(target, ChangeKind.Insert, [targetField], NewReferenceRecord(target, targetField, item), row.Row));
                }

                var label = _ui.TwoLetterISOLanguageName == "fr" ? target.LabelFr : target.LabelEn;
                RowIssue(row, field, DisplayText.Cut(item, _ui), IssueCodes.AutoCreated, IssueSeverity.Warning, Msg(Messages.AutoCreated, DisplayText.Cut(item, _ui), label));
            }
        }

        if (existing is null)
        {
            if (_execute)
            {
                changes.Add(new RecordChange(_schema, ChangeKind.Insert, _map.KeyFields, row.Values, row.Row, row.Key!));
            }

            _inserted++;
        }
        else
        {
            merged ??= Merge(row.Values, existing);
            if (SameValues(merged, existing))
            {
                _unchanged++;
            }
            else
            {
                if (_execute)
                {
                    changes.Add(new RecordChange(_schema, ChangeKind.Update, _map.KeyFields, merged, row.Row, row.Key!));
                }

                _updated++;
            }
        }

        Accept(row);
        row.Recyclable = true;
    }

    /// <summary>An update sets the mapped fields; unmapped fields keep their stored value (a default only fills an empty one); protected fields are never overwritten.</summary>
    private object?[] Merge(object?[] values, object?[] existing)
    {
        var merged = (object?[])existing.Clone();
        var fields = _schema.Fields;
        for (var f = 0; f < fields.Count && f < merged.Length; f++)
        {
            if (fields[f].IsProtected)
            {
                continue;
            }

            if (_map.IsMapped(f) || (merged[f] is null && values[f] is not null))
            {
                merged[f] = values[f];
            }
        }

        return merged;
    }

    private static bool SameValues(object?[] a, object?[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!Equals(a[i], b[i]))
            {
                return false;
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

    private void ReportMissingReference(RowState row, FieldDefinition field, EntitySchema target, string item)
    {
        if (field.Reference!.IsParent)
        {
            RowIssue(row, field, DisplayText.Cut(item, _ui), IssueCodes.UnknownParent, IssueSeverity.Error, Msg(Messages.UnknownParent, DisplayText.Cut(item, _ui)));
        }
        else
        {
            var label = _ui.TwoLetterISOLanguageName == "fr" ? target.LabelFr : target.LabelEn;
            RowIssue(row, field, DisplayText.Cut(item, _ui), IssueCodes.UnknownReference, IssueSeverity.Error, Msg(Messages.UnknownReference, DisplayText.Cut(item, _ui), label, field.Name));
        }
    }

    private void Accept(RowState row)
    {
        if (row.KeyEntry >= 0)
        {
            _keys.Accept(row.KeyEntry);
        }

        foreach (var (targetIndex, set) in AcceptedTargets)
        {
            if (RecordKey.FormatValue(row.Values[targetIndex]) is { } v)
            {
                set.Add(v);
            }
        }
    }

    private (int TargetIndex, KeyRegistry Set)[]? _acceptedTargets;

    /// <summary>The fields other rows may reference in the file, other than the key (the key registry has those), with the set of their accepted values.</summary>
    private (int TargetIndex, KeyRegistry Set)[] AcceptedTargets => _acceptedTargets ??= ReferenceFields
        .Select(f => f.Reference!)
        .Where(r => r.Target is null && !IsSingleKey(r.TargetField))
        .Select(r => r.TargetField)
        .Distinct(StringComparer.Ordinal)
        .Select(t => (_schema[t].Index, AcceptedSet(t)))
        .ToArray();

    /// <summary>Whether every code a reference value names is known (no allocation); false when one is not, and the caller looks at each.</summary>
    private bool AllKnown(HashSet<string> known, FieldDefinition field, object value)
    {
        // Known codes are never forgotten: the last value found known is known still (a default is the same string every row).
        var text = (string)value;
        var lastKnown = _lastKnown ??= new string?[_schema.Fields.Count];
        if (lastKnown[field.Index] is { } last && (ReferenceEquals(last, text) || string.Equals(last, text, StringComparison.Ordinal)))
        {
            return true;
        }

        if (!AllKnownIn(known, field, text))
        {
            return false;
        }

        lastKnown[field.Index] = text;
        return true;
    }

    private string?[]? _lastKnown;

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

    private void Reject(RowState row)
    {
        _rejectedCount++;
        // In the batch's planning turn: the lane's characters are still there. Then no cell is null; a rejected row is never
        // recycled, so the report keeps its cells array as it is.
        row.MaterializeCells(_cellSlots);
        _rejected.Add(row.Row, row.Cells!, string.Join(" | ", row.Errors ?? []));
    }

    private async Task PlanDeferredAsync()
    {
        // Rows whose parent was not yet known: plan them once their parent is accepted (chains resolve step by step);
        // what is left has no parent in the file or the store.
        while (_deferred.Count > 0)
        {
            var ready = _deferred.Where(SelfReferencesResolved).ToHashSet();
            if (ready.Count == 0)
            {
                break;
            }

            _deferred.RemoveAll(ready.Contains);
            await PlanInBatchesAsync(ready.OrderBy(r => r.Row).ToList(), allowDefer: true).ConfigureAwait(false);
        }

        if (_deferred.Count > 0)
        {
            var rest = _deferred.OrderBy(r => r.Row).ToList();
            _deferred.Clear();
            await PlanInBatchesAsync(rest, allowDefer: false).ConfigureAwait(false);
        }
    }

    private async Task PlanInBatchesAsync(List<RowState> rows, bool allowDefer)
    {
        for (var i = 0; i < rows.Count; i += _options.BatchSize)
        {
            _ct.ThrowIfCancellationRequested();
            var batch = rows.GetRange(i, Math.Min(_options.BatchSize, rows.Count - i));
            MarkBatch(batch);
            foreach (var row in batch)
            {
                Stage(row);
            }

            await PlanAsync(batch, allowDefer).ConfigureAwait(false);
        }
    }

    private bool SelfReferencesResolved(RowState row)
    {
        foreach (var field in ReferenceFields)
        {
            var reference = field.Reference!;
            if (reference.Target is not null || row.Values[field.Index] is not { } value)
            {
                continue;
            }

            foreach (var item in ListItems(field, value))
            {
                if (!AcceptedInFile(reference.TargetField, item) && !KnownFor(field).Contains(item))
                {
                    return false;
                }
            }
        }

        return true;
    }

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
    private HashSet<string> KnownFor(FieldDefinition field)
    {
        _knownByField ??= new HashSet<string>?[_schema.Fields.Count];
        return _knownByField[field.Index] ??= Known(field.Reference!.Target ?? _schema, field.Reference.TargetField);
    }

    private HashSet<string>?[]? _knownByField;

    private HashSet<string> Known(EntitySchema target, string field)
    {
        var name = string.Concat(target.Name, "\u001F", field);
        if (!_known.TryGetValue(name, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            _known[name] = set;
        }

        return set;
    }

    private static string DisplayKey(RowState row) => row.Key?.Replace(RecordKey.Separator, '/') ?? string.Empty;
}
