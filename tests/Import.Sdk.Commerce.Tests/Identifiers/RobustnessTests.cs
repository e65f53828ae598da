using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Tests.Identifiers;

public class RobustnessTests
{
    private static void CallEverything(string? a, string? b, string? c, string? d)
    {
        _ = Siren.IsValid(a);
        _ = Siret.IsValid(a);
        _ = VatNumber.IsValid(a);
        _ = VatNumber.ComputeFrenchKey(a);
        _ = Iban.IsValid(a);
        _ = Bic.IsValid(a);
        _ = Countries.TryNormalize(a, out _);
        _ = Rib.IsValid(a, b, c, d);
        _ = Rib.ComputeKey(a, b, c);
    }

    [Property(MaxTest = 500)]
    public bool AllChecks_ArbitraryStrings_NeverThrow(string? a, string? b, string? c, string? d)
    {
        CallEverything(a, b, c, d);
        return true;
    }

    private static readonly char[] TrickyChars =
        "0123456789AZaz FRDEGB .-_/\u00A0\u202F\u2009\u0301\u00E9\u00C9\u0152\u00DF\uD800\uDC00\uFFFF\0\t\n'’&(),".ToCharArray();

    [Property(MaxTest = 500)]
    public Property AllChecks_StringsOfTrickyCharacters_NeverThrow() =>
        Prop.ForAll(
            Gen.Elements(TrickyChars).ArrayOf().Select(cs => new string(cs)).ToArbitrary(),
            s =>
            {
                CallEverything(s, s, s, s);
                return true;
            });

    [Theory]
    [InlineData("")]
    [InlineData("\uD800")]
    [InlineData("\uDC00\uD800")]
    [InlineData("\0\0\0\0\0\0\0\0\0")]
    [InlineData("999999999999999999999999999999999999999999")]
    [InlineData("FR99999999999")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void AllChecks_EdgeCaseInput_NeverThrowAndRejectGarbage(string value)
    {
        CallEverything(value, value, value, value);
        Assert.False(Siren.IsValid(value));
        Assert.False(Siret.IsValid(value));
        Assert.False(Iban.IsValid(value));
        Assert.False(Bic.IsValid(value));
    }

    [Fact]
    public void AllChecks_HugeInput_NeverThrow()
    {
        var huge = new string('7', 1_000_000);
        CallEverything(huge, huge, huge, huge);
        Assert.False(Siren.IsValid(huge));
        Assert.False(Iban.IsValid(huge));
    }
}
