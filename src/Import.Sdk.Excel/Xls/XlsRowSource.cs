using System.Globalization;
using ExcelDataReader;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Streams the rows of an XLS sheet through ExcelDataReader, which returns every row from the first one (empty rows
/// included), so the count of rows read is the sheet's row number. Values become text exactly as in XLSX: ExcelDataReader
/// already turns date-formatted numbers into <see cref="DateTime"/> (1900/1904 systems handled) and <c>[h]</c> durations
/// into <see cref="TimeSpan"/>; the cell's number format then tells a time alone from a date. A number it left as a number
/// whose format is a date by the rule of XLSX (the East Asian built-in formats) is a date too (<see cref="XlsNumberCell"/>).
/// ExcelDataReader 3.6 does not expose cell errors (it reads them as empty): <paramref name="errors"/>, found by
/// <see cref="XlsRecordPass"/> (packed, sorted by row), puts them back as in every format; rows of error cells after
/// ExcelDataReader's last row are read too. The cached text of an array or data-table formula, which ExcelDataReader reads
/// as empty, is put back from the same pass, which also names the cells whose shared string is past the end of the table
/// (read as empty by ExcelDataReader): their row gets a <c>malformed_row</c> problem.
/// </summary>
internal sealed class XlsRowSource(IExcelDataReader reader, Stream counted, int maxCellLength, XlsSheetCells? errors) : IRowSource
{
    private readonly long[]? _errors = errors?.Errors;
    private readonly (long Cell, string Text)[]? _texts = errors?.Texts is { Length: > 0 } t ? t : null;
    private int _nextText;
    private readonly (long Cell, long Index)[]? _missing = errors?.MissingTexts is { Length: > 0 } m ? m : null;
    private readonly long _sharedStrings = errors?.SharedStrings ?? 0;
    private int _nextMissing;
    private static readonly DateTime FirstDate1900 = new(1899, 12, 31); // serial 0 in the 1900 system

    private readonly XlsNumberCell _numbers = new(reader, XlsNumberCell.IsDate1904(reader));
    private readonly List<int> _notANumber = []; // this row's cells ExcelDataReader read as NaN
    private readonly List<int> _claimed = []; // this row's cells the record pass gave a text or an error
    private int _row;
    private int _nextError;
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
        _claimed.Clear();
        ReadCells(row);
        if (_texts is not null)
        {
            AddTexts(row, _row - 1);
        }

        if (_errors is not null)
        {
            AddErrors(row, _row - 1);
        }

        if (_missing is not null)
        {
            AddMissingTexts(row, _row - 1);
        }

        if (_notANumber.Count > 0)
        {
            AddNotANumbers(row);
        }

        return true;
    }

    /// <summary>
    /// The cells ExcelDataReader read as NaN, which Excel never stores: in BIFF2 it reads every formula's cached result as a
    /// number, and the record pass gave those cells their text, boolean or error. A NaN the pass did not claim keeps its text
    /// ("NaN"), which no number field accepts: the row is rejected naming the value, not silently emptied.
    /// </summary>
    private void AddNotANumbers(RowBuffer row)
    {
        foreach (var column in _notANumber)
        {
            if (!_claimed.Contains(column))
            {
                row.Set(column, _numbers.Text(double.NaN, column));
            }
        }

        _notANumber.Clear();
    }

    /// <summary>Marks the cells of the 0-based row <paramref name="index"/> whose shared string is past the table's end.</summary>
    private void AddMissingTexts(RowBuffer row, int index)
    {
        var all = _missing!;
        while (_nextMissing < all.Length && XlsRecordPass.Row(all[_nextMissing].Cell) <= index)
        {
            var (cell, text) = all[_nextMissing++];
            if (XlsRecordPass.Row(cell) == index)
            {
                row.SetMissingSharedString(XlsRecordPass.Column(cell), text, _sharedStrings);
            }
        }
    }

    /// <summary>Past ExcelDataReader's last row: the next row holding only error cells, if any.</summary>
    private bool TryReadErrorRow(RowBuffer row)
    {
        if (_errors is null || _nextError >= _errors.Length)
        {
            return false;
        }

        var next = XlsRecordPass.Row(_errors[_nextError]);
        row.Clear();
        _row = Math.Max(_row + 1, next + 1);
        row.RowNumber = _row;
        AddErrors(row, _row - 1);
        return true;
    }

    /// <summary>Sets the error cells of the 0-based row <paramref name="index"/> (rows are read in order).</summary>
    private void AddErrors(RowBuffer row, int index)
    {
        var all = _errors!;
        while (_nextError < all.Length && XlsRecordPass.Row(all[_nextError]) <= index)
        {
            var cell = all[_nextError++];
            if (XlsRecordPass.Row(cell) == index)
            {
                row.SetError(XlsRecordPass.Column(cell), XlsRecordPass.Error(cell));
                _claimed.Add(XlsRecordPass.Column(cell));
            }
        }
    }

    /// <summary>Sets the cached formula texts of the 0-based row <paramref name="index"/> that ExcelDataReader left empty.</summary>
    private void AddTexts(RowBuffer row, int index)
    {
        var all = _texts!;
        while (_nextText < all.Length && XlsRecordPass.Row(all[_nextText].Cell) <= index)
        {
            var (cell, text) = all[_nextText++];
            var column = XlsRecordPass.Column(cell);
            if (XlsRecordPass.Row(cell) != index)
            {
                continue;
            }

            _claimed.Add(column);
            if (row.Get(column).Length > 0)
            {
                continue;
            }

            if (text.Length > maxCellLength)
            {
                row.SetTooLong(column, text.Length, text[..Math.Min(text.Length, RowBuffer.QuotedLength)]);
            }
            else
            {
                row.Set(column, text);
            }
        }
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

            if (value is double number && double.IsNaN(number))
            {
                _notANumber.Add(i); // see AddNotANumbers
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
                double d => _numbers.Text(d, i),
                int n => n.ToString(CultureInfo.InvariantCulture),
                bool b => CellText.Boolean(b),
                DateTime dt when dt < FirstDate1900 && _numbers.Date1904 == false => CellText.Number(NegativeSerial(dt)),
                DateTime dt => CellText.FromDateTime(dt, NumberFormats.Classify(reader.GetNumberFormatIndex(i), reader.GetNumberFormatString(i))),
                TimeSpan ts => CellText.Elapsed(ts),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            });
        }
    }

    public void Dispose() => reader.Dispose();

    /// <summary>
    /// The serial of a date before 1899-12-31, which ExcelDataReader makes of a negative number in a date format (1900 system):
    /// Excel shows no date for it (####), and XLSX and XLSB read it as the number it is, so XLS does too. A serial between -1
    /// and 0 lands on 1899-12-30 with the time of day of its fraction's absolute value (OLE Automation dates).
    /// </summary>
    internal static double NegativeSerial(DateTime value) =>
        value.Date == FirstDate1900.AddDays(-1) ? -value.TimeOfDay.TotalDays : value.ToOADate();
}
