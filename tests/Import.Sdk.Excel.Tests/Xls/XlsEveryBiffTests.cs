using System.Globalization;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// Every cell accounted for in the XLS files of every BIFF version (issue 16): error cells of BIFF2–BIFF5 workbooks, which
/// ExcelDataReader reads as empty as in BIFF8, are read as in every format; a sheet holding only error cells is named as a
/// sheet holding data; a shared string the table declares but does not hold is named, not read as empty.
/// </summary>
public class XlsEveryBiffTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    public static TheoryData<int> Versions => [2, 3, 4, 5, 8];

    private static Biff8Builder Builder(int version, string sheet = "Data") =>
        new(sheet) { Version = version, StreamName = version == 5 ? "Book" : "Workbook" };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ReadAsync_ErrorCellsOfEveryBiff_KeepTheirTextWithACellErrorProblemAndARowOfErrorsOnlyIsARow(int version)
    {
        var book = Builder(version)
            .Label(0, 0, "a").Label(0, 1, "b").Label(0, 2, "c")
            .Label(1, 0, "x").Error(1, 1, 0x2A).Label(1, 2, "y")
            .FormulaError(2, 0, 0x07).Label(2, 1, "z")
            .Label(3, 0, "fine")
            .Error(4, 0, 0x17).Error(4, 2, 0x1D) // errors only, on the sheet's last row
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal("xls", data.Info.Format);
        Assert.Equal(["a", "b", "c"], data.Header);
        Assert.Equal([2, 3, 4, 5], data.Rows.Select(r => r.Number));
        Assert.Equal(["x", "#N/A", "y"], data.Row(2).Cells);
        Assert.Equal("The cell B2 holds the Excel error #N/A: correct the formula or clear the cell.", data.Row(2).Problem);
        Assert.Equal((IssueCodes.CellError, 1, "#N/A"), (data.Row(2).Detail!.Code, data.Row(2).Detail!.Column, data.Row(2).Detail!.Value));
        Assert.Equal(["#DIV/0!", "z", ""], data.Row(3).Cells); // a formula's cached error
        Assert.Equal(IssueCodes.CellError, data.Row(3).Detail!.Code);
        Assert.Equal(["fine", "", ""], data.Row(4).Cells);
        Assert.Null(data.Row(4).Problem);
        Assert.Equal(["#REF!", "", "#NAME?"], data.Row(5).Cells);
        Assert.Equal("The cells A5 (#REF!), C5 (#NAME?) hold Excel errors: correct the formulas or clear the cells.", data.Row(5).Problem);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ReadAsync_FormulaResultsOfEveryKind_AreReadAsExcelShowsThem(int version)
    {
        // BIFF2: ExcelDataReader reads every cached result as a number (NaN for a text, a boolean or an error)
        var builder = Builder(version)
            .Label(0, 0, "Code").Label(0, 1, "Vrai").Label(0, 2, "Vide").Label(0, 3, "Faux")
            .FormulaResult(1, 1, kind: 1, value: true).FormulaResult(1, 2, kind: 3).FormulaResult(1, 3, kind: 1, value: false);
        if (version is 2 or 5)
        {
            builder.FormulaText(1, 0, "C1", []);
        }
        else
        {
            builder.Label(1, 0, "C1");
        }

        var data = await SheetContent.ReadAsync(builder.Build(), "book.xls", English);

        Assert.Equal(["C1", "TRUE", "", "FALSE"], data.Row(2).Cells);
        Assert.Null(data.Row(2).Problem);
    }

    [Fact]
    public async Task ReadAsync_Biff5ArrayFormulaText_IsReadAsExcelShowsIt()
    {
        var book = Builder(5)
            .Label(0, 0, "Code").Label(0, 1, "Name")
            .Label(1, 0, "C1").FormulaText(1, 1, "Dupont", [0x0221])
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["C1", "Dupont"], data.Row(2).Cells);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    public async Task ReadAsync_EmptySheetBesideASheetOfErrorCellsOnly_NamesThatSheet(int version)
    {
        var book = new Biff8Builder("Erreurs") { Version = version, StreamName = version == 5 ? "Book" : "Workbook", EmptySheetBefore = "Vide" }
            .Error(0, 0, 0x17).FormulaError(1, 1, 0x07)
            .Build();

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "book.xls", English));

        Assert.Equal(
            "The sheet 'Vide' is empty: it has no header row. These sheets hold data: 'Erreurs'. Choose the sheet to read (on the command line: --sheet 'Erreurs').",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptySheetBesideASheetOfArrayFormulaTextsOnly_NamesThatSheet()
    {
        var book = new Biff8Builder("Formules") { EmptySheetBefore = "Vide" }
            .FormulaText(0, 0, "Code", [0x0221])
            .Build();

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "book.xls", English));

        Assert.Contains("These sheets hold data: 'Formules'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LabelSstPastTheStringsTheTableHolds_IsNamedEvenWhenItsCountSaysMore()
    {
        // the table declares 9 unique strings and holds 4 (some generators write the number of string cells there): the
        // strings it holds are read, and a cell naming the 7th is not read as empty but named
        var book = new Biff8Builder("Data")
            .Sst(9, [.. Compressed("Code"), .. Compressed("Name"), .. Compressed("C1"), .. Compressed("Dupont")])
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .LabelSst(1, 0, 2).LabelSst(1, 1, 3)
            .Label(2, 0, "C2").LabelSst(2, 1, 6)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["C1", "Dupont"], data.Row(2).Cells);
        Assert.Null(data.Row(2).Problem);
        Assert.Equal(IssueCodes.MalformedRow, data.Row(3).Detail!.Code);
        Assert.Equal(
            "The cell B3 refers to text number 7 of the workbook's table of texts, which holds only 4: the row is not imported. Open the file in Excel, save it again and import it again.",
            data.Row(3).Problem);
    }

    private static byte[] Compressed(string text) => [(byte)text.Length, (byte)(text.Length >> 8), 0x00, .. System.Text.Encoding.Latin1.GetBytes(text)];
}
