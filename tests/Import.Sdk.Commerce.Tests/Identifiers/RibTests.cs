using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Tests.Identifiers;

public class RibTests
{
    [Theory]
    [InlineData("30006", "00001", "12345678901", "89")]
    [InlineData("30002", "00550", "0000157845Z", "02")]
    [InlineData("20041", "01005", "0500013M026", "06")]
    [InlineData("20041", "01005", "0500013m026", "06")]
    [InlineData("30 006", "00 001", "1234 5678 901", "89")]
    [InlineData("30\u00A0006", "00001", "123.456.789.01", "89")]
    [InlineData("30006", "00001", "00000000083", "97")]
    [InlineData("30006", "00001", "00000000018", "01")]
    public void IsValid_ValidRib_True(string bank, string branch, string account, string key) =>
        Assert.True(Rib.IsValid(bank, branch, account, key));

    [Theory]
    [InlineData("30006", "00001", "12345678901", "88")]
    [InlineData("30006", "00001", "12345678901", "90")]
    [InlineData("30006", "00001", "12345678902", "89")]
    [InlineData("30007", "00001", "12345678901", "89")]
    [InlineData("30006", "00002", "12345678901", "89")]
    [InlineData("30006", "00001", "12345678901", "8")]
    [InlineData("30006", "00001", "12345678901", "089")]
    [InlineData("30006", "00001", "12345678901", "8A")]
    [InlineData("30006", "00001", "12345678901", "")]
    [InlineData("3000", "00001", "12345678901", "89")]
    [InlineData("300060", "00001", "12345678901", "89")]
    [InlineData("3000A", "00001", "12345678901", "89")]
    [InlineData("30006", "0001", "12345678901", "89")]
    [InlineData("30006", "0000B", "12345678901", "89")]
    [InlineData("30006", "00001", "1234567890", "89")]
    [InlineData("30006", "00001", "123456789012", "89")]
    [InlineData("30006", "00001", "1234567890_", "89")]
    [InlineData("30006", "00001", "1234567890É", "89")]
    [InlineData("", "", "", "")]
    public void IsValid_InvalidRib_False(string bank, string branch, string account, string key) =>
        Assert.False(Rib.IsValid(bank, branch, account, key));

    [Theory]
    [InlineData("30006", "00001", "12345678901")]
    [InlineData("30002", "00550", "0000157845Z")]
    [InlineData("20041", "01005", "0500013M026")]
    [InlineData("10096", "18000", "ABCDEFGHIJK")]
    [InlineData("10096", "18000", "LMNOPQRSTUV")]
    [InlineData("99999", "99999", "WXYZZZZZZZZ")]
    [InlineData("00000", "00000", "00000000000")]
    [InlineData("99999", "99999", "99999999999")]
    public void ComputeKey_MatchesBigIntegerReference(string bank, string branch, string account) =>
        Assert.Equal(Reference.RibKey(bank, branch, account), Rib.ComputeKey(bank, branch, account));

    [Theory]
    [InlineData('A', '1')]
    [InlineData('J', '1')]
    [InlineData('B', '2')]
    [InlineData('K', '2')]
    [InlineData('S', '2')]
    [InlineData('C', '3')]
    [InlineData('L', '3')]
    [InlineData('T', '3')]
    [InlineData('D', '4')]
    [InlineData('M', '4')]
    [InlineData('U', '4')]
    [InlineData('E', '5')]
    [InlineData('N', '5')]
    [InlineData('V', '5')]
    [InlineData('F', '6')]
    [InlineData('O', '6')]
    [InlineData('W', '6')]
    [InlineData('G', '7')]
    [InlineData('P', '7')]
    [InlineData('X', '7')]
    [InlineData('H', '8')]
    [InlineData('Q', '8')]
    [InlineData('Y', '8')]
    [InlineData('I', '9')]
    [InlineData('R', '9')]
    [InlineData('Z', '9')]
    public void ComputeKey_LetterInAccount_UsesRibTable(char letter, char digit)
    {
        var withLetter = "1234567890" + letter;
        var withDigit = "1234567890" + digit;
        Assert.Equal(Rib.ComputeKey("30006", "00001", withDigit), Rib.ComputeKey("30006", "00001", withLetter));
        Assert.Equal(
            Rib.ComputeKey("30006", "00001", withLetter),
            Rib.ComputeKey("30006", "00001", withLetter.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("3000", "00001", "12345678901")]
    [InlineData("30006", "000011", "12345678901")]
    [InlineData("30006", "00001", "1234567890")]
    [InlineData("30006", "00001", "1234567890!")]
    [InlineData("3000X", "00001", "12345678901")]
    [InlineData("", "", "")]
    public void ComputeKey_MalformedPart_MinusOne(string bank, string branch, string account) =>
        Assert.Equal(-1, Rib.ComputeKey(bank, branch, account));

    [Fact]
    public void ComputeKey_RibOfFrenchIban_MatchesIbanAndIbanValidates()
    {
        var key = Rib.ComputeKey("30006", "00001", "12345678901");
        var bban = "30006" + "00001" + "12345678901" + key.ToString("D2", CultureInfo.InvariantCulture);
        var iban = "FR" + Reference.IbanCheckDigits("FR", bban) + bban;
        Assert.Equal("FR7630006000011234567890189", iban);
        Assert.True(Iban.IsValid(iban));
    }

    private static readonly char[] AccountChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".ToCharArray();

    private static Arbitrary<(string Bank, string Branch, string Account)> RibParts =>
        Gen.Zip(
                Gen.Zip(
                    Gen.Choose(0, 9).ArrayOf(5).Select(ds => string.Concat(ds)),
                    Gen.Choose(0, 9).ArrayOf(5).Select(ds => string.Concat(ds))),
                Gen.Elements(AccountChars).ArrayOf(11).Select(cs => new string(cs)))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2))
            .ToArbitrary();

    [Property]
    public Property ComputeKey_AnyRib_MatchesReferenceAndValidates() =>
        Prop.ForAll(
            RibParts,
            Gen.Choose(1, 96).ToArbitrary(),
            (parts, shift) =>
            {
                var key = Rib.ComputeKey(parts.Bank, parts.Branch, parts.Account);
                var wrong = ((key - 1 + shift) % 97) + 1;
                return key == Reference.RibKey(parts.Bank, parts.Branch, parts.Account)
                    && key is >= 1 and <= 97
                    && Rib.IsValid(parts.Bank, parts.Branch, parts.Account, key.ToString("D2", CultureInfo.InvariantCulture))
                    && !Rib.IsValid(parts.Bank, parts.Branch, parts.Account, wrong.ToString("D2", CultureInfo.InvariantCulture));
            });
}
