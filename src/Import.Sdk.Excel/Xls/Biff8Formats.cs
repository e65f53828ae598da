using ExcelDataReader.Core.NumberFormat;
using Import.Sdk.Excel.Cells;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// The number formats of a BIFF8 workbook as both XLS paths see them, by cell format (XF) index: what ExcelDataReader 3.6 makes
/// of a number in it (a date, a duration or a number: its own format parser, <see cref="NumberFormatString"/>, over its global
/// format table, where a FORMAT record equal to a built-in format or an earlier one shares its id) and the
/// <see cref="NumberFormatKind"/> our cell texts use (<see cref="NumberFormats.Classify"/> of that global id and format). Worked
/// out once per distinct format when the workbook is opened: a cell then costs an array read.
/// </summary>
internal sealed class Biff8Formats
{
    /// <summary>ExcelDataReader 3.6's built-in formats (<c>BuiltinNumberFormat</c>): ids 0–22 and 37–49.</summary>
    private static readonly string[] Builtins =
    [
        "General", "0", "0.00", "#,##0", "#,##0.00", "\"$\"#,##0_);(\"$\"#,##0)", "\"$\"#,##0_);[Red](\"$\"#,##0)",
        "\"$\"#,##0.00_);(\"$\"#,##0.00)", "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)", "0%", "0.00%", "0.00E+00", "# ?/?", "# ??/??",
        "d/m/yyyy", "d-mmm-yy", "d-mmm", "mmm-yy", "h:mm AM/PM", "h:mm:ss AM/PM", "h:mm", "h:mm:ss", "m/d/yy h:mm",
        "#,##0_);(#,##0)", "#,##0_);[Red](#,##0)", "#,##0.00_);(#,##0.00)", "#,##0.00_);[Red](#,##0.00)",
        "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)", "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
        "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)", "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
        "mm:ss", "[h]:mm:ss", "mm:ss.0", "##0.0E+0", "@",
    ];

    private readonly CellFormat[] _xfs;
    private readonly CellFormat _general;

    /// <param name="xfFormats">The format id of each XF record, in order.</param>
    /// <param name="formats">The FORMAT records (id, format), in file order, ids distinct.</param>
    public Biff8Formats(IReadOnlyList<int> xfFormats, IReadOnlyList<(int Id, string Code)> formats)
    {
        // ExcelDataReader's global table: the built-ins, then each FORMAT not equal to one before it, from id 164 on
        var table = new List<(int Id, string Code)>();
        for (var i = 0; i < Builtins.Length; i++)
        {
            table.Add((i <= 22 ? i : i + 14, Builtins[i]));
        }

        var mapping = new Dictionary<int, int>();
        var next = 164;
        foreach (var (id, code) in formats)
        {
            var same = table.FindIndex(f => string.Equals(f.Code, code, StringComparison.Ordinal));
            if (same >= 0)
            {
                mapping[id] = table[same].Id;
            }
            else
            {
                table.Add((next, code));
                mapping[id] = next++;
            }
        }

        var codes = table.ToDictionary(f => f.Id, f => f.Code);
        var byGlobal = new Dictionary<int, CellFormat>();
        CellFormat Of(int global)
        {
            if (!byGlobal.TryGetValue(global, out var format))
            {
                var code = codes.GetValueOrDefault(global);
                var parsed = code is null ? null : new NumberFormatString(code);
                var edr = parsed is null ? EdrKind.Number : parsed.IsDateTimeFormat ? EdrKind.Date : parsed.IsTimeSpanFormat ? EdrKind.Duration : EdrKind.Number;
                format = new CellFormat(edr, NumberFormats.Classify(global, code));
                byGlobal[global] = format;
            }

            return format;
        }

        _general = Of(0);
        _xfs = new CellFormat[xfFormats.Count];
        for (var i = 0; i < _xfs.Length; i++)
        {
            _xfs[i] = Of(mapping.TryGetValue(xfFormats[i], out var global) ? global : xfFormats[i]);
        }
    }

    /// <summary>What ExcelDataReader 3.6 makes of a number in a format.</summary>
    public enum EdrKind : byte
    {
        /// <summary>A number (<see cref="double"/>).</summary>
        Number,

        /// <summary>A <see cref="DateTime"/> (when the serial is in range).</summary>
        Date,

        /// <summary>A <see cref="TimeSpan"/> of that many days.</summary>
        Duration,
    }

    /// <summary>The format of the XF record <paramref name="xf"/> (General when there is no such record, as ExcelDataReader).</summary>
    public CellFormat Of(int xf) => (uint)xf < (uint)_xfs.Length ? _xfs[xf] : _general;

    /// <summary>A cell format: what ExcelDataReader makes of its numbers, and its kind for our cell texts.</summary>
    internal readonly record struct CellFormat(EdrKind Edr, NumberFormatKind Kind);
}
