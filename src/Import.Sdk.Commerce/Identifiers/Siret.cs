namespace Import.Sdk.Commerce.Identifiers;

/// <summary>
/// SIRET: the 14-digit number identifying each establishment (établissement) of a French
/// company: the 9-digit <see cref="Siren"/> followed by the 5-digit NIC (numéro interne de
/// classement). The whole number carries a Luhn check digit, except for La Poste
/// (SIREN 356 000 000), whose many establishments are numbered so that the sum of the
/// 14 digits is a multiple of 5.
/// </summary>
public static class Siret
{
    /// <summary>Number of digits of a SIRET.</summary>
    internal const int Length = 14;

    /// <summary>
    /// Whether <paramref name="value"/> is a well-formed SIRET: exactly 14 digits once visual
    /// separators (spaces, no-break spaces, dots, hyphens) are removed, e.g.
    /// <c>"732 829 320 00074"</c>, whose first 9 digits are a valid <see cref="Siren"/> and
    /// whose 14 digits pass the Luhn check. For La Poste (SIREN 356 000 000) a SIRET is also
    /// valid when the sum of its 14 digits is a multiple of 5. Never throws.
    /// </summary>
    /// <param name="value">The text typed by the user.</param>
    /// <returns><see langword="true"/> when the SIRET is valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[Length];
        ReadOnlySpan<char> digits = buffer;
        if (value.Length == Length && IdentifierText.AllDigits(value))
        {
            digits = value; // already compact, the usual case
        }
        else if (!IdentifierText.TryCompactExact(value, buffer) || !IdentifierText.AllDigits(buffer))
        {
            return false;
        }

        var siren = digits[..Siren.Length];
        if (!Siren.IsValidCompact(siren))
        {
            return false;
        }

        if (IdentifierText.IsLuhnValid(digits))
        {
            return true;
        }

        return siren.SequenceEqual("356000000") && IdentifierText.DigitSum(digits) % 5 == 0;
    }
}
