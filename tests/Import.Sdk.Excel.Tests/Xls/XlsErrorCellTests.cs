using System.Globalization;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>XLS error cells (BOOLERR and cached FORMULA errors), which ExcelDataReader reads as empty, are read as in XLSX.</summary>
public class XlsErrorCellTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ReadAsync_XlsErrorCells_KeepTheirTextWithACellErrorProblemAndARowOfErrorsOnlyIsARow()
    {
        var book = new Biff8Builder("Data")
            .Label(0, 0, "a").Label(0, 1, "b").Label(0, 2, "c")
            .Label(1, 0, "x").Error(1, 1, 0x2A).Label(1, 2, "y")
            .FormulaError(2, 0, 0x07).Label(2, 1, "z")
            .Label(3, 0, "fine")
            .Error(4, 0, 0x17).Error(4, 2, 0x1D) // errors only, on the sheet's last row
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xls", English);

        Assert.Equal(["a", "b", "c"], data.Header);
        Assert.Equal([2, 3, 4, 5], data.Rows.Select(r => r.Number));
        Assert.Equal(["x", "#N/A", "y"], data.Row(2).Cells);
        Assert.Equal("The cell B2 holds the Excel error #N/A: correct the formula or clear the cell.", data.Row(2).Problem);
        Assert.Equal((IssueCodes.CellError, 1, "#N/A"), (data.Row(2).Detail!.Code, data.Row(2).Detail!.Column, data.Row(2).Detail!.Value));
        Assert.Equal(["#DIV/0!", "z", ""], data.Row(3).Cells); // a formula's cached error
        Assert.Equal(IssueCodes.CellError, data.Row(3).Detail!.Code);
        Assert.Null(data.Row(4).Problem);
        Assert.Equal(["#REF!", "", "#NAME?"], data.Row(5).Cells);
        Assert.Equal("The cells A5 (#REF!), C5 (#NAME?) hold Excel errors: correct the formulas or clear the cells.", data.Row(5).Problem);
    }

    [Fact]
    public async Task ExecuteAsync_XlsErrorInAMappedColumn_RejectsItsRowNamingTheColumnAndTheError()
    {
        var schema = EntitySchema.Create("customers")
            .Field("code", FieldType.Text, f => f.Label("Code", "Code").Required())
            .Field("name", FieldType.Text, f => f.Label("Nom", "Name"))
            .Key("code")
            .Build();
        var book = new Biff8Builder("Clients")
            .Label(0, 0, "Code").Label(0, 1, "Name").Label(0, 2, "Notes")
            .Label(1, 0, "C1").Label(1, 1, "Dupont").Error(1, 2, 0x0F) // unmapped column: imported
            .Label(2, 0, "C2").FormulaError(2, 1, 0x24)
            .Build();
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(schema))
            .UseSink(sink)
            .Configure(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .AddExcelReaders()
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(book, "clients.xls")));

        Assert.True(new ImportTotals(2, 1, 0, 0, 1) == report.Totals, string.Join(" | ", report.Issues.Select(i => $"{i.Row} {i.Code} {i.Message}")));
        var issue = Assert.Single(report.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal((3, IssueCodes.CellError, "Name", "#NUM!"), (issue.Row, issue.Code, issue.Column, issue.Value));
        Assert.Equal("C1", (string?)Assert.Single(sink.GetRecords("customers"))[0]);
    }
}
