using System.Text;
using System.Text.Json;
using Import.Sdk.Sqlite;

namespace Import.Sdk.Cli.Tests.Support;

/// <summary>A temporary folder in which the CLI runs in-process; output and exit code captured.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Folder = Path.Combine(Path.GetTempPath(), "import-sdk-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Gets or sets the wrapper put around the store's sink by simulate and run (<see cref="CliContext.SinkDecorator"/>).</summary>
    public Func<IImportSink, IImportSink>? SinkDecorator { get; set; }

    /// <summary>The store used by <see cref="Db"/>.</summary>
    public string DbPath => Path.Combine(Folder, "store.db");

    /// <summary>The <c>--db</c> argument of the test store.</summary>
    public string Db => "sqlite:" + DbPath;

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string WriteText(string name, string text, Encoding? encoding = null)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Cli.RunAsync(args, new CliContext(stdout, stderr, isTerminal: false, baseDirectory: Folder) { SinkDecorator = SinkDecorator }, handleTermination: false, cancellationToken);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public async Task<CliResult> RunAsync(TextWriter stdout, CancellationToken cancellationToken, params string[] args)
    {
        var stderr = new StringWriter();
        var exit = await Cli.RunAsync(args, new CliContext(stdout, stderr, isTerminal: false, baseDirectory: Folder) { SinkDecorator = SinkDecorator }, handleTermination: false, cancellationToken);
        return new CliResult(exit, stdout.ToString() ?? string.Empty, stderr.ToString());
    }

    /// <summary>Seeds the tax regime FR (customers reference it by default).</summary>
    public async Task SeedTaxRegimesAsync()
    {
        WriteText("tax-regimes.csv", "code;label\nFR;France\n");
        var result = await RunAsync("run", "--entity", "tax-regimes", "--file", "tax-regimes.csv", "--db", Db);
        Assert.True(result.Exit == 0, result.ToString());
    }

    public async Task<long> CountAsync(string entity)
    {
        if (!File.Exists(DbPath))
        {
            return 0;
        }

        var sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(DbPath));
        await using (sink)
        {
            return await sink.CountAsync(entity);
        }
    }

    /// <summary>The records of an entity in the test store, each read by field name, in the store's order.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RecordsAsync(string entity)
    {
        var schema = Import.Sdk.Commerce.CommerceEntities.Find(entity)!.Schema;
        var records = new List<IReadOnlyDictionary<string, object?>>();
        var sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(DbPath));
        await using (sink)
        {
            await foreach (var record in sink.ReadAllAsync(schema))
            {
                records.Add(schema.Fields.ToDictionary(f => f.Name, f => record[f.Index], StringComparer.Ordinal));
            }
        }

        return records;
    }

    /// <summary>The SHA-256 of a file, to check that it is byte for byte unchanged.</summary>
    public string HashOf(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    public JsonDocument ReadJson(string name) => JsonDocument.Parse(File.ReadAllText(PathOf(name)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

internal sealed record CliResult(int Exit, string Out, string Err)
{
    public override string ToString() => $"exit {Exit}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}
