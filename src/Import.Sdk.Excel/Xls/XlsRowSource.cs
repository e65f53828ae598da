using System.Globalization;
using ExcelDataReader;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Streams the rows of an XLS sheet through ExcelDataReader, which returns every row from the first one (empty rows
/// included), so the count of rows read is the sheet's row number. Values become text exactly as in XLSX: ExcelDataReader
/// already turns date-formatted numbers into <see cref="DateTime"/> (1900/1904 systems handled) and <c>[h]</c> durations
/// into <see cref="TimeSpan"/>; the cell's number format then tells a time alone from a date.
/// ExcelDataReader 3.6 does not expose cell errors (it reads them as empty): <paramref name="errors"/>, found by
/// <see cref="XlsErrorCells"/> (by 0-based row), puts them back as in every format; rows of error cells after ExcelDataReader's
/// last row are read too.
/// </summary>
internal sealed class XlsRowSource(IExcelDataReader reader, Stream counted, int maxCellLength, Dictionary<int, List<(int Column, string Error)>>? errors) : IRowSource
{
    private int _row;
    private bool _readerEnded;

    public long BytesRead => counted.CanSeek ? counted.Position : 0;

    public bool TryReadRow(RowBuffer row)
    {
        if (_readerEnded || !reader.Read())
        {
            _readerEnded = true;
            return TryReadErrorRow(row);
        }

        row.Clear();
        row.RowNumber = ++_row;
        ReadCells(row);
        if (errors is not null && errors.Remove(_row - 1, out var cells))
        {
            foreach (var (column, error) in cells)
            {
                row.SetError(column, error);
            }
        }

        return true;
    }

    /// <summary>Past ExcelDataReader's last row: the next row holding only error cells, if any.</summary>
    private bool TryReadErrorRow(RowBuffer row)
    {
        if (errors is not { Count: > 0 })
        {
            return false;
        }

        var next = errors.Keys.Min();
        var cells = errors[next];
        errors.Remove(next);
        row.Clear();
        _row = Math.Max(_row, next + 1);
        row.RowNumber = _row;
        foreach (var (column, error) in cells)
        {
            row.SetError(column, error);
        }

        return true;
    }

    private void ReadCells(RowBuffer row)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            if (value is null)
            {
                continue;
            }

            if (value is string { Length: var length } text && length > maxCellLength)
            {
                // ExcelDataReader has already read it (an XLS string is at most 65,535 characters): it is not passed on
                row.SetTooLong(i, length, text[..Math.Min(length, RowBuffer.QuotedLength)]);
                continue;
            }

            row.Set(i, value switch
            {
                string s => s,
                double d => CellText.Number(d),
                int n => n.ToString(CultureInfo.InvariantCulture),
                bool b => CellText.Boolean(b),
                DateTime dt => CellText.FromDateTime(dt, NumberFormats.Classify(reader.GetNumberFormatIndex(i), reader.GetNumberFormatString(i))),
                TimeSpan ts => CellText.Elapsed(ts),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            });
        }
    }

    public void Dispose() => reader.Dispose();
}
