using System.Globalization;

namespace Import.Sdk.Tests.Planning;

/// <summary>
/// Two files planned as one set (issue 11 item 3): the second resolves the keys the first would create, in a simulation too,
/// where nothing is written; and the set's simulation reports what its execution does.
/// </summary>
public class ImportSetTests
{
    private static readonly EntitySchema Teams = EntitySchema.Create("teams")
        .Field("code", FieldType.Text, f => f.Required())
        .Field("label", FieldType.Text)
        .Key("code")
        .Build();

    private static readonly EntitySchema Members = EntitySchema.Create("members")
        .Field("email", FieldType.Email, f => f.Required())
        .Field("team", FieldType.Text, f => f.References(new FieldReference(Teams, "code")))
        .Key("email")
        .Build();

    private const string TeamsCsv = "code;label\r\nT1;Ventes\r\nT2;Achats\r\n;sans code\r\n";
    private const string MembersCsv = "email;team\r\na@x.fr;T1\r\nb@x.fr;T2\r\nc@x.fr;T9\r\n";

    [Fact]
    public async Task SimulateAsync_SecondFileOfASet_ResolvesTheCodesTheFirstWouldCreate()
    {
        var sink = new InMemorySink();
        var set = new ImportSet([new ImportEntity(Teams), new ImportEntity(Members)]);

        var teams = await Pipeline(Teams, sink).SimulateAsync(Request(TeamsCsv, "teams.csv", set));
        var members = await Pipeline(Members, sink).SimulateAsync(Request(MembersCsv, "members.csv", set));

        Assert.Equal(new ImportTotals(3, 2, 0, 0, 1), teams.Totals);
        Assert.Equal(new ImportTotals(3, 2, 0, 0, 1), members.Totals);
        var unknown = Assert.Single(members.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal((4, IssueCodes.UnknownReference, "T9"), (unknown.Row, unknown.Code, unknown.Value));
        Assert.Empty(sink.GetRecords("teams")); // a simulation: nothing written
    }

    [Fact]
    public async Task OfSet_TwoFiles_TheSetsTotalsAndOneJsonSectionPerFileInOrder()
    {
        var sink = new InMemorySink();
        var set = new ImportSet([new ImportEntity(Teams), new ImportEntity(Members)]);
        var teams = await Pipeline(Teams, sink).SimulateAsync(Request(TeamsCsv, "teams.csv", set));
        var members = await Pipeline(Members, sink).SimulateAsync(Request(MembersCsv, "members.csv", set));

        var report = ImportReport.OfSet([teams, members]);

        Assert.Equal(new ImportTotals(6, 4, 0, 0, 2), report.Totals);
        Assert.Equal([teams, members], report.Files);
        Assert.False(report.IsSuccess);
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        Assert.True(json.RootElement.GetProperty("simulated").GetBoolean());
        Assert.Equal(6, json.RootElement.GetProperty("totals").GetProperty("rows").GetInt32());
        Assert.Equal(
            [("teams", "teams.csv", 1), ("members", "members.csv", 1)],
            json.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("entity").GetString(), f.GetProperty("file").GetString(), f.GetProperty("issues").GetArrayLength())));
        Assert.Throws<ArgumentException>(() => ImportReport.OfSet([]));
    }

    [Fact]
    public async Task SimulateAsync_WithoutTheSet_TheSameCodesAreUnknown()
    {
        var sink = new InMemorySink();

        await Pipeline(Teams, sink).SimulateAsync(Request(TeamsCsv, "teams.csv", null));
        var members = await Pipeline(Members, sink).SimulateAsync(Request(MembersCsv, "members.csv", null));

        Assert.Equal(3, members.Issues.Count(i => i.Code == IssueCodes.UnknownReference));
    }

    [Fact]
    public async Task Set_SimulationReportsWhatItsExecutionDoes()
    {
        var simulated = await RunSetAsync(execute: false);
        var executed = await RunSetAsync(execute: true);

        Assert.Equal(executed.Select(Describe), simulated.Select(Describe));
    }

    private static async Task<ImportReport[]> RunSetAsync(bool execute)
    {
        var sink = new InMemorySink();
        var set = new ImportSet([new ImportEntity(Teams), new ImportEntity(Members)]);
        var reports = new List<ImportReport>();
        foreach (var (schema, csv, name) in new[] { (Teams, TeamsCsv, "teams.csv"), (Members, MembersCsv, "members.csv") })
        {
            var pipeline = Pipeline(schema, sink);
            var request = Request(csv, name, set);
            reports.Add(execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request));
        }

        return [.. reports];
    }

    private static string Describe(ImportReport report) =>
        $"{report.Totals} " + string.Join(" | ", report.Issues.Select(i => $"{i.Row} {i.Code} {i.Column} {i.Value} {i.Message}"));

    private static IImportPipeline Pipeline(EntitySchema schema, IImportSink sink) =>
        new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(schema))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .Build();

    private static ImportRequest Request(string csv, string name, ImportSet? set) =>
        new(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(csv), name)) { Set = set };
}
