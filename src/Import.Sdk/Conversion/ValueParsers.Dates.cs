using System.Globalization;

namespace Import.Sdk.Conversion;

internal static partial class ValueParsers
{
    private const string IsoDateFormat = "yyyy-MM-dd";

    /// <summary>Longest time suffix worth handing to <see cref="TimeOnly.TryParse(ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out TimeOnly)"/>.</summary>
    private const int MaxTimeLength = 40;

    private enum FastDateResult
    {
        Success,
        Failure,
        Unsupported,
    }

    /// <summary>
    /// Parses a date, trying each format in order, then ISO "yyyy-MM-dd".
    /// </summary>
    /// <remarks>
    /// Formats made only of <c>d</c>/<c>dd</c>, <c>M</c>/<c>MM</c>, <c>yy</c>/<c>yyyy</c> and the separators
    /// '/', '-', '.' or ' ' (e.g. "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "dd/MM/yy")
    /// are matched by a hand-written allocation-free parser with the same rules as
    /// <see cref="DateOnly.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateOnly)"/>:
    /// <c>dd</c>/<c>MM</c> need two digits, <c>d</c>/<c>M</c> one or two, <c>yy</c> maps 00-49 to 2000-2049 and
    /// 50-99 to 1950-1999, and the date must exist in the calendar. Any other format goes to
    /// <see cref="DateOnly.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateOnly)"/>
    /// with the invariant culture. A date followed by a time (" 00:00", " 00:00:00", "T00:00:00", any
    /// valid time) is accepted and the time dropped: Excel exports write those.
    /// </remarks>
    public static bool TryParseDate(ReadOnlySpan<char> text, ReadOnlySpan<string> formats, out DateOnly value)
    {
        ReadOnlySpan<char> s = Trim(text);
        if (s.IsEmpty)
        {
            value = default;
            return false;
        }

        if (TryParseDateOnly(s, formats, out value))
        {
            return true;
        }

        // Date followed by a time: split on each ' ' or 'T' whose right-hand side is a valid time
        // (a time is at most MaxTimeLength chars, so only the end of the text is worth scanning).
        for (int i = Math.Max(1, s.Length - MaxTimeLength - 1); i < s.Length - 1; i++)
        {
            char c = s[i];
            if (c is not (' ' or '\t' or 'T'))
            {
                continue;
            }

            ReadOnlySpan<char> timePart = Trim(s[(i + 1)..]);
            if (IsValidTime(timePart) && TryParseDateOnly(Trim(s[..i]), formats, out value))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryParseDateOnly(ReadOnlySpan<char> s, ReadOnlySpan<string> formats, out DateOnly value)
    {
        foreach (string format in formats)
        {
            if (string.IsNullOrEmpty(format))
            {
                continue;
            }

            switch (TryParseFastDate(s, format, out value))
            {
                case FastDateResult.Success:
                    return true;
                case FastDateResult.Unsupported:
                    if (IsUsableRuntimeFormat(format) && DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value))
                    {
                        return true;
                    }

                    break;
            }
        }

        return TryParseFastDate(s, IsoDateFormat, out value) == FastDateResult.Success;
    }

    /// <summary>
    /// False for the one-char formats that are not standard date/time format specifiers: the runtime's
    /// TryParseExact throws <see cref="FormatException"/> on those instead of returning false.
    /// </summary>
    private static bool IsUsableRuntimeFormat(string format) =>
        format.Length != 1 || format[0] is 'd' or 'D' or 'f' or 'F' or 'g' or 'G' or 'm' or 'M' or 'o' or 'O'
            or 'r' or 'R' or 's' or 't' or 'T' or 'u' or 'U' or 'y' or 'Y';

    /// <summary>
    /// Matches <paramref name="s"/> against a simple numeric date format. Returns
    /// <see cref="FastDateResult.Unsupported"/> when the format has anything else in it.
    /// </summary>
    private static FastDateResult TryParseFastDate(ReadOnlySpan<char> s, ReadOnlySpan<char> format, out DateOnly value)
    {
        value = default;
        if (!IsFastDateFormat(format))
        {
            return FastDateResult.Unsupported;
        }

        int day = 0;
        int month = 0;
        int year = 0;
        int si = 0;
        int fi = 0;
        while (fi < format.Length)
        {
            char fc = format[fi];
            if (fc is 'd' or 'M' or 'y')
            {
                int run = RunLength(format, fi);
                fi += run;
                int minDigits = fc == 'y' || run == 2 ? run : 1;
                int maxDigits = fc == 'y' ? run : 2;
                if (!TryReadNumber(s, ref si, minDigits, maxDigits, out int number))
                {
                    return FastDateResult.Failure;
                }

                switch (fc)
                {
                    case 'd':
                        day = number;
                        break;
                    case 'M':
                        month = number;
                        break;
                    default:
                        year = run == 2 ? (number < 50 ? 2000 + number : 1900 + number) : number;
                        break;
                }
            }
            else
            {
                if (si >= s.Length || s[si] != fc)
                {
                    return FastDateResult.Failure;
                }

                si++;
                fi++;
            }
        }

        if (si != s.Length
            || year < 1 || year > 9999
            || month < 1 || month > 12
            || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return FastDateResult.Failure;
        }

        value = new DateOnly(year, month, day);
        return FastDateResult.Success;
    }

    /// <summary>
    /// True for formats made of exactly one day (d, dd), one month (M, MM) and one year (yy, yyyy) token
    /// separated by '/', '-', '.' or ' '; a one-or-two-digit token must be followed by a separator or the end.
    /// </summary>
    private static bool IsFastDateFormat(ReadOnlySpan<char> format)
    {
        bool day = false;
        bool month = false;
        bool year = false;
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i];
            if (c is '/' or '-' or '.' or ' ')
            {
                i++;
                continue;
            }

            int run = RunLength(format, i);
            switch (c)
            {
                case 'd' when !day && run <= 2:
                    day = true;
                    break;
                case 'M' when !month && run <= 2:
                    month = true;
                    break;
                case 'y' when !year && run is 2 or 4:
                    year = true;
                    break;
                default:
                    return false;
            }

            i += run;
            if (c != 'y' && run == 1 && i < format.Length && format[i] is not ('/' or '-' or '.' or ' '))
            {
                return false;
            }
        }

        return day && month && year;
    }

    private static int RunLength(ReadOnlySpan<char> format, int start)
    {
        int end = start + 1;
        while (end < format.Length && format[end] == format[start])
        {
            end++;
        }

        return end - start;
    }

    /// <summary>
    /// True for a time of day: fast path for H:mm, HH:mm[:ss[.fffffff]] optionally followed by 'Z' or
    /// an offset (+01:00, -0100, +01); anything else goes to <see cref="TimeOnly.TryParse(ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out TimeOnly)"/>
    /// (e.g. "12:00 PM").
    /// </summary>
    private static bool IsValidTime(ReadOnlySpan<char> t)
    {
        if (t.IsEmpty || t.Length > MaxTimeLength || !char.IsAsciiDigit(t[0]))
        {
            return false;
        }

        if (IsValidTimeFast(t))
        {
            return true;
        }

        return TimeOnly.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static bool IsValidTimeFast(ReadOnlySpan<char> t)
    {
        int i = 0;
        if (!TryReadNumber(t, ref i, 1, 2, out int hour) || hour > 23)
        {
            return false;
        }

        if (i >= t.Length || t[i] != ':')
        {
            return false;
        }

        i++;
        if (!TryReadNumber(t, ref i, 2, 2, out int minute) || minute > 59)
        {
            return false;
        }

        if (i < t.Length && t[i] == ':')
        {
            i++;
            if (!TryReadNumber(t, ref i, 2, 2, out int second) || second > 59)
            {
                return false;
            }

            if (i < t.Length && t[i] is '.' or ',')
            {
                i++;
                if (!TryReadNumber(t, ref i, 1, 7, out _))
                {
                    return false;
                }
            }
        }

        if (i == t.Length)
        {
            return true;
        }

        if (t[i] is 'Z' or 'z')
        {
            return i + 1 == t.Length;
        }

        if (t[i] is '+' or '-')
        {
            i++;
            if (!TryReadNumber(t, ref i, 2, 2, out int offsetHours) || offsetHours > 14)
            {
                return false;
            }

            if (i == t.Length)
            {
                return true;
            }

            if (t[i] == ':')
            {
                i++;
            }

            return TryReadNumber(t, ref i, 2, 2, out int offsetMinutes) && offsetMinutes <= 59 && i == t.Length;
        }

        return false;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> s, ref int index, int minDigits, int maxDigits, out int number)
    {
        number = 0;
        int count = 0;
        while (count < maxDigits && index < s.Length && char.IsAsciiDigit(s[index]))
        {
            number = (number * 10) + (s[index] - '0');
            index++;
            count++;
        }

        return count >= minDigits;
    }
}
