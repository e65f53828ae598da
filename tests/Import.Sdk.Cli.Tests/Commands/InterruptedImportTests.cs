using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>
/// Exit 2 means nothing was written (issue 10, item 5): a store that fails part-way, or an output that cannot be written after the
/// import, still prints what was imported and exits 1 when rows were committed.
/// </summary>
public sealed class InterruptedImportTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_StoreFailsOnTheThirdBatch_Exit1_SummaryAndReportOfTheTwoBatchesWritten()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.Customers(2500));
        _cli.SinkDecorator = sink => new FailingSink(sink, failingWrite: 3);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "report.json", "--errors", "erreurs.csv");

        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains("arrêté avant la fin ; voici ce qui a été importé", result.Out);
        Assert.Contains("Lignes : 2000 | insérées : 2000 | mises à jour : 0 | inchangées : 0 | rejetées : 0", result.Out);
        Assert.Contains("ligne 2002 — write_failed : ", result.Out);
        Assert.Contains("erreur : l'import s'est arrêté avant la fin.", result.Err);
        Assert.Contains("à partir de cette ligne, rien n'a été importé", result.Err);
        Assert.Contains("le disque est plein (test)", result.Err);
        Assert.Equal(2000, await _cli.CountAsync("customers"));

        using var report = _cli.ReadJson("report.json");
        var root = report.RootElement;
        Assert.Equal(2000, root.GetProperty("totals").GetProperty("inserted").GetInt64());
        Assert.Equal(2000, root.GetProperty("totals").GetProperty("rows").GetInt64());
        var issue = Assert.Single(root.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "write_failed");
        Assert.Equal(2002, issue.GetProperty("row").GetInt32());
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.True(File.Exists(_cli.PathOf("erreurs.csv")));
    }

    [Fact]
    public async Task Run_StoreFailsOnTheFirstBatch_Exit2NothingWritten_ReportStillSaysWhy()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.Customers(1500));
        _cli.SinkDecorator = sink => new FailingSink(sink, failingWrite: 1);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "report.json", "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("Rows: 0 | inserted: 0", result.Out);
        Assert.Contains("from this row on, nothing was imported", result.Err);
        Assert.Equal(0, await _cli.CountAsync("customers"));
        using var report = _cli.ReadJson("report.json");
        Assert.Equal(2, report.RootElement.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "write_failed").GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task Run_StoreFails_Json_PrintsTheReportOfWhatWasDone()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.Customers(2500));
        _cli.SinkDecorator = sink => new FailingSink(sink, failingWrite: 2);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--json");

        Assert.True(result.Exit == 1, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal(1000, report.RootElement.GetProperty("totals").GetProperty("inserted").GetInt64());
        Assert.Contains(report.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "write_failed");
        Assert.Equal(1000, await _cli.CountAsync("customers"));
    }

    [Fact]
    public async Task Run_ReportCannotBeWrittenAfterTheImport_Exit1_SummaryPrintedAndTheOutputNamed()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        // The folder of the report can be created when the command starts; during the import a file takes its name.
        _cli.SinkDecorator = sink => new FailingSink(sink, onWrite: () => File.WriteAllText(_cli.PathOf("sorties"), "x"));

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "sorties/report.json", "--errors", "erreurs.csv");

        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains("Lignes : 2 | insérées : 2", result.Out);
        Assert.DoesNotContain("Rapport :", result.Out);
        Assert.Contains("Fichier d'erreurs : ", result.Out);
        Assert.Contains("erreur : --report : " + _cli.PathOf("sorties/report.json") + " n'a pas pu être écrit", result.Err);
        Assert.Equal(2, await _cli.CountAsync("customers"));
    }

    [Fact]
    public async Task Simulate_StoreLookupFails_Exit2()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.Customers(1500));
        _cli.SinkDecorator = sink => new FailingSink(sink, failingLookup: 1);

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("Simulation de l'import « customers » (clients.csv, mode upsert) arrêtée avant la fin", result.Out);
        Assert.Contains("write_failed", result.Out);
    }

    /// <summary>The store's sink, failing on its Nth write or look-up (or doing something before each write).</summary>
    private sealed class FailingSink(IImportSink inner, int failingWrite = 0, int failingLookup = 0, Action? onWrite = null) : IImportSink
    {
        private int _writes;
        private int _lookups;

        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _lookups) == failingLookup
                ? throw new IOException("le disque est plein (test)")
                : inner.LookupAsync(schema, keyFields, keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
        {
            onWrite?.Invoke();
            return Interlocked.Increment(ref _writes) == failingWrite
                ? throw new IOException("le disque est plein (test)")
                : inner.WriteAsync(changes, cancellationToken);
        }
    }
}
