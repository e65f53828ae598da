using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.TaxRegimes;

/// <summary>The tax-regimes reference data, imported like any entity.</summary>
public class TaxRegimesEntityTests
{
    private static Task<ImportReport> ImportAsync(InMemorySink sink, string csv) =>
        new ImportPipelineBuilder().UseEntity(CommerceEntities.TaxRegimes).UseSink(sink).Build()
            .ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Encoding.UTF8.GetBytes(csv), "regimes.csv")));

    [Fact]
    public async Task Execute_ValidRegimes_Inserted()
    {
        var sink = new InMemorySink();
        var report = await ImportAsync(sink, "Code;Libellé;Taux\r\nFR;France;20\r\nRED;Taux réduit;5,5\r\nEXO;Exonéré;\r\n");
        ReportAssert.Totals(report, rows: 3, inserted: 3);
        Assert.Equal(
            [["FR", "France", 20m], ["RED", "Taux réduit", 5.5m], ["EXO", "Exonéré", null]],
            sink.GetRecords("tax-regimes"));
    }

    [Fact]
    public async Task Execute_SameFileTwice_Unchanged()
    {
        var sink = new InMemorySink();
        const string csv = "Code;Libellé;Taux\r\nFR;France;20\r\n";
        await ImportAsync(sink, csv);
        ReportAssert.Totals(await ImportAsync(sink, csv), rows: 1, unchanged: 1);
    }

    [Fact]
    public async Task Execute_EmptyCode_RejectedRequired()
    {
        var report = await ImportAsync(new InMemorySink(), "Code;Libellé;Taux\r\n;France;20\r\n");
        ReportAssert.SingleError(report, 2, "code", "required");
    }

    [Fact]
    public async Task Execute_CodeLongerThan10_RejectedTooLong()
    {
        var report = await ImportAsync(new InMemorySink(), "Code;Libellé\r\nEXONERATION;Exonéré\r\nEXONERE;Exonéré\r\n");
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        ReportAssert.SingleError(report, 2, "code", "too_long");
    }

    [Fact]
    public async Task Execute_LabelLongerThan100_RejectedTooLong()
    {
        var report = await ImportAsync(new InMemorySink(), $"Code;Libellé\r\nFR;{new string('x', 101)}\r\n");
        ReportAssert.SingleError(report, 2, "label", "too_long");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("vingt")]
    public async Task Execute_NegativeOrNonNumericRate_RejectedInvalidNumber(string rate)
    {
        var report = await ImportAsync(new InMemorySink(), $"Code;Taux\r\nFR;{rate}\r\n");
        ReportAssert.SingleError(report, 2, "rate", "invalid_number");
    }

    [Fact]
    public async Task Execute_DuplicateCode_SecondRejected()
    {
        var report = await ImportAsync(new InMemorySink(), "Code;Libellé\r\nFR;France\r\nFR;France bis\r\n");
        ReportAssert.SingleError(report, 3, "code", "duplicate_key");
    }

    [Fact]
    public async Task Execute_EnglishHeaders_AutoMatched()
    {
        var sink = new InMemorySink();
        var report = await ImportAsync(sink, "Tax regime code;Label;Rate\r\nFR;France;20\r\n");
        ReportAssert.Totals(report, rows: 1, inserted: 1);
    }
}
