using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.CustomerGroups;

/// <summary>The customer-groups entity, imported on its own (customers imports create groups too).</summary>
public class CustomerGroupsEntityTests
{
    private static Task<ImportReport> ImportAsync(InMemorySink sink, string csv) =>
        new ImportPipelineBuilder().UseEntity(CommerceEntities.CustomerGroups).UseSink(sink).Build()
            .ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Encoding.UTF8.GetBytes(csv), "groupes.csv")));

    [Fact]
    public async Task Execute_Groups_InsertedThenLabelUpdated()
    {
        var sink = new InMemorySink();
        ReportAssert.Totals(await ImportAsync(sink, "Groupe;Libellé\r\nNord;Agence Nord\r\nSud;\r\n"), rows: 2, inserted: 2);
        ReportAssert.Totals(await ImportAsync(sink, "Groupe;Libellé\r\nNord;Agence Nord\r\nSud;Agence Sud\r\n"), rows: 2, updated: 1, unchanged: 1);
        Assert.Equal([["Nord", "Agence Nord"], ["Sud", "Agence Sud"]], sink.GetRecords("customer-groups"));
    }

    [Fact]
    public async Task Execute_CodeLongerThan100_RejectedTooLong()
    {
        var report = await ImportAsync(new InMemorySink(), $"Groupe\r\n{new string('g', 101)}\r\n");
        ReportAssert.SingleError(report, 2, "code", "too_long");
    }
}
