using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Tests.Identifiers;

public class SirenTests
{
    [Theory]
    [InlineData("732829320")]
    [InlineData("732 829 320")]
    [InlineData("732\u00A0829\u00A0320")]
    [InlineData("732\u202F829\u202F320")]
    [InlineData("732.829.320")]
    [InlineData("732-829-320")]
    [InlineData(" 732829320 ")]
    [InlineData("303265045")]
    [InlineData("552100554")]
    [InlineData("542051180")]
    [InlineData("443061841")]
    public void IsValid_ValidSiren_True(string value) => Assert.True(Siren.IsValid(value));

    [Fact]
    public void IsValid_LaPosteSiren_True()
    {
        Assert.True(Reference.IsLuhn("356000000"));
        Assert.True(Siren.IsValid("356000000"));
        Assert.True(Siren.IsValid("356 000 000"));
    }

    [Theory]
    [InlineData("732829321")]
    [InlineData("732829330")]
    [InlineData("723829320")]
    [InlineData("73282932")]
    [InlineData("7328293200")]
    [InlineData("73282932A")]
    [InlineData("732_829_320")]
    [InlineData("732/829/320")]
    [InlineData("７３２８２９３２０")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void IsValid_InvalidSiren_False(string? value) => Assert.False(Siren.IsValid(value));

    private static Arbitrary<string> EightDigits =>
        Gen.Choose(0, 9).ArrayOf(8).Select(ds => string.Concat(ds)).ToArbitrary();

    [Property]
    public Property IsValid_AnyEightDigitsWithLuhnDigit_TrueAndOneChangedDigit_False() =>
        Prop.ForAll(
            EightDigits,
            Gen.Choose(0, 8).ToArbitrary(),
            Gen.Choose(1, 9).ToArbitrary(),
            (prefix, position, delta) =>
            {
                var siren = prefix + Reference.LuhnCheckDigit(prefix);
                var chars = siren.ToCharArray();
                chars[position] = (char)('0' + ((chars[position] - '0' + delta) % 10));
                var altered = new string(chars);
                return Siren.IsValid(siren) && !Siren.IsValid(altered);
            });

    [Property]
    public Property IsLuhnValid_AnyDigitsOfAnyLength_AsTheNaiveReference() =>
        Prop.ForAll(
            Gen.Choose(1, 30).SelectMany(n => Gen.Choose(0, 9).ArrayOf(n)).Select(ds => string.Concat(ds)).ToArbitrary(),
            digits => IdentifierText.IsLuhnValid(digits) == Reference.IsLuhn(digits));
}
