namespace Import.Sdk;

/// <summary>
/// Imports files of one entity: inspects them for a mapping screen, simulates (the complete report, nothing written)
/// and executes (writes through the sink). Thread-safe; build it with <see cref="ImportPipelineBuilder"/>.
/// </summary>
public interface IImportPipeline
{
    /// <summary>Gets the entity this pipeline imports.</summary>
    ImportEntity Entity { get; }

    /// <summary>Reads the start of a file: format, encoding, delimiter, sheets, header, first rows, and the suggested mapping.</summary>
    /// <param name="request">The file, the number of rows, a learned profile and reader options.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The inspection; a file that cannot be read gives an inspection with its <see cref="ImportInspection.Problem"/>.</returns>
    Task<ImportInspection> InspectAsync(InspectRequest request, CancellationToken cancellationToken = default);

    /// <summary>Runs the whole import without writing: the report equals what <see cref="ExecuteAsync"/> would produce on the same store.</summary>
    /// <param name="request">The import.</param>
    /// <param name="progress">Receives progress after each batch.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The report.</returns>
    Task<ImportReport> SimulateAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Runs the import and writes the accepted rows through the sink, one transaction per batch.</summary>
    /// <param name="request">The import.</param>
    /// <param name="progress">Receives progress after each batch.</param>
    /// <param name="cancellationToken">Cancels the import; the batch being written is rolled back.</param>
    /// <returns>The report.</returns>
    Task<ImportReport> ExecuteAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);
}
