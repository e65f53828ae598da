using System.Globalization;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>
/// An XLS cell (LABELSST) whose index points past the end of the shared-string table, which ExcelDataReader reads as an
/// empty cell with no error: its row is not imported, and says why (issue 16, "every cell accounted for").
/// </summary>
public class XlsSharedStringIndexTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };
    private static readonly ReaderOptions French = new() { UiCulture = CultureInfo.GetCultureInfo("fr-FR") };

    private static byte[] Book() => new Biff8Builder("Data")
        .Sst("Code", "Name", "C1", "Dupont")
        .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
        .LabelSst(1, 0, 2).LabelSst(1, 1, 3) // valid indexes: read
        .Label(2, 0, "C2").LabelSst(2, 1, 4) // one past the end
        .Label(3, 0, "C3").Label(3, 1, "Martin")
        .Label(4, 0, "C4").LabelSst(4, 1, 70000)
        .Build();

    [Fact]
    public async Task ReadAsync_LabelSstPastTheEndOfTheSst_GivesItsRowAMalformedRowProblemNamingTheCell()
    {
        var data = await SheetContent.ReadAsync(Book(), "book.xls", English);

        Assert.Equal(["Code", "Name"], data.Header);
        Assert.Equal(["C1", "Dupont"], data.Row(2).Cells);
        Assert.Null(data.Row(2).Problem);
        Assert.Equal(
            "The cell B3 refers to text number 5 of the workbook's table of texts, which holds only 4: the row is not imported. Open the file in Excel, save it again and import it again.",
            data.Row(3).Problem);
        Assert.Equal((IssueCodes.MalformedRow, 1), (data.Row(3).Detail!.Code, data.Row(3).Detail!.Column));
        Assert.Equal(["C3", "Martin"], data.Row(4).Cells);
        Assert.Null(data.Row(4).Problem);
        Assert.Equal(IssueCodes.MalformedRow, data.Row(5).Detail!.Code);
        Assert.Contains("B5", data.Row(5).Problem, StringComparison.Ordinal);
        Assert.Contains("70,001", data.Row(5).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LabelSstPastTheEndOfTheSst_IsNamedInFrench()
    {
        var data = await SheetContent.ReadAsync(Book(), "book.xls", French);

        Assert.Equal(
            "La cellule B3 renvoie au texte n° 5 de la table des textes du classeur, qui n'en contient que 4 : la ligne n'est pas importée. Ouvrez le fichier dans Excel, enregistrez-le à nouveau puis importez-le à nouveau.",
            data.Row(3).Problem);
    }

    [Fact]
    public async Task ExecuteAsync_LabelSstPastTheEndOfTheSst_RejectsItsRow()
    {
        var schema = EntitySchema.Create("customers")
            .Field("code", FieldType.Text, f => f.Label("Code", "Code").Required())
            .Field("name", FieldType.Text, f => f.Label("Nom", "Name"))
            .Key("code")
            .Build();
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(schema))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .UseExcelReaders()
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Book(), "clients.xls")));

        var errors = report.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.Equal([(3, IssueCodes.MalformedRow), (5, IssueCodes.MalformedRow)], errors.Select(i => (i.Row, i.Code)));
        Assert.Equal(["C1", "C3"], sink.GetRecords("customers").Select(r => (string?)r[0]));
        Assert.Equal(["Dupont", "Martin"], sink.GetRecords("customers").Select(r => (string?)r[1]));
    }

    [Fact]
    public async Task ReadAsync_LastRowOfOnlyALabelSstPastTheEnd_IsARowWithItsProblem()
    {
        var book = new Biff8Builder("Data")
            .Sst("Code", "Name")
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .Label(1, 0, "C1").Label(1, 1, "Dupont")
            .LabelSst(2, 1, 2)
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal([2, 3], data.Rows.Select(r => r.Number));
        Assert.Equal(IssueCodes.MalformedRow, data.Row(3).Detail!.Code);
        Assert.Contains("B3", data.Row(3).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_HeaderLabelSstPastTheEndOfTheSst_IsRefusedNamingTheCell()
    {
        var book = new Biff8Builder("Data")
            .Sst("Code")
            .LabelSst(0, 0, 0).LabelSst(0, 1, 1)
            .Label(1, 0, "C1").Label(1, 1, "Dupont")
            .Build();

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book, "book.xls", English));

        Assert.Contains("The header cell B1 refers to text number 2 of the workbook's table of texts, which holds only 1", ex.Message, StringComparison.Ordinal);
    }
}
