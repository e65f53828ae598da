using System.Globalization;
using Import.Sdk.Conversion;
using Import.Sdk.Mapping;
using Import.Sdk.Planning;
using Import.Sdk.Reporting;
using Import.Sdk.Rules;

namespace Import.Sdk.Pipeline;

/// <summary>
/// One simulation or execution, orchestrated: open the reader and resolve the mapping, then the file's batches through the stages
/// (<see cref="BatchReader"/> → <see cref="RowConverter"/> → <see cref="RecordChecker"/> → <see cref="BatchPlanner"/> →
/// <see cref="IChangeWriter"/>, moved by <see cref="BatchFlow"/>), and the report (<see cref="ReportBuilder"/>). Simulating or
/// executing is decided here only: the change writer the planner is given.
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
    private readonly CultureInfo _ui;
    private readonly ReportBuilder _report;
    private IReadOnlyList<string> _header = [];
    private SourceInfo? _source;
    private ImportMode _mode;

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
        _ui = options.UiCulture;
        _mode = options.Mode;
        _report = new ReportBuilder(options, _ui);
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
            _report.AddFileIssue(ex.Row, IssueCodes.MalformedFile, ex.Message);
            return BuildReport();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ImportException)
        {
            _report.AddFileIssue(0, IssueCodes.MalformedFile, $"The file cannot be read: {ex.Message}");
            return BuildReport();
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
                _report.AddIssue(issue);
            }

            if (map.IsFatal)
            {
                _report.RejectFile();
                return BuildReport();
            }

            await ReadAndPlanAsync(reader, map, converter, issues, gates, degree).ConfigureAwait(false);
            _progress?.Report(new ImportProgress(_report.Rows, reader.TotalBytes ?? reader.BytesRead, reader.TotalBytes));
        }

        return BuildReport();
    }

    /// <summary>The stages of the run, and its batches through them; the rows whose parent came later last.</summary>
    private async Task ReadAndPlanAsync(ITabularReader reader, CompiledMapping map, RowConverter converter, RowIssues issues, CallGates gates, int degree)
    {
        var schema = _entity.Schema;
        IChangeWriter writer = _execute ? new SinkChangeWriter(_sink, _options.BatchSize) : DiscardChangeWriter.Instance;
        var planner = new BatchPlanner(schema, map, _sink, writer, _report, issues, converter.CellSlots, _options.BatchSize, _ct, _request.Set, _entity.PlanningRules);
        var batches = new BatchReader(reader, _header.Count, converter.FieldCount, converter.CellSlots, _options.BatchSize, _ui);
        var flow = new BatchFlow(batches, () => new BatchConverter(converter, new RecordChecker(_entity, issues, gates)), PlanBatchAsync, degree, _ct);
        try
        {
            await flow.RunAsync().ConfigureAwait(false);
            await planner.PlanDeferredAsync().ConfigureAwait(false);
        }
        catch (SinkFailedException ex)
        {
            throw _report.Interrupted(ex.InnerException!, BuildReport);
        }

        async Task PlanBatchAsync(RowBatch batch)
        {
            if (batch.Rows.Count > 0)
            {
                _report.CountRows(batch.Rows.Count);
                await planner.PlanAsync(batch.Rows, batch.BytesRead, batch.RowsRead, batches.TotalBytes).ConfigureAwait(false);
                var planned = _report.Rows;
                batch.Recycle(converter.CellSlots);
                _progress?.Report(new ImportProgress(planned, batch.BytesRead, batches.TotalBytes));
            }

            if (batch.ReadFailure is { } failure)
            {
                // After the batch's rows: the rejected rows stay in row order.
                batch.ReadFailure = null;
                _report.StopReading(failure.Row, failure.Message, failure.NothingRead);
            }
        }
    }

    private ImportReport BuildReport() => _report.Build(_entity.Schema.Name, _mode, !_execute, _request.Source.Name, _source, _header);
}
