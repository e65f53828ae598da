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
    public async Task Run_CancelledWhileRunning_Exit130_WholeBatchesOnly_NoReport()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.Customers(9000));
        using var cts = new CancellationTokenSource();
        var stdout = new CancelOnProgressWriter(cts);

        var result = await _cli.RunAsync(stdout, cts.Token, "run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "report.json", "--errors", "erreurs.csv");

        Assert.Equal(130, result.Exit);
        Assert.Contains("Ctrl+C", result.Err);
        Assert.False(File.Exists(_cli.PathOf("report.json")));
        Assert.False(File.Exists(_cli.PathOf("erreurs.csv")));
        Assert.Empty(Directory.EnumerateFiles(_cli.Folder, "*.tmp"));
        var count = await _cli.CountAsync("customers");
        Assert.True(count < 9000, $"count {count}");
        Assert.Equal(0, count % new ImportOptions().BatchSize);
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
