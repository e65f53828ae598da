using System.Diagnostics;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests;

public sealed class ExecutableTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ImportSdkDll_RunsEndToEnd()
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");
        var dll = typeof(Cli).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), "import-sdk.runtimeconfig.json is missing beside " + dll);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _cli.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[dll, "run", "--entity", "tax-regimes", "--file", "regimes.csv", "--report", "report.json"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{output}\n{await stderr}");
        Assert.Contains("Lignes : 1 | insérées : 1", output);
        Assert.Contains("progression : 100 % (1 lignes)", output);
        Assert.True(File.Exists(_cli.PathOf("import.db")));
        using var report = _cli.ReadJson("report.json");
        Assert.Equal("tax-regimes", report.RootElement.GetProperty("entity").GetString());
    }

    [Fact]
    public async Task ImportSdkDll_Sigterm_SaysSigtermAndHowManyRowsWereImported_Exit1()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.Customers(300_000));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _cli.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[typeof(Cli).Assembly.Location, "run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            // The first progress line comes once the first batch is planned and written: then SIGTERM, as a service manager sends it.
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.StartsWith("progression", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            Posix.Signal(process.Id, Posix.SIGTERM);
            _ = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var err = await stderr;
        var count = await _cli.CountAsync("customers");
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{err}");
        Assert.True(count is > 0 and < 300_000, $"count {count}");
        Assert.Contains($"Interrompu (SIGTERM) : {count} ligne(s) importée(s) avant l'interruption", err);
        Assert.DoesNotContain("Ctrl+C", err);
    }
}
