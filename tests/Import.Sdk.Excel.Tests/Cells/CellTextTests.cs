using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Xlsb;
using Import.Sdk.Excel.Xlsx;

namespace Import.Sdk.Excel.Tests.Cells;

public class CellTextTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(1346269d, "1346269")]
    [InlineData(44.99, "44.99")]
    [InlineData(3.14159265358979, "3.14159265358979")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1e-5, "0.00001")]
    [InlineData(-1.5e-7, "-0.00000015")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(3.10101195608231E+17, "310101195608231000")]
    [InlineData(1.23456789E+22, "1.23456789E+22")]
    [InlineData(3.14159265358979E-300, "3.14159265358979E-300")]
    public void Number_Doubles_AreInvariantRoundTripTextWithoutExponentInTheUsualRange(double value, string text) =>
        Assert.Equal(text, CellText.Number(value));

    [Theory]
    [InlineData("12", "12")]
    [InlineData("1.50", "1.5")]
    [InlineData("12.0", "12")]
    [InlineData("007", "7")]
    [InlineData("-0", "0")]
    [InlineData(".5", "0.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("9583638582", "9583638582")]
    [InlineData("1.23456789e+22", "1.23456789E+22")]
    [InlineData("1E-05", "0.00001")]
    [InlineData("3.1415926535897931", "3.141592653589793")]
    [InlineData("179.02499999999998", "179.02499999999998")]
    [InlineData("not a number", "not a number")]
    public void NumberLiteral_XmlValues_GiveTheSameTextAsTheirDouble(string raw, string text) => Assert.Equal(text, CellText.NumberLiteral(raw));

    [Theory]
    [InlineData(0.5, "Time", false, "12:00:00")]
    [InlineData(0.45905092592592595, "Time", false, "11:01:02")]
    [InlineData(1.5, "Time", false, "1900-01-01T12:00:00")]
    [InlineData(1.5, "Elapsed", false, "36:00:00")]
    [InlineData(-0.25, "Elapsed", false, "-06:00:00")]
    [InlineData(39944, "Date", false, "2009-05-11")]
    [InlineData(39940.459050925926, "Date", false, "2009-05-07T11:01:02")]
    [InlineData(38078.5000115741, "Date", false, "2004-04-01T12:00:01")]
    [InlineData(0.5, "Time", true, "12:00:00")]
    [InlineData(0, "Date", true, "1904-01-01")]
    public void Serial_DateKinds_GiveIsoText(double serial, string kind, bool date1904, string text) =>
        Assert.Equal(text, CellText.Serial(serial, date1904, Enum.Parse<NumberFormatKind>(kind)));

    [Theory]
    [InlineData(-1)]
    [InlineData(2958466)]
    [InlineData(1e12)]
    public void Serial_OutsideExcelsCalendar_IsNoDate(double serial) => Assert.Null(CellText.Serial(serial, false, NumberFormatKind.Date));

    [Fact]
    public void FromDateTime_ExcelDataReaderValues_MatchTheSerialConversion()
    {
        Assert.Equal("11:00:00", CellText.FromDateTime(new DateTime(1899, 12, 31, 11, 0, 0), NumberFormatKind.Time));
        Assert.Equal("11:00:00", CellText.FromDateTime(new DateTime(1904, 1, 1, 11, 0, 0), NumberFormatKind.Time));
        Assert.Equal("2009-05-07T11:01:02", CellText.FromDateTime(new DateTime(2009, 5, 7, 11, 1, 2), NumberFormatKind.Date));
        Assert.Equal("1900-01-01T12:00:00", CellText.FromDateTime(new DateTime(1900, 1, 1, 12, 0, 0), NumberFormatKind.Time));
        Assert.Equal("36:00:00", CellText.FromDateTime(new DateTime(1900, 1, 1, 12, 0, 0), NumberFormatKind.Elapsed));
    }

    [Theory]
    [InlineData("2017-03-16", "2017-03-16")]
    [InlineData("2014-02-14T08:27:48.765Z", "2014-02-14T08:27:48.765")]
    [InlineData("2014-02-14T08:27:48+05:00", "2014-02-14T08:27:48")]
    [InlineData("08:30:00", "08:30:00")]
    [InlineData("garbage", "garbage")]
    public void IsoDate_DateCells_AreNormalised(string raw, string text) => Assert.Equal(text, CellText.IsoDate(raw));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a_x000D_b", "a\rb")]
    [InlineData("_x0001__x001f_", "\u0001\u001f")]
    [InlineData("_x005F_x0041_", "_x0041_")]
    [InlineData("_x12_ and _xZZZZ_", "_x12_ and _xZZZZ_")]
    public void DecodeEscapes_StXstring_DecodesExcelEscapes(string raw, string text) => Assert.Equal(text, XlsxParts.DecodeEscapes(raw));

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("b7", 1)]
    [InlineData("Z9", 25)]
    [InlineData("AA1", 26)]
    [InlineData("XFD1048576", 16383)]
    [InlineData("$C$3", 2)]
    [InlineData("12", -1)]
    public void ParseColumn_References_GiveTheColumn(string reference, int column)
    {
        Assert.Equal(column, CellReference.ParseColumn(reference));
        if (column >= 0)
        {
            Assert.Equal(reference.TrimStart('$').ToUpperInvariant().TrimEnd("0123456789$".ToCharArray()).Replace("$", string.Empty, StringComparison.Ordinal), CellReference.ColumnName(column));
        }
    }

    [Theory]
    [InlineData(0x00000002u, 0d)] // integer 0
    [InlineData(0x0012_3456u << 2 | 2u, 1193046d)]
    [InlineData(unchecked((uint)(-5 << 2)) | 2u, -5d)]
    [InlineData((0x0000_0064u << 2) | 3u, 1d)] // 100 / 100
    [InlineData(0x3FF00000u, 1d)] // the high 32 bits of 1.0
    [InlineData(0x3FF00001u, 0.01)] // 1.0 / 100
    public void RkNumber_Encodings_Decode(uint rk, double value) => Assert.Equal(value, BiffRecordReader.RkNumber(rk));
}
