namespace Import.Sdk;

/// <summary>
/// Streams the rows of a file as raw text cells with their spreadsheet row numbers. Readers know nothing of schemas or rules.
/// Numbers are written in invariant culture and dates as ISO 8601 by workbook readers; text readers give cells as found.
/// </summary>
public interface ITabularReader : IAsyncDisposable
{
    /// <summary>Gets what the reader found out about the file.</summary>
    SourceInfo Info { get; }

    /// <summary>Gets the header row (row 1).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>Gets the spreadsheet row number of the current row (the first data row is 2).</summary>
    int RowNumber { get; }

    /// <summary>Gets the number of cells of the current row as found in the file.</summary>
    int FieldCount { get; }

    /// <summary>Gets a problem the reader found in the current row (for example a stray quote), or <see langword="null"/>: the row is rejected with it.</summary>
    ReadProblem? RowProblem { get; }

    /// <summary>Gets the bytes of the file read so far.</summary>
    long BytesRead { get; }

    /// <summary>Gets the size of the file in bytes, when known.</summary>
    long? TotalBytes { get; }

    /// <summary>Advances to the next row that has at least one non-empty cell.</summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns><see langword="true"/> when positioned on a row; <see langword="false"/> at the end of the file.</returns>
    /// <exception cref="MalformedFileException">The file cannot be read any further.</exception>
    ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a cell of the current row as text; an empty string past the last cell.</summary>
    /// <param name="index">The 0-based column.</param>
    /// <returns>The text of the cell.</returns>
    string GetString(int index);
}
