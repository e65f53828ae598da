using Import.Sdk.Planning;

namespace Import.Sdk.Pipeline;

/// <summary>
/// One simulation or execution, orchestrated: the file through its stages (<see cref="FileRun"/>) and its report; or, for a
/// document import (<see cref="ImportRequest.Lines"/>), the header file then the lines file, each planned into the documents
/// (<see cref="DocumentAssembler"/>), then the incomplete documents rejected and the complete ones written, and one report with a
/// section per file. Simulating or executing is decided here only: the change writer the planners are given.
/// </summary>
internal sealed class ImportRun
{
    private readonly ImportEntity _entity;
    private readonly IImportSink _sink;
    private readonly ImportOptions _options;
    private readonly ReaderRegistry _readers;
    private readonly ImportRequest _request;
    private readonly bool _execute;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly CancellationToken _ct;

    public ImportRun(ImportEntity entity, IImportSink sink, ImportOptions options, ReaderRegistry readers, ImportRequest request, bool execute, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        _entity = entity;
        _sink = new GuardedSink(sink);
        _options = options;
        _readers = readers;
        _request = request;
        _execute = execute;
        _progress = progress;
        _ct = cancellationToken;
    }

    public async Task<ImportReport> RunAsync()
    {
        _ct.ThrowIfCancellationRequested();
        IChangeWriter writer = _execute ? new SinkChangeWriter(_sink, _options.BatchSize) : DiscardChangeWriter.Instance;
        if (_request.Lines is { } lines)
        {
            return await RunDocumentsAsync(writer, lines).ConfigureAwait(false);
        }

        var file = NewFile(_entity, _request);
        try
        {
            await file.RunAsync(writer, null).ConfigureAwait(false);
        }
        catch (SinkFailedException ex)
        {
            throw file.Report.Interrupted(ex.InnerException!, file.Build);
        }

        return file.Build();
    }

    /// <summary>The header file, then the lines file, into the documents; then the documents rejected or written, all or nothing each.</summary>
    private async Task<ImportReport> RunDocumentsAsync(IChangeWriter writer, ImportSource linesSource)
    {
        var linesEntity = _entity.Lines ?? throw new ArgumentException($"The entity '{_entity.Name}' has no lines (ImportEntity.WithLines): the request cannot give a lines file.", nameof(ImportRequest.Lines));
        var documents = new DocumentAssembler(_entity.Schema, linesEntity.Schema, writer.KeepsValues, _entity.DocumentRules);
        var headers = NewFile(_entity, _request with { Lines = null, LinesProfile = null });
        var lines = NewFile(linesEntity, _request with { Source = linesSource, Profile = _request.LinesProfile, LearnedProfile = null, Lines = null, LinesProfile = null });
        FileRun? planning = headers;
        try
        {
            await headers.RunAsync(writer, documents.Headers).ConfigureAwait(false);
            planning = lines;
            lines.RowsBefore = headers.Report.Rows; // the progress counts the rows of both files
            await lines.RunAsync(writer, documents.Lines).ConfigureAwait(false);
            planning = null;
            if (lines.Report.IsFileRejected || lines.Report.UnreadFromRow is not null)
            {
                documents.LinesUnusable(lines.Report.UnreadFromRow ?? 1); // a document's lines cannot all be known
            }

            documents.Revise(headers.Report, lines.Report);
            await documents.WriteAsync(writer, _options.BatchSize, headers.Report, lines.Report, _ct).ConfigureAwait(false);
        }
        catch (SinkFailedException ex)
        {
            var cause = ex.InnerException!;
            string message;
            if (planning is not null)
            {
                // Nothing was written yet: the batch being planned is taken out, and every document held.
                var firstRow = planning.Report.RollBackBatch();
                documents.UncountAll(headers.Report, lines.Report);
                message = planning.Report.AddWriteFailed(firstRow, cause);
            }
            else
            {
                message = headers.Report.AddWriteFailed(documents.FailedFromRow, cause);
            }

            throw new ImportInterruptedException(message, ImportReport.OfDocuments(headers.Build(), lines.Build()), cause);
        }

        return ImportReport.OfDocuments(headers.Build(), lines.Build());
    }

    private FileRun NewFile(ImportEntity entity, ImportRequest request) => new(entity, _sink, _options, _readers, request, !_execute, _progress, _ct);
}
