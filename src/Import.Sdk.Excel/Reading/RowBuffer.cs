using System.Globalization;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Reading;

/// <summary>
/// The cells of one sheet row, placed at their column and reused from row to row (memory grows with the widest row,
/// never with the number of rows). Counts every cell of the sheet against <see cref="ExcelReaderOptions.MaxCells"/>.
/// </summary>
internal sealed class RowBuffer(long maxCells, int maxCellLength, CultureInfo ui)
{
    /// <summary>How many characters of a cell too long are quoted in its row problem.</summary>
    public const int QuotedLength = 100;

    /// <summary>
    /// The most characters the cells of one row may hold in all (or <see cref="MaxCellLength"/> when larger): each cell is bounded
    /// by <see cref="MaxCellLength"/> (2 Mi characters by default), so without it a row of many long cells (a 120 KB XLSX of 60
    /// cells of 2 million characters) held hundreds of MB. 8 Mi characters (16 MiB) is some 250 cells of Excel's longest text.
    /// </summary>
    public const int MaxRowCharacters = 8 << 20;

    private readonly long _maxRowCharacters = Math.Max(MaxRowCharacters, (long)maxCellLength);

    private string?[] _cells = new string?[32];
    private List<(int Column, string Error)>? _errors;
    private long _cellCount;

    private int _valueWidth;
    private int _errorWidth;
    private int _tooLongColumn = -1;
    private long _tooLongLength;
    private string _tooLongStart = string.Empty;
    private bool _rowTooLong; // the cell too long is the one that took the row past its characters (MaxRowCharacters)
    private long _rowCharacters;
    private int _duplicateColumn = -1;
    private string _duplicateFirst = string.Empty;
    private string? _duplicateSecond;
    private int _missingColumn = -1;
    private long _missingIndex;
    private long _missingCount;

    /// <summary>Gets the number of columns up to the last non-empty cell or error.</summary>
    public int Width => Math.Max(_valueWidth, _errorWidth);

    /// <summary>Gets or sets the sheet's row number (1-based).</summary>
    public int RowNumber { get; set; }

    /// <summary>Gets whether the row has neither a non-empty cell nor an error.</summary>
    public bool IsEmpty => Width == 0;

    public CultureInfo UiCulture => ui;

    public void Clear()
    {
        Array.Clear(_cells, 0, _valueWidth);
        _valueWidth = 0;
        _errorWidth = 0;
        _errors?.Clear();
        _tooLongColumn = -1;
        _rowTooLong = false;
        _rowCharacters = 0;
        _duplicateColumn = -1;
        _missingColumn = -1;
    }

    /// <summary>Gets the longest cell kept (<see cref="ReaderOptions.MaxCellLength"/>).</summary>
    public int MaxCellLength => maxCellLength;

    /// <summary>
    /// Sets a cell; an empty value clears it. A cell that already holds a value (the same reference twice in the row, or two
    /// <c>&lt;row&gt;</c> elements of one number giving the same cell) keeps the row readable but gives it a problem: neither
    /// value is silently preferred.
    /// </summary>
    public void Set(int column, string? value)
    {
        if (++_cellCount > maxCells)
        {
            ExcelThrow.TooManyCells(ui, maxCells);
        }

        if ((uint)column >= CellReference.MaxColumns)
        {
            ExcelThrow.Damaged(ui, ExcelMessages.Format(ui, ExcelMessages.ColumnOutOfRange, column == int.MaxValue ? "?" : (column + 1).ToString(CultureInfo.InvariantCulture)), RowNumber);
        }

        if (column < _valueWidth && _cells[column] is { } previous && _duplicateColumn < 0 && !string.Equals(previous, value, StringComparison.Ordinal))
        {
            _duplicateColumn = column;
            _duplicateFirst = previous;
            _duplicateSecond = value;
        }

        var held = Held(column);
        if (!string.IsNullOrEmpty(value) && _rowCharacters - held + value.Length > _maxRowCharacters)
        {
            // past the row's characters: the cell is not held (the caller's string is garbage at once), the row gets a too_long problem
            PastRow(column, value.Length, value[..Math.Min(value.Length, QuotedLength)]);
            value = null;
        }

        _rowCharacters += (value?.Length ?? 0) - held;
        if (string.IsNullOrEmpty(value))
        {
            if (column < _valueWidth)
            {
                _cells[column] = null;
                while (_valueWidth > 0 && _cells[_valueWidth - 1] is null)
                {
                    _valueWidth--;
                }
            }

            return;
        }

        if (column >= _cells.Length)
        {
            Array.Resize(ref _cells, Math.Min(CellReference.MaxColumns, Math.Max(column + 1, _cells.Length * 2)));
        }

        _cells[column] = value;
        if (column >= _valueWidth)
        {
            _valueWidth = column + 1;
        }
    }

    /// <summary>
    /// Sets a cell from characters the caller holds (a reader's buffer): a text that would take the row past its characters is
    /// never turned into a string (see <see cref="SetPastRow"/>).
    /// </summary>
    public void Set(int column, ReadOnlySpan<char> value)
    {
        if (value.Length > Room(column))
        {
            SetPastRow(column, value.Length, new string(value[..Math.Min(value.Length, QuotedLength)]));
            return;
        }

        Set(column, value.IsEmpty ? null : new string(value));
    }

    /// <summary>Gets how many characters the cell <paramref name="column"/> may hold before the row passes its characters.</summary>
    public long Room(int column) => _maxRowCharacters - _rowCharacters + Held(column);

    /// <summary>
    /// Records a cell of <paramref name="length"/> characters (more than its <see cref="Room"/>; <paramref name="start"/> is its
    /// beginning) whose text was not built: the cell reads as empty and the row gets a <c>too_long</c> problem, as
    /// <see cref="Set(int, string?)"/> gives a string past the row's characters.
    /// </summary>
    public void SetPastRow(int column, long length, string start)
    {
        Set(column, null);
        PastRow(column, length, start);
    }

    /// <summary>
    /// Records an Excel error value (#N/A, #DIV/0!…) in a cell: the cell's text is the error text and the row gets a
    /// <c>cell_error</c> problem listing every error cell (the pipeline rejects the row only for mapped columns).
    /// </summary>
    public void SetError(int column, string error)
    {
        var text = string.IsNullOrEmpty(error) ? "#ERROR" : error;
        Set(column, text);
        (_errors ??= []).Add((column, text));
        _errorWidth = Math.Max(_errorWidth, column + 1);
    }

    /// <summary>
    /// Records a cell longer than <see cref="MaxCellLength"/> (never held: <paramref name="start"/> is its beginning): the cell
    /// reads as empty and the row gets a <c>too_long</c> problem (the first such cell of the row is named).
    /// </summary>
    public void SetTooLong(int column, long length, string start)
    {
        Set(column, null);
        if (_tooLongColumn < 0)
        {
            _tooLongColumn = column;
            _tooLongLength = length;
            _tooLongStart = start;
        }

        _errorWidth = Math.Max(_errorWidth, column + 1);
    }

    /// <summary>
    /// Records a cell whose shared string (0-based <paramref name="index"/>) is past the end of the workbook's table of
    /// <paramref name="count"/> strings (XLS): its text is lost, so the row gets a <c>malformed_row</c> problem naming it.
    /// A negative <paramref name="index"/> is a cell whose record could not be read at all (<see cref="Xls.XlsRecordPass.UnreadCell"/>)
    /// or that two records give (<see cref="Xls.XlsRecordPass.DuplicateCell"/>).
    /// </summary>
    public void SetMissingSharedString(int column, long index, long count)
    {
        if (_missingColumn < 0)
        {
            _missingColumn = column;
            _missingIndex = index;
            _missingCount = count;
        }

        _errorWidth = Math.Max(_errorWidth, column + 1);
    }

    /// <summary>Gets the first cell too long of the row, as a header cell's error message, or <see langword="null"/>.</summary>
    public string? DescribeTooLongHeader() => _tooLongColumn < 0
        ? null
        : _rowTooLong
            ? ExcelMessages.Format(ui, ExcelMessages.HeaderRowTooLong, _maxRowCharacters, CellReference.ColumnName(_tooLongColumn) + RowNumber.ToString(CultureInfo.InvariantCulture))
            : ExcelMessages.Format(ui, ExcelMessages.HeaderCellTooLong, CellReference.ColumnName(_tooLongColumn) + RowNumber.ToString(CultureInfo.InvariantCulture), _tooLongLength, maxCellLength);

    /// <summary>Gets the first cell of the row whose shared string is missing, as a header cell's error message, or <see langword="null"/>.</summary>
    public string? DescribeMissingSharedStringHeader() => _missingColumn < 0
        ? null
        : _missingIndex switch
        {
            Xls.XlsRecordPass.UnreadCell => ExcelMessages.Format(ui, ExcelMessages.HeaderCellUnread, MissingCell),
            Xls.XlsRecordPass.DuplicateCell => ExcelMessages.Format(ui, ExcelMessages.HeaderCellGivenTwice, MissingCell),
            _ => ExcelMessages.Format(ui, ExcelMessages.HeaderSharedStringMissing, MissingCell, _missingIndex + 1, _missingCount),
        };

    private string MissingCell => CellReference.ColumnName(_missingColumn) + RowNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets the first cell of the row given twice, as a header cell's error message, or <see langword="null"/>.</summary>
    public string? DescribeDuplicateHeader() => _duplicateColumn < 0
        ? null
        : ExcelMessages.Format(ui, ExcelMessages.HeaderCellTwice, CellReference.ColumnName(_duplicateColumn) + RowNumber.ToString(CultureInfo.InvariantCulture), Quote(_duplicateFirst), Quote(_duplicateSecond ?? string.Empty));

    /// <summary>Describes the problem of the row: a cell whose shared string is missing, else a cell too long, else its Excel errors; <see langword="null"/> when it has none.</summary>
    public ReadProblem? DescribeProblem()
    {
        if (_missingColumn >= 0)
        {
            var cell = CellReference.ColumnName(_missingColumn) + RowNumber.ToString(CultureInfo.InvariantCulture);
            var message = _missingIndex switch
            {
                Xls.XlsRecordPass.UnreadCell => ExcelMessages.Format(ui, ExcelMessages.CellUnread, cell),
                Xls.XlsRecordPass.DuplicateCell => ExcelMessages.Format(ui, ExcelMessages.CellGivenTwice, cell),
                _ => ExcelMessages.Format(ui, ExcelMessages.SharedStringMissing, cell, _missingIndex + 1, _missingCount),
            };
            return new ReadProblem(IssueCodes.MalformedRow, message)
            {
                Column = _missingColumn,
            };
        }

        if (_tooLongColumn >= 0)
        {
            var cell = CellReference.ColumnName(_tooLongColumn) + RowNumber.ToString(CultureInfo.InvariantCulture);
            var start = _tooLongStart.Length > QuotedLength ? _tooLongStart[..QuotedLength] : _tooLongStart;
            var message = _rowTooLong
                ? ExcelMessages.Format(ui, ExcelMessages.RowTooLong, _maxRowCharacters, cell)
                : ExcelMessages.Format(ui, ExcelMessages.CellTooLong, cell, _tooLongLength, maxCellLength);
            return new ReadProblem(IssueCodes.TooLong, message)
            {
                Column = _tooLongColumn,
                Value = _tooLongLength > start.Length ? start + "…" : start,
            };
        }

        if (_duplicateColumn >= 0)
        {
            var cell = CellReference.ColumnName(_duplicateColumn) + RowNumber.ToString(CultureInfo.InvariantCulture);
            var first = Quote(_duplicateFirst);
            return new ReadProblem(IssueCodes.MalformedRow, ExcelMessages.Format(ui, ExcelMessages.DuplicateCell, cell, first, Quote(_duplicateSecond ?? string.Empty)))
            {
                Column = _duplicateColumn,
                Value = first,
            };
        }

        if (_errors is not { Count: > 0 } errors)
        {
            return null;
        }

        var columns = new int[errors.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = errors[i].Column;
        }

        return new ReadProblem(IssueCodes.CellError, DescribeErrors()!) { Column = errors[0].Column, Value = errors[0].Error, Columns = columns };
    }

    private int Held(int column) => column >= 0 && column < _valueWidth && _cells[column] is { } held ? held.Length : 0;

    private void PastRow(int column, long length, string start)
    {
        if (_tooLongColumn < 0)
        {
            _tooLongColumn = column;
            _tooLongLength = length;
            _tooLongStart = start;
            _rowTooLong = true;
        }

        _errorWidth = Math.Max(_errorWidth, column + 1);
    }

    private static string Quote(string text) => text.Length > QuotedLength ? text[..QuotedLength] + "…" : text;

    public string Get(int column) => column < _valueWidth ? _cells[column] ?? string.Empty : string.Empty;

    /// <summary>Describes the Excel errors of the row, or <see langword="null"/>.</summary>
    public string? DescribeErrors()
    {
        if (_errors is not { Count: > 0 } errors)
        {
            return null;
        }

        var row = RowNumber.ToString(CultureInfo.InvariantCulture);
        if (errors.Count == 1)
        {
            return ExcelMessages.Format(ui, ExcelMessages.CellError, CellReference.ColumnName(errors[0].Column) + row, errors[0].Error);
        }

        var list = string.Join(", ", errors.Select(e => $"{CellReference.ColumnName(e.Column)}{row} ({e.Error})"));
        return ExcelMessages.Format(ui, ExcelMessages.CellErrors, list);
    }
}
