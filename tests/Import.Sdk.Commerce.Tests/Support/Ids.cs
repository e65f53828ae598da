namespace Import.Sdk.Commerce.Tests.Support;

/// <summary>Real-world identifiers used across the tests (checked by hand and by the reference implementations).</summary>
internal static class Ids
{
    public const string Siren = "732829320";
    public const string Siret = "73282932000074";
    public const string LaPosteSiren = "356000000";

    /// <summary>A La Poste SIRET: fails Luhn, but its digits sum to a multiple of 5.</summary>
    public const string LaPosteSiret = "35600000009075";

    /// <summary>The French VAT number of <see cref="Siren"/> (key 44).</summary>
    public const string Vat = "FR44732829320";

    public const string Iban = "FR7630006000011234567890189";
    public const string Bic = "BNPAFRPPXXX";

    // RIB 30006 00001 12345678901, key 89 (the IBAN above).
    public const string Bank = "30006";
    public const string Branch = "00001";
    public const string Account = "12345678901";
    public const string Key = "89";

    // A RIB whose account number has a letter: 20041 01005 0500013M026, key 06.
    public const string LetterBank = "20041";
    public const string LetterBranch = "01005";
    public const string LetterAccount = "0500013M026";
    public const string LetterKey = "06";
}
