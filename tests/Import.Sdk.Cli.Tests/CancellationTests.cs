using System.Text;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests;

public sealed class CancellationTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_CancelledBeforeStart_Exit130AndNothingWritten()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var result = await _cli.RunAsync(cts.Token, "run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "report.json");

        Assert.Equal(130, result.Exit);
        Assert.Contains("Ctrl+C", result.Err);
        Assert.False(File.Exists(_cli.PathOf("report.json")));
        Assert.Equal(0, await _cli.CountAsync("customers"));
    }

    [Fact]
    public async Task Run_CancelledWhileRunning_Exit1_SaysHowManyRowsWereImported_WholeBatchesOnly_NoReport()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.Customers(9000));
        using var cts = new CancellationTokenSource();
        var stdout = new CancelOnProgressWriter(cts);

        var result = await _cli.RunAsync(stdout, cts.Token, "run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "report.json", "--errors", "erreurs.csv");

        // Rows were committed before Ctrl+C: exit 1 (2 and 130 mean nothing was written), and the count is said.
        Assert.True(result.Exit == 1, result.ToString());
        Assert.False(File.Exists(_cli.PathOf("report.json")));
        Assert.False(File.Exists(_cli.PathOf("erreurs.csv")));
        Assert.Empty(Directory.EnumerateFiles(_cli.Folder, "*.tmp"));
        var count = await _cli.CountAsync("customers");
        Assert.True(count is > 0 and < 9000, $"count {count}");
        Assert.Equal(0, count % new ImportOptions().BatchSize);
        Assert.Contains($"Interrompu (Ctrl+C) : {count} ligne(s) importée(s) avant l'interruption (insérées : {count}, mises à jour : 0)", result.Err);
    }

    [Fact]
    public async Task Run_SigtermBeforeStart_Exit143AndSaysSigterm()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        using var cts = new CancellationTokenSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, isTerminal: false, baseDirectory: _cli.Folder) { Signal = "SIGTERM" };
        await cts.CancelAsync();

        var exit = await Cli.RunAsync(["run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--lang", "en"], context, handleTermination: false, cts.Token);

        Assert.Equal(143, exit);
        Assert.Contains("Interrupted (SIGTERM): nothing was written", stderr.ToString());
        Assert.DoesNotContain("Ctrl+C", stderr.ToString());
        Assert.Equal(0, await _cli.CountAsync("customers"));
    }

    /// <summary>Presses Ctrl+C as soon as the first progress line is printed.</summary>
    private sealed class CancelOnProgressWriter(CancellationTokenSource cts) : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.StartsWith("progression", StringComparison.Ordinal))
            {
                cts.Cancel();
            }
        }
    }
}
