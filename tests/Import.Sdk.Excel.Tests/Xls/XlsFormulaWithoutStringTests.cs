using System.Globalization;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// A FORMULA whose cached result is text but which no STRING record follows (a damaged or hand-made file): ExcelDataReader
/// takes the next record for that STRING and drops it, so the cell it held was lost without a word. Its row now says so
/// (issue 16, "every cell accounted for").
/// </summary>
public class XlsFormulaWithoutStringTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };
    private static readonly ReaderOptions French = new() { UiCulture = CultureInfo.GetCultureInfo("fr-FR") };

    [Theory]
    [InlineData(8)]
    [InlineData(5)]
    public async Task ReadAsync_CellRightAfterAFormulaWithoutItsString_GivesItsRowAMalformedRowProblemNamingTheCell(int version)
    {
        var book = new Biff8Builder("Data") { Version = version }
            .Label(0, 0, "Code").Label(0, 1, "Name")
            .Label(1, 0, "C1").Label(1, 1, "Dupont")
            .FormulaResult(2, 0, 0).Label(2, 1, "Durand") // a text result, no STRING record: the LABEL after it was dropped
            .Label(3, 0, "C3").Label(3, 1, "Martin")
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["C1", "Dupont"], data.Row(2).Cells);
        Assert.Null(data.Row(2).Problem);
        Assert.Equal(
            "The cell B3 cannot be read: it follows a formula whose result text is missing from the file. The row is not imported. Open the file in Excel, save it again and import it again.",
            data.Row(3).Problem);
        Assert.Equal((IssueCodes.MalformedRow, 1), (data.Row(3).Detail!.Code, data.Row(3).Detail!.Column));
        Assert.Equal(["C3", "Martin"], data.Row(4).Cells);
        Assert.Null(data.Row(4).Problem);
    }

    [Fact]
    public async Task ReadAsync_CellRightAfterAFormulaWithoutItsString_IsNamedInFrench()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "Code").Label(0, 1, "Name")
            .FormulaResult(1, 0, 0).Label(1, 1, "Durand")
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", French);

        Assert.Equal(
            "La cellule B2 ne peut pas être lue : elle suit une formule dont le texte du résultat manque dans le fichier. La ligne n'est pas importée. Ouvrez le fichier dans Excel, enregistrez-le à nouveau puis importez-le à nouveau.",
            data.Row(2).Problem);
    }

    [Fact]
    public async Task ReadAsync_HeaderCellRightAfterAFormulaWithoutItsString_IsADamagedHeaderNamingTheCell()
    {
        var book = new Biff8Builder("Data")
            .FormulaResult(0, 0, 0).Label(0, 1, "Name")
            .Label(1, 0, "C1").Label(1, 1, "Dupont")
            .Build();

        var ex = await Assert.ThrowsAnyAsync<ImportException>(() => SheetContent.ReadAsync(book, "book.xls", English));

        Assert.Contains("The header cell B1 cannot be read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ErrorCellRightAfterAFormulaWithoutItsString_IsStillItsErrorText()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "Code").Label(0, 1, "Name")
            .FormulaResult(1, 0, 0).Error(1, 1, 0x2A)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["", "#N/A"], data.Row(2).Cells);
        Assert.Equal(IssueCodes.CellError, data.Row(2).Detail!.Code);
    }
}
