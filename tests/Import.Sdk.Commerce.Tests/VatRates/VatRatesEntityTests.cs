using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.VatRates;

/// <summary>The vat-rates reference data, imported like any entity (seed 001: the "types de TVA" articles name).</summary>
public class VatRatesEntityTests
{
    private static Task<ImportReport> ImportAsync(InMemorySink sink, string csv) => EntityFile.ExecuteAsync(CommerceEntities.VatRates, sink, csv);

    [Fact]
    public async Task Execute_FrenchHeaders_InsertedWithTheirRates()
    {
        var sink = new InMemorySink();
        var report = await ImportAsync(sink, "Code TVA;Libellé;Taux\r\nTN;Taux normal;20\r\nTR;Taux réduit;5,5\r\nEXO;Exonéré;0\r\n");
        ReportAssert.Totals(report, rows: 3, inserted: 3);
        Assert.Empty(report.Issues);
        Assert.Equal([["TN", "Taux normal", 20m], ["TR", "Taux réduit", 5.5m], ["EXO", "Exonéré", 0m]], sink.GetRecords("vat-rates"));
    }

    [Fact]
    public async Task Execute_SameFileTwice_Unchanged()
    {
        var sink = new InMemorySink();
        const string csv = "Code TVA;Libellé;Taux\r\nTN;Taux normal;20\r\nTR;Taux réduit;5,5\r\n";
        ReportAssert.Totals(await ImportAsync(sink, csv), rows: 2, inserted: 2);
        var again = await ImportAsync(sink, csv);
        ReportAssert.Totals(again, rows: 2, unchanged: 2);
        Assert.Empty(again.Issues);
    }

    [Fact]
    public async Task Execute_ChangedRate_Updated()
    {
        var sink = new InMemorySink();
        await ImportAsync(sink, "Code TVA;Taux\r\nTI;7\r\n");
        ReportAssert.Totals(await ImportAsync(sink, "Code TVA;Taux\r\nTI;10\r\n"), rows: 1, updated: 1);
        Assert.Equal(10m, Assert.Single(sink.GetRecords("vat-rates"))[2]);
    }

    [Fact]
    public async Task Execute_EmptyCode_RejectedRequired() =>
        ReportAssert.SingleError(await ImportAsync(new InMemorySink(), "Code TVA;Taux\r\n;20\r\n"), 2, "code", "required");

    [Theory]
    [InlineData("-1")]
    [InlineData("-0,5")]
    [InlineData("vingt")]
    public async Task Execute_NegativeOrNonNumericRate_RejectedInvalidNumber(string rate) =>
        Assert.Equal(rate, ReportAssert.SingleError(await ImportAsync(new InMemorySink(), $"Code TVA;Taux\r\nTN;{rate}\r\n"), 2, "rate", "invalid_number").Value);

    [Fact]
    public async Task Execute_CodeLongerThan10_RejectedTooLong() =>
        ReportAssert.SingleError(await ImportAsync(new InMemorySink(), "Code TVA;Taux\r\nTAUXNORMAL1;20\r\n"), 2, "code", "too_long");

    [Fact]
    public async Task Execute_DuplicateCode_SecondRejected() =>
        ReportAssert.SingleError(await ImportAsync(new InMemorySink(), "Code TVA;Taux\r\nTN;20\r\nTN;19,6\r\n"), 3, "code", "duplicate_key");

    [Theory]
    [InlineData("Code TVA;Libellé;Taux")]
    [InlineData("Type de TVA;Désignation;Taux de TVA")]
    [InlineData("VAT code;Label;VAT rate")]
    public async Task Inspect_Headers_MatchCodeLabelRate(string header)
    {
        var inspection = await EntityFile.Pipeline(CommerceEntities.VatRates, new InMemorySink()).InspectAsync(new InspectRequest(EntityFile.Source(header + "\r\nTN;Normal;20\r\n")));
        Assert.Equal(["code", "label", "rate"], inspection.Mapping.Columns.Select(c => c.Field));
    }
}
