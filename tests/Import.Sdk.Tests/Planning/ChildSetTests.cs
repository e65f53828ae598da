using System.Globalization;

namespace Import.Sdk.Tests.Planning;

/// <summary>
/// A child set replaced as a whole (issue 11 item 3): the records of one parent in a file are its whole set; the parents the file
/// does not name keep theirs; re-importing the same file never duplicates a set.
/// </summary>
public class ChildSetTests
{
    internal static readonly EntitySchema Compositions = EntitySchema.Create("compositions")
        .Field("assembly", FieldType.Text, f => f.Required())
        .Field("component", FieldType.Text, f => f.Required())
        .Field("quantity", FieldType.Decimal)
        .Key("assembly", "component")
        .ChildSetOf("assembly")
        .Build();

    internal const string File = "assembly;component;quantity\r\nA1;C2;5\r\nA1;C4;1\r\nA3;C9;2\r\n";

    [Fact]
    public async Task ExecuteAsync_ChildSet_ReplacesThatParentsSetOnlyAndReimportChangesNothing()
    {
        var sink = Stored();

        var first = await Pipeline(sink).ExecuteAsync(Request(File));
        var afterFirst = Sorted(sink);
        var second = await Pipeline(sink).ExecuteAsync(Request(File));

        Assert.Equal(new ImportTotals(3, 3, 0, 0, 0), first.Totals);
        Assert.Equal(["A1 C2 5", "A1 C4 1", "A2 C3 7", "A3 C9 2"], afterFirst);
        Assert.Equal(afterFirst, Sorted(sink)); // never a duplicate set
        Assert.Equal(new ImportTotals(3, 3, 0, 0, 0), second.Totals);
    }

    [Fact]
    public async Task SimulateAsync_ChildSet_ReportsWhatTheExecutionDoesAndWritesNothing()
    {
        var simulatedSink = Stored();
        var executedSink = Stored();

        var simulated = await Pipeline(simulatedSink).SimulateAsync(Request(File));
        var executed = await Pipeline(executedSink).ExecuteAsync(Request(File));

        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Equal(executed.Issues.Select(i => i.Message), simulated.Issues.Select(i => i.Message));
        Assert.Equal(["A1 C1 1", "A1 C2 2", "A2 C3 7"], Sorted(simulatedSink));
    }

    [Fact]
    public void ChildSetOf_AFieldThatDoesNotExist_IsRefused()
    {
        var ex = Assert.Throws<ImportException>(() => EntitySchema.Create("x").Field("code", FieldType.Text).Key("code").ChildSetOf("parent").Build());

        Assert.Contains("'parent'", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A store holding A1 = {C1, C2} and A2 = {C3}.</summary>
    private static InMemorySink Stored()
    {
        var sink = new InMemorySink();
        sink.Seed(Compositions, [["A1", "C1", 1m], ["A1", "C2", 2m], ["A2", "C3", 7m]]);
        return sink;
    }

    private static string[] Sorted(InMemorySink sink) =>
        [.. sink.GetRecords("compositions").Select(r => string.Create(CultureInfo.InvariantCulture, $"{r[0]} {r[1]} {r[2]}")).Order(StringComparer.Ordinal)];

    private static IImportPipeline Pipeline(IImportSink sink) =>
        new ImportPipelineBuilder().UseEntity(new ImportEntity(Compositions)).UseSink(sink).UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") }).Build();

    private static ImportRequest Request(string csv) => new(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(csv), "compositions.csv"));
}
