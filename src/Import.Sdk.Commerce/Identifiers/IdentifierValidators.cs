using System.Globalization;

namespace Import.Sdk.Commerce.Identifiers;

/// <summary>
/// The French identifier checks as field validators, ready for <see cref="FieldBuilder.Validate(IFieldValidator)"/>.
/// Each one rejects an invalid value with its issue code and a French or English message that says what is wrong and
/// what to do, and stores a valid value in its compact, canonical form (<c>"732 829 320"</c> → <c>"732829320"</c>,
/// an IBAN or a VAT number upper-case without spaces, a country as its ISO 3166-1 alpha-2 code).
/// </summary>
/// <remarks>The validators are immutable and thread-safe; share them between schemas.</remarks>
public static class IdentifierValidators
{
    /// <summary>Gets the SIREN check (9 digits, Luhn key): code <c>invalid_siren</c>; stores the 9 digits.</summary>
    public static IValueNormalizer Siren { get; } = new IdentifierValidator(IssueCodes.InvalidSiren, global::Import.Sdk.Commerce.Identifiers.Siren.IsValid, IdentifierValidator.Compact, SirenMessage);

    /// <summary>Gets the SIRET check (14 digits: SIREN + NIC, Luhn key, La Poste exception): code <c>invalid_siret</c>; stores the 14 digits.</summary>
    public static IValueNormalizer Siret { get; } = new IdentifierValidator(IssueCodes.InvalidSiret, global::Import.Sdk.Commerce.Identifiers.Siret.IsValid, IdentifierValidator.Compact, SiretMessage);

    /// <summary>Gets the intra-community VAT number check (French key checked against the SIREN, other EU countries by format): code <c>invalid_vat</c>; stores it upper-case without separators.</summary>
    public static IValueNormalizer VatNumber { get; } = new IdentifierValidator(IssueCodes.InvalidVat, global::Import.Sdk.Commerce.Identifiers.VatNumber.IsValid, IdentifierValidator.Compact, VatMessage);

    /// <summary>Gets the IBAN check (country length, ISO 13616 mod 97): code <c>invalid_iban</c>; stores it upper-case without spaces.</summary>
    public static IValueNormalizer Iban { get; } = new IdentifierValidator(IssueCodes.InvalidIban, global::Import.Sdk.Commerce.Identifiers.Iban.IsValid, IdentifierValidator.Compact, IbanMessage);

    /// <summary>Gets the BIC (SWIFT code) check, 8 or 11 characters: code <c>invalid_bic</c>; stores it upper-case without spaces.</summary>
    public static IValueNormalizer Bic { get; } = new IdentifierValidator(IssueCodes.InvalidBic, global::Import.Sdk.Commerce.Identifiers.Bic.IsValid, IdentifierValidator.Compact, BicMessage);

    /// <summary>Gets the country check (ISO alpha-2 or alpha-3 code, French or English name): code <c>invalid_format</c>; stores the ISO 3166-1 alpha-2 code.</summary>
    public static IValueNormalizer Country { get; } = IdentifierValidator.Create(IssueCodes.InvalidFormat, static v => Countries.TryNormalize(v, out _), static (string v, out string code) => Countries.TryNormalize(v, out code), CountryMessage);

    private static string SirenMessage(string value, bool french)
    {
        var digits = IdentifierValidator.CountDigits(value, out var others);
        if (others == 0 && digits != 9)
        {
            return french
                ? $"SIREN invalide : « {value} » a {digits} chiffres, un SIREN en a 9 ; vérifiez la saisie."
                : $"Invalid SIREN: '{value}' has {digits} digits, a SIREN has 9; check the value.";
        }

        return french
            ? $"SIREN invalide : « {value} » n'est pas un SIREN (9 chiffres dont le dernier est une clé de contrôle Luhn) ; vérifiez la saisie."
            : $"Invalid SIREN: '{value}' is not a SIREN (9 digits, the last one a Luhn check digit); check the value.";
    }

    private static string SiretMessage(string value, bool french)
    {
        var digits = IdentifierValidator.CountDigits(value, out var others);
        if (others == 0 && digits != 14)
        {
            return french
                ? $"SIRET invalide : « {value} » a {digits} chiffres, un SIRET en a 14 (SIREN à 9 chiffres + NIC à 5 chiffres) ; vérifiez la saisie."
                : $"Invalid SIRET: '{value}' has {digits} digits, a SIRET has 14 (9-digit SIREN + 5-digit NIC); check the value.";
        }

        return french
            ? $"SIRET invalide : « {value} » n'est pas un SIRET (14 chiffres : SIREN + NIC, avec une clé de contrôle Luhn) ; vérifiez la saisie."
            : $"Invalid SIRET: '{value}' is not a SIRET (14 digits: SIREN + NIC, with a Luhn check digit); check the value.";
    }

    private static string VatMessage(string value, bool french)
    {
        var compact = IdentifierValidator.Compact(value);
        if (compact.StartsWith("FR", StringComparison.Ordinal) && compact.Length == 13)
        {
            var siren = compact[4..];
            if (global::Import.Sdk.Commerce.Identifiers.Siren.IsValid(siren) || siren.StartsWith("000", StringComparison.Ordinal))
            {
                var key = global::Import.Sdk.Commerce.Identifiers.VatNumber.ComputeFrenchKey(siren);
                if (key >= 0)
                {
                    var expected = string.Create(CultureInfo.InvariantCulture, $"FR{key:D2}{siren}");
                    return french
                        ? $"Numéro de TVA invalide : pour le SIREN {siren}, la clé est {key:D2} ; le numéro attendu est {expected}."
                        : $"Invalid VAT number: for SIREN {siren} the key is {key:D2}; the expected number is {expected}.";
                }
            }
        }

        return french
            ? $"Numéro de TVA invalide : « {value} » ; attendu le code pays puis le numéro, par exemple FR + clé à 2 chiffres + SIREN (FR40303265045) ; vérifiez la saisie."
            : $"Invalid VAT number: '{value}'; expected the country code then the number, for example FR + 2-digit key + SIREN (FR40303265045); check the value.";
    }

    private static string IbanMessage(string value, bool french)
    {
        var compact = IdentifierValidator.Compact(value);
        var expected = compact.Length >= 2 ? global::Import.Sdk.Commerce.Identifiers.Iban.GetLength(compact[0], compact[1]) : 0;
        if (expected == 0)
        {
            return french
                ? $"IBAN invalide : « {value} » ne commence pas par le code d'un pays qui utilise l'IBAN (FR, BE, DE…) ; vérifiez la saisie."
                : $"Invalid IBAN: '{value}' does not start with the code of a country that uses IBANs (FR, BE, DE…); check the value.";
        }

        if (expected != compact.Length)
        {
            return french
                ? $"IBAN invalide : un IBAN {compact[..2]} compte {expected} caractères, « {value} » en a {compact.Length} ; vérifiez la saisie."
                : $"Invalid IBAN: a {compact[..2]} IBAN has {expected} characters, '{value}' has {compact.Length}; check the value.";
        }

        return french
            ? $"IBAN invalide : la clé de contrôle de « {value} » ne correspond pas (contrôle modulo 97) ; vérifiez la saisie ou recopiez l'IBAN du relevé d'identité bancaire."
            : $"Invalid IBAN: the check digits of '{value}' do not match (mod 97 check); check the value or copy the IBAN from the bank details.";
    }

    private static string BicMessage(string value, bool french) => french
        ? $"BIC invalide : « {value} » ; un BIC compte 8 ou 11 caractères : 4 lettres (banque), le code pays ISO (2 lettres), 2 caractères (ville) et éventuellement 3 (agence), par exemple BNPAFRPPXXX."
        : $"Invalid BIC: '{value}'; a BIC has 8 or 11 characters: 4 letters (bank), the ISO country code (2 letters), 2 characters (location) and optionally 3 (branch), for example BNPAFRPPXXX.";

    private static string CountryMessage(string value, bool french) => french
        ? $"Pays inconnu : « {value} » ; indiquez le code ISO du pays (FR, BE, DE…) ou son nom en français ou en anglais."
        : $"Unknown country: '{value}'; write the ISO code of the country (FR, BE, DE…) or its name in French or English.";
}
