namespace Import.Sdk;

/// <summary>The start of a file as a reader sees it, bounded whatever the file (see <see cref="MaxCellLength"/> and <see cref="MaxCharacters"/>).</summary>
public sealed record FilePreview
{
    /// <summary>Initializes a new instance of the <see cref="FilePreview"/> class.</summary>
    /// <param name="source">What the reader found out about the file.</param>
    /// <param name="header">The header row.</param>
    /// <param name="rows">The first data rows, each as many cells as the header (or more), as text. <see cref="ReadAsync(ImportSource, int, ReaderOptions?, IEnumerable{ITabularReaderProvider}?, CancellationToken)"/> cuts a cell longer than <see cref="MaxCellLength"/> characters to its first <see cref="MaxCellLength"/> characters (one fewer rather than split a surrogate pair) followed by <see cref="CutMarker"/> and the cell's length in the UI language, e.g. "… (1,048,576 characters)", and sets <see cref="Truncated"/>.</param>
    /// <param name="rowNumbers">The spreadsheet row number of each returned row.</param>
    public FilePreview(SourceInfo source, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<int> rowNumbers)
    {
        Source = source;
        Header = header;
        Rows = rows;
        RowNumbers = rowNumbers;
    }

    /// <summary>Gets what the reader found out about the file.</summary>
    public SourceInfo Source { get; init; }

    /// <summary>Gets the header row.</summary>
    public IReadOnlyList<string> Header { get; init; }

    /// <summary>Gets the first data rows, each as many cells as the header (or more), as text. <see cref="ReadAsync(ImportSource, int, ReaderOptions?, IEnumerable{ITabularReaderProvider}?, CancellationToken)"/> cuts a cell longer than <see cref="MaxCellLength"/> characters to its first <see cref="MaxCellLength"/> characters (one fewer rather than split a surrogate pair) followed by <see cref="CutMarker"/> and the cell's length in the UI language, e.g. "… (1,048,576 characters)", and sets <see cref="Truncated"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    /// <summary>Gets the spreadsheet row number of each returned row.</summary>
    public IReadOnlyList<int> RowNumbers { get; init; }

    /// <summary>The most characters of a cell a preview holds: a longer cell is cut and marked with <see cref="CutMarker"/>.</summary>
    public const int MaxCellLength = 1000;

    /// <summary>
    /// The most characters of cells a preview holds in all (about 2 MB): once its rows reach it, no further row is read
    /// (fewer rows than asked) and <see cref="Truncated"/> is set.
    /// </summary>
    public const int MaxCharacters = 1_000_000;

    /// <summary>What follows the characters kept of a cut cell: "…" (U+2026), then the cell's length in parentheses.</summary>
    public const string CutMarker = "\u2026";

    /// <summary>
    /// Gets a value indicating whether the preview is not the whole of what was asked: a cell was cut to
    /// <see cref="MaxCellLength"/> characters (marked with <see cref="CutMarker"/> and its length), or rows were left out once the
    /// preview held <see cref="MaxCharacters"/> characters. An import reads every cell whole.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Truncated { get; init; }

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
            var truncated = false;
            long characters = 0;

            // the header's cells are bounded as the rows' are, and count in the budget
            var header = new string[reader.Header.Count];
            for (var i = 0; i < header.Length; i++)
            {
                var cell = reader.Header[i];
                if (cell.Length > MaxCellLength)
                {
                    cell = Reporting.DisplayText.Cut(cell, options.UiCulture, MaxCellLength);
                    truncated = true;
                }

                header[i] = cell;
                characters += cell.Length;
            }

            while (list.Count < rows)
            {
                if (characters >= MaxCharacters)
                {
                    truncated = true; // the budget is spent: the rows asked beyond it are left out
                    break;
                }

                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                var width = Math.Max(reader.FieldCount, reader.Header.Count);
                var cells = new string[width];
                for (var i = 0; i < width; i++)
                {
                    var cell = reader.GetString(i);
                    if (cell.Length > MaxCellLength)
                    {
                        cell = Reporting.DisplayText.Cut(cell, options.UiCulture, MaxCellLength); // never splits a surrogate pair
                        truncated = true;
                    }

                    cells[i] = cell;
                    characters += cell.Length;
                }

                list.Add(cells);
                numbers.Add(reader.RowNumber);
                problems.Add(reader.RowProblem);
            }

            return new FilePreview(reader.Info, header, list, numbers) { Problems = problems, Truncated = truncated };
        }
    }
}
