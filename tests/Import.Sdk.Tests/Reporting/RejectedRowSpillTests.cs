using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Reporting;

/// <summary>
/// Regression (issue 10, item 8): rejected rows were all kept in memory (~1.4 KB each). Past a small threshold they go to a
/// temporary file; the errors file streams them back in row order, the same as when they were kept in memory.
/// </summary>
[Collection(MemoryMeasuringCollection.Name)]
public class RejectedRowSpillTests
{
    private static string EveryRowRejected(int rows)
    {
        var sb = new StringBuilder(Some.Header).Append("\r\n");
        for (var i = 1; i <= rows; i++)
        {
            sb.Append(Some.Line($"C{i}", "Dupont", email: "pas-un-email", terms: "trente")).Append("\r\n");
        }

        return sb.ToString();
    }

    [Fact]
    public async Task SimulateAsync_200000RowsAllRejected_TheReportHoldsFewRowsInMemoryAndTheErrorsFileHasEveryRowInOrder()
    {
        var source = Some.Csv(EveryRowRejected(200_000));
        var pipeline = Some.Pipeline(new InMemorySink(), options: o => o with { MaxIssues = 1_000, RejectedRowsInMemory = 100 });
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var report = await pipeline.SimulateAsync(new ImportRequest(source));

        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.Equal(new ImportTotals(200_000, 0, 0, 0, 200_000), report.Totals);
        Assert.True(report.RejectedRows.Spilled);
        Assert.Equal((200_000, 0), (report.RejectedRows.Count, report.RejectedRows.RowsInMemory));
        Assert.InRange(held, long.MinValue, 16L << 20); // kept in memory (the old way), these rows weigh ~110 MB

        using var errors = new MemoryStream();
        await report.WriteErrorsFileAsync(errors);
        errors.Position = 0;
        using var reader = new StreamReader(errors, Encoding.UTF8);
        Assert.StartsWith("Code client;", await reader.ReadLineAsync(), StringComparison.Ordinal);
        for (var i = 1; i <= 200_000; i++)
        {
            var line = await reader.ReadLineAsync();
            Assert.True(line is not null && line.StartsWith($"C{i};Dupont;pas-un-email;trente;", StringComparison.Ordinal), $"row {i + 1}: {line}");
        }

        Assert.Null(await reader.ReadLineAsync());
        GC.KeepAlive(source);
    }

    [Fact]
    public async Task WriteErrorsFileAsync_SpilledRowsAndRowsPlannedAtTheEnd_AreMergedInRowOrder()
    {
        // Rows 2 and 4 wait for a parent that never comes (rejected at the end, unknown_parent); rows 3 and 5 are rejected at once.
        var csv = Some.AccountsCsv(
            Some.Line("C1", "Dupont", parent: "ZZ"),
            Some.Line("C2", "Martin", email: "x"),
            Some.Line("C3", "Durand", parent: "ZY"),
            Some.Line("C4", "Petit", email: "y"),
            Some.Line("C5", "Moreau"));

        var spilled = await Some.Pipeline(new InMemorySink(), options: o => o with { RejectedRowsInMemory = 0, BatchSize = 2 }).SimulateAsync(new ImportRequest(Some.Csv(csv)));
        var inMemory = await Some.Pipeline(new InMemorySink(), options: o => o with { BatchSize = 2 }).SimulateAsync(new ImportRequest(Some.Csv(csv)));

        Assert.True(spilled.RejectedRows.Spilled);
        Assert.False(inMemory.RejectedRows.Spilled);
        var lines = Encoding.UTF8.GetString(Convert.FromBase64String(Some.ErrorsFileOf(spilled))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["C1", "C2", "C3", "C4"], lines.Skip(1).Select(l => l.Split(';')[0]));
        Assert.Equal(Some.ErrorsFileOf(inMemory), Some.ErrorsFileOf(spilled));
        Assert.Equal(Some.ErrorsFileOf(spilled), Some.ErrorsFileOf(spilled)); // read again: the file stays until the report goes
    }

    [Fact]
    public async Task WriteErrorsFileAsync_ReportKeptAcrossCollections_StillWritesTheSpilledRows()
    {
        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { RejectedRowsInMemory = 10 }).SimulateAsync(new ImportRequest(Some.Csv(EveryRowRejected(50))));
        var first = Some.ErrorsFileOf(report);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(first, Some.ErrorsFileOf(report));
        Assert.Equal(51, Encoding.UTF8.GetString(Convert.FromBase64String(first)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task SimulateAsync_RowsSpilled_NoTemporaryFileIsLeftWithAName()
    {
        // On Unix the file is unlinked as soon as it is created (only the report's handle reaches it); on Windows it is deleted on close.
        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { RejectedRowsInMemory = 0 }).SimulateAsync(new ImportRequest(Some.Csv(EveryRowRejected(20))));

        Assert.True(report.RejectedRows.Spilled);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), "import-sdk-rejected-*"));
        }

        Assert.Equal(21, Encoding.UTF8.GetString(Convert.FromBase64String(Some.ErrorsFileOf(report))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>Law: the errors file is the same whether the rejected rows were kept in memory or spilled, whatever the lanes.</summary>
    [Property(MaxTest = 40)]
    public Property ErrorsFile_IsTheSameWithAndWithoutSpilling() =>
        Prop.ForAll(AccountsCase.Any, Gen.Elements(0, 1, 3).ToArbitrary(), Gen.Elements(1, 2).ToArbitrary(), (c, threshold, degree) =>
        {
            var request = new ImportRequest(Some.Csv(c.Csv));
            var kept = Run(c, request, int.MaxValue, degree);
            var spilled = Run(c, request, threshold, degree);

            Assert.Equal(kept.Totals, spilled.Totals);
            Assert.Equal(Some.ErrorsFileOf(kept), Some.ErrorsFileOf(spilled));
            Assert.Equal(spilled.Totals.Rejected > threshold, spilled.RejectedRows.Spilled);
        });

    private static ImportReport Run(AccountsCase c, ImportRequest request, int threshold, int degree)
    {
        var pipeline = Some.Pipeline(new CountingSink(c.NewStore()), options: o => o with { BatchSize = c.BatchSize, Mode = c.Mode, MaxDegreeOfParallelism = degree, RejectedRowsInMemory = threshold });
        return pipeline.SimulateAsync(request).GetAwaiter().GetResult();
    }
}
