using Import.Sdk.Readers.Csv;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Import.Sdk;

/// <summary>
/// Composes an <see cref="IImportPipeline"/>: entity (schema and rule set), sink, options and extra readers. Single use:
/// <see cref="Build"/> validates everything, lists every problem in one exception, and may be called once.
/// Packages extend it with extension methods (<c>UseSqliteSink</c>, <c>UseExcelReaders</c>). Every method is a <c>Use…</c>: one verb family.
/// </summary>
public sealed class ImportPipelineBuilder
{
    private readonly List<ITabularReaderProvider> _readers = [];
    private ImportEntity? _entity;
    private IImportSink? _sink;
    private ImportOptions _options = new();
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private bool _built;

    /// <summary>Sets the entity to import.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>This builder.</returns>
    public ImportPipelineBuilder UseEntity(ImportEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        _entity = entity;
        return this;
    }

    /// <summary>Sets the sink the accepted rows are written to.</summary>
    /// <param name="sink">The sink.</param>
    /// <returns>This builder.</returns>
    public ImportPipelineBuilder UseSink(IImportSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        return this;
    }

    /// <summary>Sets the options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public ImportPipelineBuilder UseOptions(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        return this;
    }

    /// <summary>Sets the options from the current ones.</summary>
    /// <param name="configure">Returns the new options from the current ones, typically with a <c>with</c> expression.</param>
    /// <returns>This builder.</returns>
    public ImportPipelineBuilder UseOptions(Func<ImportOptions, ImportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _options = configure(_options) ?? throw new ArgumentException("The options cannot be null.", nameof(configure));
        return this;
    }

    /// <summary>Uses one more file format: the formats are tried in the order given, before CSV.</summary>
    /// <param name="provider">The format.</param>
    /// <returns>This builder.</returns>
    public ImportPipelineBuilder UseReader(ITabularReaderProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _readers.Add(provider);
        return this;
    }

    /// <summary>Sets the logger factory; the default logs nothing. Cell values are never logged.</summary>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>This builder.</returns>
    public ImportPipelineBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggerFactory = loggerFactory;
        return this;
    }

    /// <summary>Builds the pipeline.</summary>
    /// <returns>An immutable, thread-safe pipeline.</returns>
    /// <exception cref="ImportException">The configuration is incomplete or invalid; the message lists every problem.</exception>
    public IImportPipeline Build()
    {
        var problems = new List<string>();
        if (_built)
        {
            problems.Add("this builder was already built (a builder is single use)");
        }

        if (_entity is null)
        {
            problems.Add("no entity: call UseEntity(...)");
        }

        if (_sink is null)
        {
            problems.Add("no sink: call UseSink(...) (InMemorySink for tests, UseSqliteSink(...) for the embedded store)");
        }

        if (_options.BatchSize is < 1 or > 1_000_000)
        {
            problems.Add($"BatchSize must be between 1 and 1,000,000 (it is {_options.BatchSize})");
        }

        if (_options.DateFormats.Count == 0)
        {
            problems.Add("DateFormats is empty");
        }

        if (_options.MaxDegreeOfParallelism is < 1 or > 64)
        {
            problems.Add($"MaxDegreeOfParallelism must be between 1 and 64, or null for automatic (it is {_options.MaxDegreeOfParallelism})");
        }

        if (_options.MaxIssues < 0)
        {
            problems.Add("MaxIssues cannot be negative");
        }

        if (problems.Count > 0)
        {
            throw new ImportException($"The import pipeline cannot be built: {string.Join("; ", problems)}.");
        }

        _built = true;
        return new ImportPipeline(_entity!, _sink!, _options, CreateRegistry(_readers), _loggerFactory.CreateLogger<ImportPipeline>());
    }

    internal static ReaderRegistry CreateRegistry(IEnumerable<ITabularReaderProvider> extra) =>
        new([.. extra, new CsvReaderProvider()]);
}
