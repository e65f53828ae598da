using System.Reflection;
using ExcelDataReader;
using Import.Sdk.Excel.Cells;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// The text of an XLS number cell that ExcelDataReader left as a number, by the same rule as XLSX and XLSB
/// (<see cref="NumberFormats.Classify"/>): ExcelDataReader 3.6 knows no built-in format outside 0–49, so a number in one of the
/// East Asian date formats (27–36, 50–58) came out as a plain number where XLSX gives a date. The kind of each format id is
/// worked out once per workbook; a cell then costs a format lookup and a dictionary read.
/// </summary>
internal sealed class XlsNumberCell(IExcelDataReader reader, bool? date1904)
{
    private readonly Dictionary<int, NumberFormatKind> _kinds = [];

    /// <summary>Gets whether the workbook counts dates from 1904, or <see langword="null"/> when that is unknown (see <see cref="IsDate1904"/>).</summary>
    public bool? Date1904 => date1904;

    /// <summary>The text of the number <paramref name="value"/> in column <paramref name="column"/> of the current row.</summary>
    public string Text(double value, int column)
    {
        if (date1904 is not { } system)
        {
            return CellText.Number(value); // the date system is unknown: a serial is left as the number it is
        }

        var id = reader.GetNumberFormatIndex(column);
        if (!_kinds.TryGetValue(id, out var kind))
        {
            kind = NumberFormats.Classify(id, reader.GetNumberFormatString(column));
            _kinds[id] = kind;
        }

        return kind != NumberFormatKind.Number && CellText.Serial(value, system, kind) is { } date ? date : CellText.Number(value);
    }

    /// <summary>
    /// Whether the workbook counts dates from 1904 (its DATEMODE record), as ExcelDataReader read it: 3.6 does not publish it,
    /// so it is read from its workbook object once per file; <see langword="null"/> when that cannot be done (another version).
    /// </summary>
    public static bool? IsDate1904(IExcelDataReader reader)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        try
        {
            var workbook = reader.GetType().GetProperty("Workbook", Flags)?.GetValue(reader);
            return workbook?.GetType().GetProperty("IsDate1904", Flags)?.GetValue(workbook) as bool?;
        }
        catch (Exception ex) when (ex is TargetInvocationException or MemberAccessException or AmbiguousMatchException)
        {
            return null;
        }
    }
}
