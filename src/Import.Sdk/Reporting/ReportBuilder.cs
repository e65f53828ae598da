using System.Globalization;
using Import.Sdk.Pipeline;
using Import.Sdk.Resources;

namespace Import.Sdk.Reporting;

/// <summary>
/// The report of one run as it is made: the outcome of each row (counted), the issues (the first rows' kept when there are more
/// than <see cref="ImportOptions.MaxIssues"/>), the rejected rows for the errors file. Rows reach it in file order, from the
/// planner only (one thread at a time). A batch the sink fails to write is taken out again (<see cref="MarkBatch"/>,
/// <see cref="Interrupted"/>).
/// </summary>
internal sealed class ReportBuilder
{
    /// <summary>The longest part of the sink's own message quoted in the <c>write_failed</c> issue.</summary>
    private const int MaxCauseLength = 300;

    private readonly int _maxIssues;
    private readonly CultureInfo _ui;

    // Issues kept, the latest rows first out when over MaxIssues, so that the report keeps the issues of the first rows.
    private readonly PriorityQueue<ImportIssue, (int Row, long Sequence)> _issues = new(Comparer<(int Row, long Sequence)>.Create((a, b) => b.CompareTo(a)));
    private readonly RejectedRowStore _rejected;
    private long _issueSequence;
    private int _issuesOmitted;
    private bool _hasErrors;
    private bool _fileRejected;
    private int? _unreadFromRow;
    private long _rows;
    private long _inserted;
    private long _updated;
    private long _unchanged;
    private long _rejectedCount;
    private BatchMark _mark; // what the report held when the batch being planned started

    public ReportBuilder(ImportOptions options, CultureInfo uiCulture)
    {
        _maxIssues = options.MaxIssues;
        _ui = uiCulture;
        _rejected = new RejectedRowStore(options.RejectedRowsInMemory, options.RejectedCharsInMemory);
    }

    /// <summary>Gets the rows counted so far (read and planned, and the row where reading stopped).</summary>
    public long Rows => _rows;

    /// <summary>Gets the totals so far.</summary>
    public ImportTotals Totals => new(_rows, _inserted, _updated, _unchanged, _rejectedCount);

    /// <summary>Counts rows read (whatever their outcome, which is counted apart).</summary>
    public void CountRows(int rows) => _rows += rows;

    public void CountInserted() => _inserted++;

    public void CountUpdated() => _updated++;

    public void CountUnchanged() => _unchanged++;

    /// <summary>Gets a value indicating whether the file is refused so far (its header cannot be used, or nothing could be read).</summary>
    public bool IsFileRejected => _fileRejected;

    /// <summary>Gets the row from which the file could not be read, or <see langword="null"/>.</summary>
    public int? UnreadFromRow => _unreadFromRow;

    /// <summary>
    /// A row counted accepted is rejected after all (a document found incomplete once its lines are read): counted rejected
    /// instead, its issue reported and its cells kept for the errors file. Rows revised are given in row order.
    /// </summary>
    public void Revise(Planning.RowOutcome outcome, int row, string[] cells, ImportIssue issue, string errorText)
    {
        Uncount(outcome);
        _rows++;
        _rejectedCount++;
        AddIssue(issue);
        _rejected.Add(row, cells, errorText);
    }

    /// <summary>A row counted accepted is not imported after all (its document was not written: the sink failed): no longer counted.</summary>
    public void Uncount(Planning.RowOutcome outcome)
    {
        _rows--;
        switch (outcome)
        {
            case Planning.RowOutcome.Inserted:
                _inserted--;
                break;
            case Planning.RowOutcome.Updated:
                _updated--;
                break;
            default:
                _unchanged--;
                break;
        }
    }

    /// <summary>Counts a rejected row and keeps its cells and errors for the errors file.</summary>
    public void Reject(RowState row)
    {
        _rejectedCount++;
        _rejected.Add(row.Row, row.Cells!, string.Join(" | ", row.Errors ?? []));
    }

    /// <summary>Reports the issues waiting in a row, in the order they were found.</summary>
    public void Flush(RowState row)
    {
        if (row.Pending is { } pending)
        {
            row.Pending = null;
            foreach (var issue in pending)
            {
                AddIssue(issue);
            }
        }
    }

    /// <summary>The whole file is refused (its header cannot be used): the report has no row.</summary>
    public void RejectFile() => _fileRejected = true;

    /// <summary>An issue of the file, not of a row; the file is refused when no row was read.</summary>
    public void AddFileIssue(int row, string code, string message)
    {
        _fileRejected |= _rows == 0;
        AddIssue(new ImportIssue(row, null, null, null, code, IssueSeverity.Error, DisplayText.Cut(message, _ui, DisplayText.MaxMessageLength)));
    }

    /// <summary>
    /// The file cannot be read from <paramref name="row"/> on: that row counts as one rejected row (the rows after it are
    /// unknown), with a <c>malformed_file</c> issue saying from which row on nothing was imported, and a line in the errors file.
    /// </summary>
    public void StopReading(int row, string readerMessage, bool nothingRead)
    {
        _fileRejected |= nothingRead;
        _unreadFromRow = row;
        _rows++;
        _rejectedCount++;
        var message = DisplayText.Cut(Messages.Format(_ui, Messages.UnreadFrom, row, readerMessage), _ui, DisplayText.MaxMessageLength);
        AddIssue(new ImportIssue(row, null, null, null, IssueCodes.MalformedFile, IssueSeverity.Error, message));
        _rejected.Add(row, [], message);
    }

    public void AddIssue(ImportIssue issue)
    {
        _hasErrors |= issue.Severity == IssueSeverity.Error;
        if (_maxIssues == 0)
        {
            _issuesOmitted++;
            return;
        }

        _issues.Enqueue(issue, (issue.Row, _issueSequence++));
        if (_issues.Count > _maxIssues)
        {
            _issues.Dequeue();
            _issuesOmitted++;
        }
    }

    /// <summary>Remembers where the report stands before a batch is planned, its first row being <paramref name="firstRow"/>.</summary>
    public void MarkBatch(int firstRow) => _mark = new BatchMark(firstRow, _inserted, _updated, _unchanged, _rejectedCount, _rejected.Mark(), _issueSequence, _issuesOmitted);

    /// <summary>
    /// A sink that failed part-way (a full disk, a lost connection): the batches written before stay written, and the run ends
    /// with an <see cref="ImportInterruptedException"/> whose report says what they were, plus a <c>write_failed</c> issue at
    /// the first row of the batch that failed.
    /// </summary>
    public ImportInterruptedException Interrupted(Exception cause, Func<ImportReport> build)
    {
        var firstRow = RollBackBatch();
        var message = AddWriteFailed(firstRow, cause);
        return new ImportInterruptedException(message, build(), cause);
    }

    /// <summary>Takes out what the batch being planned added (see <see cref="MarkBatch"/>); returns its first row.</summary>
    public int RollBackBatch()
    {
        var mark = _mark;
        _inserted = mark.Inserted;
        _updated = mark.Updated;
        _unchanged = mark.Unchanged;
        _rejectedCount = mark.RejectedCount;
        _rows = mark.Inserted + mark.Updated + mark.Unchanged + mark.RejectedCount;
        _rejected.Truncate(mark.RejectedRows);
        _issuesOmitted = mark.IssuesOmitted;
        var kept = _issues.UnorderedItems.Where(i => i.Priority.Sequence < mark.IssueSequence).ToList();
        _issues.Clear();
        foreach (var (issue, priority) in kept)
        {
            _issues.Enqueue(issue, priority);
        }

        return mark.FirstRow;
    }

    /// <summary>Adds the <c>write_failed</c> issue: from <paramref name="firstRow"/> on, nothing was imported. Returns its message.</summary>
    public string AddWriteFailed(int firstRow, Exception cause)
    {
        var message = Messages.Format(_ui, Messages.WriteFailed, firstRow, OneLine(cause.Message));
        AddIssue(new ImportIssue(firstRow, null, null, null, IssueCodes.WriteFailed, IssueSeverity.Error, message));
        return message;
    }

    /// <summary>Builds the report: issues by row, then in the order they were found.</summary>
    public ImportReport Build(string entity, ImportMode mode, bool simulated, string file, SourceInfo? source, IReadOnlyList<string> header)
    {
        var issues = _issues.UnorderedItems.OrderBy(i => i.Priority).Select(i => i.Element).ToArray();
        _rejected.Complete();
        return new ImportReport(entity, mode, simulated, file, source, header, Totals, issues, _issuesOmitted, _rejected, _ui)
        {
            IsFileRejected = _fileRejected,
            HasErrors = _hasErrors,
            UnreadFromRow = _unreadFromRow,
        };
    }

    /// <summary>The sink's message on one line, cut as every quoted text is (<see cref="DisplayText"/>).</summary>
    private string OneLine(string message) =>
        DisplayText.Cut(string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), _ui, MaxCauseLength);

    private readonly record struct BatchMark(int FirstRow, long Inserted, long Updated, long Unchanged, long RejectedCount, RejectedRowStore.StoreMark RejectedRows, long IssueSequence, int IssuesOmitted);
}
