using System.Globalization;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// XLS number cells in a date format read as XLSX and XLSB read them (<see cref="Cells.CellText"/>): a negative serial, which
/// Excel shows as ####, once read as a 19th-century date (-5 as 1899-12-25) where XLSX and XLSB give the number.
/// </summary>
public class XlsDateCellTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ReadAsync_NegativeSerialInADateFormat_IsTheNumberAsInXlsx()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "a").Label(0, 1, "b").Label(0, 2, "c").Label(0, 3, "d").Label(0, 4, "e")
            .Number(1, 0, -5, 14).Number(1, 1, -0.5, 14).Number(1, 2, -1.25, 14).Number(1, 3, 0, 14).Number(1, 4, 45000.5, 14)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["-5", "-0.5", "-1.25", "1899-12-31", "2023-03-15T12:00:00"], data.Row(2).Cells);
    }

    [Fact]
    public async Task ReadAsync_NegativeSerialInA1904Workbook_IsADateAsInXlsx()
    {
        var book = new Biff8Builder("Data") { Date1904 = true }
            .Label(0, 0, "a").Label(0, 1, "b")
            .Number(1, 0, -5, 14).Number(1, 1, 0, 14)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["1903-12-27", "1904-01-01"], data.Row(2).Cells);
    }
}
