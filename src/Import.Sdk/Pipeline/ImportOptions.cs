using System.Globalization;

namespace Import.Sdk;

/// <summary>Options of a pipeline. Edit with <c>with</c>; a profile may override the culture, date formats and mode of one import.</summary>
public sealed record ImportOptions
{
    /// <summary>Gets the number of rows planned and written together (one sink look-up per batch, one transaction per batch).</summary>
    /// <value>The default value is 1000.</value>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Gets the culture of numbers and dates in files.</summary>
    /// <value>The default value is fr-FR.</value>
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Gets the culture of issue messages (French or English; codes never change).</summary>
    /// <value>The default value is fr-FR.</value>
    public CultureInfo UiCulture { get; init; } = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Gets the accepted date formats, in order (ISO <c>yyyy-MM-dd</c> is always accepted too).</summary>
    /// <value>The default value is <c>dd/MM/yyyy</c>, <c>d/M/yyyy</c>, <c>dd-MM-yyyy</c>, <c>dd.MM.yyyy</c>.</value>
    public IReadOnlyList<string> DateFormats { get; init; } = ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy"];

    /// <summary>Gets the import mode.</summary>
    /// <value>The default value is <see cref="ImportMode.Upsert"/>.</value>
    public ImportMode Mode { get; init; } = ImportMode.Upsert;

    /// <summary>Gets the reader options (sheet, delimiter, encoding).</summary>
    public ReaderOptions Reader { get; init; } = new();

    /// <summary>
    /// Gets the most issues listed in a report (those of the first rows); the others are counted in
    /// <see cref="ImportReport.IssuesOmitted"/>. The totals and the errors file stay complete whatever the value: it bounds the
    /// memory the issues hold (a few hundred bytes each).
    /// </summary>
    /// <value>The default value is 10000.</value>
    public int MaxIssues { get; init; } = 10_000;

    /// <summary>
    /// Gets the most threads an import works on at once. Each takes a batch whole: it reads it from the file (one batch at a
    /// time, in file order), converts and checks its rows, then plans and writes it (one batch at a time, in file order). The
    /// report, the sink's calls and the store are the same whatever the value; a failure is the first in file order, after the
    /// batches before it were written.
    /// </summary>
    /// <value>
    /// The default value (<see langword="null"/>) is the number of processors, at most 4. With 1, the whole import runs on the
    /// importing flow. Above 1, the entity's <see cref="IFieldValidator"/>s and <see cref="IRecordRule"/>s are called from several
    /// threads (for different rows): those that declare themselves thread-safe (<see cref="IThreadSafeCheck"/>, as the built-in
    /// ones do) concurrently, the others one call at a time; this number of batches is held in memory.
    /// </value>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Gets the most rejected rows a report holds in memory; past it (or <see cref="RejectedCharsInMemory"/>), they go to a temporary file.</summary>
    internal int RejectedRowsInMemory { get; init; } = 500;

    /// <summary>Gets the most characters of rejected rows (cells and errors) a report holds in memory; past it, they go to a temporary file.</summary>
    internal long RejectedCharsInMemory { get; init; } = 1 << 20;
}
