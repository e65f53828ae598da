namespace Import.Sdk.Conversion;

// The general spellings of a number (the slow path of ValueParsers.Numbers.cs): group separators, signs written in the ways
// accountants write them, and currencies, rewritten into the invariant form before parsing.
internal static partial class ValueParsers
{
    /// <summary>
    /// Rewrites <paramref name="text"/> into <paramref name="destination"/> as <c>[-]digits[.digits]</c>
    /// (invariant form). Returns the length written, or -1 when the text is not a number.
    /// <paramref name="destination"/> must hold at least <c>text.Length + 1</c> chars.
    /// </summary>
    private static int NormalizeNumber(ReadOnlySpan<char> text, NumberStyleKind style, Span<char> destination, out int dotIndex)
    {
        dotIndex = -1;
        ReadOnlySpan<char> s = Trim(text);
        if (s.IsEmpty)
        {
            return -1;
        }

        if (!StripDecorations(ref s, out bool negative))
        {
            return -1;
        }

        // Which char is the decimal separator, and may '.' / ',' group digits?
        int commas = s.Count(',');
        int dots = s.Count('.');
        char decimalSeparator;
        bool dotGroups = false;
        bool commaGroups = false;
        if (style == NumberStyleKind.French)
        {
            if (commas > 1)
            {
                return -1;
            }

            if (commas == 1)
            {
                decimalSeparator = ',';
                dotGroups = true;
            }
            else
            {
                decimalSeparator = '.';
                dotGroups = dots > 1;
            }
        }
        else
        {
            if (dots > 1)
            {
                return -1;
            }

            decimalSeparator = '.';
            commaGroups = true;
        }

        int written = 0;
        if (negative)
        {
            destination[written++] = '-';
        }

        int digits = 0;
        int groupLength = 0;
        bool grouped = false;
        int i = 0;

        // Integer part, with validated groups of three.
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c))
            {
                destination[written++] = c;
                groupLength++;
                digits++;
                continue;
            }

            if (c == decimalSeparator && !(dotGroups && c == '.'))
            {
                break;
            }

            bool isGroupSeparator = IsSpaceOrApostropheGroupSeparator(c)
                || (dotGroups && c == '.')
                || (commaGroups && c == ',');
            if (!isGroupSeparator)
            {
                return -1;
            }

            if (groupLength == 0 || (grouped ? groupLength != 3 : groupLength > 3))
            {
                return -1;
            }

            grouped = true;
            groupLength = 0;
        }

        if (grouped && groupLength != 3)
        {
            return -1;
        }

        // Fractional part: digits only.
        if (i < s.Length)
        {
            dotIndex = written;
            destination[written++] = '.';
            if (i == s.Length - 1)
            {
                // "12," : a separator must be followed by digits.
                return -1;
            }

            for (i++; i < s.Length; i++)
            {
                char c = s[i];
                if (!char.IsAsciiDigit(c))
                {
                    return -1;
                }

                destination[written++] = c;
                digits++;
            }
        }

        return digits == 0 ? -1 : written;
    }

    /// <summary>
    /// Peels sign, parentheses and currency off both ends of <paramref name="s"/> (any order, each at
    /// most once). Returns false for contradictory decorations such as "-(12)".
    /// </summary>
    private static bool StripDecorations(ref ReadOnlySpan<char> s, out bool negative)
    {
        negative = false;
        bool sign = false;
        bool parentheses = false;
        bool currency = false;
        bool progress = true;
        while (progress && !s.IsEmpty)
        {
            progress = false;
            if (!parentheses && s.Length >= 2 && s[0] == '(' && s[^1] == ')')
            {
                if (sign)
                {
                    return false;
                }

                s = Trim(s[1..^1]);
                parentheses = true;
                negative = true;
                progress = true;
                continue;
            }

            if (!currency && TryStripCurrency(ref s))
            {
                currency = true;
                progress = true;
                continue;
            }

            if (!sign && !s.IsEmpty)
            {
                char first = s[0];
                char last = s[^1];
                if (first is '+' or '-' or '\u2212')
                {
                    if (parentheses)
                    {
                        return false;
                    }

                    negative = first != '+';
                    s = Trim(s[1..]);
                    sign = true;
                    progress = true;
                }
                else if (last is '-' or '\u2212')
                {
                    if (parentheses)
                    {
                        return false;
                    }

                    negative = true;
                    s = Trim(s[..^1]);
                    sign = true;
                    progress = true;
                }
            }
        }

        return true;
    }

    private static bool TryStripCurrency(ref ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        if (s[0] is '€' or '$')
        {
            s = Trim(s[1..]);
            return true;
        }

        if (s[^1] is '€' or '$')
        {
            s = Trim(s[..^1]);
            return true;
        }

        if (s.StartsWith("EUR", StringComparison.OrdinalIgnoreCase))
        {
            s = Trim(s[3..]);
            return true;
        }

        if (s.EndsWith("EUR", StringComparison.OrdinalIgnoreCase))
        {
            s = Trim(s[..^3]);
            return true;
        }

        return false;
    }

    private static bool IsSpaceOrApostropheGroupSeparator(char c) =>
        c is ' ' or '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\'' or '\u2019';
}
