using System.Globalization;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Reading;

/// <summary>
/// The <see cref="ITabularReader"/> of every workbook format: the header is the sheet's first non-empty row (its cells
/// trimmed, as the CSV reader does), data rows keep the sheet's real row numbers, empty rows are skipped (so trailing
/// formatted rows are no data), and Excel error values become a <see cref="RowProblem"/>.
/// <see cref="FieldCount"/> is at least the header's width: a missing cell in a spreadsheet is an empty cell, not a ragged row.
/// </summary>
internal sealed class WorkbookTabularReader : ITabularReader
{
    private readonly IRowSource _source;
    private readonly RowBuffer _row;
    private readonly IDisposable? _owner;
    private readonly CultureInfo _ui;
    private bool _ended;

    private WorkbookTabularReader(IRowSource source, RowBuffer row, IDisposable? owner, SourceInfo info, string[] header, int headerRow, long? totalBytes)
    {
        _source = source;
        _row = row;
        _owner = owner;
        _ui = row.UiCulture;
        Info = info;
        Header = header;
        RowNumber = headerRow;
        TotalBytes = totalBytes;
    }

    public SourceInfo Info { get; }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber { get; private set; }

    public int FieldCount => _ended ? 0 : Math.Max(_row.Width, Header.Count);

    public ReadProblem? RowProblem { get; private set; }

    public long BytesRead => _source.BytesRead;

    public long? TotalBytes { get; }

    /// <summary>Reads up to the header row and returns the reader; disposes <paramref name="source"/> and <paramref name="owner"/> on failure.</summary>
    public static ITabularReader Open(IRowSource source, IDisposable? owner, SourceInfo info, long? totalBytes, long maxCells, CultureInfo ui, CancellationToken cancellationToken)
    {
        try
        {
            var row = new RowBuffer(maxCells, ui);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool more;
                try
                {
                    more = source.TryReadRow(row);
                }
                catch (Exception ex) when (ExcelThrow.IsFileDefect(ex))
                {
                    throw ExcelThrow.Wrap(ui, ex, row.RowNumber + 1);
                }

                if (!more)
                {
                    throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.EmptySheet, info.Sheet)) { Row = 1 };
                }

                if (!row.IsEmpty)
                {
                    break; // a row of Excel errors only is a header of empty names
                }
            }

            var header = new string[row.Width];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = row.Get(i).Trim();
            }

            var headerRow = row.RowNumber;
            row.Clear();
            return new WorkbookTabularReader(source, row, owner, info, header, headerRow, totalBytes);
        }
        catch
        {
            source.Dispose();
            owner?.Dispose();
            throw;
        }
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_ended)
        {
            return ValueTask.FromResult(false);
        }

        try
        {
            while (_source.TryReadRow(_row))
            {
                if (!_row.IsEmpty)
                {
                    RowNumber = _row.RowNumber;
                    RowProblem = _row.DescribeErrors() is { } errors ? new ReadProblem(IssueCodes.MalformedFile, errors) : null;
                    return ValueTask.FromResult(true);
                }
            }
        }
        catch (Exception ex) when (ExcelThrow.IsFileDefect(ex))
        {
            _ended = true;
            throw ExcelThrow.Wrap(_ui, ex, RowNumber + 1);
        }

        _ended = true;
        _row.Clear();
        RowProblem = null;
        return ValueTask.FromResult(false);
    }

    public string GetString(int index) => _ended ? string.Empty : _row.Get(index);

    public ValueTask DisposeAsync()
    {
        _source.Dispose();
        _owner?.Dispose();
        return ValueTask.CompletedTask;
    }
}
