using System.Globalization;
using System.Text;
using Import.Sdk.Tests.Readers;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>
/// What a CSV row the reader cannot give as found becomes in the report: a rejected row with its code, row, column and raw
/// text, the rows around it imported, every row of the file counted.
/// </summary>
public class CsvRowProblemsReportTests
{
    private static readonly Func<ImportOptions, ImportOptions> English = o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    /// <summary>
    /// Regression (issue 10, item 3): <c>C1;"Dupont"SA;Paris</c> was stored as <c>DupontSA</c>, <c>"Martin, "Fils</c> as
    /// <c>Martin, Fils</c>, with no issue. The papaparse cases and the two French examples: each is a rejected malformed row.
    /// </summary>
    [Theory]
    [InlineData("Code client,Raison sociale,Statut", "C1,\"b\"c,d", "Raison sociale", "\"b\"c")]
    [InlineData("Code client,Raison sociale,Statut", "C1,\"b,\"c", "Raison sociale", "\"b,\"c")]
    [InlineData("Code client,Raison sociale,Statut", "\"C1,\"b,c\"", "Code client", "\"C1,\"b")]
    [InlineData("Code client,Raison sociale,Statut", "C1,\"b,c\r\nd\"e,f", "Raison sociale", "\"b,c\r\nd\"e")]
    [InlineData("Code client;Raison sociale;Statut", "C1;\"Dupont\"SA;Paris", "Raison sociale", "\"Dupont\"SA")]
    [InlineData("Code client;Raison sociale;Statut", "C1;\"Martin, \"Fils;Paris", "Raison sociale", "\"Martin, \"Fils")]
    public async Task ExecuteAsync_MalformedQuotes_RejectTheRowWithItsRawTextAndImportTheOthers(string header, string malformed, string column, string raw)
    {
        var separator = header[11];
        var csv = Some.Lines(header, $"C0{separator}Zéro{separator}A", malformed, $"C9{separator}Neuf{separator}B");

        var (report, sink) = await Some.ExecuteAsync(csv, options: English);

        var issue = Assert.Single(report.IssuesOf(IssueCodes.MalformedRow));
        Assert.Equal((3, column, (string?)null, raw, IssueSeverity.Error), (issue.Row, issue.Column, issue.Field, issue.Value, issue.Severity));
        Assert.Contains(raw, issue.Message, StringComparison.Ordinal);
        Assert.Equal(new ImportTotals(3, 2, 0, 0, 1), report.Totals);
        Assert.Equal(["C0", "C9"], sink.GetRecords("accounts").Select(r => Some.Value(r, "code")).Order());
        Assert.Equal("Neuf", Some.Value(Some.Account(sink, "C9"), "name"));
        Assert.DoesNotContain(report.Issues, i => i.Row == 4); // the row after a record on two lines is row 4
        using var errors = new MemoryStream();
        await report.WriteErrorsFileAsync(errors);
        var rejected = await FilePreview.ReadAsync(ImportSource.FromBytes(errors.ToArray(), "errors.csv"));
        Assert.Equal(raw, rejected.Rows[0][Array.IndexOf(header.Split(separator), column)]); // the errors file gives the text as found, not as repaired
    }

    /// <summary>
    /// Regression (issue 10, item 4): a record over <see cref="ReaderOptions.MaxRecordBytes"/> stopped the import: the rows after
    /// it were neither read nor counted and the summary said "0 row(s) rejected". Whether CsvHelper had the record in its buffer
    /// (a seekable file) or gave up on it (an upload read in 64 KiB blocks), it is one rejected row and the rest is imported.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteAsync_RecordOverMaxRecordBytes_IsOneRejectedRowAndEveryRowIsAccountedFor(bool nonSeekable)
    {
        var csv = Some.Lines("Code client;Raison sociale", "C1;Un", "C2;Deux", "C3;" + new string('x', 300_000), "C4;Quatre") + CsvReaderPreviewTests.AsciiRows(20_000);
        var bytes = Encoding.UTF8.GetBytes(csv);
        var source = nonSeekable ? ImportSource.FromStream(NonSeekableStream.Of(bytes, 8192), "big.csv") : ImportSource.FromBytes(bytes, "big.csv");
        var sink = new InMemorySink();
        var pipeline = Some.Pipeline(sink, options: o => English(o) with { Reader = o.Reader with { MaxRecordBytes = 100_000 } });

        var report = await pipeline.ExecuteAsync(new ImportRequest(source));

        var issue = Assert.Single(report.IssuesOf(IssueCodes.TooLong));
        Assert.Same(issue, Assert.Single(report.Issues)); // its cells are not read: no required nor key issue besides
        Assert.Equal((4, IssueCodes.TooLong, IssueSeverity.Error, (string?)null), (issue.Row, issue.Code, issue.Severity, issue.Column));
        Assert.Equal("C3;" + new string('x', 97) + "…", issue.Value);
        Assert.StartsWith("Row 4 is longer than 100,000 bytes", issue.Message, StringComparison.Ordinal);
        Assert.Equal(new ImportTotals(20_004, 20_003, 0, 0, 1), report.Totals);
        Assert.Equal("Quatre", Some.Value(Some.Account(sink, "C4"), "name"));
        Assert.Equal("Client 020000", Some.Value(Some.Account(sink, "C020000"), "name"));
    }

    [Fact]
    public async Task ExecuteAsync_RequiredCellOverMaxCellLength_IsOnlyTooLong_NotAlsoRequired()
    {
        // The reader does not keep the cell: the pipeline must not then say that the required name is empty.
        var csv = Some.Lines("Code client;Raison sociale", "C1;Un", "C2;" + new string('n', 2_000), "C3;Trois");

        var (report, sink) = await Some.ExecuteAsync(csv, options: o => English(o) with { Reader = o.Reader with { MaxCellLength = 1_000 } });

        var issue = Assert.Single(report.Issues);
        Assert.Equal((3, "Raison sociale", IssueCodes.TooLong, new string('n', 100) + "…"), (issue.Row, issue.Column, issue.Code, issue.Value));
        Assert.Equal(new ImportTotals(3, 2, 0, 0, 1), report.Totals);
        Assert.Equal(2, sink.GetRecords("accounts").Count);
    }

    /// <summary>Regression (issue 10, item 6): <see cref="ReaderOptions.MaxCellLength"/> did not apply to CSV files.</summary>
    [Fact]
    public async Task ExecuteAsync_CellOverMaxCellLength_RejectsTheRowWithTooLongAndACutValue()
    {
        var csv = Some.Lines("Code client;Raison sociale;Statut", "C1;Un;A", "C2;Deux;" + new string('s', 5_000), "C3;Trois;C");

        var (report, sink) = await Some.ExecuteAsync(csv, options: o => English(o) with { Reader = o.Reader with { MaxCellLength = 1_000 } });

        var issue = Assert.Single(report.Issues);
        Assert.Equal((3, "Statut", IssueCodes.TooLong, new string('s', 100) + "…"), (issue.Row, issue.Column, issue.Code, issue.Value));
        Assert.StartsWith("Column 'Statut' holds 5,000 characters; a cell may hold at most 1,000: the row is not imported.", issue.Message, StringComparison.Ordinal);
        Assert.Equal(new ImportTotals(3, 2, 0, 0, 1), report.Totals);
        Assert.Equal(2, sink.GetRecords("accounts").Count);
    }

    /// <summary>
    /// Regression (issue 10, item 11): a NUL byte in the first 64 KiB refused the file, further on it was stored. Now the row
    /// holding it is rejected, whether the NUL is at byte 100 or at byte 100,000.
    /// </summary>
    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public async Task ExecuteAsync_NulCharacter_RejectsItsRowWhereverItIs(int at)
    {
        var (csv, row) = CsvRowProblemTests.FileWithNulAt(at);

        var (report, sink) = await Some.ExecuteAsync(csv.Replace("Code;Nom", "Code client;Nom", StringComparison.Ordinal), options: English);

        var issue = Assert.Single(report.IssuesOf(IssueCodes.MalformedRow));
        Assert.Equal((row, "Nom", "Du\\0pont"), (issue.Row, issue.Column, issue.Value));
        Assert.False(report.IsFileRejected);
        Assert.Equal(1, report.Totals.Rejected);
        Assert.Equal(report.Totals.Rows - 1, report.Totals.Inserted);
        Assert.DoesNotContain(sink.GetRecords("accounts"), r => ((string)Some.Value(r, "name")!).Contains('\0', StringComparison.Ordinal));
    }
}
