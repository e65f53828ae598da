using System.Globalization;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xls;

/// <summary>XLS error cells (BOOLERR and cached FORMULA errors), which ExcelDataReader reads as empty, are read as in XLSX.</summary>
public class XlsErrorCellTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

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
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .UseExcelReaders()
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(book, "clients.xls")));

        Assert.True(new ImportTotals(2, 1, 0, 0, 1) == report.Totals, string.Join(" | ", report.Issues.Select(i => $"{i.Row} {i.Code} {i.Message}")));
        var issue = Assert.Single(report.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal((3, IssueCodes.CellError, "Name", "#NUM!"), (issue.Row, issue.Code, issue.Column, issue.Value));
        Assert.Equal("C1", (string?)Assert.Single(sink.GetRecords("customers"))[0]);
    }
}
