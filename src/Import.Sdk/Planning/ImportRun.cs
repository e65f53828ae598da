using System.Globalization;
using Import.Sdk.Conversion;
using Import.Sdk.Mapping;
using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Planning;

/// <summary>
/// One simulation or execution: read → map → convert and check → plan (keys, mode, references, protected fields, unchanged) → write.
/// The only difference between simulating and executing is whether <see cref="IImportSink.WriteAsync"/> is called.
/// </summary>
internal sealed partial class ImportRun
{
    private readonly ImportEntity _entity;
    private readonly EntitySchema _schema;
    private readonly IImportSink _sink;
    private readonly ImportOptions _options;
    private readonly ReaderRegistry _readers;
    private readonly ImportRequest _request;
    private readonly bool _execute;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly CancellationToken _ct;
    private readonly CultureInfo _ui;

    // Issues kept, the latest rows first out when over MaxIssues, so that the report keeps the issues of the first rows.
    private readonly PriorityQueue<ImportIssue, (int Row, long Sequence)> _issues = new(Comparer<(int Row, long Sequence)>.Create((a, b) => b.CompareTo(a)));
    private long _issueSequence;
    private bool _hasErrors;
    private readonly RejectedRowStore _rejected;
    private readonly KeyRegistry _keys = new();
    private readonly List<RowState> _deferred = [];
    private int _issuesOmitted;
    private long _rows;
    private long _done; // rows planned: the progress
    private long _inserted;
    private long _updated;
    private long _unchanged;
    private long _rejectedCount;

    private IReadOnlyList<string> _header = [];
    private SourceInfo? _source;
    private ImportMode _mode;
    private CompiledMapping _map = null!;
    private readonly int _degree;

    public ImportRun(ImportEntity entity, IImportSink sink, ImportOptions options, ReaderRegistry readers, ImportRequest request, bool execute, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        _entity = entity;
        _schema = entity.Schema;
        _sink = new GuardedSink(sink);
        _options = options;
        _readers = readers;
        _request = request;
        _execute = execute;
        _progress = progress;
        _ct = cancellationToken;
        _ui = options.UiCulture;
        _mode = options.Mode;
        _degree = options.MaxDegreeOfParallelism ?? Math.Min(Environment.ProcessorCount, 4);
        _rejected = new RejectedRowStore(options.RejectedRowsInMemory, options.RejectedCharsInMemory);
    }

    public async Task<ImportReport> RunAsync()
    {
        _ct.ThrowIfCancellationRequested();
        ITabularReader reader;
        try
        {
            reader = await _readers.OpenAsync(_request.Source, (_request.Reader ?? _options.Reader) with { UiCulture = _ui }, _ct).ConfigureAwait(false);
        }
        catch (MalformedFileException ex)
        {
            AddFileIssue(ex.Row, IssueCodes.MalformedFile, ex.Message);
            return BuildReport();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ImportException)
        {
            AddFileIssue(0, IssueCodes.MalformedFile, $"The file cannot be read: {ex.Message}");
            return BuildReport();
        }

        await using (reader.ConfigureAwait(false))
        {
            _source = reader.Info;
            _header = reader.Header;
            _map = CompiledMapping.Compile(_schema, _header, _request, _options, _ui);
            _mode = _map.Mode;
            foreach (var issue in _map.Issues)
            {
                AddIssue(issue);
            }

            if (_map.IsFatal)
            {
                _fileRejected = true;
                return BuildReport();
            }

            PrepareConversion();
            try
            {
                await ReadAndPlanAsync(reader).ConfigureAwait(false);
                await PlanDeferredAsync().ConfigureAwait(false);
            }
            catch (SinkFailedException ex)
            {
                throw Interrupted(ex.InnerException!);
            }

            _progress?.Report(new ImportProgress(_rows, reader.TotalBytes ?? reader.BytesRead, reader.TotalBytes));
        }

        return BuildReport();
    }

    /// <summary>
    /// Reads, converts and plans the file batch by batch, on lanes. A lane takes a batch whole: it reads it (in turn: one
    /// reader), converts and checks it on the same thread while the cells are still in its cache, then plans it (in turn:
    /// batches are planned in file order, one at a time). While one lane converts, the next one reads; no cell crosses to
    /// another core. <see cref="ImportOptions.MaxDegreeOfParallelism"/> lanes; with 1, the one lane runs on the importing flow.
    /// </summary>
    private async Task ReadAndPlanAsync(ITabularReader reader)
    {
        _defaults ??= ConvertDefaults();
        if (_degree == 1)
        {
            await RunLaneAsync(reader, new BatchLane(this, reader, 0, 1, null)).ConfigureAwait(false);
            return;
        }

        // As many lanes as threads may work: measured, a spare lane (taking the turn of one that waits) cost more CPU than the
        // waits it filled, and held one batch more in memory.
        var lanes = _degree;
        var turns = new LaneTurns();
        var tasks = new Task[lanes];
        for (var i = 1; i < lanes; i++)
        {
            var lane = new BatchLane(this, reader, i, lanes, turns);
            tasks[i] = Task.Run(() => RunLaneAsync(reader, lane), CancellationToken.None);
        }

        tasks[0] = RunLaneAsync(reader, new BatchLane(this, reader, 0, lanes, turns));
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch when (turns.Failure is not null)
        {
            // Every lane has stopped: rethrow what stopped the first one, not the aborts it caused in the others.
            turns.Failure.Throw();
        }
    }

    /// <summary>One lane: its batches are the lane's number, then every <c>lanes</c>-th one.</summary>
    private async Task RunLaneAsync(ITabularReader reader, BatchLane lane)
    {
        var turns = lane.Turns;
        var n = (long)lane.Index;
        try
        {
            for (; ; n += lane.Count)
            {
                if (turns is not null)
                {
                    await turns.Reading.WaitAsync(n).ConfigureAwait(false);
                }

                if (_endOfFile)
                {
                    turns?.Reading.Advance(); // lets the other lanes see the end too
                    return;
                }

                _ct.ThrowIfCancellationRequested();
                var more = await ReadBatchAsync(reader, lane).ConfigureAwait(false);
                lane.BytesRead = reader.BytesRead;
                lane.RowsRead = _rows;
                _endOfFile = !more;
                turns?.Reading.Advance();

                if (lane.Batch.Count > 0)
                {
                    lane.Convert();
                }

                if (turns is not null)
                {
                    await turns.Planning.WaitAsync(n).ConfigureAwait(false);
                }

                _ct.ThrowIfCancellationRequested(); // nothing planned once cancelled, whatever the lanes had read
                await PlanBatchAsync(lane, reader.TotalBytes).ConfigureAwait(false);
                turns?.Planning.Advance();
                if (!more)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (turns is not null && ex is not LaneStoppedException)
        {
            // Fail in file order, as on one lane: the batches before this one are planned (and written) first. Then the other
            // lanes stop at their next turn instead of waiting for this one forever.
            try
            {
                await turns.Planning.WaitAsync(n).ConfigureAwait(false);
            }
            catch (LaneStoppedException)
            {
                // A batch before this one failed first: its exception is the run's.
            }

            turns.Abort(ex);
            throw;
        }
    }

    private bool _endOfFile; // read and written in the reading turn only
    private bool _keysSized;
    private int _prefetched; // keeps the prefetching reads from being optimised away

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

    /// <summary>
    /// Reads up to a batch of rows (their cells only) in the lane's reading turn. Returns whether the file may have more.
    /// A file that cannot be read further ends the reading; its issue waits in the lane for the planning turn (the report is
    /// not thread-safe).
    /// </summary>
    private async ValueTask<bool> ReadBatchAsync(ITabularReader reader, BatchLane lane)
    {
        var batch = lane.Batch;
        batch.Clear();
        lane.Chars?.Clear();
        while (batch.Count < _options.BatchSize)
        {
            bool more;
            try
            {
                var pending = reader.ReadAsync(_ct);
                more = pending.IsCompletedSuccessfully ? pending.Result : await pending.ConfigureAwait(false);
            }
            catch (MalformedFileException ex)
            {
                lane.ReadFailure = (ex.Row > 0 ? ex.Row : reader.RowNumber + 1, ex.Message, _rows == 0);
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not ImportException)
            {
                lane.ReadFailure = (reader.RowNumber + 1, Msg(Messages.RestUnreadable, ex.Message), _rows == 0);
                return false;
            }

            if (!more)
            {
                return false;
            }

            batch.Add(ReadRow(reader, lane));
        }

        return true;
    }

    /// <summary>Plans the lane's batch in its planning turn: the key registry, the report and the sink see batches in file order.</summary>
    private async Task PlanBatchAsync(BatchLane lane, long? totalBytes)
    {
        if (lane.Batch.Count > 0)
        {
            await PlanRowsAsync(lane, totalBytes).ConfigureAwait(false);
        }

        if (lane.ReadFailure is { } failure)
        {
            // After the batch's rows: the rejected rows stay in row order.
            lane.ReadFailure = null;
            StopReading(failure.Row, failure.Message, failure.NothingRead);
        }
    }

    /// <summary>
    /// The file cannot be read from <paramref name="row"/> on: that row counts as one rejected row (the rows after it are
    /// unknown), with a <c>malformed_file</c> issue saying from which row on nothing was imported, and a line in the errors file.
    /// </summary>
    private void StopReading(int row, string readerMessage, bool nothingRead)
    {
        _fileRejected |= nothingRead;
        _unreadFromRow = row;
        _rows++;
        _rejectedCount++;
        var message = DisplayText.Cut(Msg(Messages.UnreadFrom, row, readerMessage), _ui, DisplayText.MaxMessageLength);
        AddIssue(new ImportIssue(row, null, null, null, IssueCodes.MalformedFile, IssueSeverity.Error, message));
        _rejected.Add(row, [], message);
    }

    private int? _unreadFromRow;

    private async Task PlanRowsAsync(BatchLane lane, long? totalBytes)
    {
        var batch = lane.Batch;

        MarkBatch(batch);
        SizeKeyRegistry(lane.BytesRead, lane.RowsRead, totalBytes);
        var touched = 0;
        foreach (var row in batch)
        {
            touched += row.Key is null ? 0 : _keys.Prefetch(row.KeyHash); // see KeyRegistry.Prefetch
        }

        _prefetched = touched;
        foreach (var row in batch)
        {
            Stage(row);
        }

        await PlanAsync(batch, allowDefer: true).ConfigureAwait(false);
        foreach (var row in batch)
        {
            if (row.Recyclable)
            {
                // Let go of the row's strings now, not when the row is reused: fewer objects survive a collection.
                Array.Clear(row.Cells);
                if (!_execute)
                {
                    Array.Clear(row.Values); // an executed row's values went to the sink: the row gets a new array
                }

                row.Existing = null;
                row.Key = null;
                lane.Free.Push(row); // the lane reads its next batch into it, on this lane's thread
            }
            else
            {
                row.MaterializeCells(_cellSlots); // kept past the batch (rejected, or waiting for a reference): the lane's characters are not
            }
        }

        _done += batch.Count;
        batch.Clear();
        _progress?.Report(new ImportProgress(_done, lane.BytesRead, totalBytes));
    }

    private ImportReport BuildReport()
    {
        var issues = _issues.UnorderedItems.OrderBy(i => i.Priority).Select(i => i.Element).ToArray();
        _rejected.Complete();
        var totals = new ImportTotals(_rows, _inserted, _updated, _unchanged, _rejectedCount);
        return new ImportReport(_schema.Name, _mode, !_execute, _request.Source.Name, _source, _header, totals, issues, _issuesOmitted, _rejected, _ui)
        {
            IsFileRejected = _fileRejected,
            HasErrors = _hasErrors,
            UnreadFromRow = _unreadFromRow,
        };
    }

    private bool _fileRejected;

    private void AddFileIssue(int row, string code, string message)
    {
        _fileRejected |= _rows == 0;
        AddIssue(new ImportIssue(row, null, null, null, code, IssueSeverity.Error, DisplayText.Cut(message, _ui, DisplayText.MaxMessageLength)));
    }

    private void AddIssue(ImportIssue issue)
    {
        _hasErrors |= issue.Severity == IssueSeverity.Error;
        if (_options.MaxIssues == 0)
        {
            _issuesOmitted++;
            return;
        }

        _issues.Enqueue(issue, (issue.Row, _issueSequence++));
        if (_issues.Count > _options.MaxIssues)
        {
            _issues.Dequeue();
            _issuesOmitted++;
        }
    }

    private void RowIssue(RowState row, FieldDefinition? field, string? value, string code, IssueSeverity severity, string message) =>
        RowIssue(row, field is null ? null : _map.ColumnOf(field.Index), field, value, code, severity, message);

    private void RowIssue(RowState row, string? column, FieldDefinition? field, string? value, string code, IssueSeverity severity, string message)
    {
        // The callers cut the values they quote (DisplayText.Cut); a message built elsewhere (a host rule's, a validator's, a
        // reader's) is cut here if it is long. A cheap test: issues are the rare path.
        message = DisplayText.Cut(message, _ui, DisplayText.MaxMessageLength);
        column = DisplayText.Cut(column, _ui); // a header cell: as long as a cell may be
        var issue = new ImportIssue(row.Row, column, field?.Name, value, code, severity, message);
        if (row.Staged)
        {
            AddIssue(issue);
        }
        else
        {
            (row.Pending ??= []).Add(issue); // converting, maybe on another thread: reported in row order when staged
        }

        if (severity == IssueSeverity.Error)
        {
            row.Rejected = true;
            var name = column ?? field?.Name;
            (row.Errors ??= []).Add(name is null || message.StartsWith(name, StringComparison.Ordinal) ? message : string.Concat(name, _ui.TwoLetterISOLanguageName == "fr" ? " : " : ": ", message));
        }
    }

    private void ReportRuleIssue(RowState row, string field, string code, string message, string? value)
    {
        var def = _schema.TryGetField(field, out var f) ? f : null;
        RowIssue(row, def, DisplayText.Cut(value ?? (def is null ? null : RecordKey.FormatValue(row.Values[def.Index])), _ui), code, IssueSeverity.Error, message);
    }

    private string Msg(string name, params object?[] args) => Messages.Format(_ui, name, args);
}
