using System.Globalization;
using Import.Sdk.Conversion;
using Import.Sdk.Mapping;
using Import.Sdk.Planning;
using Import.Sdk.Reporting;
using Import.Sdk.Rules;

namespace Import.Sdk.Pipeline;

/// <summary>
/// One file of a run: open the reader and resolve the mapping, then the file's batches through the stages
/// (<see cref="BatchReader"/> → <see cref="RowConverter"/> → <see cref="RecordChecker"/> → <see cref="BatchPlanner"/> →
/// <see cref="IChangeWriter"/>, moved by <see cref="BatchFlow"/>), its outcomes and issues in its own report
/// (<see cref="ReportBuilder"/>). A sink failure goes to the caller (<see cref="SinkFailedException"/>).
/// </summary>
internal sealed class FileRun
{
    private readonly ImportEntity _entity;
    private readonly IImportSink _sink;
    private readonly ImportOptions _options;
    private readonly ReaderRegistry _readers;
    private readonly ImportRequest _request;
    private readonly bool _simulated;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly CancellationToken _ct;
    private readonly CultureInfo _ui;
    private IReadOnlyList<string> _header = [];
    private SourceInfo? _source;
    private ImportMode _mode;

    public FileRun(ImportEntity entity, IImportSink sink, ImportOptions options, ReaderRegistry readers, ImportRequest request, bool simulated, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        _entity = entity;
        _sink = sink;
        _options = options;
        _readers = readers;
        _request = request;
        _simulated = simulated;
        _progress = progress;
        _ct = cancellationToken;
        _ui = options.UiCulture;
        _mode = options.Mode;
        Report = new ReportBuilder(options, _ui);
    }

    /// <summary>Gets the file's report as it is made.</summary>
    public ReportBuilder Report { get; }

    /// <summary>Gets or sets the rows of the run's earlier files, counted in the progress reported (the lines file of a document import).</summary>
    public long RowsBefore { get; set; }

    /// <summary>Reads and plans the file.</summary>
    /// <param name="writer">Where the planner hands the changes.</param>
    /// <param name="document">For a file of a document import, its side of the documents, made once the mapping is; otherwise <see langword="null"/>.</param>
    /// <returns>A task that completes when the file is planned.</returns>
    public async Task RunAsync(IChangeWriter writer, Func<RowIssues, int[], IDocumentSide>? document)
    {
        _ct.ThrowIfCancellationRequested();
        ITabularReader reader;
        try
        {
            reader = await _readers.OpenAsync(_request.Source, (_request.Reader ?? _options.Reader) with { UiCulture = _ui }, _ct).ConfigureAwait(false);
        }
        catch (MalformedFileException ex)
        {
            Report.AddFileIssue(ex.Row, IssueCodes.MalformedFile, ex.Message);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ImportException)
        {
            Report.AddFileIssue(0, IssueCodes.MalformedFile, $"The file cannot be read: {ex.Message}");
            return;
        }

        await using (reader.ConfigureAwait(false))
        {
            _source = reader.Info;
            _header = reader.Header;
            var map = CompiledMapping.Compile(_entity.Schema, _header, _request, _options, _ui);
            _mode = map.Mode;
            var degree = _options.MaxDegreeOfParallelism ?? Math.Min(Environment.ProcessorCount, 4);
            var issues = new RowIssues(map, _ui);
            var gates = new CallGates(_entity, concurrent: degree > 1);
            var converter = new RowConverter(_entity.Schema, map, _header, issues, new ValueConverter(_entity.Schema, map, _ui, gates)); // checks the default values too
            foreach (var issue in map.Issues)
            {
                Report.AddIssue(issue);
            }

            if (map.IsFatal)
            {
                Report.RejectFile();
                return;
            }

            await ReadAndPlanAsync(reader, map, converter, issues, gates, degree, writer, document?.Invoke(issues, converter.CellSlots)).ConfigureAwait(false);
            _progress?.Report(new ImportProgress(RowsBefore + Report.Rows, reader.TotalBytes ?? reader.BytesRead, reader.TotalBytes));
        }
    }

    /// <summary>Builds the file's report.</summary>
    /// <returns>The report.</returns>
    public ImportReport Build() => Report.Build(_entity.Schema.Name, _mode, _simulated, _request.Source.Name, _source, _header);

    /// <summary>The stages of the file, and its batches through them; the rows whose parent came later last.</summary>
    private async Task ReadAndPlanAsync(ITabularReader reader, CompiledMapping map, RowConverter converter, RowIssues issues, CallGates gates, int degree, IChangeWriter writer, IDocumentSide? document)
    {
        var planner = new BatchPlanner(_entity.Schema, map, _sink, writer, Report, issues, converter.CellSlots, _options.BatchSize, _ct, _request.Set, _entity.PlanningRules, document);
        var batches = new BatchReader(reader, _header.Count, converter.FieldCount, converter.CellSlots, _options.BatchSize, _ui);
        var flow = new BatchFlow(batches, () => new BatchConverter(converter, new RecordChecker(_entity, issues, gates)), PlanBatchAsync, degree, _ct);
        await flow.RunAsync().ConfigureAwait(false);
        await planner.PlanDeferredAsync().ConfigureAwait(false);

        async Task PlanBatchAsync(RowBatch batch)
        {
            if (batch.Rows.Count > 0)
            {
                Report.CountRows(batch.Rows.Count);
                await planner.PlanAsync(batch.Rows, batch.BytesRead, batch.RowsRead, batches.TotalBytes).ConfigureAwait(false);
                var planned = Report.Rows;
                batch.Recycle(converter.CellSlots);
                _progress?.Report(new ImportProgress(RowsBefore + planned, batch.BytesRead, batches.TotalBytes));
            }

            if (batch.ReadFailure is { } failure)
            {
                // After the batch's rows: the rejected rows stay in row order.
                batch.ReadFailure = null;
                Report.StopReading(failure.Row, failure.Message, failure.NothingRead);
            }
        }
    }
}
