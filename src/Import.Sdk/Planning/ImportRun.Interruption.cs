using Import.Sdk.Resources;

namespace Import.Sdk.Planning;

/// <summary>
/// A sink that fails part-way (a full disk, a lost connection): the batches written before stay written, and the run ends with an
/// <see cref="ImportInterruptedException"/> whose report says what they were, plus a <c>write_failed</c> issue at the first row
/// of the batch that failed.
/// </summary>
internal sealed partial class ImportRun
{
    /// <summary>The longest part of the sink's own message quoted in the <c>write_failed</c> issue.</summary>
    private const int MaxCauseLength = 300;

    // What the report held when the batch being planned started (per batch, not per row): restored when the sink fails in it.
    private BatchMark _mark;

    /// <summary>Remembers where the report stands before a batch is planned (in its planning turn, before its rows are staged).</summary>
    private void MarkBatch(List<RowState> batch) => _mark = new BatchMark(
        batch.Count == 0 ? 0 : batch[0].Row,
        _inserted,
        _updated,
        _unchanged,
        _rejectedCount,
        _rejected.Mark(),
        _issueSequence,
        _issuesOmitted);

    /// <summary>The report of what was done before the batch that failed, with a <c>write_failed</c> issue at its first row.</summary>
    private ImportInterruptedException Interrupted(Exception cause)
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

        var message = Msg(Messages.WriteFailed, mark.FirstRow, OneLine(cause.Message));
        AddIssue(new ImportIssue(mark.FirstRow, null, null, null, IssueCodes.WriteFailed, IssueSeverity.Error, message));
        return new ImportInterruptedException(message, BuildReport(), cause);
    }

    /// <summary>The sink's message on one line, cut as every quoted text is (<see cref="Reporting.DisplayText"/>).</summary>
    private string OneLine(string message) =>
        Reporting.DisplayText.Cut(string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), _ui, MaxCauseLength);

    private readonly record struct BatchMark(int FirstRow, long Inserted, long Updated, long Unchanged, long RejectedCount, Reporting.RejectedRowStore.StoreMark RejectedRows, long IssueSequence, int IssuesOmitted);

    /// <summary>The host's sink, whose failures (other than a cancellation) are told apart from the run's own.</summary>
    private sealed class GuardedSink(IImportSink inner) : IImportSink
    {
        public async ValueTask<IReadOnlyDictionary<string, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.LookupAsync(schema, keyFields, keys, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new SinkFailedException(ex);
            }
        }

        public async ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new SinkFailedException(ex);
            }
        }
    }

    /// <summary>The sink failed; its exception is the inner one.</summary>
    private sealed class SinkFailedException(Exception inner) : Exception(inner.Message, inner);
}
