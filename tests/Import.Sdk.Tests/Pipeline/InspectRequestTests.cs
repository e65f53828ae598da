using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>An inspection is asked for as an import is: one request object (<see cref="InspectRequest"/>), reader options included.</summary>
public class InspectRequestTests
{
    [Fact]
    public async Task InspectAsync_RequestReaderOptions_OverrideThePipelines()
    {
        // a comma-separated file whose semicolons would win the detection: the request's delimiter is the one used
        var csv = Some.Csv("Code client,Nom;x;w\r\nC1,Dupont;y;v\r\nC2,Martin;z;u\r\n");
        var pipeline = Some.Pipeline(new InMemorySink());

        var detected = await pipeline.InspectAsync(new InspectRequest(csv));
        var chosen = await pipeline.InspectAsync(new InspectRequest(csv) { Reader = new ReaderOptions { Delimiter = ',' } });

        Assert.Equal(";", detected.Preview.Source.Delimiter);
        Assert.Equal(",", chosen.Preview.Source.Delimiter);
        Assert.Equal(["Code client", "Nom;x;w"], chosen.Preview.Header);
        Assert.Equal([["C1", "Dupont;y;v"], ["C2", "Martin;z;u"]], chosen.Preview.Rows);
    }

    [Fact]
    public async Task InspectAsync_Rows_BoundsTheRowsReturned()
    {
        var csv = Some.Csv("Code client;Nom\r\nC1;Dupont\r\nC2;Martin\r\nC3;Durand\r\n");

        var inspection = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(csv) { Rows = 2 });
        var headerOnly = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(csv) { Rows = 0 });

        Assert.Equal([2, 3], inspection.Preview.RowNumbers);
        Assert.Equal(["Code client", "Nom"], headerOnly.Preview.Header);
        Assert.Empty(headerOnly.Preview.Rows);
    }

    [Fact]
    public void InspectRequest_NegativeRowsOrNoSource_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InspectRequest(Some.Csv("a\r\n")) { Rows = -1 });
        Assert.Throws<ArgumentNullException>(() => new InspectRequest(null!));
        Assert.Equal(10, new InspectRequest(Some.Csv("a\r\n")).Rows);
    }
}
