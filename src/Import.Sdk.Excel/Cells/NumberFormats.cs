namespace Import.Sdk.Excel.Cells;

/// <summary>
/// Decides from a cell's number format whether its number is a date, a time or a duration, the way Excel shows it:
/// built-in formats 14–22 and 45–47 (and the East Asian date formats 27–36, 50–58), and custom formats whose first
/// section holds d, m, y, h or s outside quotes, escapes and brackets (<c>[h]</c>, <c>[mm]</c>, <c>[ss]</c> make a
/// duration). <c>General</c>, <c>@</c>, scientific <c>E+</c> and currency/colour brackets are not dates.
/// </summary>
internal static class NumberFormats
{
    public static NumberFormatKind Classify(int id, string? code) =>
        code is null ? Builtin(id) : ClassifyCode(code);

    public static NumberFormatKind Builtin(int id) => id switch
    {
        >= 14 and <= 17 => NumberFormatKind.Date,
        >= 18 and <= 21 => NumberFormatKind.Time,
        22 => NumberFormatKind.Date,
        >= 27 and <= 36 => NumberFormatKind.Date,
        45 or 47 => NumberFormatKind.Time,
        46 => NumberFormatKind.Elapsed,
        >= 50 and <= 58 => NumberFormatKind.Date,
        _ => NumberFormatKind.Number,
    };

    public static NumberFormatKind ClassifyCode(ReadOnlySpan<char> code)
    {
        bool date = false, month = false, time = false, elapsed = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case ';':
                    i = code.Length; // only the first section decides
                    break;
                case '"':
                    var close = code[(i + 1)..].IndexOf('"');
                    i = close < 0 ? code.Length : i + 1 + close;
                    break;
                case '\\' or '_' or '*':
                    i++; // escaped, padding or fill character
                    break;
                case '[':
                    var end = code[(i + 1)..].IndexOf(']');
                    var inside = end < 0 ? code[(i + 1)..] : code.Slice(i + 1, end);
                    if (IsElapsed(inside))
                    {
                        elapsed = true;
                    }

                    i = end < 0 ? code.Length : i + 1 + end;
                    break;
                default:
                    switch (char.ToLowerInvariant(c))
                    {
                        case 'y' or 'd':
                            date = true;
                            break;
                        case 'm':
                            month = true;
                            break;
                        case 'h' or 's':
                            time = true;
                            break;
                        case 'a' when StartsWith(code[i..], "am/pm") || StartsWith(code[i..], "a/p"):
                            time = true;
                            i += StartsWith(code[i..], "am/pm") ? 4 : 2;
                            break;
                        case 'g' when StartsWith(code[i..], "general"):
                            i += 6;
                            break;
                        case 'e' when i + 1 < code.Length && code[i + 1] is '+' or '-':
                            i++; // scientific notation
                            break;
                    }

                    break;
            }
        }

        if (date)
        {
            return NumberFormatKind.Date;
        }

        if (elapsed)
        {
            return NumberFormatKind.Elapsed;
        }

        if (time)
        {
            return NumberFormatKind.Time;
        }

        return month ? NumberFormatKind.Date : NumberFormatKind.Number;
    }

    private static bool IsElapsed(ReadOnlySpan<char> inside)
    {
        if (inside.IsEmpty)
        {
            return false;
        }

        foreach (var c in inside)
        {
            if (char.ToLowerInvariant(c) is not ('h' or 'm' or 's'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWith(ReadOnlySpan<char> text, string prefix) => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
