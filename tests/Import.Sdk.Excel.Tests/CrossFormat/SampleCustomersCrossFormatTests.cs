namespace Import.Sdk.Excel.Tests.CrossFormat;

/// <summary>
/// The sample customers file (Windows-1252 CSV) gives the same report as the same table saved as an XLSX of text cells (our
/// test writer), and as the XLS and XLSX LibreOffice Calc makes of it (<c>Fixtures/make-fixtures.sh</c>, every column imported
/// as text): same totals, same issues (row, column, field, value, code, message), same records written.
/// </summary>
public class SampleCustomersCrossFormatTests
{
    private static string RepositoryPath(params string[] parts) => Support.Corpus.RepositoryPath(parts);

    private static string SamplePath() => RepositoryPath("examples", "Customers", "clients.csv");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SampleCustomers_CsvAndXlsxOfTheSameTable_GiveEqualReports(bool execute)
    {
        var path = SamplePath();
        var preview = await FilePreview.ReadAsync(ImportSource.FromFile(path), int.MaxValue);
        Assert.NotEmpty(preview.Rows);
        Assert.Equal(Enumerable.Range(2, preview.Rows.Count), preview.RowNumbers);
        var rows = preview.Rows.Select(r => (IReadOnlyList<string>)[.. r.Take(preview.Header.Count)]).ToList();
        var xlsx = CrossFormatImport.ToXlsx(preview.Header, rows);

        var csvSink = CrossFormatImport.SeededSink();
        var xlsxSink = CrossFormatImport.SeededSink();
        var csvReport = await CrossFormatImport.ImportAsync(ImportSource.FromFile(path), csvSink, execute);
        var xlsxReport = await CrossFormatImport.ImportAsync(ImportSource.FromBytes(xlsx, "clients.xlsx"), xlsxSink, execute);

        Assert.Equal(("csv", "xlsx"), (csvReport.Source!.Format, xlsxReport.Source!.Format));
        Assert.True(csvReport.Issues.Count > 0, "the sample file is expected to hold some errors");
        Assert.Equal(string.Empty, CrossFormatImport.Differences(csvReport, xlsxReport));
        Assert.Equal(csvReport.Totals, xlsxReport.Totals);
        Assert.Equal(csvReport.Issues, xlsxReport.Issues);
        if (execute)
        {
            var csvRecords = csvSink.GetRecords("customers").Select(r => string.Join("|", r)).Order(StringComparer.Ordinal);
            var xlsxRecords = xlsxSink.GetRecords("customers").Select(r => string.Join("|", r)).Order(StringComparer.Ordinal);
            Assert.Equal(csvRecords, xlsxRecords);
        }
    }

    [Theory]
    [InlineData("clients.xls", "xls", false)]
    [InlineData("clients.xls", "xls", true)]
    [InlineData("clients-libreoffice.xlsx", "xlsx", false)]
    [InlineData("clients-libreoffice.xlsx", "xlsx", true)]
    public async Task SampleCustomers_CsvAndTheWorkbookLibreOfficeMadeOfIt_GiveEqualReports(string fixture, string format, bool execute)
    {
        var csvPath = SamplePath();
        var workbookPath = RepositoryPath("tests", "Import.Sdk.Excel.Tests", "Fixtures", fixture);
        Assert.True(File.Exists(workbookPath), $"{fixture} is missing: run tests/Import.Sdk.Excel.Tests/Fixtures/make-fixtures.sh");

        var csvSink = CrossFormatImport.SeededSink();
        var workbookSink = CrossFormatImport.SeededSink();
        var csvReport = await CrossFormatImport.ImportAsync(ImportSource.FromFile(csvPath), csvSink, execute);
        var workbookReport = await CrossFormatImport.ImportAsync(ImportSource.FromFile(workbookPath), workbookSink, execute);

        Assert.Equal(("csv", format), (csvReport.Source!.Format, workbookReport.Source!.Format));
        Assert.True(csvReport.Issues.Count > 0, "the sample file is expected to hold some errors");
        Assert.Equal(string.Empty, CrossFormatImport.Differences(csvReport, workbookReport));
        Assert.Equal(csvReport.Totals, workbookReport.Totals);
        Assert.Equal(csvReport.Issues, workbookReport.Issues);
        if (execute)
        {
            var csvRecords = csvSink.GetRecords("customers").Select(r => string.Join("|", r)).Order(StringComparer.Ordinal);
            var workbookRecords = workbookSink.GetRecords("customers").Select(r => string.Join("|", r)).Order(StringComparer.Ordinal);
            Assert.Equal(csvRecords, workbookRecords);
        }
    }
}
