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
    private readonly string _part;
    private bool _ended;
    private bool _disposed;
    private int _lastRead; // the last row the source returned (empty or not): every row up to it was delivered

    private WorkbookTabularReader(IRowSource source, RowBuffer row, IDisposable? owner, SourceInfo info, string[] header, int headerRow, long? totalBytes, string part)
    {
        _part = part;
        _lastRead = headerRow;
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

    /// <summary>Gets the sheet's row source (tests check which XLS path read a workbook).</summary>
    internal IRowSource Source => _source;

    public IReadOnlyList<string> Header { get; }

    public int RowNumber { get; private set; }

    public int FieldCount => _ended ? 0 : Math.Max(_row.Width, Header.Count);

    public ReadProblem? RowProblem { get; private set; }

    public long BytesRead => _source.BytesRead;

    public long? TotalBytes { get; }

    /// <summary>Reads up to the header row and returns the reader; disposes <paramref name="source"/> and <paramref name="owner"/> on failure.</summary>
    /// <remarks><paramref name="sheetsWithData"/>, when given, names the other sheets holding data, for the message of an empty sheet.</remarks>
    public static ITabularReader Open(IRowSource source, IDisposable? owner, SourceInfo info, long? totalBytes, long maxCells, int maxCellLength, CultureInfo ui, CancellationToken cancellationToken, Func<IReadOnlyList<string>>? sheetsWithData = null)
    {
        try
        {
            var row = new RowBuffer(maxCells, maxCellLength, ui);
            var part = ExcelThrow.Part(ui, ExcelMessages.PartSheet, info.Sheet);
            var lastRead = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool more;
                try
                {
                    more = source.TryReadRow(row);
                }
                catch (Exception ex) when (ExcelThrow.IsFileDefect(ex) || ex is ImportException)
                {
                    throw ExcelThrow.Stopped(ui, ex, part, lastRead + 1);
                }

                lastRead = row.RowNumber;

                if (!more)
                {
                    var others = sheetsWithData?.Invoke() ?? [];
                    throw new MalformedFileException(SheetChooser.EmptySheetMessage(info.Sheet ?? string.Empty, others, ui)) { Row = 1, SourceInfo = info };
                }

                if (!row.IsEmpty)
                {
                    break; // a row of Excel errors only is a header of empty names
                }
            }

            if (row.DescribeTooLongHeader() is { } tooLong)
            {
                throw new MalformedFileException(tooLong) { Row = row.RowNumber };
            }

            if (row.DescribeMissingSharedStringHeader() is { } missing)
            {
                throw new MalformedFileException(missing) { Row = row.RowNumber };
            }

            if (row.DescribeDuplicateHeader() is { } twice)
            {
                throw new MalformedFileException(twice) { Row = row.RowNumber };
            }

            var header = new string[row.Width];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = row.Get(i).Trim();
            }

            var headerRow = row.RowNumber;
            row.Clear();
            return new WorkbookTabularReader(source, row, owner, info, header, headerRow, totalBytes, part);
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
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (_ended)
        {
            return ValueTask.FromResult(false);
        }

        try
        {
            while (_source.TryReadRow(_row))
            {
                _lastRead = _row.RowNumber;
                if (!_row.IsEmpty)
                {
                    RowNumber = _row.RowNumber;
                    RowProblem = _row.DescribeProblem();
                    return ValueTask.FromResult(true);
                }
            }
        }
        catch (Exception ex) when (ExcelThrow.IsFileDefect(ex) || ex is ImportException)
        {
            // every row up to _lastRead was delivered: the error names the first one that was not
            _ended = true;
            throw ExcelThrow.Stopped(_ui, ex, _part, _lastRead + 1);
        }

        _ended = true;
        _row.Clear();
        RowProblem = null;
        return ValueTask.FromResult(false);
    }

    public string GetString(int index) => _ended ? string.Empty : _row.Get(index);

    /// <summary>Disposes the sheet's source and the workbook (and so the stream); then reading is an <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _source.Dispose();
            _owner?.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
