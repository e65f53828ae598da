namespace Import.Sdk.Tests.Sinks;

/// <summary>
/// The behaviour every <see cref="IImportSink"/> must have. Each sink's test class inherits it; a host can run it against its own sink
/// by deriving a class that implements <see cref="CreateSinkAsync"/> (and <see cref="DisposeSinkAsync"/> to clean up).
/// Each test gets a fresh, empty sink.
/// </summary>
public abstract class ImportSinkConformanceTests : IAsyncLifetime
{
    private IImportSink? _sink;

    /// <summary>An entity with one field of every type and a text key.</summary>
    protected static EntitySchema Things { get; } = EntitySchema.Create("things")
        .Field("code", FieldType.Text)
        .Field("name", FieldType.Text)
        .Field("quantity", FieldType.Integer)
        .Field("price", FieldType.Decimal)
        .Field("since", FieldType.Date)
        .Field("active", FieldType.Boolean)
        .Field("status", FieldType.Enum, f => f.Values("open", "closed"))
        .Field("labels", FieldType.TextList)
        .Field("email", FieldType.Email)
        .Key("code")
        .Build();

    /// <summary>A second, small entity.</summary>
    protected static EntitySchema Tags { get; } = EntitySchema.Create("tags")
        .Field("code", FieldType.Text)
        .Field("label", FieldType.Text)
        .Key("code")
        .Build();

    /// <summary>An entity with a composite key of three types, and a '-' in its name.</summary>
    protected static EntitySchema PriceLines { get; } = EntitySchema.Create("price-lines")
        .Field("list", FieldType.Text)
        .Field("line", FieldType.Integer)
        .Field("valid_from", FieldType.Date)
        .Field("amount", FieldType.Decimal)
        .Key("list", "line", "valid_from")
        .Build();

    /// <summary>Gets the sink under test.</summary>
    protected IImportSink Sink => _sink ?? throw new InvalidOperationException("The sink is not created yet.");

    /// <inheritdoc/>
    public async Task InitializeAsync() => _sink = await CreateSinkAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_sink is not null)
        {
            await DisposeSinkAsync(_sink);
        }
    }

    [Fact]
    public async Task LookupAsync_EmptyStore_FindsNothing()
    {
        Assert.Empty(await Sink.LookupAsync(Things, ["code"], ["A", "B"]));
        Assert.Empty(await Sink.LookupAsync(Things, ["name"], ["Alpha"]));
        Assert.Empty(await Sink.LookupAsync(Things, ["quantity"], ["1"]));
        Assert.Empty(await Sink.LookupAsync(PriceLines, PriceLines.KeyFields, [Key("L1", 1L, new DateOnly(2024, 1, 1))]));
    }

    [Fact]
    public async Task LookupAsync_NoKeys_FindsNothing()
    {
        await Sink.WriteAsync([Insert(Things, Thing("A", "Alpha"), 2)]);

        Assert.Empty(await Sink.LookupAsync(Things, ["code"], Array.Empty<RecordKey>()));
    }

    [Fact]
    public async Task WriteAsync_InsertThenLookup_ReturnsEqualTypedValues()
    {
        object?[][] records =
        [
            Thing("A", "Alpha", 42L, 1234.56m, new DateOnly(2024, 2, 29), true, "open", "red,green", "a@example.com"),
            Thing("B", null, null, null, null, null, null, null, null),
            Thing("Café ☕ 😀 日本", "Ünïcödé — “quoted” 😀", -1L, 0.1m, new DateOnly(1, 1, 1), false, "closed", "α,β", null),
            Thing("O'Brien \"the\" \\ x", "it's \"fine\"; DROP TABLE things; --", long.MaxValue, 1.50m, new DateOnly(9999, 12, 31), true, null, null, null),
            Thing("min", "  spaced  ", long.MinValue, decimal.MaxValue, new DateOnly(2000, 1, 1), false, null, null, null),
            Thing("neg", "n", 0L, -0.01m, new DateOnly(1999, 12, 31), null, null, null, null),
            Thing("tiny", "t", 7L, 0.0000000001m, new DateOnly(2024, 12, 31), true, null, null, null),
            Thing("big", "b", 8L, decimal.MinValue, new DateOnly(2024, 6, 15), true, null, null, null),
        ];

        await Sink.WriteAsync(records.Select((r, i) => Insert(Things, r, i + 2)).ToArray());
        var found = await Sink.LookupAsync(Things, ["code"], records.Select(r => (RecordKey)(string)r[0]!).ToArray());

        Assert.Equal(records.Length, found.Count);
        foreach (var expected in records)
        {
            AssertRecord(expected, found[(string)expected[0]!]);
        }
    }

    [Fact]
    public async Task ReadAllAsync_EmptyStore_ReadsNothing()
    {
        var read = new List<object?[]>();
        await foreach (var record in Sink.ReadAllAsync(Tags))
        {
            read.Add(record);
        }

        Assert.Empty(read);
    }

    [Fact]
    public async Task ReadAllAsync_AfterWrites_EveryRecordOfThatEntityInWrittenOrder()
    {
        await Sink.WriteAsync([Insert(Tags, Tag("B", "Beta"), 2), Insert(Things, Thing("X", "x"), 3), Insert(Tags, Tag("A", null), 4)]);
        await Sink.WriteAsync([new RecordChange(Tags, ChangeKind.Update, Tags.KeyFields, Tag("B", "Bêta"), 5), Insert(Tags, Tag("C", "Gamma"), 6)]);

        var read = new List<object?[]>();
        await foreach (var record in Sink.ReadAllAsync(Tags))
        {
            read.Add(record);
        }

        Assert.Equal([["B", "Bêta"], ["A", null], ["C", "Gamma"]], read);
    }

    [Fact]
    public async Task LookupAsync_ManyKeys_ReturnsExactlyThoseThatExist()
    {
        var records = Enumerable.Range(0, 2_500).Select(i => Thing(Code(i * 2), "Name " + i, (long)i, i / 100m, null, i % 2 == 0, null, null, null)).ToArray();
        await Sink.WriteAsync(records.Select((r, i) => Insert(Things, r, i + 2)).ToArray());
        var keys = Enumerable.Range(0, 5_000).Select(Code).Append("t00002").Append("T00002 ").Select(k => (RecordKey)k).ToArray();

        var found = await Sink.LookupAsync(Things, ["code"], keys);

        Assert.Equal(2_500, found.Count);
        Assert.Equal(records.Select(r => (string)r[0]!).Order(StringComparer.Ordinal), found.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        foreach (var expected in records)
        {
            AssertRecord(expected, found[(string)expected[0]!]);
        }

        static string Code(int i) => "T" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task LookupAsync_ByNonKeyField_FindsRecordByName()
    {
        var alpha = Thing("A", "Alpha", 1L, null, null, null, null, null, null);
        var beta = Thing("B", "Beta", 2L, null, null, null, null, null, null);
        await Sink.WriteAsync([Insert(Things, alpha, 2), Insert(Things, beta, 3)]);

        var found = await Sink.LookupAsync(Things, ["name"], ["Beta", "Gamma", "alpha"]);

        var record = Assert.Single(found);
        Assert.Equal("Beta", record.Key);
        AssertRecord(beta, record.Value);
    }

    [Theory]
    [InlineData("quantity")]
    [InlineData("price")]
    [InlineData("since")]
    [InlineData("active")]
    [InlineData("status")]
    [InlineData("email")]
    public async Task LookupAsync_ByTypedField_FindsRecordByCanonicalText(string field)
    {
        var first = Thing("A", "Alpha", 42L, 12.50m, new DateOnly(2024, 2, 29), true, "open", "x", "a@example.com");
        var second = Thing("B", "Beta", -7L, 0.1m, new DateOnly(2023, 1, 31), false, "closed", "y", "b@example.com");
        await Sink.WriteAsync([Insert(Things, first, 2), Insert(Things, second, 3)]);
        var index = Things[field].Index;
        var key = new RecordKey(second[index]!);

        var found = await Sink.LookupAsync(Things, [field], [key, "no such value"]);

        var record = Assert.Single(found);
        Assert.Equal(key, record.Key);
        AssertRecord(second, record.Value);
    }

    [Theory]
    [InlineData("quantity", "042")]
    [InlineData("quantity", "+42")]
    [InlineData("quantity", "42.0")]
    [InlineData("price", "12.5")]
    [InlineData("since", "2024-2-29")]
    [InlineData("since", "29/02/2024")]
    [InlineData("active", "True")]
    [InlineData("active", "1")]
    [InlineData("code", "a")]
    public async Task LookupAsync_KeyPartNotOfTheFieldsType_FindsNothing(string field, string key)
    {
        await Sink.WriteAsync([Insert(Things, Thing("A", "Alpha", 42L, 12.50m, new DateOnly(2024, 2, 29), true, "open", null, null), 2)]);

        Assert.Empty(await Sink.LookupAsync(Things, [field], [key]));
    }

    [Fact]
    public async Task LookupAsync_CompositeKey_FindsRecordsWithEveryPartEqual()
    {
        var lines = new[]
        {
            Line("L1", 1L, new DateOnly(2024, 1, 1), 10.5m),
            Line("L1", 2L, new DateOnly(2024, 1, 1), 20m),
            Line("L1", 1L, new DateOnly(2024, 7, 1), 11m),
            Line("L2", 1L, new DateOnly(2024, 1, 1), 30.25m),
        };
        await Sink.WriteAsync(lines.Select((l, i) => Insert(PriceLines, l, i + 2)).ToArray());
        var wanted = new[] { Key("L1", 1L, new DateOnly(2024, 7, 1)), Key("L2", 1L, new DateOnly(2024, 1, 1)), Key("L2", 2L, new DateOnly(2024, 1, 1)), Key("L1", 1L), "L1" };

        var found = await Sink.LookupAsync(PriceLines, PriceLines.KeyFields, wanted);

        Assert.Equal(2, found.Count);
        AssertRecord(lines[2], found[wanted[0]]);
        AssertRecord(lines[3], found[wanted[1]]);
    }

    [Fact]
    public async Task WriteAsync_Update_ReplacesRecordFoundByKeyAndLeavesOthers()
    {
        var alpha = Thing("A", "Alpha", 1L, 1m, new DateOnly(2020, 1, 1), true, "open", "a", "a@example.com");
        var beta = Thing("B", "Beta", 2L, 2m, new DateOnly(2020, 2, 2), false, "closed", "b", "b@example.com");
        await Sink.WriteAsync([Insert(Things, alpha, 2), Insert(Things, beta, 3)]);
        var alpha2 = Thing("A", "Alpha 2", null, 99.99m, new DateOnly(2025, 5, 5), false, "closed", null, null);

        await Sink.WriteAsync([Update(Things, alpha2, 2)]);

        var found = await Sink.LookupAsync(Things, ["code"], ["A", "B"]);
        AssertRecord(alpha2, found["A"]);
        AssertRecord(beta, found["B"]);
        Assert.Empty(await Sink.LookupAsync(Things, ["name"], ["Alpha"]));
        Assert.Single(await Sink.LookupAsync(Things, ["name"], ["Alpha 2"]));
    }

    [Fact]
    public async Task WriteAsync_InsertThenUpdateInOneBatch_AppliesInOrder()
    {
        var alpha = Thing("A", "Alpha", 1L, 1m, null, true, null, null, null);
        var alpha2 = Thing("A", "Alpha 2", 2L, 2m, null, false, null, null, null);

        await Sink.WriteAsync([Insert(Things, alpha, 2), Update(Things, alpha2, 3)]);

        AssertRecord(alpha2, Assert.Single(await Sink.LookupAsync(Things, ["code"], ["A"])).Value);
    }

    [Fact]
    public async Task LookupAsync_ByCustomFieldOfRecordsWrittenWithBaseSchema_FindsNothingAndDoesNotThrow()
    {
        await Sink.WriteAsync([Insert(Things, Thing("A", "Alpha", 1L, null, null, null, null, null, null), 2)]);
        var extended = Things.Extend(b => b.Field("loyalty_level", FieldType.Integer));

        Assert.Empty(await Sink.LookupAsync(extended, ["loyalty_level"], [new RecordKey(3L)]));
        var found = Assert.Single(await Sink.LookupAsync(extended, ["code"], ["A"])).Value;
        Assert.Equal(extended.Fields.Count, found.Length);
        Assert.Null(found[extended["loyalty_level"].Index]);
    }

    [Fact]
    public async Task WriteAsync_UpdateOfMissingKeyLast_ThrowsAndLeavesStoreUnchanged()
    {
        var alpha = Thing("A", "Alpha", 1L, null, null, null, null, null, null);
        await Sink.WriteAsync([Insert(Things, alpha, 2)]);
        RecordChange[] batch =
        [
            Insert(Tags, Tag("T1", "Tag 1"), 2),
            Insert(Things, Thing("B", "Beta", 2L, null, null, null, null, null, null), 3),
            Update(Things, Thing("A", "Alpha changed", 10L, null, null, null, null, null, null), 4),
            Update(Things, Thing("Z", "Zulu", 26L, null, null, null, null, null, null), 5),
        ];

        var ex = await Assert.ThrowsAnyAsync<ImportException>(() => Sink.WriteAsync(batch).AsTask());

        Assert.Contains("things", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Z'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("row 5", ex.Message, StringComparison.Ordinal);
        var found = await Sink.LookupAsync(Things, ["code"], ["A", "B", "Z"]);
        AssertRecord(alpha, Assert.Single(found).Value);
        Assert.Empty(await Sink.LookupAsync(Tags, ["code"], ["T1"]));
    }

    [Fact]
    public async Task WriteAsync_FailingFirstBatch_LeavesStoreEmptyAndUsable()
    {
        await Assert.ThrowsAnyAsync<ImportException>(() => Sink.WriteAsync(
        [
            Insert(Things, Thing("B", "Beta", 2L, null, null, null, null, null, null), 2),
            Update(Things, Thing("Z", "Zulu", 26L, null, null, null, null, null, null), 3),
        ]).AsTask());

        Assert.Empty(await Sink.LookupAsync(Things, ["code"], ["B", "Z"]));
        var beta = Thing("B", "Beta again", 3L, 3.5m, null, null, null, null, null);
        await Sink.WriteAsync([Insert(Things, beta, 2)]);
        AssertRecord(beta, Assert.Single(await Sink.LookupAsync(Things, ["code"], ["B"])).Value);
    }

    [Fact]
    public async Task WriteAsync_CancelledToken_ThrowsAndWritesNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var changes = Enumerable.Range(0, 100).Select(i => Insert(Things, Thing("C" + i, "n", (long)i, null, null, null, null, null, null), i + 2)).ToArray();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sink.WriteAsync(changes, cts.Token).AsTask());

        Assert.Empty(await Sink.LookupAsync(Things, ["code"], ["C0", "C99"]));
    }

    [Fact]
    public async Task LookupAsync_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sink.LookupAsync(Things, ["code"], ["A"], cts.Token).AsTask());
    }

    [Fact]
    public async Task WriteAsync_TwoEntitiesInOrder_WritesBoth()
    {
        var existing = Thing("A", "Alpha", 1L, null, null, null, null, "T0", null);
        await Sink.WriteAsync([Insert(Things, existing, 2)]);
        var t1 = Tag("T1", "Tag 1");
        var b = Thing("B", "Beta", 2L, null, null, null, null, "T1", null);
        var t2 = Tag("T2", "Tag 2");
        var a2 = Thing("A", "Alpha", 1L, null, null, null, null, "T1,T2", null);

        await Sink.WriteAsync([Insert(Tags, t1, 0), Insert(Things, b, 3), Insert(Tags, t2, 0), Update(Things, a2, 4)]);

        var tags = await Sink.LookupAsync(Tags, ["code"], ["T1", "T2"]);
        AssertRecord(t1, tags["T1"]);
        AssertRecord(t2, tags["T2"]);
        var things = await Sink.LookupAsync(Things, ["code"], ["A", "B"]);
        AssertRecord(a2, things["A"]);
        AssertRecord(b, things["B"]);
    }

    [Fact]
    public async Task WriteAsync_ExtendedSchema_WritesAndReadsCustomField()
    {
        await Sink.WriteAsync([Insert(Things, Thing("A", "Alpha", 1L, null, null, null, null, null, null), 2)]);
        var extended = Things.Extend(b => b.Field("loyalty_level", FieldType.Integer).Field("vip_since", FieldType.Date));
        var beta = Extended(extended, Thing("B", "Beta", 2L, 2.5m, null, true, null, null, null), 3L, new DateOnly(2024, 2, 29));

        await Sink.WriteAsync([Insert(extended, beta, 3)]);
        var found = await Sink.LookupAsync(extended, ["code"], ["B"]);
        AssertRecord(beta, Assert.Single(found).Value);

        var beta2 = Extended(extended, Thing("B", "Beta", 2L, 2.5m, null, true, null, null, null), 4L, null);
        await Sink.WriteAsync([Update(extended, beta2, 3)]);
        AssertRecord(beta2, Assert.Single(await Sink.LookupAsync(extended, ["code"], ["B"])).Value);
    }

    [Fact]
    public async Task WriteAsync_ReplaceChildren_DeletesThatParentsChildrenOnlyAndTheInsertsAfterAreItsWholeSet()
    {
        await Sink.WriteAsync([.. new[] { Line("L1", 1L, new DateOnly(2024, 1, 1), 1m), Line("L1", 2L, new DateOnly(2024, 1, 1), 2m), Line("L2", 1L, new DateOnly(2024, 1, 1), 3m) }.Select((l, i) => Insert(PriceLines, l, i + 2))]);

        // "replace the children of L1": its lines become exactly the ones inserted after, in the same batch
        await Sink.WriteAsync([ReplaceChildren(PriceLines, "list", "L1"), Insert(PriceLines, Line("L1", 3L, new DateOnly(2024, 1, 1), 30m), 2)]);

        var found = await Sink.LookupAsync(PriceLines, PriceLines.KeyFields, [Key("L1", 1L, new DateOnly(2024, 1, 1)), Key("L1", 2L, new DateOnly(2024, 1, 1)), Key("L1", 3L, new DateOnly(2024, 1, 1)), Key("L2", 1L, new DateOnly(2024, 1, 1))]);
        Assert.Equal(["L1/3/2024-01-01", "L2/1/2024-01-01"], found.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(30m, found[Key("L1", 3L, new DateOnly(2024, 1, 1))][3]);
    }

    [Fact]
    public async Task WriteAsync_ReplaceChildrenOfAParentWithNone_IsNoErrorAndTheBatchFailingUndoesTheDeletion()
    {
        await Sink.WriteAsync([ReplaceChildren(PriceLines, "list", "L9")]);
        await Sink.WriteAsync([Insert(PriceLines, Line("L1", 1L, new DateOnly(2024, 1, 1), 1m), 2)]);

        // all or nothing: a failing update after the deletion in the same batch puts the children back
        var missing = new RecordChange(PriceLines, ChangeKind.Update, PriceLines.KeyFields, Line("L7", 7L, new DateOnly(2024, 1, 1), 7m), 3);
        await Assert.ThrowsAnyAsync<Exception>(() => Sink.WriteAsync([ReplaceChildren(PriceLines, "list", "L1"), missing]).AsTask());

        Assert.Single(await Sink.LookupAsync(PriceLines, PriceLines.KeyFields, [Key("L1", 1L, new DateOnly(2024, 1, 1))]));
    }

    /// <summary>Creates the sink of one test: empty.</summary>
    /// <returns>The sink.</returns>
    protected abstract Task<IImportSink> CreateSinkAsync();

    /// <summary>Releases the sink of one test (by default: disposes it when it is disposable).</summary>
    /// <param name="sink">The sink.</param>
    /// <returns>A task that completes when the sink is released.</returns>
    protected virtual async Task DisposeSinkAsync(IImportSink sink)
    {
        switch (sink)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>A record of <see cref="Things"/>.</summary>
    protected static object?[] Thing(string code, string? name, object? quantity = null, object? price = null, object? since = null, object? active = null, string? status = null, string? labels = null, string? email = null) =>
        [code, name, quantity, price, since, active, status, labels, email];

    /// <summary>A record of <see cref="Tags"/>.</summary>
    protected static object?[] Tag(string code, string? label) => [code, label];

    /// <summary>A record of <see cref="PriceLines"/>.</summary>
    protected static object?[] Line(string list, long line, DateOnly validFrom, decimal? amount) => [list, line, validFrom, amount];

    /// <summary>A record of a schema extended with two custom fields.</summary>
    protected static object?[] Extended(EntitySchema extended, object?[] thing, object? loyalty, object? vipSince)
    {
        var record = new object?[extended.Fields.Count];
        thing.CopyTo(record, 0);
        record[extended["loyalty_level"].Index] = loyalty;
        record[extended["vip_since"].Index] = vipSince;
        return record;
    }

    /// <summary>A typed key of one or several parts.</summary>
    protected static RecordKey Key(params object[] parts) => new(parts);

    /// <summary>A "replace the children of this parent" change: every record whose <paramref name="parentField"/> is <paramref name="parent"/> is deleted.</summary>
    protected static RecordChange ReplaceChildren(EntitySchema schema, string parentField, object parent)
    {
        var values = new object?[schema.Fields.Count];
        values[schema[parentField].Index] = parent;
        return new RecordChange(schema, ChangeKind.ReplaceChildren, [parentField], values, 0);
    }

    /// <summary>An insert by the schema's key.</summary>
    protected static RecordChange Insert(EntitySchema schema, object?[] values, int row) => new(schema, ChangeKind.Insert, schema.KeyFields, values, row);

    /// <summary>An update by the schema's key.</summary>
    protected static RecordChange Update(EntitySchema schema, object?[] values, int row) => new(schema, ChangeKind.Update, schema.KeyFields, values, row);

    /// <summary>Asserts that a record read back equals the record written: same values, same types, same canonical text (decimal scale included).</summary>
    protected static void AssertRecord(object?[] expected, object?[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i]?.GetType(), actual[i]?.GetType());
            Assert.Equal(expected[i], actual[i]);
            Assert.Equal(RecordKey.FormatValue(expected[i]), RecordKey.FormatValue(actual[i]));
        }
    }
}
