using System.Globalization;

namespace Import.Sdk.Excel.Cells;

/// <summary>
/// The cell text contract shared by the XLSX, XLSB and XLS readers (DESIGN.md, <c>preview --json</c>):
/// <list type="bullet">
/// <item>numbers in invariant culture as the shortest text that reads back as the same double (round-trip: <c>3.14159265358979</c>,
/// <c>44.99</c>, <c>1346269</c>, and a formula's <c>0.30000000000000004</c> as stored), integers without <c>.0</c>, and without
/// exponent between 1E-20 and 1E+21 (<c>0.00001</c>, <c>310101195608231000</c>) since the core number converter rejects
/// exponents; beyond that range the exponent form stays (<c>1.23456789E+22</c>);</item>
/// <item>dates as ISO 8601 <c>yyyy-MM-dd</c>, with <c>THH:mm:ss</c> (and <c>.fff</c>) when the value has a time of day;
/// a time alone (time format, serial below 1) as <c>HH:mm:ss</c>; a duration (<c>[h]</c> formats) as total hours
/// <c>HH:mm:ss</c> (<c>36:00:00</c>);</item>
/// <item>booleans as <c>TRUE</c> / <c>FALSE</c> (as Excel shows them; the core boolean converter accepts them).</item>
/// </list>
/// Serial dates follow ExcelDataReader so that the three formats agree: in the 1900 system serials 1–59 are
/// 1900-01-01 to 1900-02-28, serial 0 reads 1899-12-31 and Excel's fictitious 1900-02-29 (serial 60) reads 1900-02-28;
/// from 61 on the calendar is exact. The 1904 system adds 1,462 days. Serials outside Excel's range read as numbers.
/// </summary>
internal static class CellText
{
    public const string True = "TRUE";
    public const string False = "FALSE";

    private const double MaxSerial = 2958466.0; // 10000-01-01
    private static readonly DateTime Base1904 = new(1899, 12, 31);

    public static string Boolean(bool value) => value ? True : False;

    /// <summary>Formats a number as the shortest round-trip text, in invariant culture, positional between 1E-20 and 1E+21.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(value);
        if (text.Contains('E', StringComparison.Ordinal) && magnitude is >= 1e-20 and < 1e21
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var positional))
        {
            return positional.ToString(CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>
    /// Formats the text of a number as stored in an XLSX <c>&lt;v&gt;</c>: a plain literal of at most 15 significant digits is
    /// normalised without going through <see cref="double"/> (the fast path: such a literal is its double's shortest
    /// round-trip text); anything else is parsed and formatted by <see cref="Number(double)"/>.
    /// Text that is not a number, or a number past the range of <see cref="double"/>, is returned as is.
    /// </summary>
    public static string NumberLiteral(string raw)
    {
        if (TryNormalizeLiteral(raw, out var normalized))
        {
            return normalized ?? raw;
        }

        // a literal past double's range (1E+309) parses as infinity: it is kept as written, not turned into "Infinity"
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? Number(value) : raw;
    }

    /// <summary>
    /// <see cref="NumberLiteral(string)"/> over characters the XML reader copied into a buffer: the one string allocated is the
    /// cell's text.
    /// </summary>
    public static string NumberLiteral(ReadOnlySpan<char> raw)
    {
        if (TryNormalizeLiteral(raw, out var normalized))
        {
            return normalized ?? new string(raw);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? Number(value) : new string(raw);
    }

    /// <summary>Formats a serial date/time number under the given number format kind; <see langword="null"/> when it is no valid date.</summary>
    public static string? Serial(double serial, bool date1904, NumberFormatKind kind)
    {
        if (kind == NumberFormatKind.Elapsed)
        {
            return Elapsed(serial);
        }

        if (kind == NumberFormatKind.Time && serial is >= 0 and < 1)
        {
            return TimeOfDay(DateTime.FromOADate(serial + 1).TimeOfDay);
        }

        var adjusted = date1904 ? serial + 1462 : serial is >= 0 and < 60 ? serial + 1 : serial;
        if (!(adjusted >= 0 && adjusted < MaxSerial))
        {
            return null;
        }

        return DateAndTime(DateTime.FromOADate(adjusted));
    }

    /// <summary>Formats a date already converted by ExcelDataReader (XLS), refined by the cell's number format kind.</summary>
    public static string FromDateTime(DateTime value, NumberFormatKind kind)
    {
        if (kind == NumberFormatKind.Time && (value.Date == Base1904 || value.Date == new DateTime(1904, 1, 1)))
        {
            return TimeOfDay(value.TimeOfDay);
        }

        if (kind == NumberFormatKind.Elapsed)
        {
            var origin = value < new DateTime(1900, 3, 1) ? Base1904 : new DateTime(1899, 12, 30);
            return Elapsed(value - origin);
        }

        return DateAndTime(value);
    }

    public static string Elapsed(double serial) => Elapsed(TimeSpan.FromMilliseconds(Math.Round(serial * 86_400_000d)));

    public static string Elapsed(TimeSpan span)
    {
        var negative = span < TimeSpan.Zero;
        var duration = span.Duration();
        var hours = (long)duration.TotalHours;
        var text = string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : string.Empty)}{hours:00}:{duration.Minutes:00}:{duration.Seconds:00}");
        return duration.Milliseconds == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}.{duration.Milliseconds:000}");
    }

    /// <summary>Formats an ISO 8601 date cell (<c>t="d"</c>): the same text as a serial date with that value.</summary>
    public static string IsoDate(string raw)
    {
        var text = raw.AsSpan().Trim();
        if (text.Length >= 3 && text[2] == ':' && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var time))
        {
            return TimeOfDay(time);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return DateAndTime(value.DateTime); // the clock time as written, whatever its offset
        }

        return raw;
    }

    public static string DateAndTime(DateTime value)
    {
        var time = value.TimeOfDay;
        if (time == TimeSpan.Zero)
        {
            return value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return value.ToString(time.Milliseconds == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }

    private static string TimeOfDay(TimeSpan time)
    {
        return time.ToString(time.Milliseconds == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
    }

    /// <summary>Normalises a plain literal; <paramref name="normalized"/> is <see langword="null"/> when <paramref name="span"/> is already normal.</summary>
    private static bool TryNormalizeLiteral(ReadOnlySpan<char> span, out string? normalized)
    {
        normalized = null;
        if (span.IsEmpty || span.Length > 17)
        {
            return false;
        }

        var start = span[0] == '-' ? 1 : 0;
        var dot = -1;
        var digits = 0;
        var firstNonZero = -1;
        for (var i = start; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '.')
            {
                if (dot >= 0)
                {
                    return false;
                }

                dot = i;
            }
            else if (c is >= '0' and <= '9')
            {
                digits++;
                if (c != '0' && firstNonZero < 0)
                {
                    firstNonZero = i;
                }
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        // integer part without leading zeros, fraction without trailing zeros
        var intEnd = dot >= 0 ? dot : span.Length;
        var intStart = start;
        while (intStart < intEnd - 1 && span[intStart] == '0')
        {
            intStart++;
        }

        var integer = span[intStart..intEnd];
        if (integer.IsEmpty)
        {
            integer = "0";
        }

        var fraction = dot >= 0 ? span[(dot + 1)..].TrimEnd('0') : [];
        var end = fraction.IsEmpty ? intEnd : dot + 1 + fraction.Length;
        var significant = firstNonZero < 0 ? 0 : end - firstNonZero - (dot > firstNonZero && dot < end ? 1 : 0);

        if (significant > 15)
        {
            return false;
        }

        var zero = firstNonZero < 0;
        var negative = start == 1 && !zero;
        var length = (negative ? 1 : 0) + integer.Length + (fraction.IsEmpty ? 0 : 1 + fraction.Length);
        if (length == span.Length)
        {
            return true; // already normal: the caller keeps (or copies) the original text
        }

        normalized = fraction.IsEmpty
            ? string.Concat(negative ? "-" : string.Empty, integer)
            : string.Concat(negative ? "-" : string.Empty, integer, ".", fraction);
        return true;
    }
}
