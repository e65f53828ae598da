namespace Import.Sdk;

/// <summary>The start of a file as a reader sees it.</summary>
/// <param name="Source">What the reader found out about the file.</param>
/// <param name="Header">The header row.</param>
/// <param name="Rows">The first data rows, each as many cells as the header (or more), as text.</param>
/// <param name="RowNumbers">The spreadsheet row number of each returned row.</param>
public sealed record FilePreview(SourceInfo Source, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int> RowNumbers)
{
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
            }

            return new FilePreview(reader.Info, reader.Header, list, numbers);
        }
    }
}
