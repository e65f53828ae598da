using System.Globalization;
using System.Runtime.ExceptionServices;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Packaging;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Xlsb;

/// <summary>
/// Streams the rows of an XLSB worksheet: BrtRowHdr starts a row (0-based row index), the cell records that follow
/// fill it at their column; reading stops at BrtEndSheetData. Cells read exactly as in XLSX (same <see cref="CellText"/>).
/// </summary>
internal sealed class XlsbRowSource(BudgetedStream stream, long declaredLength, long fileLength, SharedStringTable sharedStrings, NumberFormatKind[] formats, bool date1904, int maxCellLength) : IRowSource
{
    /// <summary>The number of rows of an Excel sheet.</summary>
    private const uint MaxRows = 1 << 20;

    private readonly BiffRecordReader _reader = new(stream);
    private bool _inSheetData;
    private bool _done;
    private int _pendingRow = -1;
    private ExceptionDispatchInfo? _failure;

    public long BytesRead => fileLength > 0 && declaredLength > 0
        ? (long)(fileLength * Math.Min(1.0, (double)stream.BytesRead / declaredLength))
        : stream.BytesRead;

    public bool TryReadRow(RowBuffer row)
    {
        _failure?.Throw();
        if (_pendingRow < 0 && !MoveToNextRow())
        {
            return false;
        }

        row.Clear();
        row.RowNumber = _pendingRow;
        _pendingRow = -1;
        while (true)
        {
            try
            {
                if (!_reader.Read())
                {
                    break;
                }
            }
            catch (WorkbookRecordException ex) when (ex.RecordType is XlsbRecords.RowHdr or XlsbRecords.EndSheetData)
            {
                // the next row (or the end of the sheet data) had begun: this row is whole, it is returned before the failure
                _failure = ExceptionDispatchInfo.Capture(ex);
                _done = true;
                return true;
            }

            var type = _reader.Type;
            if (type == XlsbRecords.RowHdr)
            {
                int next;
                try
                {
                    next = RowNumber(_reader.Data);
                }
                catch (WorkbookRecordException ex)
                {
                    // this row is whole: it is returned, the failure is thrown by the next call
                    _failure = ExceptionDispatchInfo.Capture(ex);
                    _done = true;
                    return true;
                }

                if (next != row.RowNumber)
                {
                    _pendingRow = next;
                    return true;
                }

                continue; // the same row again: merge
            }

            if (type == XlsbRecords.EndSheetData)
            {
                _done = true;
                return true;
            }

            ReadCell(type, row);
        }

        // the part ends inside the sheet data (no BrtEndSheetData): the file is cut short, maybe in this very row
        throw new EndOfStreamException("the sheet data has no end");
    }

    public void Dispose() => _reader.Dispose();

    private bool MoveToNextRow()
    {
        while (!_done && _reader.Read())
        {
            switch (_reader.Type)
            {
                case XlsbRecords.BeginSheetData:
                    _inSheetData = true;
                    break;
                case XlsbRecords.EndSheetData:
                    _done = true;
                    break;
                case XlsbRecords.RowHdr when _inSheetData:
                    _pendingRow = RowNumber(_reader.Data);
                    return true;
                case var type when _inSheetData && IsCell(type):
                    throw new WorkbookRecordException("a cell before any row"); // never silently skipped
            }
        }

        if (!_done && _inSheetData)
        {
            throw new EndOfStreamException("the sheet data has no end"); // cut short between two rows
        }

        _done = true;
        return false;
    }

    /// <summary>
    /// The 1-based row number of a BrtRowHdr. A row index past Excel's last row (1,048,576 rows) is a damaged record: read as a
    /// negative number it once looked like "no row pending", and the cells of that row were skipped.
    /// </summary>
    private static int RowNumber(ReadOnlySpan<byte> data)
    {
        var index = BiffRecordReader.UInt32(data, 0);
        return index < MaxRows ? (int)index + 1 : throw new WorkbookRecordException("a row index beyond the last Excel row");
    }

    private static bool IsCell(int type) => type is (>= XlsbRecords.CellBlank and <= XlsbRecords.FmlaError) or XlsbRecords.CellRString;

    private void ReadCell(int type, RowBuffer row)
    {
        if (!IsCell(type))
        {
            return;
        }

        var data = _reader.Data;
        var column = BiffRecordReader.UInt32(data, 0);
        var style = (int)(BiffRecordReader.UInt32(data, 4) & 0xFFFFFF);
        var col = column >= CellReference.MaxColumns ? int.MaxValue : (int)column;
        var offset = 8;
        switch (type)
        {
            case XlsbRecords.CellBlank:
                row.Set(col, null);
                break;
            case XlsbRecords.CellRk:
                row.Set(col, Number(BiffRecordReader.RkNumber(BiffRecordReader.UInt32(data, 8)), style));
                break;
            case XlsbRecords.CellReal or XlsbRecords.FmlaNum:
                row.Set(col, Number(BiffRecordReader.Double(data, 8), style));
                break;
            case XlsbRecords.CellBool or XlsbRecords.FmlaBool:
                row.Set(col, CellText.Boolean(BiffRecordReader.Byte(data, 8) != 0));
                break;
            case XlsbRecords.CellError or XlsbRecords.FmlaError:
                row.SetError(col, XlsbRecords.ErrorText(BiffRecordReader.Byte(data, 8)));
                break;
            case XlsbRecords.CellSt or XlsbRecords.FmlaString:
                Text(row, col, data, offset);
                break;
            case XlsbRecords.CellRString:
                Text(row, col, data, 9);
                break;
            case XlsbRecords.CellIsst:
                var index = BiffRecordReader.UInt32(data, 8);
                sharedStrings.SetCell(row, col, index, index.ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Sets a text cell; one longer than the limit, or than the row's room, is not decoded (its start only, for the row problem).</summary>
    private void Text(RowBuffer row, int column, ReadOnlySpan<byte> data, int offset)
    {
        var length = BiffRecordReader.WideStringLength(data, offset);
        if (length > maxCellLength)
        {
            row.SetTooLong(column, length, BiffRecordReader.WideStringStart(data, offset, RowBuffer.QuotedLength));
            return;
        }

        if (length > row.Room(column))
        {
            row.SetPastRow(column, length, BiffRecordReader.WideStringStart(data, offset, RowBuffer.QuotedLength)); // never decoded whole
            return;
        }

        row.Set(column, BiffRecordReader.WideString(data, ref offset));
    }

    private string Number(double value, int style)
    {
        var kind = (uint)style < (uint)formats.Length ? formats[style] : NumberFormatKind.Number;
        if (kind != NumberFormatKind.Number && CellText.Serial(value, date1904, kind) is { } date)
        {
            return date;
        }

        return CellText.Number(value);
    }
}
