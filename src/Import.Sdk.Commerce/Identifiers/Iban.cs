namespace Import.Sdk.Commerce.Identifiers;

/// <summary>
/// IBAN (International Bank Account Number, ISO 13616): a 2-letter country code, 2 check
/// digits and the national account number (BBAN), e.g. <c>FR76 3000 6000 0112 3456 7890 189</c>
/// for the French RIB 30006 00001 12345678901 89.
/// </summary>
/// <remarks>
/// The length of each country's IBAN comes from the SWIFT IBAN registry. French overseas
/// departments and territories (GP, MQ, GF, RE, YT, PM, NC, PF, WF, BL, MF, TF) use the
/// <c>FR</c> prefix, as Monaco uses <c>MC</c>; the Channel Islands and the Isle of Man use
/// <c>GB</c> and the Åland Islands use <c>FI</c>.
/// </remarks>
public static class Iban
{
    /// <summary>Longest IBAN of the registry (ISO 13616 allows up to 34 characters).</summary>
    private const int MaxLength = 34;

    /// <summary>
    /// Whether <paramref name="value"/> is a valid IBAN: registered country code, length equal
    /// to that country's IBAN length, check digits between 02 and 98, alphanumeric BBAN and
    /// ISO 7064 MOD 97-10 checksum. Case-insensitive; visual separators (spaces, no-break
    /// spaces, dots, hyphens) are ignored. Never throws.
    /// </summary>
    /// <param name="value">The text typed by the user, e.g. <c>"FR76 3000 6000 0112 3456 7890 189"</c>.</param>
    /// <returns><see langword="true"/> when the IBAN is valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        if (!IdentifierText.TryCompact(value, buffer, out var length) || length < 5)
        {
            return false;
        }

        ReadOnlySpan<char> iban = buffer[..length];
        if (length != GetLength(iban[0], iban[1])
            || !char.IsAsciiDigit(iban[2])
            || !char.IsAsciiDigit(iban[3])
            || !IdentifierText.AllUpperAlphanumerics(iban[4..]))
        {
            return false;
        }

        // 00, 01 and 99 are never produced by the check digit computation (98 − n mod 97),
        // although 99 ≡ 02 (mod 97) would pass the checksum.
        var checkDigits = ((iban[2] - '0') * 10) + (iban[3] - '0');
        if (checkDigits is < 2 or > 98)
        {
            return false;
        }

        // ISO 7064 MOD 97-10 over BBAN + country code + check digits, letters read as 10..35,
        // computed piecewise so that no big integer is needed.
        var remainder = Mod97(0, iban[4..]);
        remainder = Mod97(remainder, iban[..4]);
        return remainder == 1;
    }

    private static int Mod97(int remainder, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }

    /// <summary>
    /// IBAN length registered for a country in the SWIFT IBAN registry, or 0 when the country
    /// does not use IBANs.
    /// </summary>
    internal static int GetLength(char first, char second) =>
        (first, second) switch
        {
            ('A', 'D') => 24, // Andorra
            ('A', 'E') => 23, // United Arab Emirates
            ('A', 'L') => 28, // Albania
            ('A', 'T') => 20, // Austria
            ('A', 'Z') => 28, // Azerbaijan
            ('B', 'A') => 20, // Bosnia and Herzegovina
            ('B', 'E') => 16, // Belgium
            ('B', 'G') => 22, // Bulgaria
            ('B', 'H') => 22, // Bahrain
            ('B', 'I') => 27, // Burundi
            ('B', 'R') => 29, // Brazil
            ('B', 'Y') => 28, // Belarus
            ('C', 'H') => 21, // Switzerland
            ('C', 'R') => 22, // Costa Rica
            ('C', 'Y') => 28, // Cyprus
            ('C', 'Z') => 24, // Czechia
            ('D', 'E') => 22, // Germany
            ('D', 'J') => 27, // Djibouti
            ('D', 'K') => 18, // Denmark
            ('D', 'O') => 28, // Dominican Republic
            ('E', 'E') => 20, // Estonia
            ('E', 'G') => 29, // Egypt
            ('E', 'S') => 24, // Spain
            ('F', 'I') => 18, // Finland
            ('F', 'K') => 18, // Falkland Islands
            ('F', 'O') => 18, // Faroe Islands
            ('F', 'R') => 27, // France
            ('G', 'B') => 22, // United Kingdom
            ('G', 'E') => 22, // Georgia
            ('G', 'I') => 23, // Gibraltar
            ('G', 'L') => 18, // Greenland
            ('G', 'R') => 27, // Greece
            ('G', 'T') => 28, // Guatemala
            ('H', 'N') => 28, // Honduras
            ('H', 'R') => 21, // Croatia
            ('H', 'U') => 28, // Hungary
            ('I', 'E') => 22, // Ireland
            ('I', 'L') => 23, // Israel
            ('I', 'Q') => 23, // Iraq
            ('I', 'S') => 26, // Iceland
            ('I', 'T') => 27, // Italy
            ('J', 'O') => 30, // Jordan
            ('K', 'W') => 30, // Kuwait
            ('K', 'Z') => 20, // Kazakhstan
            ('L', 'B') => 28, // Lebanon
            ('L', 'C') => 32, // Saint Lucia
            ('L', 'I') => 21, // Liechtenstein
            ('L', 'T') => 20, // Lithuania
            ('L', 'U') => 20, // Luxembourg
            ('L', 'V') => 21, // Latvia
            ('L', 'Y') => 25, // Libya
            ('M', 'C') => 27, // Monaco
            ('M', 'D') => 24, // Moldova
            ('M', 'E') => 22, // Montenegro
            ('M', 'K') => 19, // North Macedonia
            ('M', 'N') => 20, // Mongolia
            ('M', 'R') => 27, // Mauritania
            ('M', 'T') => 31, // Malta
            ('M', 'U') => 30, // Mauritius
            ('N', 'I') => 28, // Nicaragua
            ('N', 'L') => 18, // Netherlands
            ('N', 'O') => 15, // Norway
            ('O', 'M') => 23, // Oman
            ('P', 'K') => 24, // Pakistan
            ('P', 'L') => 28, // Poland
            ('P', 'S') => 29, // Palestine
            ('P', 'T') => 25, // Portugal
            ('Q', 'A') => 29, // Qatar
            ('R', 'O') => 24, // Romania
            ('R', 'S') => 22, // Serbia
            ('R', 'U') => 33, // Russia
            ('S', 'A') => 24, // Saudi Arabia
            ('S', 'C') => 31, // Seychelles
            ('S', 'D') => 18, // Sudan
            ('S', 'E') => 24, // Sweden
            ('S', 'I') => 19, // Slovenia
            ('S', 'K') => 24, // Slovakia
            ('S', 'M') => 27, // San Marino
            ('S', 'O') => 23, // Somalia
            ('S', 'T') => 25, // Sao Tome and Principe
            ('S', 'V') => 28, // El Salvador
            ('T', 'L') => 23, // Timor-Leste
            ('T', 'N') => 24, // Tunisia
            ('T', 'R') => 26, // Türkiye
            ('U', 'A') => 29, // Ukraine
            ('V', 'A') => 22, // Vatican City State
            ('V', 'G') => 24, // British Virgin Islands
            ('X', 'K') => 20, // Kosovo
            ('Y', 'E') => 30, // Yemen
            _ => 0,
        };
}
