using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Bom;

/// <summary>
/// Seed 001, bills of materials: a line without a component is a comment kept in its place; a component must exist and its quantity
/// must not be zero; an assembly present in a file has its composition replaced, so re-importing never duplicates it.
/// </summary>
public class BomTests
{
    private const string Header = "Article composé;Code composant;Quantité;Commentaire";

    private static ImportSource Csv(string header, params string[] rows) =>
        ImportSource.FromBytes(Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(header)) + "\r\n"), "nomenclature.csv");

    private static InMemorySink Store()
    {
        var sink = new InMemorySink();
        sink.Seed(CommerceEntities.Articles().Schema, [.. new[] { "KIT", "KIT2", "A1", "A2", "A3" }.Select(c => new object?[] { c, "Article " + c, null, null, null, null })]);
        return sink;
    }

    private static Task<ImportReport> RunAsync(IImportSink sink, bool execute, params string[] rows) => RunWithAsync(sink, execute, Header, null, rows);

    private static Task<ImportReport> RunWithAsync(IImportSink sink, bool execute, string header, int? degree, params string[] rows)
    {
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(CommerceEntities.Bom)
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CommerceStore.English, BatchSize = 2, MaxDegreeOfParallelism = degree })
            .Build();
        var request = new ImportRequest(Csv(header, rows));
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }

    private static IReadOnlyList<(object?, object?, object?, object?, object?)> Lines(InMemorySink sink) =>
        [.. EntityFile.Records(sink, CommerceEntities.Bom)
            .Select(l => (l["assembly_code"], l["position"], l["component_code"], l["quantity"], l["comment"]))
            .OrderBy(l => ((string)l.Item1!, (long)l.Item2!))];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_CompositionWithComments_PositionsInFileOrderPerAssembly(bool execute)
    {
        var sink = Store();
        var report = await RunAsync(sink, execute, "KIT;;;Contenu du carton", "KIT;A1;8;Vis", "KIT2;A3;1,5;", "KIT;A2;8;", "KIT;;;Notice incluse");

        ReportAssert.Totals(report, rows: 5, inserted: 5);
        Assert.Empty(report.Issues);
        Assert.Equal(
            execute
                ? [("KIT", 1L, null, null, "Contenu du carton"), ("KIT", 2L, "A1", 8m, "Vis"), ("KIT", 3L, "A2", 8m, null), ("KIT", 4L, null, null, "Notice incluse"), ("KIT2", 1L, "A3", 1.5m, null)]
                : [],
            Lines(sink));
    }

    [Fact]
    public async Task Execute_PositionsGiven_KeptAndEmptyOnesNumberedAfter()
    {
        var sink = Store();
        var report = await RunWithAsync(sink, execute: true, "Article composé;Position;Code composant;Quantité", null, "KIT;10;A1;1", "KIT;;A2;1", "KIT;5;A3;1");

        ReportAssert.Totals(report, rows: 3, inserted: 3);
        Assert.Equal([("KIT", 5L, "A3"), ("KIT", 10L, "A1"), ("KIT", 11L, "A2")], Lines(sink).Select(l => (l.Item1, l.Item2, l.Item3)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_BadRows_EachRejectedWithItsCode(bool execute)
    {
        var sink = Store();
        var report = await RunAsync(sink, execute, "KIT;A1;0;", "KIT;A2;;", "KIT;A9;1;", "NOPE;A1;1;", ";A1;1;", "KIT;A3;abc;", "KIT;;0;Commentaire, la quantité ignorée", "KIT;A3;-2;Retour");

        ReportAssert.Totals(report, rows: 8, inserted: 2, rejected: 6);
        Assert.Equal(
            [(2, "quantity", "zero_quantity"), (3, "quantity", "zero_quantity"), (4, "component_code", "unknown_reference"), (5, "assembly_code", "unknown_reference"), (6, "assembly_code", "required"), (7, "quantity", "invalid_number")],
            report.Issues.Select(i => (i.Row, i.Field, i.Code)));
    }

    [Fact]
    public async Task Execute_SameFileTwice_CompositionReplacedNeverDuplicated()
    {
        var sink = Store();
        string[] rows = ["KIT;;;Contenu", "KIT;A1;8;", "KIT;A2;4;"];
        await RunAsync(sink, execute: true, rows);
        var first = Lines(sink);

        var again = await RunAsync(sink, execute: true, rows);

        // Today a child set is written whole again: its rows are reported inserted (the stored set replaced), never doubled.
        ReportAssert.Totals(again, rows: 3, inserted: 3);
        Assert.Equal(first, Lines(sink));
    }

    [Fact]
    public async Task Execute_ShorterComposition_ReplacesTheStoredOneOtherAssembliesKept()
    {
        var sink = Store();
        await RunAsync(sink, execute: true, "KIT;A1;8;", "KIT;A2;4;", "KIT2;A3;1;");

        await RunAsync(sink, execute: true, "KIT;A3;2;");

        Assert.Equal([("KIT", 1L, "A3", 2m, null), ("KIT2", 1L, "A3", 1m, null)], Lines(sink));
    }

    [Fact]
    public async Task Simulate_EqualsExecute_AndDegreeOneEqualsFour()
    {
        string[] rows = [.. Enumerable.Range(1, 30).Select(i => (i % 3) switch { 0 => $"KIT;;;Commentaire {i}", 1 => $"KIT2;A{(i % 5) + 1};{i % 4};", _ => $"KIT;A1;{i}" + ";" })];
        var simulated = await RunWithAsync(Store(), execute: false, Header, 1, rows);
        var one = Store();
        var four = Store();
        var executed = await RunWithAsync(one, execute: true, Header, 1, rows);
        var parallel = await RunWithAsync(four, execute: true, Header, 4, rows);

        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Equal(executed.Issues, simulated.Issues);
        Assert.Equal(executed.Issues, parallel.Issues);
        Assert.Equal(Lines(one), Lines(four));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_Sqlite_TwiceCompositionNotDuplicated(bool execute)
    {
        await using var store = await SqliteStore.OpenAsync();
        await store.Pipeline(CommerceEntities.Warehouses).ExecuteAsync(new ImportRequest(EntityFile.Source("Code dépôt;Nom du dépôt\r\nPRINCIPAL;Principal\r\n")));
        await store.Pipeline(CommerceEntities.Articles()).ExecuteAsync(new ImportRequest(EntityFile.Source("Code article;Désignation\r\nKIT;Kit\r\nA1;Vis\r\nA2;Écrou\r\n")));
        string[] rows = ["KIT;;;Contenu", "KIT;A1;8;", "KIT;A2;0;", "KIT;A2;4;"];

        var report = await RunAsync(store.Sink, execute, rows);
        await RunAsync(store.Sink, execute, rows);

        ReportAssert.Totals(report, rows: 4, inserted: 3, rejected: 1);
        Assert.Equal(
            execute ? [(1L, null), (2L, "A1"), (3L, "A2")] : [], // a rejected line takes no position
            (await store.ReadAsync(CommerceEntities.Bom)).Select(l => ((long)l["position"]!, (string?)l["component_code"])).OrderBy(l => l.Item1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_AssemblyAsItsOwnComponent_RejectedSayingSo(bool execute)
    {
        var sink = Store();

        var report = await RunAsync(sink, execute, "KIT;KIT;1;", "KIT;A1;2;");

        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = Assert.Single(report.Issues);
        Assert.Equal((2, "component_code", "unknown_reference", "KIT"), (issue.Row, issue.Field, issue.Code, issue.Value));
        Assert.Equal("Article 'KIT' cannot be a component of itself.", issue.Message);
    }
}
