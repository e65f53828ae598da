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
    public static bool AllUpperAlphanumerics(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.ContainsAnyExcept(UpperAlphanumerics);

    // ASCII digits and upper-case letters: what a compact identifier is made of (one vectorised scan).
    private static readonly System.Buffers.SearchValues<char> UpperAlphanumerics =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>
    /// Luhn (mod 10) checksum over a span of ASCII digits, the last digit being the check digit.
    /// The caller guarantees <paramref name="digits"/> only holds ASCII digits.
    /// </summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        // From the right: odd positions count as they are, even ones doubled (the digits of the product added): a table
        // instead of a branch that mispredicts on every other digit.
        ReadOnlySpan<byte> doubled = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
        var sum = 0;
        var i = digits.Length - 1;
        for (; i > 0; i -= 2)
        {
            sum += digits[i] - '0' + doubled[digits[i - 1] - '0'];
        }

        if (i == 0)
        {
            sum += digits[0] - '0';
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
