using System.Globalization;
using System.Text;

namespace Import.Sdk.Sqlite.Tests;

/// <summary>
/// Document imports into SQLite (issue 11 item 3): each document (an order and its lines) all or nothing, whole documents per
/// transaction; a transaction that fails leaves nothing of its documents.
/// </summary>
public sealed class SqliteDocumentTests : IDisposable
{
    private static readonly EntitySchema Orders = EntitySchema.Create("orders")
        .Field("number", FieldType.Text, f => f.Required())
        .Field("date", FieldType.Date, f => f.Required())
        .Key("number")
        .Build();

    private static readonly EntitySchema Lines = EntitySchema.Create("order-lines")
        .Field("order", FieldType.Text, f => f.Required().References(new FieldReference(Orders, "number", isParent: true)))
        .Field("line", FieldType.Integer, f => f.Required())
        .Field("amount", FieldType.Decimal)
        .Key("order", "line")
        .Build();

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ExecuteAsync_Documents_CompleteOnesWrittenIncompleteOnesNotAndReimportChangesNothing()
    {
        await using var sink = await _database.OpenAsync();
        var pipeline = Pipeline(sink, batchSize: 1000);
        var request = Request("number;date\r\nO1;01/03/2025\r\nO2;02/03/2025\r\nO3;bad\r\n", "order;line;amount\r\nO2;1;5\r\nO1;1;10\r\nO2;2;x\r\nO3;1;1\r\nO1;2;20\r\n");

        var first = await pipeline.ExecuteAsync(request);
        var second = await pipeline.ExecuteAsync(request);

        Assert.Equal(new ImportTotals(8, 3, 0, 0, 5), first.Totals);
        Assert.Equal([IssueCodes.IncompleteDocument, IssueCodes.InvalidDate], first.Files[0].Issues.Select(i => i.Code));
        Assert.Equal(["O1"], await KeysAsync(sink, Orders));
        Assert.Equal(["O1 1", "O1 2"], await KeysAsync(sink, Lines));
        Assert.Equal(new ImportTotals(8, 0, 0, 3, 5), second.Totals);
    }

    [Fact]
    public async Task ExecuteAsync_TransactionFailsInTheSecondCall_EarlierDocumentsCommittedNoneOfThatCall()
    {
        await using var sqlite = await _database.OpenAsync();
        var sink = new FailingSink(sqlite, failingCall: 2);
        var headers = "number;date\r\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"O{i};01/03/2025\r\n"));
        var lines = "order;line;amount\r\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"O{i};1;{i}\r\nO{i};2;{i}\r\n"));

        var ex = await Assert.ThrowsAsync<ImportInterruptedException>(() => Pipeline(sink, batchSize: 6).ExecuteAsync(Request(headers, lines)));

        Assert.Equal(["O1", "O2"], await KeysAsync(sqlite, Orders)); // three rows a document: two documents a call
        Assert.Equal(["O1 1", "O1 2", "O2 1", "O2 2"], await KeysAsync(sqlite, Lines));
        Assert.Equal(new ImportTotals(6, 6, 0, 0, 0), ex.Report.Totals);
    }

    private static IImportPipeline Pipeline(IImportSink sink, int batchSize) =>
        new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Orders).WithLines(new ImportEntity(Lines)))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US"), BatchSize = batchSize })
            .Build();

    private static ImportRequest Request(string orders, string lines) =>
        new(ImportSource.FromBytes(Encoding.UTF8.GetBytes(orders), "orders.csv")) { Lines = ImportSource.FromBytes(Encoding.UTF8.GetBytes(lines), "order-lines.csv") };

    private static async Task<string[]> KeysAsync(SqliteSink sink, EntitySchema schema)
    {
        var keys = new List<string>();
        await foreach (var r in sink.ReadAllAsync(schema))
        {
            keys.Add(string.Join(' ', schema.KeyFields.Select(k => Convert.ToString(r[schema[k].Index], CultureInfo.InvariantCulture))));
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>A sink whose n-th write fails inside SQLite's transaction, after its changes: an update of a record that does not exist.</summary>
    private sealed class FailingSink(IImportSink inner, int failingCall) : IImportSink
    {
        private int _calls;

        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            inner.LookupAsync(schema, keyFields, keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default) =>
            ++_calls == failingCall
                ? inner.WriteAsync([.. changes, new RecordChange(Orders, ChangeKind.Update, ["number"], ["missing", new DateOnly(2025, 1, 1)], 0)], cancellationToken)
                : inner.WriteAsync(changes, cancellationToken);
    }
}
