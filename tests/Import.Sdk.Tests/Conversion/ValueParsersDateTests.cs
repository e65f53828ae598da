using System.Globalization;
using Import.Sdk.Conversion;

namespace Import.Sdk.Tests.Conversion;

public class ValueParsersDateTests
{
    private static readonly string[] FrenchFormats = ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "dd/MM/yy"];

    [Theory]
    [InlineData("01/02/2024", "dd/MM/yyyy", "2024-02-01")]
    [InlineData("31/12/1999", "dd/MM/yyyy", "1999-12-31")]
    [InlineData("29/02/2024", "dd/MM/yyyy", "2024-02-29")]
    [InlineData("29/02/2000", "dd/MM/yyyy", "2000-02-29")]
    [InlineData("01/01/0001", "dd/MM/yyyy", "0001-01-01")]
    [InlineData("31/12/9999", "dd/MM/yyyy", "9999-12-31")]
    [InlineData("1/2/2024", "d/M/yyyy", "2024-02-01")]
    [InlineData("01/02/2024", "d/M/yyyy", "2024-02-01")]
    [InlineData("15/11/2024", "d/M/yyyy", "2024-11-15")]
    [InlineData("5/11/2024", "d/M/yyyy", "2024-11-05")]
    [InlineData("2024-02-01", "yyyy-MM-dd", "2024-02-01")]
    [InlineData("01-02-2024", "dd-MM-yyyy", "2024-02-01")]
    [InlineData("01.02.2024", "dd.MM.yyyy", "2024-02-01")]
    [InlineData("01/02/24", "dd/MM/yy", "2024-02-01")]
    [InlineData("01/02/49", "dd/MM/yy", "2049-02-01")]
    [InlineData("01/02/50", "dd/MM/yy", "1950-02-01")]
    [InlineData("01/02/99", "dd/MM/yy", "1999-02-01")]
    [InlineData("01/02/00", "dd/MM/yy", "2000-02-01")]
    [InlineData("01-02-24", "dd-MM-yy", "2024-02-01")]
    [InlineData("01.02.24", "dd.MM.yy", "2024-02-01")]
    [InlineData("1/2/24", "d/M/yy", "2024-02-01")]
    [InlineData("02/01/2024", "MM/dd/yyyy", "2024-02-01")]
    [InlineData("2024/02/01", "yyyy/MM/dd", "2024-02-01")]
    [InlineData("01 02 2024", "dd MM yyyy", "2024-02-01")]
    [InlineData("  01/02/2024\u00A0", "dd/MM/yyyy", "2024-02-01")]
    public void TryParseDate_FastFormat_Parses(string text, string format, string expected)
    {
        Assert.True(ValueParsers.TryParseDate(text, [format], out DateOnly value));
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("29/02/2023", "dd/MM/yyyy")]
    [InlineData("29/02/1900", "dd/MM/yyyy")]
    [InlineData("31/04/2024", "dd/MM/yyyy")]
    [InlineData("32/01/2024", "dd/MM/yyyy")]
    [InlineData("00/01/2024", "dd/MM/yyyy")]
    [InlineData("01/13/2024", "dd/MM/yyyy")]
    [InlineData("01/00/2024", "dd/MM/yyyy")]
    [InlineData("01/01/0000", "dd/MM/yyyy")]
    [InlineData("2024-13-01", "yyyy-MM-dd")]
    [InlineData("2024-02-30", "yyyy-MM-dd")]
    [InlineData("1/2/2024", "dd/MM/yyyy")]
    [InlineData("01/02/24", "dd/MM/yyyy")]
    [InlineData("01/02/2024", "dd/MM/yy")]
    [InlineData("01-02-2024", "dd/MM/yyyy")]
    [InlineData("001/02/2024", "d/M/yyyy")]
    [InlineData("01/02/20245", "dd/MM/yyyy")]
    [InlineData("01/02/2024x", "dd/MM/yyyy")]
    [InlineData("01/02/", "dd/MM/yyyy")]
    [InlineData("", "dd/MM/yyyy")]
    [InlineData("   ", "dd/MM/yyyy")]
    [InlineData("abc", "dd/MM/yyyy")]
    [InlineData("45321", "dd/MM/yyyy")]
    [InlineData("01/02/2024 25:00", "dd/MM/yyyy")]
    [InlineData("01/02/2024 12:60", "dd/MM/yyyy")]
    [InlineData("01/02/2024 00:00 garbage", "dd/MM/yyyy")]
    [InlineData("01/02/2024T", "dd/MM/yyyy")]
    public void TryParseDate_Invalid_ReturnsFalse(string text, string format)
    {
        Assert.False(ValueParsers.TryParseDate(text, [format], out DateOnly value));
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("01/02/2024 00:00")]
    [InlineData("01/02/2024 00:00:00")]
    [InlineData("01/02/2024T00:00:00")]
    [InlineData("01/02/2024 13:45:12")]
    [InlineData("01/02/2024 9:05")]
    [InlineData("01/02/2024 13:45:12.1234567")]
    [InlineData("01/02/2024  00:00:00  ")]
    [InlineData("01/02/2024 12:00 PM")]
    [InlineData("01/02/2024 00:00:00Z")]
    [InlineData("01/02/2024 00:00:00+01:00")]
    [InlineData("2024-02-01T00:00:00")]
    [InlineData("2024-02-01T10:30:00.000Z")]
    [InlineData("2024-02-01 00:00")]
    public void TryParseDate_DateFollowedByTime_KeepsDatePart(string text)
    {
        Assert.True(ValueParsers.TryParseDate(text, ["dd/MM/yyyy"], out DateOnly value));
        Assert.Equal(new DateOnly(2024, 2, 1), value);
    }

    [Theory]
    [InlineData("01/02/2024", "2024-02-01")]
    [InlineData("1/2/2024", "2024-02-01")]
    [InlineData("01-02-2024", "2024-02-01")]
    [InlineData("01.02.2024", "2024-02-01")]
    [InlineData("01/02/24", "2024-02-01")]
    [InlineData("2024-02-01", "2024-02-01")]
    [InlineData("31/12/2024 00:00:00", "2024-12-31")]
    public void TryParseDate_SeveralFormats_TriesEachInOrder(string text, string expected)
    {
        Assert.True(ValueParsers.TryParseDate(text, FrenchFormats, out DateOnly value));
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void TryParseDate_AmbiguousText_FirstMatchingFormatWins()
    {
        Assert.True(ValueParsers.TryParseDate("01/02/2024", ["MM/dd/yyyy", "dd/MM/yyyy"], out DateOnly us));
        Assert.Equal(new DateOnly(2024, 1, 2), us);
        Assert.True(ValueParsers.TryParseDate("01/02/2024", ["dd/MM/yyyy", "MM/dd/yyyy"], out DateOnly fr));
        Assert.Equal(new DateOnly(2024, 2, 1), fr);
    }

    [Theory]
    [InlineData("dd/MM/yyyy")]
    [InlineData("dd.MM.yyyy")]
    [InlineData("d MMMM yyyy")]
    public void TryParseDate_IsoText_AlwaysAcceptedAsFallback(string format)
    {
        Assert.True(ValueParsers.TryParseDate("2024-02-01", [format], out DateOnly value));
        Assert.Equal(new DateOnly(2024, 2, 1), value);
    }

    [Fact]
    public void TryParseDate_NoFormats_AcceptsOnlyIso()
    {
        Assert.True(ValueParsers.TryParseDate("2024-02-01", [], out DateOnly value));
        Assert.Equal(new DateOnly(2024, 2, 1), value);
        Assert.False(ValueParsers.TryParseDate("01/02/2024", [], out _));
    }

    [Theory]
    [InlineData("01 February 2024", "dd MMMM yyyy")]
    [InlineData("1 Feb 2024", "d MMM yyyy")]
    [InlineData("20240201", "yyyyMMdd")]
    [InlineData("2024.02.01", "yyyy.MM.dd")]
    [InlineData("Thursday, 01 February 2024", "dddd, dd MMMM yyyy")]
    [InlineData("01 February 2024 00:00", "dd MMMM yyyy")]
    public void TryParseDate_OtherFormat_FallsBackToExactParsing(string text, string format)
    {
        Assert.True(ValueParsers.TryParseDate(text, [format], out DateOnly value));
        Assert.Equal(new DateOnly(2024, 2, 1), value);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("\\")]
    [InlineData("'")]
    [InlineData("ddd")]
    [InlineData("yyyyyyyyyy")]
    [InlineData("HH:mm")]
    [InlineData("dd/dd/yyyy")]
    [InlineData("d")]
    [InlineData("")]
    public void TryParseDate_OddFormat_DoesNotThrow(string format)
    {
        Exception? exception = Record.Exception(() => ValueParsers.TryParseDate("01/02/2024", [format], out _));
        Assert.Null(exception);
    }

    [Fact]
    public void TryParseDate_NullFormatInList_IsSkipped()
    {
        string[] formats = [null!, "dd/MM/yyyy"];
        Assert.True(ValueParsers.TryParseDate("01/02/2024", formats, out DateOnly value));
        Assert.Equal(new DateOnly(2024, 2, 1), value);
    }
}
