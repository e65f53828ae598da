using System.Globalization;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Reading;

/// <summary>
/// The shared strings of an XLSX/XLSB, the only part of a workbook held in memory: limited in number
/// (<see cref="ExcelReaderOptions.MaxSharedStrings"/>) and in characters (<see cref="ExcelReaderOptions.MaxSharedStringCharacters"/>),
/// checked before each string is added so the table never grows past them. A string longer than
/// <see cref="ReaderOptions.MaxCellLength"/> is kept as its start only: a cell referring to it gets a <c>too_long</c> row problem.
/// </summary>
internal sealed class SharedStringTable(int maxCount, long maxCharacters, CultureInfo ui)
{
    private readonly List<string> _strings = [];
    private Dictionary<int, long>? _tooLong;
    private long _characters;

    public int Count => _strings.Count;

    /// <summary>Sets the capacity from the part's declared count (untrusted: capped).</summary>
    public void Expect(int count) => _strings.Capacity = Math.Min(Math.Min(count, maxCount), 1 << 20);

    public void Add(string text)
    {
        CheckRoom(text.Length);
        _characters += text.Length;
        _strings.Add(text);
    }

    /// <summary>Adds a string longer than the cell limit, kept as <paramref name="start"/> with its real <paramref name="length"/>.</summary>
    public void AddTooLong(string start, long length)
    {
        CheckRoom(start.Length);
        (_tooLong ??= [])[_strings.Count] = length;
        _characters += start.Length;
        _strings.Add(start);
    }

    /// <summary>Sets the cell <paramref name="column"/> of <paramref name="row"/> to the string at <paramref name="index"/>.</summary>
    public void SetCell(RowBuffer row, int column, uint index, ReadOnlySpan<char> reference)
    {
        if (index >= (uint)_strings.Count)
        {
            var cell = CellText(column, row.RowNumber);
            ExcelThrow.Damaged(ui, ExcelMessages.Format(ui, ExcelMessages.MissingSharedString, cell, reference.ToString()), row.RowNumber);
        }

        var text = _strings[(int)index];
        if (_tooLong is not null && _tooLong.TryGetValue((int)index, out var length))
        {
            row.SetTooLong(column, length, text);
            return;
        }

        row.Set(column, text);
    }

    private static string CellText(int column, int row) =>
        (column is >= 0 and < Cells.CellReference.MaxColumns ? Cells.CellReference.ColumnName(column) : "?") + row.ToString(CultureInfo.InvariantCulture);

    private void CheckRoom(int length)
    {
        if (_strings.Count >= maxCount)
        {
            ExcelThrow.TooManySharedStrings(ui, maxCount);
        }

        if (_characters + length > maxCharacters)
        {
            ExcelThrow.TooManySharedStringCharacters(ui, maxCharacters);
        }
    }
}
