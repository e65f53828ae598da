using System.Buffers;
using System.Globalization;

namespace Import.Sdk.Conversion;

internal static partial class ValueParsers
{
    private const NumberStyles CanonicalDecimalStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>
    /// Parses a decimal number written the way spreadsheets and ERP exports write them.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Leading/trailing whitespace (see <see cref="Trim"/>) is ignored.</item>
    /// <item>French style: ',' is the decimal separator; U+0020, U+00A0, U+202F (also U+2007, U+2009)
    /// and the apostrophes ' and U+2019 group digits. Without any ',' a single '.' is the decimal
    /// separator ("12.5"); with a ',' (or several dots) dots are group separators ("1.234,56").</item>
    /// <item>Invariant style: '.' is the decimal separator; ',' (and the spaces/apostrophes above) group digits.</item>
    /// <item>Group separators must sit between digits of the integer part, in groups of three
    /// ("1 234 567"; "1,2,3" is rejected).</item>
    /// <item>A leading '+' or '-' (or U+2212), a trailing '-' ("12,5-") or parentheses ("(12,50)") give the sign.</item>
    /// <item>A currency '€', '$' or "EUR" before or after the number, with optional space, is ignored.</item>
    /// <item>"%" and exponents are rejected; empty text is rejected.</item>
    /// </list>
    /// </remarks>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, NumberStyleKind style, out decimal value)
    {
        if (TryParsePlainNumber(text, style, out var mantissa, out var scale) && mantissa != 0)
        {
            value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, (byte)scale);
            return true;
        }

        return TryParseDecimalGeneral(text, style, out value);
    }

    /// <summary>What <see cref="TryParseDecimal"/> does with a cell that <see cref="TryParsePlainNumber"/> does not take.</summary>
    internal static bool TryParseDecimalGeneral(ReadOnlySpan<char> text, NumberStyleKind style, out decimal value)
    {
        char[]? rented = null;
        Span<char> buffer = text.Length < StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length + 1));
        try
        {
            int length = NormalizeNumber(text, style, buffer, out _);
            if (length < 0)
            {
                value = default;
                return false;
            }

            return TryParseCanonicalDecimal(buffer[..length], out value)
                || decimal.TryParse(buffer[..length], CanonicalDecimalStyles, CultureInfo.InvariantCulture, out value);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Parses an integer with the same normalisation as <see cref="TryParseDecimal"/>. A fraction made only
    /// of zeros is accepted ("30,00" → 30) but any other fraction is rejected ("30,5"). Range of <see cref="long"/>.
    /// </summary>
    public static bool TryParseInteger(ReadOnlySpan<char> text, NumberStyleKind style, out long value)
    {
        if (TryParsePlainNumber(text, style, out var mantissa, out var scale) && scale == 0)
        {
            value = (long)mantissa;
            return true;
        }

        return TryParseIntegerGeneral(text, style, out value);
    }

    /// <summary>What <see cref="TryParseInteger"/> does with a cell that <see cref="TryParsePlainNumber"/> does not take.</summary>
    internal static bool TryParseIntegerGeneral(ReadOnlySpan<char> text, NumberStyleKind style, out long value)
    {
        char[]? rented = null;
        Span<char> buffer = text.Length < StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length + 1));
        try
        {
            int length = NormalizeNumber(text, style, buffer, out int dotIndex);
            if (length < 0)
            {
                value = default;
                return false;
            }

            ReadOnlySpan<char> integerPart = buffer[..length];
            if (dotIndex >= 0)
            {
                foreach (char c in buffer[(dotIndex + 1)..length])
                {
                    if (c != '0')
                    {
                        value = default;
                        return false;
                    }
                }

                integerPart = buffer[..dotIndex];
            }

            if (integerPart.IsEmpty || integerPart is "-")
            {
                // ",0" / "-,00": only a (zero) fraction.
                value = 0;
                return true;
            }

            return TryParseCanonicalInteger(integerPart, out value)
                || long.TryParse(integerPart, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The usual case of a cell, parsed in one pass: unsigned digits, grouped by threes with spaces or apostrophes or not at all,
    /// then optionally the style's decimal separator (',' in French, '.' otherwise) and digits; 1 to 18 digits in all. Gives the
    /// same value and scale as the general path (<see cref="NormalizeNumber"/>, then the parsers), which takes everything else
    /// (signs, currencies, dots grouping digits, zero fractions of integers…): <see langword="false"/> sends a cell there.
    /// </summary>
    private static bool TryParsePlainNumber(ReadOnlySpan<char> text, NumberStyleKind style, out ulong mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        var decimalSeparator = style == NumberStyleKind.French ? ',' : '.';
        var digits = 0;
        var group = 0; // digits since the last group separator
        var grouped = false;
        var i = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (uint)(c - '0');
                digits++;
                group++;
                continue;
            }

            if (c == decimalSeparator)
            {
                break;
            }

            if (!IsSpaceOrApostropheGroupSeparator(c) || group == 0 || (grouped ? group != 3 : group > 3))
            {
                return false;
            }

            grouped = true;
            group = 0;
        }

        if (digits == 0 || (grouped && group != 3))
        {
            return false;
        }

        if (i < text.Length)
        {
            if (i == text.Length - 1)
            {
                return false; // "12,": a separator is followed by digits
            }

            for (i++; i < text.Length; i++)
            {
                var c = text[i];
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (uint)(c - '0');
                digits++;
                scale++;
            }
        }

        return digits <= 18;
    }

    /// <summary>
    /// The usual case of a normalised number, <c>[-]digits[.digits]</c> with 1 to 18 digits and not zero, without the general
    /// parser: the same value and scale as <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/>.
    /// Returns <see langword="false"/> for anything else (the caller then uses the general parser).
    /// </summary>
    private static bool TryParseCanonicalDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = default;
        var negative = text.Length > 0 && text[0] == '-';
        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && scale < 0)
            {
                scale = 0;
                continue;
            }

            if (!char.IsAsciiDigit(c) || ++digits > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (uint)(c - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (digits == 0 || mantissa == 0)
        {
            return false; // zero keeps the general parser's sign and scale rules
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>The usual case of a normalised integer, <c>[-]digits</c> with 1 to 18 digits, without the general parser.</summary>
    private static bool TryParseCanonicalInteger(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        var digits = text[(negative ? 1 : 0)..];
        if (digits.IsEmpty || digits.Length > 18)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
