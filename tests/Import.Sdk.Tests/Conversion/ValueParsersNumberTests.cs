using System.Globalization;
using Import.Sdk.Conversion;

namespace Import.Sdk.Tests.Conversion;

public class ValueParsersNumberTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Theory]
    [InlineData("fr-FR", "French")]
    [InlineData("fr-BE", "French")]
    [InlineData("fr-CA", "French")]
    [InlineData("fr-CH", "French")]
    [InlineData("de-DE", "French")]
    [InlineData("en-US", "Invariant")]
    [InlineData("en-GB", "Invariant")]
    [InlineData("de-CH", "Invariant")]
    [InlineData("", "Invariant")]
    public void StyleFor_Culture_PicksStyleFromDecimalSeparator(string culture, string expected) =>
        Assert.Equal(expected, ValueParsers.StyleFor(CultureInfo.GetCultureInfo(culture)).ToString());

    [Theory]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1\u00A0234,56", "1234.56")]
    [InlineData("1\u202F234,56", "1234.56")]
    [InlineData("1'234,56", "1234.56")]
    [InlineData("1\u2019234,56", "1234.56")]
    [InlineData("12,5", "12.5")]
    [InlineData("-12,5", "-12.5")]
    [InlineData("+12,5", "12.5")]
    [InlineData("\u221212,5", "-12.5")]
    [InlineData("12,5-", "-12.5")]
    [InlineData("(12,50)", "-12.50")]
    [InlineData("( 12,50 )", "-12.50")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("12.5", "12.5")]
    [InlineData("1.234", "1.234")]
    [InlineData("12 345 678,9", "12345678.9")]
    [InlineData("12\u202F345\u202F678,9", "12345678.9")]
    [InlineData("€ 12,50", "12.50")]
    [InlineData("€12,50", "12.50")]
    [InlineData("12,50 €", "12.50")]
    [InlineData("12,50€", "12.50")]
    [InlineData("12,50 EUR", "12.50")]
    [InlineData("EUR 12,50", "12.50")]
    [InlineData("12,50 eur", "12.50")]
    [InlineData("$12,50", "12.50")]
    [InlineData("-12,50 €", "-12.50")]
    [InlineData("€ -12,50", "-12.50")]
    [InlineData("(12,50 €)", "-12.50")]
    [InlineData("  42  ", "42")]
    [InlineData("\t42\u00A0", "42")]
    [InlineData("0", "0")]
    [InlineData("0,0001", "0.0001")]
    [InlineData(",5", "0.5")]
    [InlineData("007", "7")]
    [InlineData("1234567,891", "1234567.891")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void TryParseDecimal_FrenchStyle_Parses(string text, string expected)
    {
        Assert.True(ValueParsers.TryParseDecimal(text, NumberStyleKind.French, out decimal value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1,234,567.5", "1234567.5")]
    [InlineData("1 234.56", "1234.56")]
    [InlineData("1\u2019234.56", "1234.56")]
    [InlineData("12.5", "12.5")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("12.5-", "-12.5")]
    [InlineData("(12.50)", "-12.50")]
    [InlineData("$1,234.56", "1234.56")]
    [InlineData("1,234.56 $", "1234.56")]
    [InlineData("€ 12.50", "12.50")]
    [InlineData("1,234", "1234")]
    [InlineData(" 42 ", "42")]
    public void TryParseDecimal_InvariantStyle_Parses(string text, string expected)
    {
        Assert.True(ValueParsers.TryParseDecimal(text, NumberStyleKind.Invariant, out decimal value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\u00A0\u202F\t")]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("12,5%")]
    [InlineData("%12,5")]
    [InlineData("3e5")]
    [InlineData("1E3")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("€")]
    [InlineData("EUR")]
    [InlineData("()")]
    [InlineData("(12,5")]
    [InlineData("--12")]
    [InlineData("-12-")]
    [InlineData("-(12)")]
    [InlineData("(-12)")]
    [InlineData("12-5")]
    [InlineData("1 2")]
    [InlineData("12 34")]
    [InlineData("1 2345")]
    [InlineData("1234 567,5")]
    [InlineData("1  234")]
    [InlineData(" 1 234 ,5")]
    [InlineData("1 234, 5")]
    [InlineData("1,234.56")]
    [InlineData("1.2.3")]
    [InlineData("12,5.0")]
    [InlineData("12,")]
    [InlineData("0x1A")]
    [InlineData("12 £")]
    [InlineData("€ 12 €")]
    [InlineData("1\u00A0234,56\u00A0%")]
    [InlineData("٣")]
    [InlineData("79228162514264337593543950336")]
    public void TryParseDecimal_FrenchStyleInvalid_ReturnsFalse(string text)
    {
        Assert.False(ValueParsers.TryParseDecimal(text, NumberStyleKind.French, out decimal value));
        Assert.Equal(0m, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("12,5")]
    [InlineData("12.5%")]
    [InlineData("1.2.3")]
    [InlineData("1.234,56")]
    [InlineData("3e5")]
    public void TryParseDecimal_InvariantStyleInvalid_ReturnsFalse(string text) =>
        Assert.False(ValueParsers.TryParseDecimal(text, NumberStyleKind.Invariant, out _));

    [Fact]
    public void TryParseDecimal_TextLongerThanStackBuffer_ParsesWithPooledBuffer()
    {
        string text = new string(' ', 200) + "1 234,5" + new string('0', 150) + new string('\u00A0', 100);
        Assert.True(ValueParsers.TryParseDecimal(text, NumberStyleKind.French, out decimal value));
        Assert.Equal(1234.5m, value);
    }

    [Fact]
    public void TryParseDecimal_HugeNumberOfDigits_ReturnsFalseWithoutThrowing() =>
        Assert.False(ValueParsers.TryParseDecimal(new string('9', 500), NumberStyleKind.French, out _));

    [Fact]
    public void TryParseDecimal_FrenchCultureNoBreakSpace_NativeParserRejectsButOursAccepts()
    {
        // Why we normalise ourselves: fr-FR's group separator is U+202F on ICU, and the runtime accepts
        // U+202F and a plain space, but not the U+00A0 that Excel and most French ERPs actually write.
        Assert.Equal("\u202F", French.NumberFormat.NumberGroupSeparator);
        Assert.False(decimal.TryParse("1\u00A0234,56", NumberStyles.Number, French, out _));

        Assert.True(ValueParsers.TryParseDecimal("1\u00A0234,56", NumberStyleKind.French, out decimal value));
        Assert.Equal(1234.56m, value);
    }

    [Theory]
    [InlineData("30", 30L)]
    [InlineData("1 000", 1000L)]
    [InlineData("1\u00A0000", 1000L)]
    [InlineData("1\u202F000", 1000L)]
    [InlineData("30,00", 30L)]
    [InlineData("30,0", 30L)]
    [InlineData("30.00", 30L)]
    [InlineData("-30", -30L)]
    [InlineData("30-", -30L)]
    [InlineData("(30)", -30L)]
    [InlineData("+30", 30L)]
    [InlineData(" 30 ", 30L)]
    [InlineData("0", 0L)]
    [InlineData(",0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("1.000.000", 1000000L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9 223 372 036 854 775 808", long.MinValue)]
    [InlineData("30 €", 30L)]
    public void TryParseInteger_FrenchStyle_Parses(string text, long expected)
    {
        Assert.True(ValueParsers.TryParseInteger(text, NumberStyleKind.French, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("30,5")]
    [InlineData("30,01")]
    [InlineData("30.5")]
    [InlineData("3e5")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("abc")]
    [InlineData("30%")]
    [InlineData("1,2,3")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    public void TryParseInteger_FrenchStyleInvalid_ReturnsFalse(string text)
    {
        Assert.False(ValueParsers.TryParseInteger(text, NumberStyleKind.French, out long value));
        Assert.Equal(0L, value);
    }

    [Theory]
    [InlineData("1,000", 1000L)]
    [InlineData("30.00", 30L)]
    [InlineData("-1,234,567", -1234567L)]
    public void TryParseInteger_InvariantStyle_Parses(string text, long expected)
    {
        Assert.True(ValueParsers.TryParseInteger(text, NumberStyleKind.Invariant, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("30,5")]
    [InlineData("30.5")]
    [InlineData("1,00")]
    public void TryParseInteger_InvariantStyleInvalid_ReturnsFalse(string text) =>
        Assert.False(ValueParsers.TryParseInteger(text, NumberStyleKind.Invariant, out _));

    [Theory]
    [InlineData("  abc  ", "abc")]
    [InlineData("\t\r\n abc \u00A0\u202F", "abc")]
    [InlineData("\uFEFFabc", "abc")]
    [InlineData("a b", "a b")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    public void Trim_Whitespace_ReturnsSliceWithoutOuterWhitespace(string text, string expected) =>
        Assert.Equal(expected, ValueParsers.Trim(text).ToString());

    [Fact]
    public void Trim_Slice_PointsIntoOriginalText()
    {
        string text = "  abc  ";
        ReadOnlySpan<char> trimmed = ValueParsers.Trim(text);
        Assert.True(text.AsSpan().Overlaps(trimmed, out int offset));
        Assert.Equal(2, offset);
        Assert.Equal(3, trimmed.Length);
    }
}
