using static Import.Sdk.Tests.Documents.OrderDocuments;

namespace Import.Sdk.Tests.Documents;

/// <summary>
/// Document rules (<see cref="ImportEntity.WithDocumentRules"/>): run once per complete document, its lines known, before it is
/// written; a header found unchanged whose values a rule changes becomes an update.
/// </summary>
public class DocumentRuleTests
{
    private static readonly EntitySchema TotalOrders = EntitySchema.Create("orders")
        .Field("number", FieldType.Text, f => f.Required())
        .Field("date", FieldType.Date, f => f.Required())
        .Field("total", FieldType.Decimal)
        .Key("number")
        .Build();

    private static readonly EntitySchema TotalLines = EntitySchema.Create("order-lines")
        .Field("order", FieldType.Text, f => f.Required().References(new FieldReference(TotalOrders, "number", isParent: true)))
        .Field("line", FieldType.Integer, f => f.Required())
        .Field("amount", FieldType.Decimal)
        .Key("order", "line")
        .Build();

    private static readonly string TwoOrders = Csv(OrdersHeader, "O1;01/03/2025", "O2;02/03/2025");

    private static IImportPipeline Pipeline(IImportSink sink, SumRule rule) =>
        new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(TotalOrders).WithDocumentRules(rule).WithLines(new ImportEntity(TotalLines)))
            .UseSink(sink)
            .Build();

    private static Task<ImportReport> RunAsync(IImportPipeline pipeline, string lines, bool execute) =>
        execute ? pipeline.ExecuteAsync(Request(TwoOrders, lines)) : pipeline.SimulateAsync(Request(TwoOrders, lines));

    private static decimal? TotalOf(InMemorySink sink, string number) =>
        (decimal?)sink.GetRecords("orders").Single(r => (string?)r[0] == number)[TotalOrders["total"].Index];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DocumentRule_CompleteDocuments_SetsTheHeaderFromItsLinesBeforeItIsWritten(bool execute)
    {
        var sink = new InMemorySink();
        var rule = new SumRule();

        var report = await RunAsync(Pipeline(sink, rule), Csv(LinesHeader, "O1;1;10", "O2;1;30", "O1;2;2,5"), execute);

        Assert.Equal(new ImportTotals(5, 5, 0, 0, 0), report.Totals);
        Assert.Equal(["O1:2", "O2:1"], rule.Seen);
        if (execute)
        {
            Assert.Equal(12.5m, TotalOf(sink, "O1"));
            Assert.Equal(30m, TotalOf(sink, "O2"));
        }
        else
        {
            Assert.Empty(sink.GetRecords("orders"));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DocumentRule_IncompleteDocument_IsNotCompleted(bool execute)
    {
        var rule = new SumRule();

        var report = await RunAsync(Pipeline(new InMemorySink(), rule), Csv(LinesHeader, "O1;1;10", "O2;1;x"), execute);

        Assert.Equal([(IssueCodes.IncompleteDocument, 3)], Errors(report.Files[0]));
        Assert.Equal(["O1:1"], rule.Seen);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DocumentRule_UnchangedHeaderWhoseLinesChanged_IsCountedAndWrittenAsAnUpdate(bool execute)
    {
        var sink = new InMemorySink();
        await RunAsync(Pipeline(sink, new SumRule()), Csv(LinesHeader, "O1;1;10", "O2;1;30"), execute: true);

        var same = await RunAsync(Pipeline(sink, new SumRule()), Csv(LinesHeader, "O1;1;10", "O2;1;30"), execute);
        var changed = await RunAsync(Pipeline(sink, new SumRule()), Csv(LinesHeader, "O1;1;11", "O2;1;30"), execute);

        Assert.Equal(new ImportTotals(2, 0, 0, 2, 0), same.Files[0].Totals);
        Assert.Equal(new ImportTotals(2, 0, 1, 1, 0), changed.Files[0].Totals);
        Assert.Equal(new ImportTotals(2, 0, 1, 1, 0), changed.Files[1].Totals);
        Assert.Equal(execute ? 11m : 10m, TotalOf(sink, "O1"));
    }

    /// <summary>Sums the lines' amounts into the header's total, and notes each document it completes.</summary>
    private sealed class SumRule : IDocumentRule
    {
        public List<string> Seen { get; } = [];

        public void Complete(DocumentContext document)
        {
            var total = 0m;
            for (var i = 0; i < document.Lines.Count; i++)
            {
                total += document.GetLineValue(i, "amount") as decimal? ?? 0m;
            }

            document["total"] = total;
            Seen.Add($"{document["number"]}:{document.Lines.Count}");
        }
    }
}
