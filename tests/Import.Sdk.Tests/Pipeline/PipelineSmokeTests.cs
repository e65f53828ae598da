using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

public class PipelineSmokeTests
{
    [Fact]
    public async Task ExecuteAsync_ValidFile_InsertsEveryRow()
    {
        var sink = new InMemorySink();
        var csv = "Code client;Raison sociale;Email;Délai de paiement;Limite de crédit;Client depuis;Actif;Moyen de paiement;Groupes;Groupe parent\r\n" +
                  "C1;Dupont SA;a@b.fr;30;1 234,56;01/02/2024;oui;virement;Nord, Sud;\r\n" +
                  "C2;\"Martin; fils\";;45;12,5;29/02/2024;0;chèque;Nord;C3\r\n" +
                  "C3;Groupe Martin;;;;;;;;\r\n";
        var report = await Some.Pipeline(sink).ExecuteAsync(new ImportRequest(Some.Csv(csv)));
        Assert.Equal(new ImportTotals(3, 3, 0, 0, 0), report.Totals);
        var rows = sink.GetRecords("accounts");
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, sink.GetRecords("groups").Count);
        Assert.Contains(report.Issues, i => i.Code == IssueCodes.AutoCreated);
    }
}
