using Import.Sdk.Mapping;
using Import.Sdk.Pipeline;
using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Planning;

/// <summary>
/// The planning stage, batch by batch in file order: duplicate keys in the file, one batched sink look-up for the batch's keys
/// and one per reference field, then per row its outcome (insert, update, unchanged, rejected) by mode, references (deferred
/// while a parent may come later in the file), protected fields; the changes go to the change writer, one flush per batch, and
/// the outcomes and issues to the report. The only stage that talks to the sink; one thread at a time.
/// </summary>
internal sealed class BatchPlanner
{
    private readonly EntitySchema _schema;
    private readonly CompiledMapping _map;
    private readonly ImportMode _mode;
    private readonly IImportSink _sink;
    private readonly IChangeWriter _writer;
    private readonly ReportBuilder _report;
    private readonly RowIssues _issues;
    private readonly int[] _cellSlots;
    private readonly int _batchSize;
    private readonly CancellationToken _ct;
    private readonly KeyRegistry _keys = new();
    private readonly ReferenceResolver _references;
    private readonly List<RowState> _deferred = [];
    private readonly (int[] Indexes, string[] Fields)? _childSetParent; // the parent field when the entity's records are child sets
    private HashSet<RecordKey>? _replacedParents; // the parents whose stored set this import replaces
    private readonly IReadOnlyList<IPlanningRule> _planningRules;
    private readonly PlanningContext? _planning; // one for the import: the planner plans one record at a time
    private readonly ImportSet? _set; // the set of files this import belongs to, when it records this entity
    private readonly IDocumentSide? _document; // a file of a document import: its rows' outcomes go to the documents
    private readonly ImportSet? _wholeSet; // the set of files this import belongs to
    private readonly List<RecordKey> _batchKeys = []; // distinct: a key seen earlier in the file makes its row a rejected duplicate
    private bool _keysSized;
    private bool _allRead; // the entities the planning rules read whole, read before the first batch is planned
    private RowState? _planningRow; // the row the planning rules plan
    private readonly ChildPositions? _positions; // numbers the child sets' empty positions in file order
    private int _prefetched; // keeps the prefetching reads from being optimised away

    public BatchPlanner(EntitySchema schema, CompiledMapping map, IImportSink sink, IChangeWriter writer, ReportBuilder report, RowIssues issues, int[] cellSlots, int batchSize, CancellationToken cancellationToken, ImportSet? set = null, IReadOnlyList<IPlanningRule>? planningRules = null, IDocumentSide? document = null)
    {
        _document = document;
        _planningRules = planningRules ?? [];
        _set = set is not null && set.Tracks(schema.Name) ? set : null;
        _wholeSet = set;
        _childSetParent = schema.ChildSetParent is { } parentField ? ([schema[parentField].Index], [parentField]) : null;
        _schema = schema;
        _map = map;
        _mode = map.Mode;
        _sink = sink;
        _writer = document ?? writer; // a document's changes are held until the document is known complete
        _report = report;
        _issues = issues;
        _cellSlots = cellSlots;
        _batchSize = batchSize;
        _ct = cancellationToken;
        _references = new ReferenceResolver(schema, map, _keys, issues, set, keepRecords: _planningRules.Count > 0, excluded: document?.OwnParent);
        _planning = _planningRules.Count > 0
            ? new PlanningContext(schema, _references.Referenced, (field, value, code, message) => _issues.Add(_planningRow!, field, value, code, IssueSeverity.Warning, message), issues.UiCulture)
            : null;
        _positions = ChildPositions.For(schema, map);
    }

    /// <summary>Plans a batch of converted rows, the next in the file.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="bytesRead">Where the reader stood at the end of the batch.</param>
    /// <param name="rowsRead">The rows read in the file up to the end of the batch.</param>
    /// <param name="totalBytes">The size of the file, when it is known.</param>
    public async Task PlanAsync(List<RowState> rows, long bytesRead, long rowsRead, long? totalBytes)
    {
        _report.MarkBatch(rows[0].Row);
        SizeKeyRegistry(bytesRead, rowsRead, totalBytes);
        var touched = 0;
        foreach (var row in rows)
        {
            touched += row.Key is null ? 0 : _keys.Prefetch(row.KeyHash); // see KeyRegistry.Prefetch
        }

        _prefetched = touched;
        await PlanStagedAsync(rows, allowDefer: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans the rows whose parent was not yet known once their parent is accepted (chains resolve step by step); what is left has
    /// no parent in the file or the store. Called once the whole file is planned.
    /// </summary>
    public async Task PlanDeferredAsync()
    {
        while (_deferred.Count > 0)
        {
            var ready = _deferred.Where(_references.SelfReferencesResolved).ToHashSet();
            if (ready.Count == 0)
            {
                break;
            }

            _deferred.RemoveAll(ready.Contains);
            await PlanInBatchesAsync([.. ready.OrderBy(r => r.Row)], allowDefer: true).ConfigureAwait(false);
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
        for (var i = 0; i < rows.Count; i += _batchSize)
        {
            _ct.ThrowIfCancellationRequested();
            var batch = rows.GetRange(i, Math.Min(_batchSize, rows.Count - i));
            _report.MarkBatch(batch[0].Row);
            await PlanStagedAsync(batch, allowDefer).ConfigureAwait(false);
        }
    }

    /// <summary>Stages the rows, then one sink look-up for their keys, one per reference field, the outcome of each row, one write.</summary>
    private async Task PlanStagedAsync(List<RowState> rows, bool allowDefer)
    {
        if (!_allRead)
        {
            _allRead = true;
            await (_planning?.ReadAllAsync(_planningRules, _sink, _wholeSet, _ct) ?? Task.CompletedTask).ConfigureAwait(false);
        }

        _references.StartBatch();
        foreach (var row in rows)
        {
            Stage(row);
        }

        IReadOnlyDictionary<RecordKey, object?[]>? found = null;
        if (_batchKeys.Count > 0)
        {
            found = await _sink.LookupAsync(_schema, _map.KeyFields, _batchKeys, _ct).ConfigureAwait(false);
            _batchKeys.Clear();
        }

        await _references.LookUpAsync(_sink, _ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (!row.LookedUp && !row.Rejected && row.Key is not null)
            {
                row.LookedUp = true;
                row.Existing = found is { Count: > 0 } && row.SinkKey is { } sinkKey && found.TryGetValue(sinkKey, out var existing) ? existing : null;
            }

            Decide(row, allowDefer);
            _report.Flush(row);
        }

        await _writer.FlushAsync(_ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Prepares a row for planning: reports the issues found so far, registers its key (duplicates in the file) and collects what
    /// the batch must look up in the sink — its key and the codes it references.
    /// </summary>
    private void Stage(RowState row)
    {
        _report.Flush(row);
        if (!row.KeyRegistered)
        {
            row.KeyRegistered = true;
            _positions?.Number(row);
            if (row.Key is not null)
            {
                var entry = _keys.Register(row.Key, row.KeyHash, row.Row, out var seen, out var firstRow);
                if (seen)
                {
                    var keyField = _schema.Fields[_map.KeyIndexes[0]];
                    var display = DisplayText.Cut(KeyText.Display(row.Key), _issues.UiCulture);
                    _issues.Add(row, keyField, display, IssueCodes.DuplicateKey, IssueSeverity.Error, _issues.Msg(Messages.DuplicateKey, display, firstRow));
                    _report.Flush(row);
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

        if (!row.LookedUp && row.Key is not null && _childSetParent is null)
        {
            row.SinkKey ??= RecordKey.Of(_map.KeyIndexes, row.Values);
            if (row.SinkKey is { } key)
            {
                _batchKeys.Add(key);
            }
        }

        _references.Collect(row);
    }

    private void Decide(RowState row, bool allowDefer)
    {
        if (row.Rejected || (_document is not null && !_document.Admit(row)))
        {
            Reject(row);
            return;
        }

        List<(FieldDefinition Field, EntitySchema Target, string Item)>? creations = null;
        var existing = row.Existing;
        var merged = existing is null ? null : Merge(row.Values, existing);
        var defer = _references.Resolve(row, merged, existing, allowDefer, ref creations);
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

        if (_childSetParent is null && ((_mode == ImportMode.Insert && existing is not null) || (_mode == ImportMode.Update && existing is null)))
        {
            var keyField = _schema.Fields[_map.KeyIndexes[0]];
            var shown = DisplayText.Cut(KeyText.Display(row.Key), _issues.UiCulture);
            var (code, message) = existing is not null ? (IssueCodes.AlreadyExists, Messages.AlreadyExists) : (IssueCodes.NotFound, Messages.NotFound);
            _issues.Add(row, keyField, shown, code, IssueSeverity.Error, _issues.Msg(message, shown));
            Reject(row);
            return;
        }

        if (creations is not null)
        {
            _references.Create(row, creations, _writer);
        }

        if (_childSetParent is { } childSet && RecordKey.Of(childSet.Indexes, row.Values) is { } parent && (_replacedParents ??= []).Add(parent))
        {
            // the first record of this parent in the file: its stored set goes, the file's records are the whole set
            _writer.Add(_schema, ChangeKind.ReplaceChildren, childSet.Fields, row.Values, 0, parent);
        }

        if (_planning is not null)
        {
            // the planning rules may set values from the referenced records, and add derived records written after this one
            _planningRow = row;
            _planning.Reset(row.Row, existing is null ? row.Values : merged!, existing is null);
            foreach (var rule in _planningRules)
            {
                rule.Plan(_planning);
            }
        }

        RowOutcome outcome;
        if (existing is null)
        {
            _writer.Add(_schema, ChangeKind.Insert, _map.KeyFields, row.Values, row.Row, row.SinkKey);
            row.ValuesKept = _writer.KeepsValues;
            _report.CountInserted();
            outcome = RowOutcome.Inserted;
        }
        else if (SameValues(merged!, existing))
        {
            _report.CountUnchanged();
            outcome = RowOutcome.Unchanged;
        }
        else
        {
            _writer.Add(_schema, ChangeKind.Update, _map.KeyFields, merged!, row.Row, row.SinkKey);
            _report.CountUpdated();
            outcome = RowOutcome.Updated;
        }

        if (outcome != RowOutcome.Unchanged && _planning is { Derived.Count: > 0 })
        {
            WriteDerived(row.Row, existing is null);
        }

        if (row.KeyEntry >= 0)
        {
            _keys.Accept(row.KeyEntry);
        }

        _set?.Record(_schema, existing is null ? row.Values : merged!);
        _references.Accept(row);
        _document?.Accepted(row, outcome);
        row.Recyclable = true;
    }

    /// <summary>
    /// Writes the records the planning rules derived from a record that is written (an unchanged record derives nothing: a
    /// re-import writes nothing). Derived from an update, a record of a child set of this entity replaces the stored set of its
    /// parent first (once per parent): the set is whole from the record it derives from.
    /// </summary>
    private void WriteDerived(int row, bool isNew)
    {
        List<RecordKey>? replaced = null;
        foreach (var (schema, values) in _planning!.Derived)
        {
            if (!isNew && schema.ChildSetParent is { } parentField && RecordKey.Of([schema[parentField].Index], values) is { } parent && !(replaced ??= []).Contains(parent))
            {
                replaced.Add(parent);
                _writer.Add(schema, ChangeKind.ReplaceChildren, [parentField], values, 0, parent);
            }

            _writer.Add(schema, ChangeKind.Insert, schema.KeyFields is string[] keys ? keys : [.. schema.KeyFields], values, row, null);
            if (_planning.All.TryGetValue(schema.Name, out var all))
            {
                all.Add((object?[])values.Clone()); // the sink owns the values now
            }
        }
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

    private void Reject(RowState row)
    {
        // The batch's characters are still there. Then no cell is null; a rejected row is never recycled, so the report keeps
        // its cells array as it is.
        row.MaterializeCells(_cellSlots);
        _report.Reject(row);
        _document?.Rejected(row);
    }

    /// <summary>
    /// Once a few megabytes are read, sizes the key registry for the rows the file should hold (its size over the bytes a row
    /// takes so far, plus a margin): one table instead of doubling and rehashing a dozen times. Only a hint: it still grows past.
    /// </summary>
    private void SizeKeyRegistry(long bytesRead, long rowsRead, long? totalBytes)
    {
        if (_keysSized || totalBytes is not { } total || bytesRead < 8 << 20 || rowsRead == 0)
        {
            return;
        }

        _keysSized = true;
        var estimate = (long)(total / ((double)bytesRead / rowsRead) * 1.15);
        _keys.EnsureCapacity(Math.Min(estimate, 64_000_000));
    }
}
