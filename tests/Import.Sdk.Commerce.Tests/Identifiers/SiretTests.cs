using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Tests.Identifiers;

public class SiretTests
{
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("732\u00A0829\u00A0320\u00A000074")]
    [InlineData("732\u202F829\u202F320\u202F00074")]
    [InlineData("732.829.320.00074")]
    [InlineData("732-829-320-00074")]
    public void IsValid_ValidSiret_True(string value) => Assert.True(Siret.IsValid(value));

    [Theory]
    [InlineData("35600000049837")]
    [InlineData("356 000 000 49837")]
    [InlineData("35600000000048")]
    public void IsValid_LaPosteSiret_True(string value) => Assert.True(Siret.IsValid(value));

    [Fact]
    public void IsValid_LaPosteHeadOfficeSiret_PassesPlainLuhn()
    {
        // 35600000000048 (La Poste head office): digit sum 26 is NOT a multiple of 5,
        // it is valid through the ordinary Luhn check.
        Assert.Equal(26, Reference.DigitSum("35600000000048"));
        Assert.True(Reference.IsLuhn("35600000000048"));
        Assert.True(Siret.IsValid("35600000000048"));
    }

    [Fact]
    public void IsValid_LaPosteSiretFailingLuhnWithDigitSumMultipleOf5_True()
    {
        const string siret = "35600000049837";
        Assert.False(Reference.IsLuhn(siret));
        Assert.Equal(0, Reference.DigitSum(siret) % 5);
        Assert.True(Siret.IsValid(siret));
    }

    [Fact]
    public void IsValid_LaPosteSiretFailingBothRules_False()
    {
        const string siret = "35600000049838";
        Assert.False(Reference.IsLuhn(siret));
        Assert.NotEqual(0, Reference.DigitSum(siret) % 5);
        Assert.False(Siret.IsValid(siret));
    }

    [Fact]
    public void IsValid_NonLaPosteSiretWithDigitSumMultipleOf5_False()
    {
        const string siret = "73282932000004";
        Assert.False(Reference.IsLuhn(siret));
        Assert.Equal(0, Reference.DigitSum(siret) % 5);
        Assert.False(Siret.IsValid(siret));
    }

    [Fact]
    public void IsValid_SiretPassingLuhnWithInvalidSiren_False()
    {
        const string siret = "10000000000008";
        Assert.True(Reference.IsLuhn(siret));
        Assert.False(Reference.IsLuhn(siret[..9]));
        Assert.False(Siret.IsValid(siret));
    }

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("73282932000079")]
    [InlineData("7328293200007")]
    [InlineData("732829320000740")]
    [InlineData("7328293200007A")]
    [InlineData("732829320")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_InvalidSiret_False(string? value) => Assert.False(Siret.IsValid(value));

    private static Arbitrary<string> Digits(int count) =>
        Gen.Choose(0, 9).ArrayOf(count).Select(ds => string.Concat(ds)).ToArbitrary();

    [Property]
    public Property IsValid_ValidSirenPlusNicWithLuhnDigit_TrueAndOneChangedDigit_False() =>
        Prop.ForAll(
            Digits(12),
            Gen.Choose(0, 12).ToArbitrary(),
            Gen.Choose(1, 9).ToArbitrary(),
            (random, position, delta) =>
            {
                var (sirenPrefix, nic) = (random[..8], random[8..]);
                var siren = sirenPrefix + Reference.LuhnCheckDigit(sirenPrefix);
                var body = siren + nic;
                var siret = body + Reference.LuhnCheckDigit(body);
                var chars = siret.ToCharArray();
                chars[position] = (char)('0' + ((chars[position] - '0' + delta) % 10));
                var altered = new string(chars);
                var laPoste = siret.StartsWith("356000000", StringComparison.Ordinal)
                    || altered.StartsWith("356000000", StringComparison.Ordinal);
                return Siret.IsValid(siret) && (laPoste || !Siret.IsValid(altered));
            });

    [Property]
    public Property IsValid_LaPosteSiret_TrueIffLuhnOrDigitSumMultipleOf5() =>
        Prop.ForAll(
            Digits(5),
            nic =>
            {
                var siret = "356000000" + nic;
                var expected = Reference.IsLuhn(siret) || Reference.DigitSum(siret) % 5 == 0;
                return Siret.IsValid(siret) == expected;
            });
}
