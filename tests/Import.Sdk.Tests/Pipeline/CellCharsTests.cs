using System.Text;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>
/// Cells of number, date, boolean and code columns are kept as characters, not strings, while a batch is converted. What a
/// user sees does not change: values, issues with the cell as found, and the errors file with every cell of a rejected row.
/// </summary>
public class CellCharsTests
{
    private static async Task<string> ErrorsFileTextAsync(ImportReport report)
    {
        using var stream = new MemoryStream();
        await report.WriteErrorsFileAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ExecuteAsync_RowsRejectedInConversionAndInPlanning_ErrorsFileHasEveryCellAsFound(int degree)
    {
        var csv = Some.AccountsCsv(
            Some.Line("C1", "Dupont", terms: "30", limit: "1\u00A0234,56", since: "01/02/2020", active: "oui", method: "chèque"),
            Some.Line("C2", "Martin", terms: "trente", limit: "12,5", since: "31/12/2021", active: "non", method: "virement bancaire"),
            Some.Line("C1", "Durand", terms: "45", limit: "7\u202F000", since: "15/03/2019", active: "vrai", method: "CB"),
            Some.Line("C3", "Été Café", terms: "60", limit: "abc€", since: "02/02/2022", active: "faux", method: "espèces"));
        var (report, sink) = await Some.ExecuteAsync(csv, options: o => o with { MaxDegreeOfParallelism = degree, BatchSize = 2 });

        Assert.Equal(new ImportTotals(4, 1, 0, 0, 3), report.Totals);
        Assert.Equal(1234.56m, Some.Value(Some.Account(sink, "C1"), "limit"));
        Assert.Equal("CHEQUE", Some.Value(Some.Account(sink, "C1"), "method"));
        Assert.Equal(new DateOnly(2020, 2, 1), Some.Value(Some.Account(sink, "C1"), "since"));
        Assert.Equal("trente", Assert.Single(report.IssuesOf(IssueCodes.InvalidNumber), i => i.Row == 3).Value);
        Assert.Equal("abc€", Assert.Single(report.IssuesOf(IssueCodes.InvalidNumber), i => i.Row == 5).Value);
        Assert.Equal("espèces", Assert.Single(report.IssuesOf(IssueCodes.InvalidEnum)).Value);

        var errors = await ErrorsFileTextAsync(report);
        Assert.Contains("C2;Martin;;trente;12,5;31/12/2021;non;virement bancaire;;", errors, StringComparison.Ordinal);
        Assert.Contains("C1;Durand;;45;7\u202F000;15/03/2019;vrai;CB;;", errors, StringComparison.Ordinal); // a duplicate key: rejected while planning
        Assert.Contains("C3;Été Café;;60;abc€;02/02/2022;faux;espèces;;", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CellsLongerThanTheBuffer_RowsReadBeforeKeepTheirCells()
    {
        // The 16,384-character buffer grows in the middle of the batch: the rows read into the old one still read their cells.
        var longMethod = new string('x', 40_000);
        var csv = Some.AccountsCsv(
            Some.Line("C1", "Dupont", terms: "30", method: "CB"),
            Some.Line("C2", "Martin", terms: "31", method: longMethod),
            Some.Line("C3", "Durand", terms: "32", method: "chèque"));
        var (report, sink) = await Some.ExecuteAsync(csv, options: o => o with { BatchSize = 10 });

        Assert.Equal(new ImportTotals(3, 2, 0, 0, 1), report.Totals);
        Assert.Equal((30L, "CB"), ((long)Some.Value(Some.Account(sink, "C1"), "terms")!, (string)Some.Value(Some.Account(sink, "C1"), "method")!));
        Assert.Equal((32L, "CHEQUE"), ((long)Some.Value(Some.Account(sink, "C3"), "terms")!, (string)Some.Value(Some.Account(sink, "C3"), "method")!));
        Assert.Equal(new string('x', 100) + "… (40\u202F000 caractères)", Assert.Single(report.IssuesOf(IssueCodes.InvalidEnum)).Value); // quoted cut; the errors file has it whole
        Assert.Contains($"C2;Martin;;31;;;;{longMethod};;", await ErrorsFileTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_RowWaitingForAParentLaterRejected_ErrorsFileHasItsCells()
    {
        // C1 names a parent (Z9) that never comes: it waits past its batch, then is rejected at the end of the file.
        var rows = new List<string> { Some.Line("C1", "Dupont", terms: "30", limit: "1\u00A0000", method: "chèque", parent: "Z9") };
        rows.AddRange(Enumerable.Range(2, 10).Select(i => Some.Line($"C{i}", "Martin", terms: i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var (report, _) = await Some.ExecuteAsync(Some.AccountsCsv([.. rows]), options: o => o with { BatchSize = 3 });

        Assert.Equal((IssueCodes.UnknownParent, 1L), (Assert.Single(report.Issues).Code, report.Totals.Rejected));
        Assert.Contains("C1;Dupont;;30;1\u00A0000;;;chèque;;Z9", await ErrorsFileTextAsync(report), StringComparison.Ordinal);
    }
}
