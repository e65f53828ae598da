using System.Globalization;
using System.Text;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Readers;

/// <summary>What the CSV reader's findings become in a report: row numbers, ragged and malformed rows, unreadable files.</summary>
public class CsvReaderPipelineTests
{
    private static readonly Func<ImportOptions, ImportOptions> English = o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task SimulateAsync_IssueAfterMultiLineRecordAndEmptyLine_CarriesTheSpreadsheetRow()
    {
        // Spreadsheet rows: 1 header, 2 the record on three lines, 3 empty, 4 C2.
        var csv = "Code client;Raison sociale;Email\r\nC1;\"Dupont\r\net\r\nfils\";a@b.fr\r\n\r\nC2;Martin;pas-un-email\r\n";

        var report = await SimulateAsync(csv);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(4, "Email", "email", "pas-un-email", IssueCodes.InvalidEmail, IssueSeverity.Error, issue.Message), issue);
        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
    }

    [Fact]
    public async Task ExecuteAsync_MultiLineQuotedValue_IsStoredWithItsNewlines()
    {
        var (report, sink) = await Some.ExecuteAsync("Code client;Raison sociale\r\nC1;\"Dupont\r\net fils\"\r\nC2;\"Martin; \"\"fils\"\"\"\r\n");

        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Totals);
        Assert.Equal("Dupont\r\net fils", Some.Value(Some.Account(sink, "C1"), "name"));
        Assert.Equal("Martin; \"fils\"", Some.Value(Some.Account(sink, "C2"), "name"));
    }

    [Fact]
    public async Task SimulateAsync_RaggedRows_RejectsShortAndLongRowsButAcceptsTrailingEmptyCells()
    {
        var csv = "Code client;Raison sociale\r\nC1\r\nC2;Martin;en trop\r\nC3;Durand;;\r\nC4;Petit;  \r\nC5;Grand\r\n";

        var report = await SimulateAsync(csv, English);

        var ragged = report.IssuesOf(IssueCodes.RaggedRow);
        Assert.Equal([2, 3], ragged.Select(i => i.Row));
        Assert.All(ragged, i => Assert.Equal((null, null, IssueSeverity.Error), (i.Column, i.Field, i.Severity)));
        Assert.Equal("This row has 1 cells while the header has 2: check the separators and quotes of this row.", ragged[0].Message);
        Assert.Contains("has 3 cells", ragged[1].Message, StringComparison.Ordinal);
        Assert.Equal(new ImportTotals(5, 3, 0, 0, 2), report.Totals);
    }

    /// <summary>Regression (issue 10, item 3): an unterminated quote is a malformed row (it was <c>malformed_file</c> on the row), naming the column and the raw text.</summary>
    [Fact]
    public async Task SimulateAsync_UnterminatedQuote_ReportsMalformedRowOnThatRow()
    {
        var csv = "Code client;Raison sociale\r\nC1;Dupont\r\nC2;\"Martin\r\nC3;Durand\r\n";

        var report = await SimulateAsync(csv, English);

        var issue = Assert.Single(report.IssuesOf(IssueCodes.MalformedRow));
        Assert.Equal((3, "Raison sociale", "\"Martin\r\nC3;Durand\r\n", IssueSeverity.Error), (issue.Row, issue.Column, issue.Value, issue.Severity));
        Assert.Contains("never closed", issue.Message, StringComparison.Ordinal);
        Assert.Empty(report.IssuesOf(IssueCodes.MalformedFile));
        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
    }

    /// <summary>
    /// Regression (was a bug): an unterminated quote in the header row is not reported. CsvTabularReader.OpenAsync reads the header before `self` is set, so
    /// OnMalformedRecord (`self?.OnMalformed(m)`) drops it: the whole file becomes one header cell and the user is told that the
    /// required field 'name' is unmapped, instead of malformed_file on row 1.
    /// </summary>
    [Fact]
    public async Task SimulateAsync_UnterminatedQuoteInTheHeader_ReportsMalformedFileOnRowOne()
    {
        var report = await SimulateAsync("Code client;\"Raison sociale\r\nC1;Dupont\r\nC2;Martin\r\n", English);

        var issue = Assert.Single(report.IssuesOf(IssueCodes.MalformedFile));
        Assert.Equal(1, issue.Row);
        Assert.True(report.IsFileRejected);
    }

    /// <summary>Regression (pipeline face of CsvReaderPreviewTests.ReadAsync_LineOfSeparatorsOnly_IsSkippedButCounted): a line of separators only is rejected as a row with empty required values.</summary>
    [Fact]
    public async Task SimulateAsync_LineOfSeparatorsOnly_IsNotARow()
    {
        var report = await SimulateAsync("Code client;Raison sociale;Email\r\nC1;Dupont;\r\n;;\r\nC2;Martin;\r\n");

        Assert.Empty(report.Issues);
        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Totals);
    }

    /// <summary>
    /// Regression: DOS-era exports (the CP850 files this reader detects) end with the DOS end-of-file mark, Ctrl+Z (0x1A), on a
    /// line of its own. It was read as one more row, rejected with ragged_row and required: a clean file gave exit code 1.
    /// </summary>
    [Theory]
    [InlineData("Code client;Raison sociale;Email\r\nC1;Dupont;\r\nC2;Martin;\r\n\u001A")]
    [InlineData("Code client;Raison sociale;Email\r\nC1;Dupont;\r\nC2;Martin;\r\n\u001A\r\n")]
    public async Task SimulateAsync_DosEndOfFileMarkOnItsOwnLine_IsNotARow(string content)
    {
        var report = await SimulateAsync(content);

        Assert.Empty(report.Issues);
        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Totals);
    }

    [Fact]
    public async Task SimulateAsync_ExcelSeparatorHintLine_IsHonouredAndNotARow()
    {
        var report = await SimulateAsync("sep=,\r\nCode client,Raison sociale,Email\r\nC1,\"Dupont; fils\",x\r\n");

        Assert.Equal(",", report.Source!.Delimiter);
        Assert.Equal(["Code client", "Raison sociale", "Email"], report.Header);
        var issue = Assert.Single(report.Issues);
        Assert.Equal((2, IssueCodes.InvalidEmail), (issue.Row, issue.Code));
    }

    [Fact]
    public async Task SimulateAsync_EmptyFile_ReportsOneMalformedFileAndRejectsTheFile()
    {
        var report = await Some.Pipeline(new InMemorySink(), options: English).SimulateAsync(new ImportRequest(ImportSource.FromBytes([], "vide.csv")));

        var issue = Assert.Single(report.Issues);
        Assert.Equal((0, IssueCodes.MalformedFile, IssueSeverity.Error), (issue.Row, issue.Code, issue.Severity));
        Assert.Contains("empty", issue.Message, StringComparison.Ordinal);
        Assert.True(report.IsFileRejected);
        Assert.False(report.IsSuccess);
        Assert.Equal(new ImportTotals(0, 0, 0, 0, 0), report.Totals);
        Assert.Null(report.Source);
    }

    [Fact]
    public async Task SimulateAsync_HeaderOnly_IsAnEmptySuccessfulImport()
    {
        var report = await SimulateAsync("Code client;Raison sociale\r\n");

        Assert.Empty(report.Issues);
        Assert.Equal(new ImportTotals(0, 0, 0, 0, 0), report.Totals);
        Assert.True(report.IsSuccess);
        Assert.False(report.IsFileRejected);
        Assert.Equal(["Code client", "Raison sociale"], report.Header);
    }

    [Fact]
    public async Task SimulateAsync_BinaryGarbage_ReportsExactlyOneMalformedFile()
    {
        var report = await Some.Pipeline(new InMemorySink()).SimulateAsync(new ImportRequest(ImportSource.FromBytes(CsvReaderPreviewTests.BinaryGarbage(), "photo.csv")));

        var issue = Assert.Single(report.Issues);
        Assert.Equal((IssueCodes.MalformedFile, IssueSeverity.Error, 0L), (issue.Code, issue.Severity, report.Totals.Rows));
        Assert.True(report.IsFileRejected);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "ZIP")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "OLE2")]
    public async Task SimulateAsync_WorkbookWithoutItsReader_ReportsOneMalformedFileNamingTheContainer(byte[] signature, string container)
    {
        var bytes = signature.Concat(new byte[300]).ToArray();

        var report = await Some.Pipeline(new InMemorySink(), options: English).SimulateAsync(new ImportRequest(ImportSource.FromBytes(bytes, "clients.xlsx")));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(IssueCodes.MalformedFile, issue.Code);
        Assert.Contains(container, issue.Message, StringComparison.Ordinal);
        Assert.Contains("Import.Sdk.Excel", issue.Message, StringComparison.Ordinal);
        Assert.True(report.IsFileRejected);
    }

    [Fact]
    public async Task SimulateAsync_NonSeekableStream_GivesTheSameReportAsBytes()
    {
        var csv = Some.AccountsCsv(
            "C1;\"Dupont\r\net fils\";a@b.fr;30;1 234,56;01/02/2024;oui;virement;Nord;",
            "C2;Martin;faux;;;31/02/2024;;;;C1",
            "",
            "C3;Durand;;x;;;;;;ZZ") + CsvReaderPreviewTests.AsciiRows(3000);
        var bytes = Encoding.UTF8.GetBytes(csv);
        var pipeline = Some.Pipeline(new InMemorySink(), options: o => o with { BatchSize = 500 });

        var fromBytes = await pipeline.SimulateAsync(new ImportRequest(ImportSource.FromBytes(bytes, "accounts.csv")));
        var fromStream = await pipeline.SimulateAsync(new ImportRequest(ImportSource.FromStream(NonSeekableStream.Of(bytes, chunk: 777), "accounts.csv")));

        Assert.Equal(fromBytes.Totals, fromStream.Totals);
        Assert.Equal(fromBytes.Issues, fromStream.Issues);
        Assert.Equal(3003, fromStream.Totals.Rows);
        Assert.Equal("utf-8", fromStream.Source!.Encoding);
    }

    [Fact]
    public async Task ExecuteAsync_Windows1252FileWithAccentFarPast64KiB_StoresTheAccents()
    {
        var bytes = CsvReaderPreviewTests.Windows1252FileWithAccentAt(asciiRowsBefore: 6000);
        var sink = new InMemorySink();

        var report = await Some.Pipeline(sink).ExecuteAsync(new ImportRequest(ImportSource.FromBytes(bytes, "export.csv")));

        Assert.Equal(6001, report.Totals.Inserted);
        Assert.Equal("windows-1252", report.Source!.Encoding);
        Assert.Equal("Société Générale", Some.Value(Some.Account(sink, "C999999"), "name"));
    }

    [Fact]
    public async Task ExecuteAsync_FileOnDiskInWindows1252_ReadsLikeBytes()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(path, CsvReaderPreviewTests.Windows1252FileWithAccentAt(asciiRowsBefore: 6000));
        try
        {
            var sink = new InMemorySink();
            var progress = new RecordingProgress();

            var report = await Some.Pipeline(sink).ExecuteAsync(new ImportRequest(ImportSource.FromFile(path)), progress);

            Assert.Equal(Path.GetFileName(path), report.File);
            Assert.Equal(("windows-1252", 6001L), (report.Source!.Encoding, report.Totals.Inserted));
            Assert.Equal("Société Générale", Some.Value(Some.Account(sink, "C999999"), "name"));
            Assert.Equal(100d, progress.Reports[^1].Percent);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SimulateAsync_MissingFile_ReportsOneMalformedFileNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");

        var report = await Some.Pipeline(new InMemorySink()).SimulateAsync(new ImportRequest(ImportSource.FromFile(path)));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(IssueCodes.MalformedFile, issue.Code);
        Assert.Contains(path, issue.Message, StringComparison.Ordinal);
        Assert.True(report.IsFileRejected);
    }

    [Fact]
    public async Task SimulateAsync_Report_CarriesTheSourceInfo()
    {
        var report = await Some.Pipeline(new InMemorySink()).SimulateAsync(new ImportRequest(ImportSource.FromBytes(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Code client\tRaison sociale\r\nC1\tDupont\r\n")).ToArray(), "export.txt")));

        Assert.Equal(("csv", "utf-16le", "\t", (string?)null), (report.Source!.Format, report.Source.Encoding, report.Source.Delimiter, report.Source.Sheet));
        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
        Assert.Equal("export.txt", report.File);
    }

    private static Task<ImportReport> SimulateAsync(string csv, Func<ImportOptions, ImportOptions>? options = null) =>
        Some.Pipeline(new InMemorySink(), options: options).SimulateAsync(new ImportRequest(Some.Csv(csv)));
}
