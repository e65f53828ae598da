using System.Globalization;

namespace Import.Sdk.Tests.Planning;

/// <summary>
/// Room for what comes next (issue 11 item 3): a value read from the referenced record during planning (a due date from the
/// customer's payment terms), and records derived by a rule of the planner (a stock record per new article), in a simulation as
/// in an execution.
/// </summary>
public class PlanningRuleTests
{
    private static readonly EntitySchema Accounts = EntitySchema.Create("accounts")
        .Field("code", FieldType.Text, f => f.Required())
        .Field("terms", FieldType.Integer)
        .Key("code")
        .Build();

    private static readonly EntitySchema Bills = EntitySchema.Create("bills")
        .Field("number", FieldType.Text, f => f.Required())
        .Field("account", FieldType.Text, f => f.References(new FieldReference(Accounts, "code")))
        .Field("date", FieldType.Date)
        .Field("due", FieldType.Date)
        .Key("number")
        .Build();

    private static readonly EntitySchema Ledger = EntitySchema.Create("ledger")
        .Field("number", FieldType.Text, f => f.Required())
        .Field("note", FieldType.Text)
        .Key("number")
        .Build();

    private const string File = "number;account;date;due\r\nF1;A30;01/03/2025;\r\nF2;A0;01/03/2025;15/03/2025\r\nF3;A45;10/01/2025;\r\n";

    [Fact]
    public async Task ExecuteAsync_DueDateFromTheReferencedRecord_AndADerivedRecordPerNewBill()
    {
        var sink = Store();

        var report = await Pipeline(sink).ExecuteAsync(Request());

        Assert.Equal(new ImportTotals(3, 3, 0, 0, 0), report.Totals);
        var due = sink.GetRecords("bills").ToDictionary(r => (string)r[0]!, r => (DateOnly?)r[3]);
        Assert.Equal(new DateOnly(2025, 3, 31), due["F1"]); // empty: date + the account's 30 days
        Assert.Equal(new DateOnly(2025, 3, 15), due["F2"]); // given: kept
        Assert.Equal(new DateOnly(2025, 2, 24), due["F3"]); // 10 January + 45 days
        Assert.Equal(["F1 new", "F2 new", "F3 new"], sink.GetRecords("ledger").Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SimulateAsync_WithPlanningRules_ReportsWhatTheExecutionDoesAndWritesNothing()
    {
        var simulatedSink = Store();

        var simulated = await Pipeline(simulatedSink).SimulateAsync(Request());
        var executed = await Pipeline(Store()).ExecuteAsync(Request());

        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Empty(simulatedSink.GetRecords("bills"));
        Assert.Empty(simulatedSink.GetRecords("ledger"));
    }

    [Fact]
    public async Task ExecuteAsync_ReimportedBills_AreUpdatesWithNoDerivedRecord()
    {
        var sink = Store();
        await Pipeline(sink).ExecuteAsync(Request());

        var again = await Pipeline(sink).ExecuteAsync(Request());

        Assert.Equal(new ImportTotals(3, 0, 0, 3, 0), again.Totals); // the computed due date is the stored one: unchanged
        Assert.Equal(3, sink.GetRecords("ledger").Count);
    }

    private static InMemorySink Store()
    {
        var sink = new InMemorySink();
        sink.Seed(Accounts, ["A30", 30L], ["A0", 0L], ["A45", 45L]);
        return sink;
    }

    private static IImportPipeline Pipeline(IImportSink sink) =>
        new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Bills).WithPlanningRules(new DueDate(), new LedgerEntry()))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .Build();

    private static ImportRequest Request() => new(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(File), "bills.csv"));

    /// <summary>An empty due date is the date plus the referenced account's terms.</summary>
    private sealed class DueDate : IPlanningRule
    {
        public void Plan(PlanningContext record)
        {
            if (record["due"] is null && record["date"] is DateOnly date && record.GetReferenced("account") is { } account && account[Accounts["terms"].Index] is long days)
            {
                record["due"] = date.AddDays((int)days);
            }
        }
    }

    /// <summary>A ledger record for each new bill.</summary>
    private sealed class LedgerEntry : IPlanningRule
    {
        public void Plan(PlanningContext record)
        {
            if (record.IsNew)
            {
                record.AddDerived(Ledger, [record["number"], "new"]);
            }
        }
    }
}
