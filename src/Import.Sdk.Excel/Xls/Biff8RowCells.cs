using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Reading;
using Import.Sdk.Excel.Xlsb;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// The cells of one BIFF8 row as its records give them, held until the row is complete and then written to the
/// <see cref="RowBuffer"/> in the order and with the texts of the ExcelDataReader path (<see cref="XlsRowSource"/>): the
/// values ExcelDataReader reads (by column, only those within its field count), then the cached texts of array and
/// data-table formulas, the error cells, the cells whose shared string is past the table, and the NaN numbers. Numbers become
/// text only then, as they do there, so a cell whose text cannot be made stops the reading at the same row. Memory grows with
/// the widest row.
/// </summary>
internal sealed class Biff8RowCells(Biff8Workbook book, int fieldCount)
{
    private readonly List<Value> _values = [];
    private readonly List<(int Column, string Text)> _texts = [];
    private readonly List<(int Column, byte Code)> _errors = [];
    private readonly List<(int Column, long Index)> _missing = [];
    private readonly List<(int Column, int Xf)> _notANumber = [];

    private enum Kind : byte
    {
        Number,
        Text,
        Shared,
        Boolean,
    }

    /// <summary>Gets the 0-based row held, when <see cref="HasRow"/>.</summary>
    public int Row { get; private set; }

    /// <summary>Gets whether a row is held (possibly without any value: a row of blank cells).</summary>
    public bool HasRow { get; private set; }

    /// <summary>Gets the number of strings in the workbook's shared-string table.</summary>
    public int SharedStringCount => book.SharedStrings.Count;

    public void Start(int row)
    {
        Row = row;
        HasRow = true;
    }

    public void Number(int column, double value, int xf)
    {
        if (column < fieldCount)
        {
            _values.Add(new Value(column, Kind.Number, value, xf, null));
        }
    }

    public void Text(int column, string text)
    {
        if (column < fieldCount)
        {
            _values.Add(new Value(column, Kind.Text, 0, 0, text));
        }
    }

    public void Shared(int column, uint index)
    {
        if (column < fieldCount)
        {
            _values.Add(new Value(column, Kind.Shared, index, 0, null));
        }
    }

    public void Boolean(int column, bool value)
    {
        if (column < fieldCount)
        {
            _values.Add(new Value(column, Kind.Boolean, value ? 1 : 0, 0, null));
        }
    }

    /// <summary>The cached text of an array or data-table formula, which ExcelDataReader reads as empty.</summary>
    public void ArrayText(int column, string text) => _texts.Add((column, text));

    public void Error(int column, byte code) => _errors.Add((column, code));

    /// <summary>A LABELSST cell whose index is past the table's end.</summary>
    public void Missing(int column, long index) => _missing.Add((column, index));

    /// <summary>Writes the row held into <paramref name="row"/> (cleared, numbered) and lets it go.</summary>
    public void Flush(RowBuffer row, int maxCellLength)
    {
        if (!IsSorted(_values))
        {
            _values.Sort(static (a, b) => a.Column.CompareTo(b.Column));
        }

        foreach (var value in _values)
        {
            switch (value.Kind)
            {
                case Kind.Text when value.Text!.Length > maxCellLength:
                    row.SetTooLong(value.Column, value.Text.Length, value.Text[..Math.Min(value.Text.Length, RowBuffer.QuotedLength)]);
                    break;
                case Kind.Text:
                    row.Set(value.Column, value.Text);
                    break;
                case Kind.Shared:
                    book.SharedStrings.SetCell(row, value.Column, (uint)value.Number, []);
                    break;
                case Kind.Boolean:
                    row.Set(value.Column, CellText.Boolean(value.Number != 0));
                    break;
                case Kind.Number when double.IsNaN(value.Number):
                    _notANumber.Add((value.Column, value.Xf));
                    break;
                default:
                    row.Set(value.Column, book.NumberText(value.Number, value.Xf));
                    break;
            }
        }

        if (_texts.Count > 0)
        {
            _texts.Sort(static (a, b) => a.Column.CompareTo(b.Column));
            foreach (var (column, text) in _texts)
            {
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

        if (_errors.Count > 0)
        {
            _errors.Sort();
            foreach (var (column, code) in _errors)
            {
                row.SetError(column, XlsbRecords.ErrorText(code));
            }
        }

        if (_missing.Count > 0)
        {
            _missing.Sort(static (a, b) => a.Column.CompareTo(b.Column));
            foreach (var (column, index) in _missing)
            {
                row.SetMissingSharedString(column, index, book.DeclaredSharedStrings);
            }
        }

        foreach (var (column, xf) in _notANumber)
        {
            row.Set(column, book.NumberText(double.NaN, xf)); // a cell is given once: no text or error claimed it
        }

        _values.Clear();
        _texts.Clear();
        _errors.Clear();
        _missing.Clear();
        _notANumber.Clear();
        HasRow = false;
    }

    private static bool IsSorted(List<Value> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i].Column < values[i - 1].Column)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A value as ExcelDataReader reads it: a number (with its XF), a text, a shared string's index, a boolean.</summary>
    private readonly record struct Value(int Column, Kind Kind, double Number, int Xf, string? Text);
}
