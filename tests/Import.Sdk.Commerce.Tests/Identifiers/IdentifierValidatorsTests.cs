using System.Globalization;
using Import.Sdk.Commerce.Identifiers;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Identifiers;

public class IdentifierValidatorsTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static TheoryData<string, string> Codes() => new()
    {
        { nameof(IdentifierValidators.Siren), "invalid_siren" },
        { nameof(IdentifierValidators.Siret), "invalid_siret" },
        { nameof(IdentifierValidators.VatNumber), "invalid_vat" },
        { nameof(IdentifierValidators.Iban), "invalid_iban" },
        { nameof(IdentifierValidators.Bic), "invalid_bic" },
        { nameof(IdentifierValidators.Country), "invalid_format" },
    };

    private static IValueNormalizer ByName(string name) => name switch
    {
        nameof(IdentifierValidators.Siren) => IdentifierValidators.Siren,
        nameof(IdentifierValidators.Siret) => IdentifierValidators.Siret,
        nameof(IdentifierValidators.VatNumber) => IdentifierValidators.VatNumber,
        nameof(IdentifierValidators.Iban) => IdentifierValidators.Iban,
        nameof(IdentifierValidators.Bic) => IdentifierValidators.Bic,
        nameof(IdentifierValidators.Country) => IdentifierValidators.Country,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_EachValidator_ItsIssueCode(string validator, string code) => Assert.Equal(code, ByName(validator).Code);

    [Theory]
    [InlineData(nameof(IdentifierValidators.Siren), "732 829 320", "732829320")]
    [InlineData(nameof(IdentifierValidators.Siren), "732.829.320", "732829320")]
    [InlineData(nameof(IdentifierValidators.Siren), "732\u00A0829\u00A0320", "732829320")]
    [InlineData(nameof(IdentifierValidators.Siret), "732 829 320 00074", "73282932000074")]
    [InlineData(nameof(IdentifierValidators.Siret), "356 000 000 09075", "35600000009075")]
    [InlineData(nameof(IdentifierValidators.VatNumber), "fr 44 732 829 320", "FR44732829320")]
    [InlineData(nameof(IdentifierValidators.VatNumber), "DE 123456789", "DE123456789")]
    [InlineData(nameof(IdentifierValidators.Iban), "fr76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189")]
    [InlineData(nameof(IdentifierValidators.Iban), "DE89-3704-0044-0532-0130-00", "DE89370400440532013000")]
    [InlineData(nameof(IdentifierValidators.Bic), "bnpa fr pp xxx", "BNPAFRPPXXX")]
    [InlineData(nameof(IdentifierValidators.Bic), "DEUTDEFF", "DEUTDEFF")]
    [InlineData(nameof(IdentifierValidators.Country), "France", "FR")]
    [InlineData(nameof(IdentifierValidators.Country), "fra", "FR")]
    [InlineData(nameof(IdentifierValidators.Country), "Allemagne", "DE")]
    [InlineData(nameof(IdentifierValidators.Country), "États-Unis", "US")]
    [InlineData(nameof(IdentifierValidators.Country), "United Kingdom", "GB")]
    [InlineData(nameof(IdentifierValidators.Country), "be", "BE")]
    public void Normalize_ValidValue_CompactCanonicalForm(string validator, string value, string expected)
    {
        var v = ByName(validator);
        Assert.True(v.IsValid(value));
        Assert.True(v.TryNormalize(value, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(nameof(IdentifierValidators.Siren), "732829321")]
    [InlineData(nameof(IdentifierValidators.Siren), "73282932")]
    [InlineData(nameof(IdentifierValidators.Siren), "ABCDEFGHI")]
    [InlineData(nameof(IdentifierValidators.Siret), "73282932000075")]
    [InlineData(nameof(IdentifierValidators.Siret), "35600000000000")]
    [InlineData(nameof(IdentifierValidators.VatNumber), "FR45732829320")]
    [InlineData(nameof(IdentifierValidators.VatNumber), "XX123")]
    [InlineData(nameof(IdentifierValidators.Iban), "FR7630006000011234567890188")]
    [InlineData(nameof(IdentifierValidators.Iban), "FR76300060000112345678901")]
    [InlineData(nameof(IdentifierValidators.Bic), "BNPAFRP")]
    [InlineData(nameof(IdentifierValidators.Bic), "BNPAZZPP")]
    [InlineData(nameof(IdentifierValidators.Country), "Atlantide")]
    [InlineData(nameof(IdentifierValidators.Country), "ZZ")]
    public void IsValid_InvalidValue_False(string validator, string value) => Assert.False(ByName(validator).IsValid(value));

    [Fact]
    public void GetMessage_SirenWrongLength_SaysHowManyDigits()
    {
        Assert.Equal("SIREN invalide : « 73282932 » a 8 chiffres, un SIREN en a 9 ; vérifiez la saisie.", IdentifierValidators.Siren.GetMessage("73282932", French));
        Assert.Equal("Invalid SIREN: '73282932' has 8 digits, a SIREN has 9; check the value.", IdentifierValidators.Siren.GetMessage("73282932", English));
    }

    [Fact]
    public void GetMessage_SirenWrongKey_NamesLuhnKey()
    {
        Assert.Contains("clé de contrôle Luhn", IdentifierValidators.Siren.GetMessage("732829321", French), StringComparison.Ordinal);
        Assert.Contains("Luhn check digit", IdentifierValidators.Siren.GetMessage("732829321", English), StringComparison.Ordinal);
    }

    [Fact]
    public void GetMessage_SiretWrongLength_Says14Digits()
    {
        Assert.Contains("un SIRET en a 14", IdentifierValidators.Siret.GetMessage("7328293200007", French), StringComparison.Ordinal);
        Assert.Contains("a SIRET has 14", IdentifierValidators.Siret.GetMessage("7328293200007", English), StringComparison.Ordinal);
    }

    [Fact]
    public void GetMessage_FrenchVatWrongKey_GivesTheExpectedNumber()
    {
        Assert.Equal(
            "Numéro de TVA invalide : pour le SIREN 732829320, la clé est 44 ; le numéro attendu est FR44732829320.",
            IdentifierValidators.VatNumber.GetMessage("FR45 732 829 320", French));
        Assert.Equal(
            "Invalid VAT number: for SIREN 732829320 the key is 44; the expected number is FR44732829320.",
            IdentifierValidators.VatNumber.GetMessage("FR45732829320", English));
    }

    [Fact]
    public void GetMessage_VatWrongFormat_ShowsTheExpectedForm() =>
        Assert.Contains("FR + clé à 2 chiffres + SIREN", IdentifierValidators.VatNumber.GetMessage("12345", French), StringComparison.Ordinal);

    [Fact]
    public void GetMessage_IbanWrongLength_NamesTheCountryLength()
    {
        Assert.Equal(
            "IBAN invalide : un IBAN FR compte 27 caractères, « FR76 3000 6000 0112 3456 7890 1 » en a 25 ; vérifiez la saisie.",
            IdentifierValidators.Iban.GetMessage("FR76 3000 6000 0112 3456 7890 1", French));
        Assert.Contains("a BE IBAN has 16 characters", IdentifierValidators.Iban.GetMessage("BE6853900754703", English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US12345")]
    [InlineData("F")]
    [InlineData("7630006000011234567890189")]
    public void GetMessage_IbanWithoutIbanCountry_SaysSo(string value) =>
        Assert.Contains("code of a country that uses IBANs", IdentifierValidators.Iban.GetMessage(value, English), StringComparison.Ordinal);

    [Fact]
    public void GetMessage_IbanWrongCheckDigits_NamesMod97() =>
        Assert.Contains("modulo 97", IdentifierValidators.Iban.GetMessage("FR7630006000011234567890188", French), StringComparison.Ordinal);

    [Fact]
    public void GetMessage_Bic_DescribesTheFormat()
    {
        Assert.Contains("8 ou 11 caractères", IdentifierValidators.Bic.GetMessage("BNP", French), StringComparison.Ordinal);
        Assert.Contains("8 or 11 characters", IdentifierValidators.Bic.GetMessage("BNP", English), StringComparison.Ordinal);
    }

    [Fact]
    public void GetMessage_Country_SaysWhatToWrite()
    {
        Assert.Equal("Pays inconnu : « Atlantide » ; indiquez le code ISO du pays (FR, BE, DE…) ou son nom en français ou en anglais.", IdentifierValidators.Country.GetMessage("Atlantide", French));
        Assert.Equal("Unknown country: 'Atlantide'; write the ISO code of the country (FR, BE, DE…) or its name in French or English.", IdentifierValidators.Country.GetMessage("Atlantide", English));
    }

    [Theory]
    [InlineData("fr-BE")]
    [InlineData("fr-CA")]
    [InlineData("fr")]
    public void GetMessage_AnyFrenchCulture_French(string culture) =>
        Assert.StartsWith("SIREN invalide", IdentifierValidators.Siren.GetMessage("1", CultureInfo.GetCultureInfo(culture)), StringComparison.Ordinal);

    [Theory]
    [InlineData("de-DE")]
    [InlineData("")]
    public void GetMessage_OtherCulture_English(string culture) =>
        Assert.StartsWith("Invalid SIREN", IdentifierValidators.Siren.GetMessage("1", CultureInfo.GetCultureInfo(culture)), StringComparison.Ordinal);

    [Fact]
    public void Validators_LaPosteSiret_ValidAndCompact()
    {
        Assert.True(IdentifierValidators.Siret.TryNormalize("356 000 000 09075", out var normalized));
        Assert.Equal(Ids.LaPosteSiret, normalized);
    }

    [Fact]
    public void TryNormalize_InvalidValue_FalseAndNull()
    {
        Assert.False(IdentifierValidators.Siren.TryNormalize("732 829 321", out var normalized));
        Assert.Null(normalized);
    }
}
