using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Tests.Identifiers;

public class VatNumberTests
{
    [Theory]
    [InlineData("FR40303265045")]
    [InlineData("FR 40 303 265 045")]
    [InlineData("FR40 303 265 045")]
    [InlineData("FR\u00A040\u00A0303\u00A0265\u00A0045")]
    [InlineData("FR\u202F40\u202F303\u202F265\u202F045")]
    [InlineData("FR-40-303-265-045")]
    [InlineData("FR.40.303.265.045")]
    [InlineData("fr40303265045")]
    [InlineData("FR44732829320")]
    [InlineData("FR96552100554")]
    [InlineData("FR59542051180")]
    [InlineData("FR64443061841")]
    public void IsValid_ValidFrenchVat_True(string value) => Assert.True(VatNumber.IsValid(value));

    [Theory]
    [InlineData("FR41303265045")]
    [InlineData("FR39303265045")]
    [InlineData("FR04303265045")]
    [InlineData("FR40303265046")]
    [InlineData("FR4030326504")]
    [InlineData("FR403032650450")]
    [InlineData("FR40303265O45")]
    [InlineData("FR")]
    [InlineData("FR40")]
    [InlineData("303265045")]
    [InlineData("40303265045")]
    public void IsValid_InvalidFrenchVat_False(string value) => Assert.False(VatNumber.IsValid(value));

    [Theory]
    [InlineData("FRK7399859412")]
    [InlineData("FR4Z123456782")]
    [InlineData("FRAB303265045")]
    [InlineData("fr4z 123 456 782")]
    public void IsValid_FrenchVatWithAlphanumericKey_True(string value) => Assert.True(VatNumber.IsValid(value));

    [Theory]
    [InlineData("FRIO334175221")]
    [InlineData("FRI0334175221")]
    [InlineData("FR0O334175221")]
    [InlineData("FR#4303265045")]
    [InlineData("FRK7399859413")]
    public void IsValid_FrenchVatWithBadAlphanumericKeyOrSiren_False(string value) =>
        Assert.False(VatNumber.IsValid(value));

    [Fact]
    public void IsValid_FrenchVatWithCorrectKeyButSirenFailingLuhn_False()
    {
        const string siren = "732829321";
        Assert.False(Reference.IsLuhn(siren));
        var key = Reference.FrenchVatKey(siren);
        Assert.False(VatNumber.IsValid("FR" + key.ToString("D2", CultureInfo.InvariantCulture) + siren));
    }

    [Fact]
    public void IsValid_MonacoVatStartingWith000_TrueWithoutLuhn()
    {
        const string number = "000123456";
        Assert.False(Reference.IsLuhn(number));
        var key = Reference.FrenchVatKey(number).ToString("D2", CultureInfo.InvariantCulture);
        Assert.True(VatNumber.IsValid("FR" + key + number));
        Assert.False(VatNumber.IsValid("FR" + ((int.Parse(key, CultureInfo.InvariantCulture) + 1) % 97).ToString("D2", CultureInfo.InvariantCulture) + number));
    }

    [Theory]
    [InlineData("303265045", 40)]
    [InlineData("303 265 045", 40)]
    [InlineData("732829320", 44)]
    [InlineData("552100554", 96)]
    [InlineData("542051180", 59)]
    [InlineData("443061841", 64)]
    [InlineData("000000000", 12)]
    public void ComputeFrenchKey_KnownSiren_ReturnsKey(string siren, int expected)
    {
        Assert.Equal(expected, VatNumber.ComputeFrenchKey(siren));
        Assert.Equal(expected, Reference.FrenchVatKey(siren.Replace(" ", string.Empty, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("30326504")]
    [InlineData("3032650450")]
    [InlineData("30326504A")]
    [InlineData("FR303265045")]
    public void ComputeFrenchKey_NotNineDigits_MinusOne(string siren) =>
        Assert.Equal(-1, VatNumber.ComputeFrenchKey(siren));

    [Theory]
    [InlineData("ATU12345678")]
    [InlineData("BE0123456789")]
    [InlineData("BE 0123.456.789")]
    [InlineData("BE1234567890")]
    [InlineData("BG123456789")]
    [InlineData("BG1234567890")]
    [InlineData("CY12345678L")]
    [InlineData("CZ12345678")]
    [InlineData("CZ123456789")]
    [InlineData("CZ1234567890")]
    [InlineData("DE123456789")]
    [InlineData("de 123 456 789")]
    [InlineData("DK12345678")]
    [InlineData("EE123456789")]
    [InlineData("EL123456789")]
    [InlineData("ESA1234567B")]
    [InlineData("ES12345678Z")]
    [InlineData("ESX1234567L")]
    [InlineData("ESA12345674")]
    [InlineData("FI12345678")]
    [InlineData("HR12345678901")]
    [InlineData("HU12345678")]
    [InlineData("IE1234567T")]
    [InlineData("IE1234567TW")]
    [InlineData("IE8Z49289F")]
    [InlineData("IE7+12345A")]
    [InlineData("IT12345678901")]
    [InlineData("LT123456789")]
    [InlineData("LT123456789012")]
    [InlineData("LU12345678")]
    [InlineData("LV12345678901")]
    [InlineData("MT12345678")]
    [InlineData("NL123456789B01")]
    [InlineData("NL 1234.56.789.B.01")]
    [InlineData("PL1234567890")]
    [InlineData("PT123456789")]
    [InlineData("RO12")]
    [InlineData("RO1234567890")]
    [InlineData("SE123456789001")]
    [InlineData("SI12345678")]
    [InlineData("SK1234567890")]
    [InlineData("XI123456789")]
    [InlineData("XI123456789012")]
    [InlineData("XIGD123")]
    [InlineData("XIHA567")]
    public void IsValid_WellFormedEuVat_True(string value) => Assert.True(VatNumber.IsValid(value));

    [Theory]
    [InlineData("AT12345678")]
    [InlineData("ATU1234567")]
    [InlineData("BE2123456789")]
    [InlineData("BE012345678")]
    [InlineData("BG12345678")]
    [InlineData("CY123456789")]
    [InlineData("CZ1234567")]
    [InlineData("DE12345678")]
    [InlineData("DE1234567890")]
    [InlineData("DE12345678X")]
    [InlineData("DK123456789")]
    [InlineData("ES123456789")]
    [InlineData("ESA123456")]
    [InlineData("FI1234567")]
    [InlineData("HR1234567890")]
    [InlineData("IE12345678")]
    [InlineData("IE1234567")]
    [InlineData("IT1234567890")]
    [InlineData("LT1234567890")]
    [InlineData("NL123456789A01")]
    [InlineData("NL123456789B1")]
    [InlineData("PL123456789")]
    [InlineData("RO1")]
    [InlineData("RO0123")]
    [InlineData("RO12345678901")]
    [InlineData("SE123456789012")]
    [InlineData("SI01234567")]
    [InlineData("SK123456789")]
    [InlineData("XIGD12")]
    [InlineData("XIAB123")]
    [InlineData("GR123456789")]
    [InlineData("GB123456789")]
    [InlineData("CHE123456789")]
    [InlineData("US123456789")]
    [InlineData("XX123456789")]
    [InlineData("")]
    [InlineData("DE")]
    [InlineData("DE_123456789")]
    [InlineData("DE123456789123456789")]
    public void IsValid_MalformedOrNonEuVat_False(string value) => Assert.False(VatNumber.IsValid(value));

    private static Arbitrary<string> EightDigits =>
        Gen.Choose(0, 9).ArrayOf(8).Select(ds => string.Concat(ds)).ToArbitrary();

    [Property]
    public Property IsValid_FrenchVatBuiltFromAnyValidSiren_TrueAndOtherKeys_False() =>
        Prop.ForAll(
            EightDigits,
            Gen.Choose(1, 96).ToArbitrary(),
            (prefix, shift) =>
            {
                var siren = prefix + Reference.LuhnCheckDigit(prefix);
                var key = Reference.FrenchVatKey(siren);
                var wrongKey = (key + shift) % 97;
                return VatNumber.ComputeFrenchKey(siren) == key
                    && VatNumber.IsValid("FR" + key.ToString("D2", CultureInfo.InvariantCulture) + siren)
                    && !VatNumber.IsValid("FR" + wrongKey.ToString("D2", CultureInfo.InvariantCulture) + siren);
            });
}
