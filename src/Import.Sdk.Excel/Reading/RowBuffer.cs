using System.Globalization;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Reading;

/// <summary>
/// The cells of one sheet row, placed at their column and reused from row to row (memory grows with the widest row,
/// never with the number of rows). Counts every cell of the sheet against <see cref="ExcelReaderOptions.MaxCells"/>.
/// </summary>
internal sealed class RowBuffer(long maxCells, CultureInfo ui)
{
    private string?[] _cells = new string?[32];
    private List<(int Column, string Error)>? _errors;
    private long _cellCount;

    private int _valueWidth;
    private int _errorWidth;

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
    }

    /// <summary>Sets a cell; an empty value clears it.</summary>
    public void Set(int column, string? value)
    {
        if (++_cellCount > maxCells)
        {
            ExcelThrow.TooManyCells(ui, maxCells, RowNumber);
        }

        if ((uint)column >= CellReference.MaxColumns)
        {
            ExcelThrow.Damaged(ui, ExcelMessages.Format(ui, ExcelMessages.ColumnOutOfRange, column == int.MaxValue ? "?" : (column + 1).ToString(CultureInfo.InvariantCulture)), RowNumber);
        }

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

    /// <summary>Records an Excel error value (#N/A, #DIV/0!…) in a cell: the cell reads as empty and the row gets a problem.</summary>
    public void SetError(int column, string error)
    {
        Set(column, null);
        (_errors ??= []).Add((column, string.IsNullOrEmpty(error) ? "#ERROR" : error));
        _errorWidth = Math.Max(_errorWidth, column + 1);
    }

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
