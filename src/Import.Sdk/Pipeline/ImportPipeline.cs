using Import.Sdk.Mapping;
using Import.Sdk.Pipeline;
using Microsoft.Extensions.Logging;

namespace Import.Sdk;

/// <summary>The immutable pipeline built by <see cref="ImportPipelineBuilder"/>. Each call runs independently; simulation and execution share one code path.</summary>
internal sealed class ImportPipeline : IImportPipeline
{
    private readonly IImportSink _sink;
    private readonly ImportOptions _options;
    private readonly ReaderRegistry _readers;
    private readonly ILogger _logger;

    public ImportPipeline(ImportEntity entity, IImportSink sink, ImportOptions options, ReaderRegistry readers, ILogger logger)
    {
        Entity = entity;
        _sink = sink;
        _options = options;
        _readers = readers;
        _logger = logger;
    }

    public ImportEntity Entity { get; }

    public async Task<ImportInspection> InspectAsync(InspectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var learnedProfile = request.LearnedProfile;
        var matcher = new ColumnMatcher(Entity.Schema);
        try
        {
            var preview = await FilePreview.ReadAsync(_readers, request.Source, request.Rows, (request.Reader ?? _options.Reader) with { UiCulture = _options.UiCulture }, cancellationToken).ConfigureAwait(false);
            return new ImportInspection(preview, matcher.Suggest(preview.Header, learnedProfile), null);
        }
        catch (MalformedFileException ex)
        {
            var empty = new FilePreview(ex.SourceInfo ?? new SourceInfo("unknown", null, null, null, []), [], [], []); // an empty sheet: the sheets to choose from
            return new ImportInspection(empty, matcher.Suggest([], learnedProfile), ex.Message);
        }
    }

    public Task<ImportReport> SimulateAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(request, execute: false, progress, cancellationToken);

    public Task<ImportReport> ExecuteAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(request, execute: true, progress, cancellationToken);

    private async Task<ImportReport> RunAsync(ImportRequest request, bool execute, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Log.ImportStarted(_logger, Entity.Name, request.Source.Name, !execute);
        var run = new ImportRun(Entity, _sink, _options, _readers, request, execute, progress, cancellationToken);
        var report = await run.RunAsync().ConfigureAwait(false);
        Log.ImportFinished(_logger, Entity.Name, report.Totals.Rows, report.Totals.Inserted, report.Totals.Updated, report.Totals.Unchanged, report.Totals.Rejected, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return report;
    }
}
