namespace Import.Sdk.Commerce.Identifiers;

/// <summary>
/// SIREN: the 9-digit number the INSEE assigns to every French company (entreprise) in the
/// Sirene register (Système d'identification du répertoire des entreprises). Its last digit
/// is a Luhn check digit.
/// </summary>
public static class Siren
{
    /// <summary>Number of digits of a SIREN.</summary>
    internal const int Length = 9;

    /// <summary>
    /// Whether <paramref name="value"/> is a well-formed SIREN: exactly 9 digits once visual
    /// separators (spaces, no-break spaces, dots, hyphens) are removed, with a valid Luhn check
    /// digit, e.g. <c>"732 829 320"</c>. La Poste's SIREN <c>356 000 000</c> passes the Luhn check
    /// too. Never throws.
    /// </summary>
    /// <param name="value">The text typed by the user.</param>
    /// <returns><see langword="true"/> when the SIREN is valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length == Length && IdentifierText.AllDigits(value))
        {
            return IdentifierText.IsLuhnValid(value); // already compact, the usual case
        }

        Span<char> digits = stackalloc char[Length];
        return IdentifierText.TryCompactExact(value, digits) && IsValidCompact(digits);
    }

    /// <summary>Checks 9 already compacted characters.</summary>
    internal static bool IsValidCompact(ReadOnlySpan<char> digits) =>
        digits.Length == Length && IdentifierText.AllDigits(digits) && IdentifierText.IsLuhnValid(digits);
}
