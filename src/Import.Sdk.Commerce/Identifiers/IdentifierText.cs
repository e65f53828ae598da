namespace Import.Sdk.Commerce.Identifiers;

/// <summary>
/// Allocation-free helpers shared by the identifier checks: separator stripping,
/// ASCII classification and the Luhn checksum.
/// </summary>
internal static class IdentifierText
{
    /// <summary>
    /// Characters users type as visual separators in identifiers: space, tab, no-break
    /// space (U+00A0), narrow no-break space (U+202F, the French thousands separator),
    /// thin space (U+2009), dot and hyphen.
    /// </summary>
    public static bool IsSeparator(char c) =>
        c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2009' or '.' or '-';

    /// <summary>
    /// Copies <paramref name="input"/> into <paramref name="destination"/> without separators,
    /// upper-casing ASCII letters. Returns <see langword="false"/> when the compacted text
    /// does not fit in <paramref name="destination"/>.
    /// </summary>
    public static bool TryCompact(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        written = 0;
        foreach (var c in input)
        {
            if (IsSeparator(c))
            {
                continue;
            }

            if (written == destination.Length)
            {
                written = 0;
                return false;
            }

            destination[written++] = char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c;
        }

        return true;
    }

    /// <summary>
    /// Compacts <paramref name="input"/> and succeeds only when the result has exactly
    /// <paramref name="destination"/>'s length.
    /// </summary>
    public static bool TryCompactExact(ReadOnlySpan<char> input, Span<char> destination) =>
        TryCompact(input, destination, out var written) && written == destination.Length;

    /// <summary>Whether every character is an ASCII digit (false for an empty span).</summary>
    public static bool AllDigits(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.ContainsAnyExceptInRange('0', '9');

    /// <summary>Whether every character is an ASCII upper-case letter (false for an empty span).</summary>
    public static bool AllUpperLetters(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.ContainsAnyExceptInRange('A', 'Z');

    /// <summary>Whether every character is an ASCII digit or upper-case letter (false for an empty span).</summary>
    public static bool AllUpperAlphanumerics(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Luhn (mod 10) checksum over a span of ASCII digits, the last digit being the check digit.
    /// The caller guarantees <paramref name="digits"/> only holds ASCII digits.
    /// </summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>Sum of the values of a span of ASCII digits.</summary>
    public static int DigitSum(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        foreach (var c in digits)
        {
            sum += c - '0';
        }

        return sum;
    }
}
