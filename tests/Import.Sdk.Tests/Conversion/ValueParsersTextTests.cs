using Import.Sdk.Conversion;

namespace Import.Sdk.Tests.Conversion;

public class ValueParsersTextTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("oui")]
    [InlineData("Oui")]
    [InlineData("OUI")]
    [InlineData("ouï")]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("vrai")]
    [InlineData("Vrai")]
    [InlineData("VRAI")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("YES")]
    [InlineData("o")]
    [InlineData("O")]
    [InlineData("ô")]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("x")]
    [InlineData("X")]
    [InlineData("  oui  ")]
    [InlineData("\tVrai\u00A0")]
    public void TryParseBoolean_TrueVariant_ReturnsTrue(string text)
    {
        Assert.True(ValueParsers.TryParseBoolean(text, out bool value));
        Assert.True(value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("non")]
    [InlineData("Non")]
    [InlineData("NON")]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    [InlineData("faux")]
    [InlineData("Faux")]
    [InlineData("FAUX")]
    [InlineData("no")]
    [InlineData("No")]
    [InlineData("NO")]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData(" non ")]
    public void TryParseBoolean_FalseVariant_ReturnsFalseValue(string text)
    {
        Assert.True(ValueParsers.TryParseBoolean(text, out bool value));
        Assert.False(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("maybe")]
    [InlineData("peut-être")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("10")]
    [InlineData("o ui")]
    [InlineData("oui.")]
    [InlineData("t")]
    [InlineData("f")]
    [InlineData("vraiment")]
    [InlineData("œ")]
    [InlineData("yes!")]
    [InlineData("xx")]
    public void TryParseBoolean_NotABoolean_ReturnsFalse(string text)
    {
        Assert.False(ValueParsers.TryParseBoolean(text, out bool value));
        Assert.False(value);
    }

    [Theory]
    [InlineData("jean.dupont@exemple.fr")]
    [InlineData("a+b@sub.domaine.co")]
    [InlineData("a@b.fr")]
    [InlineData("JEAN.DUPONT@EXEMPLE.FR")]
    [InlineData("jean-pierre_o'neil@exemple.fr")]
    [InlineData("!#$%&'*+/=?^_`{|}~-@exemple.fr")]
    [InlineData("élodie.lefèvre@exemple.fr")]
    [InlineData("contact@café-paris.fr")]
    [InlineData("contact@123.exemple.com")]
    [InlineData("contact@ex-emple.fr")]
    [InlineData("x@exemple.xn--p1ai")]
    public void IsValidEmail_ValidAddress_ReturnsTrue(string text) =>
        Assert.True(ValueParsers.IsValidEmail(text));

    [Theory]
    [InlineData("")]
    [InlineData("jean")]
    [InlineData("jean@")]
    [InlineData("@x.fr")]
    [InlineData("jean dupont@x.fr")]
    [InlineData("jean@x .fr")]
    [InlineData(" jean@x.fr")]
    [InlineData("jean@x.fr ")]
    [InlineData("a@b")]
    [InlineData("a..b@x.fr")]
    [InlineData("é..a@x.fr")] // not ASCII: checked character by character
    [InlineData("é a@x.fr")]
    [InlineData("a@ca fé.fr")]
    [InlineData(".a@x.fr")]
    [InlineData("a.@x.fr")]
    [InlineData("a@-x.fr")]
    [InlineData("a@x-.fr")]
    [InlineData("a@x..fr")]
    [InlineData("a@.x.fr")]
    [InlineData("a@x.fr.")]
    [InlineData("a@x.f")]
    [InlineData("a@x.f2")]
    [InlineData("a@x.123")]
    [InlineData("a@b@x.fr")]
    [InlineData("a(b)@x.fr")]
    [InlineData("a,b@x.fr")]
    [InlineData("a@x_y.fr")]
    [InlineData("\"a\"@x.fr")]
    [InlineData("a@[127.0.0.1]")]
    public void IsValidEmail_InvalidAddress_ReturnsFalse(string text) =>
        Assert.False(ValueParsers.IsValidEmail(text));

    [Fact]
    public void IsValidEmail_TooLong_ReturnsFalse()
    {
        string local = new('a', 64);
        string label = new('b', 63);
        string fits = $"{local}@{label}.{label}.{new string('c', 61)}";
        Assert.Equal(254, fits.Length);
        Assert.True(ValueParsers.IsValidEmail(fits));
        Assert.False(ValueParsers.IsValidEmail(fits + "c"));
        Assert.False(ValueParsers.IsValidEmail(new string('a', 65) + "@x.fr"));
        Assert.False(ValueParsers.IsValidEmail("a@" + new string('b', 64) + ".fr"));
    }
}
