namespace Import.Sdk;

/// <summary>The start of a file as a reader sees it.</summary>
/// <param name="Source">What the reader found out about the file.</param>
/// <param name="Header">The header row.</param>
/// <param name="Rows">The first data rows, each as many cells as the header (or more), as text.</param>
/// <param name="RowNumbers">The spreadsheet row number of each returned row.</param>
public sealed record FilePreview(SourceInfo Source, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int> RowNumbers)
{
    /// <summary>
    /// Gets, for each returned row, the problem the reader found in it (bad quotes, a NUL character, a cell or a row over its
    /// limit: an import rejects that row), or <see langword="null"/>. Such a row's cells may not be the file's text
    /// (CsvHelper's repair of bad quotes, a cell cut short): <see cref="ReadProblem.Value"/> quotes the file.
    /// </summary>
    /// <value>The default value is an empty list; <see cref="ReadAsync(ImportSource, int, ReaderOptions?, IEnumerable{ITabularReaderProvider}?, CancellationToken)"/> gives one entry per row.</value>
    public IReadOnlyList<ReadProblem?> Problems { get; init; } = [];

    /// <summary>Reads the start of a file.</summary>
    /// <param name="source">The file.</param>
    /// <param name="rows">The number of data rows to read.</param>
    /// <param name="options">The reader options.</param>
    /// <param name="providers">More formats (such as the Excel readers), tried before CSV.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The preview.</returns>
    /// <exception cref="MalformedFileException">The file cannot be read.</exception>
    public static async Task<FilePreview> ReadAsync(ImportSource source, int rows = 10, ReaderOptions? options = null, IEnumerable<ITabularReaderProvider>? providers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var registry = ImportPipelineBuilder.CreateRegistry(providers ?? []);
        return await ReadAsync(registry, source, rows, options ?? new ReaderOptions(), cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<FilePreview> ReadAsync(ReaderRegistry registry, ImportSource source, int rows, ReaderOptions options, CancellationToken cancellationToken)
    {
        var reader = await registry.OpenAsync(source, options, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var list = new List<IReadOnlyList<string>>();
            var numbers = new List<int>();
            var problems = new List<ReadProblem?>();
            while (list.Count < rows && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var width = Math.Max(reader.FieldCount, reader.Header.Count);
                var cells = new string[width];
                for (var i = 0; i < width; i++)
                {
                    cells[i] = reader.GetString(i);
                }

                list.Add(cells);
                numbers.Add(reader.RowNumber);
                problems.Add(reader.RowProblem);
            }

            return new FilePreview(reader.Info, reader.Header, list, numbers) { Problems = problems };
        }
    }
}
