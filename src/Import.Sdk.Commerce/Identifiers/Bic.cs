namespace Import.Sdk.Commerce.Identifiers;

/// <summary>
/// BIC (Business Identifier Code, ISO 9362, also called SWIFT code), the bank identifier that
/// accompanies an IBAN on a French RIB: 4-letter institution code, 2-letter ISO country code,
/// 2-character location code and an optional 3-character branch code, e.g. <c>BNPAFRPPXXX</c>.
/// </summary>
public static class Bic
{
    /// <summary>
    /// Whether <paramref name="value"/> is a well-formed BIC of 8 or 11 characters: 4 letters,
    /// a known ISO 3166-1 alpha-2 country code, 2 letters or digits for the location and,
    /// optionally, 3 letters or digits for the branch. Case-insensitive; visual separators
    /// (spaces, no-break spaces, dots, hyphens) are ignored. Never throws.
    /// </summary>
    /// <param name="value">The text typed by the user, e.g. <c>"BNPAFRPP"</c> or <c>"DEUTDEFFXXX"</c>.</param>
    /// <returns><see langword="true"/> when the BIC is well formed.</returns>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[11];
        if (!IdentifierText.TryCompact(value, buffer, out var length) || length is not (8 or 11))
        {
            return false;
        }

        ReadOnlySpan<char> bic = buffer[..length];
        return IdentifierText.AllUpperLetters(bic[..4])
            && IdentifierText.AllUpperLetters(bic[4..6])
            && Countries.IsAlpha2Code(bic[4..6])
            && IdentifierText.AllUpperAlphanumerics(bic[6..]);
    }
}
