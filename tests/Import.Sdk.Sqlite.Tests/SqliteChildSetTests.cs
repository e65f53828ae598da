using System.Globalization;

namespace Import.Sdk.Sqlite.Tests;

/// <summary>A child set replaced as a whole through the pipeline into SQLite: the same outcome as in memory, and no duplicate set on re-import.</summary>
public sealed class SqliteChildSetTests : IDisposable
{
    private static readonly EntitySchema Compositions = EntitySchema.Create("compositions")
        .Field("assembly", FieldType.Text, f => f.Required())
        .Field("component", FieldType.Text, f => f.Required())
        .Field("quantity", FieldType.Decimal)
        .Key("assembly", "component")
        .ChildSetOf("assembly")
        .Build();

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ExecuteAsync_ChildSetTwice_ReplacesThatParentsSetOnlyWithoutDuplicates()
    {
        await using var sink = await _database.OpenAsync();
        await sink.WriteAsync([Insert("A1", "C1", 1m), Insert("A1", "C2", 2m), Insert("A2", "C3", 7m)]);
        var pipeline = new ImportPipelineBuilder().UseEntity(new ImportEntity(Compositions)).UseSqliteSink(sink).UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") }).Build();
        var request = new ImportRequest(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes("assembly;component;quantity\r\nA1;C2;5\r\nA1;C4;1\r\n"), "compositions.csv"));

        await pipeline.ExecuteAsync(request);
        var report = await pipeline.ExecuteAsync(request);

        Assert.Equal(0, report.Totals.Rejected);
        var rows = new List<string>();
        await foreach (var r in sink.ReadAllAsync(Compositions))
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{r[0]} {r[1]} {r[2]}"));
        }

        Assert.Equal(["A1 C2 5", "A1 C4 1", "A2 C3 7"], rows.Order(StringComparer.Ordinal));
    }

    private static RecordChange Insert(string assembly, string component, decimal quantity) =>
        new(Compositions, ChangeKind.Insert, Compositions.KeyFields, [assembly, component, quantity], 0);
}
