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
/// ExcelDataReader 3.6 does not expose cell errors: an XLS error cell reads as empty, without a row problem.
/// </summary>
internal sealed class XlsRowSource(IExcelDataReader reader, Stream counted, int maxCellLength) : IRowSource
{
    private readonly XlsNumberCell _numbers = new(reader, XlsNumberCell.IsDate1904(reader));
    private int _row;

    public long BytesRead => counted.CanSeek ? counted.Position : 0;

    public bool TryReadRow(RowBuffer row)
    {
        if (!reader.Read())
        {
            return false;
        }

        row.Clear();
        row.RowNumber = ++_row;
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
                double d => _numbers.Text(d, i),
                int n => n.ToString(CultureInfo.InvariantCulture),
                bool b => CellText.Boolean(b),
                DateTime dt => CellText.FromDateTime(dt, NumberFormats.Classify(reader.GetNumberFormatIndex(i), reader.GetNumberFormatString(i))),
                TimeSpan ts => CellText.Elapsed(ts),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            });
        }

        return true;
    }

    public void Dispose() => reader.Dispose();
}
