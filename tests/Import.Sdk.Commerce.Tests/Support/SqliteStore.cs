using System.Globalization;
using System.Text;
using Import.Sdk.Sqlite;

namespace Import.Sdk.Commerce.Tests.Support;

/// <summary>A SQLite database file in the temp folder holding the commerce entities; deleted on disposal.</summary>
internal sealed class SqliteStore : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "import-sdk-commerce-" + Guid.NewGuid().ToString("N") + ".db");

    private SqliteStore()
    {
    }

    public SqliteSink Sink { get; private set; } = null!;

    public static async Task<SqliteStore> OpenAsync()
    {
        var store = new SqliteStore();
        store.Sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(store._path));
        return store;
    }

    /// <summary>Imports tax regimes the way a host would: through their own entity.</summary>
    public async Task WithTaxRegimesAsync(params string[] codes)
    {
        var csv = "Code;Libellé;Taux\r\n" + string.Concat(codes.Select(c => $"{c};Régime {c};20\r\n"));
        var report = await Pipeline(CommerceEntities.TaxRegimes).ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Encoding.UTF8.GetBytes(csv), "regimes.csv")));
        ReportAssert.Totals(report, rows: codes.Length, inserted: codes.Length);
    }

    public IImportPipeline Pipeline(ImportEntity? entity = null, CultureInfo? ui = null, int batchSize = 2000) =>
        new ImportPipelineBuilder()
            .UseEntity(entity ?? CommerceEntities.Customers())
            .UseSqliteSink(Sink)
            .UseOptions(o => o with { UiCulture = ui ?? CommerceStore.French, BatchSize = batchSize })
            .Build();

    public Task<ImportReport> ExecuteAsync(CustomersCsv csv, ImportProfile? profile = null, ImportMode? mode = null, int batchSize = 2000) =>
        Pipeline(batchSize: batchSize).ExecuteAsync(CommerceStore.Request(csv, profile, mode));

    public Task<ImportReport> SimulateAsync(CustomersCsv csv, ImportProfile? profile = null, ImportMode? mode = null, int batchSize = 2000) =>
        Pipeline(batchSize: batchSize).SimulateAsync(CommerceStore.Request(csv, profile, mode));

    public async Task<IReadOnlyList<Stored>> ReadAsync(ImportEntity entity)
    {
        var list = new List<Stored>();
        await foreach (var r in Sink.ReadAllAsync(entity.Schema))
        {
            list.Add(new Stored(entity.Schema, r));
        }

        return list;
    }

    public async Task<Stored> CustomerAsync(string code) => (await ReadAsync(CommerceEntities.Customers())).Single(c => Equals(c["code"], code));

    public async ValueTask DisposeAsync()
    {
        await Sink.DisposeAsync();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(_path + suffix);
        }
    }
}
