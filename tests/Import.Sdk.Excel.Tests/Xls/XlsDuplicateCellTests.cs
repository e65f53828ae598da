using System.Globalization;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// An XLS cell given by two records (a damaged or hand-made file): ExcelDataReader keeps the last one, so the other value was
/// dropped without a word (and an error cell put back by the record pass hid a text). As in XLSX, neither value is silently
/// preferred: the row is named (issue 16, "every cell accounted for").
/// </summary>
public class XlsDuplicateCellTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };
    private static readonly ReaderOptions French = new() { UiCulture = CultureInfo.GetCultureInfo("fr-FR") };

    [Theory]
    [InlineData(8)]
    [InlineData(5)]
    [InlineData(4)]
    [InlineData(2)]
    public async Task ReadAsync_CellGivenTwice_GivesItsRowAMalformedRowProblemNamingTheCell(int version)
    {
        var book = new Biff8Builder("Data") { Version = version }
            .Label(0, 0, "Code").Label(0, 1, "Name")
            .Label(1, 0, "C1").Label(1, 1, "Dupont")
            .Label(2, 0, "C2").Label(2, 1, "Durand").Label(2, 1, "Martin")
            .Label(3, 0, "C3").Label(3, 1, "Petit")
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Null(data.Row(2).Problem);
        Assert.Equal(
            "The cell B3 is given twice in the sheet, so which of its values is right cannot be told. The row is not imported. Open the file in Excel, save it again and import it again.",
            data.Row(3).Problem);
        Assert.Equal((IssueCodes.MalformedRow, 1), (data.Row(3).Detail!.Code, data.Row(3).Detail!.Column));
        Assert.Equal(["C3", "Petit"], data.Row(4).Cells);
        Assert.Null(data.Row(4).Problem);
    }

    [Fact]
    public async Task ReadAsync_ErrorAndTextInOneCell_IsNamedNotReadAsTheError()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "Code").Label(0, 1, "Name")
            .Label(1, 0, "C1").Error(1, 1, 0x07).Label(1, 1, "Dupont")
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", French);

        Assert.Equal(IssueCodes.MalformedRow, data.Row(2).Detail!.Code);
        Assert.Equal(
            "La cellule B2 figure deux fois dans la feuille : on ne peut pas savoir laquelle de ses valeurs est la bonne. La ligne n'est pas importée. Ouvrez le fichier dans Excel, enregistrez-le à nouveau puis importez-le à nouveau.",
            data.Row(2).Problem);
    }

    [Fact]
    public async Task ReadAsync_HeaderCellGivenTwice_IsRefusedNamingTheCell()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "Code").Label(0, 1, "Name").Label(0, 1, "Nom")
            .Label(1, 0, "C1").Label(1, 1, "Dupont")
            .Build();

        var ex = await Assert.ThrowsAnyAsync<ImportException>(() => SheetContent.ReadAsync(book, "book.xls", English));

        Assert.Contains("The header cell B1 is given twice in the sheet", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MulBlankClaimingColumnsItDoesNotHold_IsReadInBoundedTimeAndMemory()
    {
        // a MULBLANK's last column is trusted only as far as the cells the record holds: 2,000 records of 2 blanks each claiming
        // the columns up to 65,535 would otherwise be 130 million cells to follow
        var book = new Biff8Builder("Data").Label(0, 0, "Code").Label(0, 1, "Name");
        for (var row = 1; row <= 2000; row++)
        {
            book = book.Raw(0x00BE, [(byte)row, (byte)(row >> 8), 2, 0, 0, 0, 0, 0, 0xFF, 0xFF]).Label(row, 0, "C"); // blanks in C and D
        }

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var data = await SheetContent.ReadAsync(book.Build(), "book.xls", English, compareXlsPaths: false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(2000, data.Rows.Count);
        Assert.All(data.Rows, r => Assert.Null(r.Problem));
        Assert.True(allocated < 64L << 20, $"{allocated:N0} bytes allocated");
    }
}
