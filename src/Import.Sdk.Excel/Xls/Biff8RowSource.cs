using Import.Sdk.Excel.Reading;
using static Import.Sdk.Excel.Xls.Biff8Records;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Streams the rows of a BIFF8 worksheet with our own record reader (a sheet <see cref="Biff8SheetScan"/> found in row order):
/// every row from the first one, empty rows included, as ExcelDataReader returns them, so the count of rows read is the
/// sheet's row number. A row's cell records are gathered (<see cref="Biff8RowCells"/>) up to the first record of a later row,
/// which is held for the next call. Values: NUMBER, RK, MULRK, LABEL, RSTRING, LABELSST (shared strings), BOOLERR (a boolean
/// or an error), FORMULA (its cached number, boolean, error or empty text; a text in the STRING record after it, which the
/// ExcelDataReader path reads as empty when an ARRAY or TABLE record comes between); BLANK and MULBLANK make a row but no value.
/// </summary>
internal sealed class Biff8RowSource(CompoundStream book, long offset, Biff8RowCells cells, int maxCellLength, IDisposable? owned = null) : IRowSource
{
    private readonly XlsRecordReader _records = new(book, offset);
    private readonly byte[] _data = new byte[MaxBody];
    private bool _started;
    private bool _ended;
    private bool _held; // the record in _data is the first of the next row
    private ushort _heldType;
    private int _heldSize;
    private int _row;

    // a FORMULA whose cached result is text, its STRING record to come
    private int _formulaColumn = -1;
    private bool _direct; // ExcelDataReader reads the STRING: it follows the FORMULA, or one SHRFMLA between
    private bool _sharedSeen;
    private bool _between; // an ARRAY or TABLE record came between: the record pass puts the text back

    public long BytesRead => _records.Position;

    public bool TryReadRow(RowBuffer row)
    {
        if (!cells.HasRow && !_ended)
        {
            Fill();
        }

        if (!cells.HasRow)
        {
            return false;
        }

        row.Clear();
        row.RowNumber = ++_row;
        if (cells.Row >= _row)
        {
            return true; // a row without records before the next one that has some
        }

        cells.Flush(row, maxCellLength);
        return true;
    }

    public void Dispose()
    {
        // the stream belongs to the reader (or to the probe's caller); the shared strings to the chosen sheet's rows
        owned?.Dispose();
    }

    /// <summary>Reads records up to the first cell of a row after the one gathered, or to the sheet's end.</summary>
    private void Fill()
    {
        if (!_started)
        {
            _started = true;
            _records.Next(_data, out _, out _); // the sheet's BOF
        }

        while (true)
        {
            ushort type;
            int size;
            if (_held)
            {
                (type, size, _held) = (_heldType, _heldSize, false);
            }
            else if (!_records.Next(_data, out type, out size) || type == Eof)
            {
                _ended = true;
                return;
            }

            if (IsCell(type))
            {
                var row = U16(_data, 0);
                if (cells.HasRow && row != cells.Row)
                {
                    (_held, _heldType, _heldSize) = (true, type, size);
                    return;
                }

                if (!cells.HasRow)
                {
                    cells.Start(row);
                }

                Cell(type, size);
            }
            else if (_formulaColumn >= 0)
            {
                AfterFormula(type, size);
            }
        }
    }

    private void Cell(ushort type, int size)
    {
        var data = _data.AsSpan(0, size);
        int column = U16(data, 2);
        int xf = U16(data, 4);
        switch (type)
        {
            case Number:
                cells.Number(column, F64(data, 6), xf);
                break;
            case Rk:
                cells.Number(column, RkNumber(U32(data, 6)), xf);
                break;
            case MulRk:
                for (var at = 4; at + 6 <= size - 2; at += 6)
                {
                    cells.Number(column++, RkNumber(U32(data, at + 2)), U16(data, at));
                }

                break;
            case Label or RString:
                cells.Text(column, ReadString(data, 6));
                break;
            case LabelSst:
                var index = U32(data, 6);
                if (index < cells.SharedStringCount)
                {
                    cells.Shared(column, index);
                }
                else
                {
                    cells.Text(column, string.Empty); // ExcelDataReader reads it as empty; the record pass names it
                    cells.Missing(column, index);
                }

                break;
            case BoolErr when data[7] == 0:
                cells.Boolean(column, data[6] != 0);
                break;
            case BoolErr when data[7] == 1:
                cells.Error(column, data[6]);
                break;
            case FormulaRecord:
                Formula(data, column, xf);
                break;
        }
    }

    private void Formula(ReadOnlySpan<byte> data, int column, int xf)
    {
        if (U16(data, 12) != 0xFFFF)
        {
            cells.Number(column, F64(data, 6), xf);
            return;
        }

        switch (data[6])
        {
            case 0:
                (_formulaColumn, _direct, _sharedSeen, _between) = (column, true, false, false);
                break;
            case 1:
                cells.Boolean(column, data[8] != 0);
                break;
            case 2:
                cells.Error(column, data[8]);
                break;
            case 3:
                cells.Text(column, string.Empty);
                break;
        }
    }

    /// <summary>A record between a FORMULA with a text result and its STRING record, or that STRING record.</summary>
    private void AfterFormula(ushort type, int size)
    {
        switch (type)
        {
            case StringRecord:
                var text = ReadString(_data.AsSpan(0, size), 0);
                if (_direct)
                {
                    cells.Text(_formulaColumn, text);
                }
                else if (_between && text.Length > 0)
                {
                    cells.ArrayText(_formulaColumn, text);
                }

                _formulaColumn = -1;
                break;
            case SharedFormula:
                _direct &= !_sharedSeen; // ExcelDataReader skips one SHRFMLA only
                _sharedSeen = true;
                break;
            case ArrayRecord or TableRecord:
                _direct = false;
                _between = true;
                break;
        }
    }
}
