namespace Import.Sdk.Tests.Planning;

/// <summary>
/// Planning rules that read a small entity whole (the warehouses an article gets a stock record in), once per import, and see the
/// records they derived; warnings from a planning rule; update-only entities; child set positions numbered in file order.
/// </summary>
public class WholeEntityReadTests
{
    private static readonly EntitySchema Places = EntitySchema.Create("places")
        .Field("code", FieldType.Text, f => f.Required())
        .Key("code")
        .Build();

    private static readonly EntitySchema Items = EntitySchema.Create("items")
        .Field("code", FieldType.Text, f => f.Required())
        .Key("code")
        .Build();

    private static readonly EntitySchema Slots = EntitySchema.Create("slots")
        .Field("item", FieldType.Text, f => f.Required())
        .Field("place", FieldType.Text, f => f.Required())
        .Field("count", FieldType.Decimal)
        .Key("item", "place")
        .UpdateOnly()
        .Build();

    private static readonly EntitySchema Parts = EntitySchema.Create("parts")
        .Field("kit", FieldType.Text, f => f.Required())
        .Field("position", FieldType.Integer)
        .Field("part", FieldType.Text)
        .Key("kit", "position")
        .ChildSetOf("kit")
        .ChildSetPosition("position")
        .Build();

    /// <summary>A slot per place for each new item; with no place, the place "MAIN" is made once, with a warning.</summary>
    private sealed class SlotPerPlace : IPlanningRule
    {
        public IReadOnlyList<EntitySchema> ReadsAll { get; } = [Places];

        public void Plan(PlanningContext record)
        {
            if (!record.IsNew)
            {
                return;
            }

            var places = record.GetAll(Places).Select(p => (string)p[0]!).ToList();
            if (places.Count == 0)
            {
                record.AddDerived(Places, ["MAIN"]);
                record.AddWarning("code", "MAIN", IssueCodes.AutoCreated, record.UiCulture.Name + ": MAIN made");
                places.Add("MAIN");
            }

            foreach (var place in places)
            {
                record.AddDerived(Slots, [record["code"], place, 0m]);
            }
        }
    }

    private static IImportPipeline Pipeline(IImportSink sink, ImportEntity entity) =>
        new ImportPipelineBuilder().UseEntity(entity).UseSink(sink).UseOptions(o => o with { BatchSize = 2, UiCulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB") }).Build();

    private static ImportRequest Request(string csv, ImportMode? mode = null) =>
        new(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(csv), "f.csv")) { Mode = mode };

    private static ImportEntity ItemsWithSlots => new ImportEntity(Items).WithPlanningRules(new SlotPerPlace());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_RuleReadsPlacesWhole_OneReadPerImportAndSlotsPerPlace(bool execute)
    {
        var sink = new CountingReadsSink();
        sink.Inner.Seed(Places, ["P1"], ["P2"]);
        var pipeline = Pipeline(sink, ItemsWithSlots);
        var request = Request("code\r\nI1\r\nI2\r\nI3\r\nI4\r\nI5\r\n");

        var report = execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request);

        Assert.Equal(new ImportTotals(5, 5, 0, 0, 0), report.Totals);
        Assert.Equal(1, sink.Reads);
        Assert.Equal(execute ? 10 : 0, sink.Inner.GetRecords("slots").Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_NoPlace_TheDerivedPlaceIsSeenByLaterRowsWarnedOnce(bool execute)
    {
        var sink = new InMemorySink();
        var pipeline = Pipeline(sink, ItemsWithSlots);
        var request = Request("code\r\nI1\r\nI2\r\nI3\r\n");

        var report = execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request);

        var warning = Assert.Single(report.Issues);
        Assert.Equal((2, "code", "MAIN", IssueCodes.AutoCreated, IssueSeverity.Warning, "en-GB: MAIN made"), (warning.Row, warning.Field, warning.Value, warning.Code, warning.Severity, warning.Message));
        Assert.Equal(execute ? 1 : 0, sink.GetRecords("places").Count);
        Assert.Equal(execute ? ["I1 MAIN", "I2 MAIN", "I3 MAIN"] : [], sink.GetRecords("slots").Select(r => $"{r[0]} {r[1]}"));
    }

    [Fact]
    public async Task Execute_RuleReadsAnEntityNotDeclared_InvalidOperationNamingIt()
    {
        var rule = new ReadsUndeclared();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Pipeline(new InMemorySink(), new ImportEntity(Items).WithPlanningRules(rule)).ExecuteAsync(Request("code\r\nI1\r\n")));
        Assert.Contains("'places'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SinkWithoutReadAll_NotSupportedThroughThePipeline()
    {
        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => Pipeline(new LookupOnlySink(), ItemsWithSlots).ExecuteAsync(Request("code\r\nI1\r\n")));
        Assert.Contains("IImportSink.ReadAllAsync", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, ImportMode.Update)]
    [InlineData(ImportMode.Upsert, ImportMode.Update)]
    [InlineData(ImportMode.Update, ImportMode.Update)]
    public async Task Import_UpdateOnly_RunsInUpdateModeAbsentRecordNotFound(ImportMode? asked, ImportMode ran)
    {
        var sink = new InMemorySink();
        sink.Seed(Slots, ["I1", "P1", 0m]);

        var report = await Pipeline(sink, new ImportEntity(Slots)).ExecuteAsync(Request("item;place;count\r\nI1;P1;5\r\nI2;P1;1\r\n", asked));

        Assert.Equal(ran, report.Mode);
        Assert.Equal(new ImportTotals(2, 0, 1, 0, 1), report.Totals);
        Assert.Equal((3, IssueCodes.NotFound), report.Issues.Select(i => (i.Row, i.Code)).Single());
        Assert.Equal([["I1", "P1", 5m]], sink.GetRecords("slots"));
    }

    [Fact]
    public async Task Import_UpdateOnlyAskedInsert_InvalidProfileNothingRead()
    {
        var sink = new InMemorySink();
        var report = await Pipeline(sink, new ImportEntity(Slots)).ExecuteAsync(Request("item;place;count\r\nI1;P1;5\r\n", ImportMode.Insert));

        var issue = Assert.Single(report.Issues);
        Assert.Equal((1, IssueCodes.InvalidProfile), (issue.Row, issue.Code));
        Assert.Contains("'slots'", issue.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.Totals.Rows);
        Assert.Equal(0, sink.BatchCount);
    }

    [Fact]
    public async Task Execute_ChildSetPositionColumnAbsent_NumberedPerParentInFileOrder()
    {
        var sink = new InMemorySink();
        var report = await Pipeline(sink, new ImportEntity(Parts)).ExecuteAsync(Request("kit;part\r\nK1;a\r\nK2;x\r\nK1;\r\nK1;b\r\n"));

        Assert.Equal(new ImportTotals(4, 4, 0, 0, 0), report.Totals);
        Assert.Equal(["K1 1 a", "K2 1 x", "K1 2 ", "K1 3 b"], sink.GetRecords("parts").Select(r => $"{r[0]} {r[1]} {r[2]}"));
    }

    [Fact]
    public void ChildSetPosition_NotAnIntegerKeyField_Refused()
    {
        var ex = Assert.Throws<ImportException>(() => EntitySchema.Create("x").Field("kit", FieldType.Text).Field("pos", FieldType.Text).Key("kit").ChildSetOf("kit").ChildSetPosition("pos").Build());
        Assert.Contains("'pos'", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ReadsUndeclared : IPlanningRule
    {
        public void Plan(PlanningContext record) => record.GetAll(Places);
    }

    private sealed class CountingReadsSink : IImportSink
    {
        public InMemorySink Inner { get; } = new();

        public int Reads { get; private set; }

        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            Inner.LookupAsync(schema, keyFields, keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default) => Inner.WriteAsync(changes, cancellationToken);

        public IAsyncEnumerable<object?[]> ReadAllAsync(EntitySchema schema, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Inner.ReadAllAsync(schema, cancellationToken);
        }
    }

    private sealed class LookupOnlySink : IImportSink
    {
        private readonly InMemorySink _inner = new();

        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            _inner.LookupAsync(schema, keyFields, keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default) => _inner.WriteAsync(changes, cancellationToken);
    }
}
