namespace Import.Sdk.Excel.Tests.CrossFormat;

/// <summary>The sample customers file (Windows-1252 CSV) and the same table as an XLSX of text cells give the same report.</summary>
public class SampleCustomersCrossFormatTests
{
    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Import.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "examples", "Customers", "clients.csv");
            }
        }

        throw new InvalidOperationException("Import.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

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
}
