using System.Globalization;
using System.Text;

namespace Import.Sdk.Tests.Planning;

/// <summary>
/// Derived records follow the record they derive from: nothing for an unchanged record (a re-import writes nothing), a derived
/// child set replaced whole when its record is updated. A reference read by another field of its target when the profile
/// chooses one the schema allows (the seeds' "Compte clé").
/// </summary>
public class DerivedAndAlternateReferenceTests
{
    private static readonly EntitySchema Accounts = EntitySchema.Create("accounts")
        .Field("code", FieldType.Text, f => f.Required())
        .Field("ledger", FieldType.Text)
        .Field("terms", FieldType.Integer)
        .Key("code")
        .Build();

    private static readonly EntitySchema Bills = EntitySchema.Create("bills")
        .Field("number", FieldType.Text, f => f.Required())
        .Field("account", FieldType.Text, f => f.References(new FieldReference(Accounts, "code") { AlternateTargetFields = ["ledger"] }))
        .Field("amount", FieldType.Decimal)
        .Key("number")
        .Build();

    private static readonly EntitySchema BillLines = EntitySchema.Create("bill-lines")
        .Field("bill", FieldType.Text, f => f.Required())
        .Field("line", FieldType.Integer, f => f.Required())
        .Field("amount", FieldType.Decimal)
        .Key("bill", "line")
        .ChildSetOf("bill")
        .Build();

    [Fact]
    public async Task ExecuteAsync_SameFileAgain_UnchangedRecordsDeriveNothing()
    {
        var sink = Store();
        await Pipeline(sink).ExecuteAsync(Request("B1;A1;10", "B2;A1;20"));
        var writes = sink.WriteCount;

        var again = await Pipeline(sink).ExecuteAsync(Request("B1;A1;10", "B2;A1;20"));

        Assert.Equal(new ImportTotals(2, 0, 0, 2, 0), again.Totals);
        Assert.Equal(writes, sink.WriteCount);
        Assert.Equal(4, sink.GetRecords("bill-lines").Count);
    }

    [Fact]
    public async Task ExecuteAsync_UpdatedRecord_ItsDerivedChildSetReplacedWhole()
    {
        var sink = Store();
        await Pipeline(sink).ExecuteAsync(Request("B1;A1;10", "B2;A1;20"));

        var changed = await Pipeline(sink).ExecuteAsync(Request("B1;A1;12"));

        Assert.Equal(new ImportTotals(1, 0, 1, 0, 0), changed.Totals);
        Assert.Equal(
            ["B1 1 6", "B1 2 6", "B2 1 10", "B2 2 10"],
            sink.GetRecords("bill-lines").Select(r => string.Create(CultureInfo.InvariantCulture, $"{r[0]} {r[1]} {r[2]}")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_ReferenceByTheAlternateFieldTheProfileChose_ResolvesByIt(bool execute)
    {
        var sink = Store();
        var profile = new ImportProfile { Entity = "bills", Columns = Columns, References = new Dictionary<string, string> { ["account"] = "ledger" } };
        var request = Request("B1;411A;10", "B2;A1;20") with { Profile = profile };

        var report = execute ? await Pipeline(sink).ExecuteAsync(request) : await Pipeline(sink).SimulateAsync(request);

        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
        var issue = Assert.Single(report.Issues);
        Assert.Equal((3, IssueCodes.UnknownReference, "A1"), (issue.Row, issue.Code, issue.Value));
        Assert.Equal("'A1' is not a known accounts (looked up by 'ledger'): create it first.", issue.Message);
        Assert.Equal(execute ? 1 : 0, sink.GetRecords("bills").Count);
    }

    [Fact]
    public async Task SimulateAsync_SetWithAnAlternateReference_ResolvesWhatAnEarlierFileOfTheSetPlans()
    {
        var sink = new InMemorySink();
        var set = new ImportSet([new ImportEntity(Accounts), new ImportEntity(Bills)]);
        var accounts = new ImportPipelineBuilder().UseEntity(new ImportEntity(Accounts)).UseSink(sink).Build();
        await accounts.SimulateAsync(new ImportRequest(ImportSource.FromBytes(Encoding.UTF8.GetBytes("code;ledger\r\nA9;411Z\r\n"), "accounts.csv")) { Set = set });
        var profile = new ImportProfile { Entity = "bills", Columns = Columns, References = new Dictionary<string, string> { ["account"] = "ledger" } };

        var report = await Pipeline(sink).SimulateAsync(Request("B1;411Z;10") with { Profile = profile, Set = set });

        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
    }

    [Fact]
    public void Build_AlternateTargetThatIsNotAFieldOfTheTarget_Refused()
    {
        var ex = Assert.Throws<ImportException>(() => EntitySchema.Create("bad")
            .Field("number", FieldType.Text)
            .Field("account", FieldType.Text, f => f.References(new FieldReference(Accounts, "code") { AlternateTargetFields = ["colour"] }))
            .Key("number")
            .Build());
        Assert.Contains("field 'account' may reference unknown field 'colour'", ex.Message, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> Columns = new() { ["number"] = "number", ["account"] = "account", ["amount"] = "amount" };

    private static InMemorySink Store()
    {
        var sink = new InMemorySink();
        sink.Seed(Accounts, ["A1", "411A", 30L]);
        return sink;
    }

    private static IImportPipeline Pipeline(IImportSink sink) =>
        new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Bills).WithPlanningRules(new TwoHalves()))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US"), BatchSize = 1 })
            .Build();

    private static ImportRequest Request(params string[] rows) =>
        new(ImportSource.FromBytes(Encoding.UTF8.GetBytes("number;account;amount\r\n" + string.Join("\r\n", rows) + "\r\n"), "bills.csv"));

    /// <summary>Every bill (new or not) derives two lines, each half its amount.</summary>
    private sealed class TwoHalves : IPlanningRule
    {
        public void Plan(PlanningContext record)
        {
            if (record["amount"] is decimal amount)
            {
                record.AddDerived(BillLines, [record["number"], 1L, amount / 2]);
                record.AddDerived(BillLines, [record["number"], 2L, amount / 2]);
            }
        }
    }
}
