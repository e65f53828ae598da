namespace Import.Sdk.Commerce.Identifiers;

/// <summary>
/// Intra-community VAT numbers (numéro de TVA intracommunautaire), as printed on invoices
/// between EU businesses and checked by the VIES service.
/// </summary>
/// <remarks>
/// <para>
/// French numbers (<c>FR</c>) are fully checked: <c>FR</c>, a 2-character key, then the
/// 9-digit <see cref="Siren"/>. A numeric key must equal (12 + 3 × (SIREN mod 97)) mod 97,
/// and the SIREN must pass its Luhn check (except for numbers starting with <c>000</c>,
/// given to Monaco businesses, which are not SIRENs). Keys containing a letter (letters I and
/// O excluded) are accepted on format only.
/// </para>
/// <para>
/// The other EU member states (AT BE BG CY CZ DE DK EE EL ES FI HR HU IE IT LT LU LV MT NL PL
/// PT RO SE SI SK) and Northern Ireland (<c>XI</c>) are checked on their VIES format
/// (length and character classes), not on their national checksums. Greece uses the VAT
/// prefix <c>EL</c>, not its ISO code <c>GR</c>.
/// </para>
/// </remarks>
public static class VatNumber
{
    private const int MaxLength = 16;

    /// <summary>
    /// Whether <paramref name="value"/> is a well-formed EU VAT number, once visual separators
    /// (spaces, no-break spaces, dots, hyphens) are removed and letters upper-cased, e.g.
    /// <c>"FR 40 303 265 045"</c>, <c>"DE123456789"</c>. Never throws.
    /// </summary>
    /// <param name="value">The text typed by the user, starting with the 2-letter country prefix.</param>
    /// <returns><see langword="true"/> when the VAT number is valid for its country.</returns>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        scoped ReadOnlySpan<char> compact;
        if (value.Length is >= 4 and <= MaxLength && IdentifierText.AllUpperAlphanumerics(value))
        {
            compact = value; // already compact, the usual case
        }
        else if (IdentifierText.TryCompact(value, buffer, out var length) && length >= 4)
        {
            compact = buffer[..length];
        }
        else
        {
            return false;
        }

        var body = compact[2..];
        return (compact[0], compact[1]) switch
        {
            ('F', 'R') => IsValidFrench(body),
            ('A', 'T') => body.Length == 9 && body[0] == 'U' && Digits(body[1..]),
            ('B', 'E') => body.Length == 10 && body[0] is '0' or '1' && Digits(body),
            ('B', 'G') => body.Length is 9 or 10 && Digits(body),
            ('C', 'Y') => body.Length == 9 && Digits(body[..8]) && char.IsAsciiLetterUpper(body[8]),
            ('C', 'Z') => body.Length is >= 8 and <= 10 && Digits(body),
            ('D', 'E') => body.Length == 9 && Digits(body),
            ('D', 'K') => body.Length == 8 && Digits(body),
            ('E', 'E') => body.Length == 9 && Digits(body),
            ('E', 'L') => body.Length == 9 && Digits(body),
            ('E', 'S') => IsValidSpanish(body),
            ('F', 'I') => body.Length == 8 && Digits(body),
            ('H', 'R') => body.Length == 11 && Digits(body),
            ('H', 'U') => body.Length == 8 && Digits(body),
            ('I', 'E') => IsValidIrish(body),
            ('I', 'T') => body.Length == 11 && Digits(body),
            ('L', 'T') => body.Length is 9 or 12 && Digits(body),
            ('L', 'U') => body.Length == 8 && Digits(body),
            ('L', 'V') => body.Length == 11 && Digits(body),
            ('M', 'T') => body.Length == 8 && Digits(body),
            ('N', 'L') => body.Length == 12 && Digits(body[..9]) && body[9] == 'B' && Digits(body[10..]),
            ('P', 'L') => body.Length == 10 && Digits(body),
            ('P', 'T') => body.Length == 9 && Digits(body),
            ('R', 'O') => body.Length is >= 2 and <= 10 && body[0] != '0' && Digits(body),
            ('S', 'E') => body.Length == 12 && Digits(body) && body.EndsWith("01", StringComparison.Ordinal),
            ('S', 'I') => body.Length == 8 && body[0] != '0' && Digits(body),
            ('S', 'K') => body.Length == 10 && Digits(body),
            ('X', 'I') => IsValidNorthernIrish(body),
            _ => false,
        };
    }

    /// <summary>
    /// Computes the 2-digit key of the French VAT number of a SIREN:
    /// (12 + 3 × (SIREN mod 97)) mod 97, e.g. 40 for SIREN <c>303 265 045</c>
    /// (VAT number <c>FR40303265045</c>). Visual separators are ignored. The SIREN's own Luhn
    /// check digit is not verified. Never throws.
    /// </summary>
    /// <param name="siren">The 9-digit SIREN.</param>
    /// <returns>The key, between 0 and 96, or -1 when <paramref name="siren"/> is not 9 digits.</returns>
    public static int ComputeFrenchKey(ReadOnlySpan<char> siren)
    {
        Span<char> digits = stackalloc char[Siren.Length];
        return IdentifierText.TryCompactExact(siren, digits) && Digits(digits) ? FrenchKey(digits) : -1;
    }

    private static int FrenchKey(ReadOnlySpan<char> sirenDigits)
    {
        // Nine digits fit an int: one remainder at the end instead of one a digit.
        var number = 0;
        foreach (var c in sirenDigits)
        {
            number = (number * 10) + (c - '0');
        }

        return (12 + (3 * (number % 97))) % 97;
    }

    private static bool IsValidFrench(ReadOnlySpan<char> body)
    {
        if (body.Length != 11 || !IsFrenchKeyChar(body[0]) || !IsFrenchKeyChar(body[1]))
        {
            return false;
        }

        var siren = body[2..];
        if (!Digits(siren))
        {
            return false;
        }

        // Numbers starting with 000 are given to Monaco businesses and are not SIRENs.
        if (!siren.StartsWith("000", StringComparison.Ordinal) && !IdentifierText.IsLuhnValid(siren))
        {
            return false;
        }

        if (char.IsAsciiDigit(body[0]) && char.IsAsciiDigit(body[1]))
        {
            var key = ((body[0] - '0') * 10) + (body[1] - '0');
            return key == FrenchKey(siren);
        }

        return true;
    }

    // Key characters of French VAT numbers: digits and letters except I and O.
    private static bool IsFrenchKeyChar(char c) =>
        char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c is not 'I' and not 'O');

    // ES: a letter or digit, 7 digits, a letter or digit; at least one end is a letter (NIF/NIE/CIF).
    private static bool IsValidSpanish(ReadOnlySpan<char> body) =>
        body.Length == 9
        && IsUpperAlphanumeric(body[0])
        && Digits(body[1..8])
        && IsUpperAlphanumeric(body[8])
        && !(char.IsAsciiDigit(body[0]) && char.IsAsciiDigit(body[8]));

    // IE: 7 digits + 1 or 2 letters (1234567X, 1234567XW), or the old style 1X23456X
    // (second character a letter, '+' or '*').
    private static bool IsValidIrish(ReadOnlySpan<char> body)
    {
        if (body.Length == 9)
        {
            return Digits(body[..7]) && char.IsAsciiLetterUpper(body[7]) && char.IsAsciiLetterUpper(body[8]);
        }

        if (body.Length != 8 || !char.IsAsciiDigit(body[0]) || !char.IsAsciiLetterUpper(body[7]))
        {
            return false;
        }

        return Digits(body[1..7])
            || ((char.IsAsciiLetterUpper(body[1]) || body[1] is '+' or '*') && Digits(body[2..7]));
    }

    // XI (Northern Ireland, UK VAT format): 9 or 12 digits, GD + 3 digits (government
    // departments) or HA + 3 digits (health authorities).
    private static bool IsValidNorthernIrish(ReadOnlySpan<char> body) =>
        body.Length switch
        {
            9 or 12 => Digits(body),
            5 => (body.StartsWith("GD", StringComparison.Ordinal) || body.StartsWith("HA", StringComparison.Ordinal))
                && Digits(body[2..]),
            _ => false,
        };

    private static bool Digits(ReadOnlySpan<char> value) => IdentifierText.AllDigits(value);

    private static bool IsUpperAlphanumeric(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);
}
