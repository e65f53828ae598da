using System.Globalization;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Pipeline;

/// <summary>The Excel readers inside an import: typed cells convert, row numbers and Excel errors reach the report.</summary>
public class ExcelPipelineTests
{
    private static readonly EntitySchema Customers = EntitySchema.Create("customers")
        .Field("code", FieldType.Text, f => f.Label("Code client", "Customer code").Required())
        .Field("name", FieldType.Text, f => f.Label("Raison sociale", "Company name").Required())
        .Field("limit", FieldType.Decimal, f => f.Label("Limite de crédit", "Credit limit"))
        .Field("since", FieldType.Date, f => f.Label("Client depuis", "Customer since"))
        .Field("active", FieldType.Boolean, f => f.Label("Actif", "Active"))
        .Key("code")
        .Build();

    private static readonly byte[] Workbook = new XlsxBuilder()
        .Sheet("Notes", s => s.Row(1, Text("not the data")), DocumentFormat.OpenXml.Spreadsheet.SheetStateValues.Hidden)
        .Sheet("Clients", s => s
            .Row(2, Blank())
            .Row(4, Text("Code client"), Text("Raison sociale"), Text("Limite de crédit"), Text("Client depuis"), Text("Actif"))
            .Row(5, Text("C1"), Text("Dupont SA"), Number(12345.67, "#,##0.00 \"€\""), Serial(new DateTime(2021, 3, 15), "dd/mm/yyyy"), Bool(true))
            .Row(7, Text("C2"), Text("Martin"), Error("#DIV/0!"), Serial(new DateTime(2019, 1, 2)), Bool(false))
            .Row(8, Text("C3"), Inline("Durand"), Number(0), Serial(new DateTime(2020, 12, 31)), Bool(false)))
        .Build();

    [Fact]
    public async Task ExecuteAsync_XlsxWorkbook_ImportsTypedCellsAndReportsExcelErrorsOnTheirRow()
    {
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Customers))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .UseExcelReaders()
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Workbook, "clients.xlsx")));

        Assert.Equal(("xlsx", "Clients"), (report.Source!.Format, report.Source.Sheet));
        Assert.True(new ImportTotals(3, 2, 0, 0, 1) == report.Totals, string.Join(" | ", report.Issues.Select(i => $"{i.Row} {i.Code} {i.Message}")));
        var issue = Assert.Single(report.Issues);
        Assert.Equal((7, IssueCodes.CellError, IssueSeverity.Error), (issue.Row, issue.Code, issue.Severity));
        Assert.Equal("The cell C7 holds the Excel error #DIV/0!: correct the formula or clear the cell.", issue.Message);
        Assert.Equal(("Limite de crédit", "#DIV/0!"), (issue.Column, issue.Value)); // the row, the column and the value, as every rejected row

        var c1 = sink.GetRecords("customers").Single(r => (string?)r[0] == "C1");
        Assert.Equal(12345.67m, c1[Customers["limit"].Index]);
        Assert.Equal(true, c1[Customers["active"].Index]);
        Assert.Equal(new DateOnly(2021, 3, 15), c1[Customers["since"].Index]);
    }

    [Fact]
    public async Task ExecuteAsync_ExcelErrorsInMappedAndUnmappedColumns_RejectOnlyRowsWithAMappedErrorAndCountEveryRow()
    {
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Customers))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .UseExcelReaders()
            .Build();
        var book = new XlsxBuilder().Sheet("Clients", s => s
            .Row(1, Text("Notes"), Text("Code client"), Text("Raison sociale"), Text("Limite de crédit"))
            .Row(2, Error("#REF!"), Text("C1"), Text("Dupont"), Number(10)) // error in the unmapped column only: imported
            .Row(3, Error("#N/A"), Text("C2"), Text("Martin"), Error("#VALUE!")) // the first error unmapped, the second mapped
            .Row(4, Error("#NAME?"), Error("#NULL!"), Error("#NUM!"), Error("#DIV/0!")) // errors only: still a row
            .Row(5, Text("ok"), Text("C3"), Text("Durand"), Number(1)))
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(book, "clients.xlsx")));

        var errors = report.Issues.Where(i => i.Severity == IssueSeverity.Error).ToArray();
        Assert.True(new ImportTotals(4, 2, 0, 0, 2) == report.Totals, string.Join(" | ", report.Issues.Select(i => $"{i.Row} {i.Code} {i.Column} {i.Message}")));
        Assert.Equal(["C1", "C3"], sink.GetRecords("customers").Select(r => (string?)r[0]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(report.Issues, i => i.Row == 2);
        var row3 = Assert.Single(errors, i => i.Row == 3);
        Assert.Equal((IssueCodes.CellError, "Limite de crédit", "#VALUE!"), (row3.Code, row3.Column, row3.Value));
        Assert.Contains("D3 (#VALUE!)", row3.Message, StringComparison.Ordinal);
        var row4 = Assert.Single(errors, i => i.Row == 4); // one issue for the row's errors: no required issue for the error cells
        Assert.Equal((IssueCodes.CellError, "Code client", "#NULL!"), (row4.Code, row4.Column, row4.Value));
    }

    [Fact]
    public async Task ExecuteAsync_CellLongerThanMaxCellLength_RejectsItsRowWithTooLongAndImportsTheOthers()
    {
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Customers))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US"), Reader = new ReaderOptions { MaxCellLength = 20 } })
            .UseExcelReaders()
            .Build();
        var book = new XlsxBuilder().Sheet("Clients", s => s
            .Row(1, Text("Code client"), Text("Raison sociale"))
            .Row(2, Text("C1"), Text("Dupont SA"))
            .Row(3, Text("C2"), Inline(new string('M', 30)))
            .Row(4, Text("C3"), Text("Durand")))
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(book, "clients.xlsx")));

        Assert.Equal(["C1", "C3"], sink.GetRecords("customers").Select(r => (string?)r[0]).Order());
        Assert.All(report.Issues, i => Assert.Equal(3, i.Row)); // the cell reads empty: the required name is reported missing too
        var issue = Assert.Single(report.Issues, i => i.Code == IssueCodes.TooLong);
        Assert.Equal(("Raison sociale", IssueSeverity.Error, new string('M', 30)), (issue.Column, issue.Severity, issue.Value));
        Assert.Equal("The cell B3 holds 30 characters; at most 20 are accepted: shorten it or split it.", issue.Message);
    }

    [Theory]
    [InlineData("<c r=\"A2\" t=\"inlineStr\"><is><t>C2</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Martin</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Dubois</t></is></c></row>")]
    [InlineData("<c r=\"A2\" t=\"inlineStr\"><is><t>C2</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Martin</t></is></c></row><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>Dubois</t></is></c></row>")]
    [InlineData("<c r=\"A2\" t=\"inlineStr\"><is><t>C2</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Martin</t></is></c><c r=\"B2\" s=\"0\"/></row>")]
    public async Task ExecuteAsync_SameCellTwiceInARow_RejectsTheRowNamingTheCellInsteadOfKeepingOneValue(string row2)
    {
        // hand-edited or generated sheets: one reference twice in a row, or two <row> elements of one number giving the same
        // cell; Excel never writes either. Keeping one of the values silently (the last one, or an empty one) altered the data.
        var sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Code client</t></is></c><c r="B1" t="inlineStr"><is><t>Raison sociale</t></is></c></row>
            <row r="2">
            """ + row2 + """
            <row r="3"><c r="A3" t="inlineStr"><is><t>C3</t></is></c><c r="B3" t="inlineStr"><is><t>Durand</t></is></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>C4</t></is></c></row><row r="4"><c r="B4" t="inlineStr"><is><t>Petit</t></is></c></row>
            </sheetData></worksheet>
            """;
        var template = new XlsxBuilder().Sheet("Clients", s => s.Row(1, Text("a"))).Build();
        var book = Zip.Rewrite(template, replace: name => name.EndsWith("sheet1.xml", StringComparison.Ordinal)
            ? stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(sheet))
            : null);
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Customers))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .UseExcelReaders()
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(book, "clients.xlsx")));

        Assert.True(new ImportTotals(3, 2, 0, 0, 1) == report.Totals, string.Join(" | ", report.Issues.Select(i => $"{i.Row} {i.Code} {i.Message}")));
        Assert.Equal([("C3", "Durand"), ("C4", "Petit")], sink.GetRecords("customers").Select(r => ((string?)r[0], (string?)r[1])).Order()); // disjoint cells of one row number are still merged
        var issue = Assert.Single(report.Issues);
        Assert.Equal((2, IssueCodes.MalformedRow, "Raison sociale", "Martin"), (issue.Row, issue.Code, issue.Column, issue.Value));
        Assert.StartsWith("The cell B2 is given twice in the sheet ('Martin', then '", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_SameHeaderCellTwice_RefusesTheFileNamingTheCell()
    {
        // the header's name for a column was the last of two: the file is refused instead, naming the cell and both names
        var sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Code client</t></is></c><c r="B1" t="inlineStr"><is><t>Raison sociale</t></is></c><c r="B1" t="inlineStr"><is><t>Limite de crédit</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>C2</t></is></c><c r="B2"><v>1000</v></c></row>
            </sheetData></worksheet>
            """;
        var template = new XlsxBuilder().Sheet("Clients", s => s.Row(1, Text("a"))).Build();
        var book = Zip.Rewrite(template, replace: name => name.EndsWith("sheet1.xml", StringComparison.Ordinal)
            ? stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(sheet))
            : null);
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Customers))
            .UseSink(new InMemorySink())
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .UseExcelReaders()
            .Build();

        var report = await pipeline.SimulateAsync(new ImportRequest(ImportSource.FromBytes(book, "clients.xlsx")));

        Assert.True(report.IsFileRejected);
        var issue = Assert.Single(report.Issues, i => i.Code == IssueCodes.MalformedFile);
        Assert.Equal(1, issue.Row);
        Assert.StartsWith("The header cell B1 is given twice in the sheet ('Raison sociale', then 'Limite de crédit')", issue.Message, StringComparison.Ordinal);
    }
}
