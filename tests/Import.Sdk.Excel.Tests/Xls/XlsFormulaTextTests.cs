using System.Globalization;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// XLS formulas whose cached result is text: the text sits in the STRING record after the FORMULA record, with ARRAY or TABLE
/// records in between for array and data-table formulas (issue 16 item 2); read as Excel shows it.
/// </summary>
public class XlsFormulaTextTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ReadAsync_XlsArrayAndTableFormulasWithTextResults_ReadTheirCachedText()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "a").Label(0, 1, "b").Label(0, 2, "c")
            .Label(1, 0, "x").FormulaText(1, 1, "array text", between: [0x0221]).Label(1, 2, "y")
            .FormulaText(2, 0, "table text", between: [0x0236]).Label(2, 1, "z")
            .Label(3, 0, "w").FormulaText(3, 2, "plain", between: [])
            .FormulaText(4, 1, "Zürich €uro", between: [0x0221], wide: true, splitAt: 4)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["a", "b", "c"], data.Header);
        Assert.Equal([2, 3, 4, 5], data.Rows.Select(r => r.Number));
        Assert.Equal(["x", "array text", "y"], data.Row(2).Cells);
        Assert.Equal(["table text", "z", ""], data.Row(3).Cells);
        Assert.Equal(["w", "", "plain"], data.Row(4).Cells);
        Assert.Equal(["", "Zürich €uro", ""], data.Row(5).Cells);
        Assert.All(data.Rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task ReadAsync_XlsArrayFormulaTextLongerThanTheCellLimit_RejectsItsRowAsTooLong()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "a").Label(0, 1, "b")
            .Label(1, 0, "x").FormulaText(1, 1, new string('t', 50), between: [0x0221])
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English with { MaxCellLength = 20 });

        var row = Assert.Single(data.Rows);
        Assert.Equal(["x", ""], row.Cells);
        Assert.Equal(IssueCodes.TooLong, row.Detail!.Code);
    }
}
