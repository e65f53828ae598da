using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Conversion;

namespace Import.Sdk.Tests.Conversion;

public class ValueParsersPropertyTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static readonly string[] FastFormats =
        ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "dd/MM/yy", "d/M/yy", "MM/dd/yyyy", "yyyy/MM/dd"];

    private static readonly string[] MixedFormats = ["dd/MM/yyyy", "d MMMM yyyy", "yyyyMMdd", "dd.MM.yy"];

    /// <summary>Chars that exercise every branch of the parsers, plus some noise.</summary>
    private static readonly char[] NastyAlphabet =
    [
        '0', '1', '2', '5', '9', ',', '.', ' ', '\u00A0', '\u202F', '\'', '\u2019', '-', '+', '\u2212', '(', ')',
        '€', '$', 'E', 'U', 'R', 'e', '%', ':', 'T', 'Z', '/', '@', 'a', 'x', 'o', 'é', 'œ', '\t', '\uD83D', '\uDE00', '\0',
    ];

    /// <summary>Decimals with at most 6 fraction digits, up to ±10^17, biased towards small values.</summary>
    private static Arbitrary<decimal> Decimals =>
        (from high in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 99_999_999)))
         from low in Gen.Frequency((1, Gen.Choose(0, 999)), (2, Gen.Choose(0, 999_999_999)))
         from negative in Gen.Elements(false, true)
         from scale in Gen.Choose(0, 6)
         let mantissa = (high * 1_000_000_000L) + low
         select new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, negative, (byte)scale))
        .ToArbitrary();

    private static Arbitrary<DateOnly> Dates =>
        Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber).ToArbitrary();

    private static Arbitrary<string> NastyStrings =>
        Gen.Elements(NastyAlphabet).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property TryParseDecimal_FrenchFormattedDecimal_RoundTrips() =>
        Prop.ForAll(Decimals, d =>
        {
            string narrow = d.ToString("#,##0.######", French);
            return ParsesTo(narrow, NumberStyleKind.French, d)
                && ParsesTo(narrow.Replace('\u202F', '\u00A0'), NumberStyleKind.French, d)
                && ParsesTo(narrow.Replace('\u202F', ' '), NumberStyleKind.French, d);
        });

    [Property(MaxTest = 1000)]
    public Property TryParseDecimal_FrenchN2FormattedDecimal_RoundTrips() =>
        Prop.ForAll(Decimals, d =>
        {
            decimal rounded = Math.Round(d, 2, MidpointRounding.AwayFromZero);
            string narrow = d.ToString("N2", French);
            return ParsesTo(narrow, NumberStyleKind.French, rounded)
                && ParsesTo(narrow.Replace('\u202F', '\u00A0'), NumberStyleKind.French, rounded)
                && ParsesTo(narrow.Replace('\u202F', ' '), NumberStyleKind.French, rounded);
        });

    [Property(MaxTest = 500)]
    public Property TryParseDecimal_FrenchCurrencyFormattedDecimal_RoundTrips() =>
        Prop.ForAll(Decimals, d => ParsesTo(d.ToString("C2", French), NumberStyleKind.French, Math.Round(d, 2, MidpointRounding.AwayFromZero)));

    [Property(MaxTest = 1000)]
    public Property TryParseDecimal_EnglishFormattedDecimal_RoundTrips() =>
        Prop.ForAll(Decimals, d =>
            ParsesTo(d.ToString("#,##0.######", English), NumberStyleKind.Invariant, d)
            && ParsesTo(d.ToString("N2", English), NumberStyleKind.Invariant, Math.Round(d, 2, MidpointRounding.AwayFromZero))
            && ParsesTo(d.ToString("C2", English), NumberStyleKind.Invariant, Math.Round(d, 2, MidpointRounding.AwayFromZero))
            && ParsesTo(d.ToString(CultureInfo.InvariantCulture), NumberStyleKind.Invariant, d));

    [Property(MaxTest = 500)]
    public Property TryParseDecimal_InvariantFormattedDecimalInFrenchStyle_RoundTrips() =>
        Prop.ForAll(Decimals, d => ParsesTo(d.ToString("0.######", CultureInfo.InvariantCulture), NumberStyleKind.French, d));

    /// <summary>The short path for usual numbers gives exactly what the runtime's parser gives: value, sign and scale ("12,50" stays 12.50).</summary>
    [Property(MaxTest = 2000)]
    public Property TryParseDecimal_AnyPlainNumber_SameValueAndScaleAsTheRuntimeParser() =>
        Prop.ForAll(Decimals, Gen.Choose(0, 3).ToArbitrary(), (d, extraZeros) =>
        {
            var invariant = d.ToString(CultureInfo.InvariantCulture);
            if (extraZeros > 0)
            {
                invariant += (invariant.Contains('.', StringComparison.Ordinal) ? string.Empty : ".") + new string('0', extraZeros);
            }

            var expected = decimal.Parse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var ok = ValueParsers.TryParseDecimal(invariant.Replace('.', ','), NumberStyleKind.French, out var parsed);
            return ok && parsed == expected
                && parsed.ToString(CultureInfo.InvariantCulture) == expected.ToString(CultureInfo.InvariantCulture)
                && decimal.IsNegative(parsed) == decimal.IsNegative(expected);
        });

    [Theory]
    [InlineData("123456789012345678", "123456789012345678")] // 18 digits: the short path
    [InlineData("1234567890123456789", "1234567890123456789")] // 19 digits: the runtime's parser
    [InlineData("-0,00", "0.00")]
    [InlineData("0", "0")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void TryParseDecimal_LongOrZero_FallsBackToTheRuntimeParser(string text, string expected)
    {
        Assert.True(ValueParsers.TryParseDecimal(text, NumberStyleKind.French, out var parsed));
        Assert.Equal(expected, parsed.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("999999999999999999", 999_999_999_999_999_999L)] // 18 digits: the short path
    [InlineData("-9223372036854775808", long.MinValue)] // 19 digits: the runtime's parser
    [InlineData("9 223 372 036 854 775 807", long.MaxValue)]
    [InlineData("-42", -42L)]
    public void TryParseInteger_ShortAndLong_Agree(string text, long expected)
    {
        Assert.True(ValueParsers.TryParseInteger(text, NumberStyleKind.French, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void TryParseInteger_BeyondLong_IsRefused() =>
        Assert.False(ValueParsers.TryParseInteger("9223372036854775808", NumberStyleKind.French, out _));

    [Property(MaxTest = 500)]
    public Property TryParseInteger_FormattedLong_RoundTrips() =>
        Prop.ForAll(Decimals, d =>
        {
            long n = (long)decimal.Truncate(d);
            return IntegerParsesTo(n.ToString("#,##0", French), NumberStyleKind.French, n)
                && IntegerParsesTo(n.ToString("N0", French).Replace('\u202F', '\u00A0'), NumberStyleKind.French, n)
                && IntegerParsesTo(n.ToString("N2", French), NumberStyleKind.French, n)
                && IntegerParsesTo(n.ToString("N0", English), NumberStyleKind.Invariant, n);
        });

    [Property(MaxTest = 1000)]
    public Property TryParseDate_FormattedDate_RoundTrips() =>
        Prop.ForAll(Dates, date =>
            DateParsesTo(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), ["dd/MM/yyyy"], date)
            && DateParsesTo(date.ToString("d/M/yyyy", CultureInfo.InvariantCulture), ["d/M/yyyy"], date)
            && DateParsesTo(date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), ["dd.MM.yyyy"], date)
            && DateParsesTo(date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), ["dd-MM-yyyy"], date)
            && DateParsesTo(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["dd/MM/yyyy"], date)
            && DateParsesTo(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 00:00:00", ["dd/MM/yyyy"], date)
            && DateParsesTo(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00", ["dd/MM/yyyy"], date)
            && DateParsesTo(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), ["d MMMM yyyy"], date));

    [Property(MaxTest = 500)]
    public Property TryParseDate_TwoDigitYear_UsesPivot50() =>
        Prop.ForAll(Dates, date =>
        {
            int yy = date.Year % 100;
            var expected = new DateOnly(yy < 50 ? 2000 + yy : 1900 + yy, date.Month, 1);
            string text = string.Create(CultureInfo.InvariantCulture, $"01/{date.Month:00}/{yy:00}");
            return DateParsesTo(text, ["dd/MM/yy"], expected);
        });

    /// <summary>
    /// On texts made of digits and the format's separators, the hand-written fast path must agree with
    /// <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/>
    /// (plus the documented ISO fallback).
    /// </summary>
    [Property(MaxTest = 3000)]
    public Property TryParseDate_FastFormat_AgreesWithRuntimeExactParsing()
    {
        Gen<(string Format, string Text)> cases =
            from format in Gen.Elements(FastFormats)
            from chars in Gen.Elements('0', '1', '2', '3', '9', '/', '-', '.').ArrayOf()
            from useDate in Gen.Elements(false, true)
            from date in Dates.Generator
            select (format, useDate ? date.ToString(format, CultureInfo.InvariantCulture) : new string(chars));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            bool expected = DateOnly.TryParseExact(c.Text, c.Format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateOnly expectedValue)
                || DateOnly.TryParseExact(c.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out expectedValue);
            bool actual = ValueParsers.TryParseDate(c.Text, [c.Format], out DateOnly actualValue);
            return (actual == expected && actualValue == expectedValue)
                .ToProperty()
                .Label($"'{c.Text}' with '{c.Format}': runtime {expected} {expectedValue:o}, ours {actual} {actualValue:o}");
        });
    }

    [Property(MaxTest = 3000)]
    public Property TryParseDate_ArbitraryFormat_NeverThrows()
    {
        Gen<string> formats = Gen.Elements('d', 'M', 'y', '/', '%', '\\', '\'', '"', 'H', 'm', 's', 'f', 'F', 'z', 'K', 'g', 't', 'T', 'o', 'r', 'R', 'u', 'U', 'x', ' ', ':', '.')
            .ArrayOf()
            .Select(chars => new string(chars));
        Gen<(string Format, string Text)> cases =
            from format in formats
            from date in Dates.Generator
            from text in Gen.Elements("01/02/2024", "2024-02-01", "1", "", "Thursday", "01/02/2024 00:00", date.ToString("O", CultureInfo.InvariantCulture))
            select (format, text);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            _ = ValueParsers.TryParseDate(c.Text, [c.Format], out _);
            _ = ValueParsers.TryParseDate(c.Text, [c.Format, "dd/MM/yyyy"], out _);
            return true;
        });
    }

    [Property(MaxTest = 2000)]
    public Property AllMethods_NastyString_NeverThrow() => Prop.ForAll(NastyStrings, NeverThrows);

    [Property(MaxTest = 1000)]
    public bool AllMethods_ArbitraryString_NeverThrow(string? text) => NeverThrows(text ?? string.Empty);

    /// <summary>
    /// Number-like cells: groups of 1 to 4 digits joined by a separator, then maybe a fraction (plain ones most often: the fast
    /// path's), or any string of digits, separators and signs.
    /// </summary>
    private static Arbitrary<string> NumberLikeStrings
    {
        get
        {
            var digits = Gen.Elements('0', '1', '4', '5', '9').ArrayOf().Where(d => d.Length is >= 1 and <= 4).Select(d => new string(d));
            var separator = Gen.Elements(" ", " ", "\u00A0", "\u202F", "'", ".", ",", "\u2007");
            var structured =
                from groups in digits.ArrayOf().Where(g => g.Length is >= 1 and <= 5)
                from sep in separator
                from fraction in Gen.Elements("", ",", ".", ",,", " ,")
                from fractionDigits in Gen.Elements("", "0", "5", "50", "123", "00")
                from sign in Gen.Elements("", "", "", "-", "+")
                select sign + string.Join(sep, groups) + fraction + fractionDigits;
            var noise = Gen.Elements('0', '1', '5', '9', ' ', ',', '.', '\u00A0', '\'', '-', '(', ')', '€', 'x').ArrayOf().Select(c => new string(c));
            return Gen.Frequency((3, structured), (1, noise)).ToArbitrary();
        }
    }

    [Property(MaxTest = 2000)]
    public Property TryParseDecimalAndInteger_AnyNumberLikeCell_SameOutcomeValueAndScaleAsTheGeneralPath() =>
        Prop.ForAll(NumberLikeStrings, text =>
        {
            foreach (var style in new[] { NumberStyleKind.French, NumberStyleKind.Invariant })
            {
                var ok = ValueParsers.TryParseDecimal(text, style, out var value);
                var general = ValueParsers.TryParseDecimalGeneral(text, style, out var expected);
                var okInteger = ValueParsers.TryParseInteger(text, style, out var integer);
                var generalInteger = ValueParsers.TryParseIntegerGeneral(text, style, out var expectedInteger);
                if (ok != general || (ok && !decimal.GetBits(value).SequenceEqual(decimal.GetBits(expected)))
                    || okInteger != generalInteger || integer != expectedInteger)
                {
                    return false;
                }
            }

            return true;
        });

    [Theory]
    [InlineData("1 234,56", true, "1234.56")]
    [InlineData("451\u202F510,26", true, "451510.26")]
    [InlineData("12,50", true, "12.50")]
    [InlineData("33500", true, "33500")]
    [InlineData("1 234.5", false, "1234.5")]
    public void TryParseDecimal_PlainCell_ValueAndScaleAsWritten(string text, bool french, string expected)
    {
        Assert.True(ValueParsers.TryParseDecimal(text, french ? NumberStyleKind.French : NumberStyleKind.Invariant, out var value));
        Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
    }

    private static bool NeverThrows(string text)
    {
        _ = ValueParsers.TryParseDecimal(text, NumberStyleKind.French, out _);
        _ = ValueParsers.TryParseDecimal(text, NumberStyleKind.Invariant, out _);
        _ = ValueParsers.TryParseInteger(text, NumberStyleKind.French, out _);
        _ = ValueParsers.TryParseInteger(text, NumberStyleKind.Invariant, out _);
        _ = ValueParsers.TryParseDate(text, FastFormats, out _);
        _ = ValueParsers.TryParseDate(text, MixedFormats, out _);
        _ = ValueParsers.TryParseBoolean(text, out _);
        _ = ValueParsers.IsValidEmail(text);
        _ = ValueParsers.Trim(text);
        string normalized = Import.Sdk.Mapping.TextNormalizer.Normalize(text);
        _ = Import.Sdk.Mapping.Similarity.Score(normalized, text);
        return true;
    }

    private static bool ParsesTo(string text, NumberStyleKind style, decimal expected) =>
        ValueParsers.TryParseDecimal(text, style, out decimal value) && value == expected;

    private static bool IntegerParsesTo(string text, NumberStyleKind style, long expected) =>
        ValueParsers.TryParseInteger(text, style, out long value) && value == expected;

    private static bool DateParsesTo(string text, string[] formats, DateOnly expected) =>
        ValueParsers.TryParseDate(text, formats, out DateOnly value) && value == expected;
}
