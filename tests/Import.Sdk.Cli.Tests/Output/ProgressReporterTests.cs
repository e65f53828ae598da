using System.Text.RegularExpressions;
using Import.Sdk.Cli.Output;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Output;

public sealed class ProgressReporterTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_RedirectedOutput_PrintsPlainProgressLines()
    {
        _cli.WriteText("clients.csv", Files.Customers(9000));
        await _cli.SeedTaxRegimesAsync();

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 0, result.ToString());
        var lines = result.Out.Split('\n').Where(l => l.StartsWith("progression", StringComparison.Ordinal)).ToList();
        Assert.InRange(lines.Count, 2, 11);
        Assert.All(lines, l => Assert.Matches(@"^progression : \d{1,3} % \(\d+ lignes\)\r?$", l));
        Assert.Matches(@"progression : 100 % \(9000 lignes\)", lines[^1]);
        Assert.DoesNotContain("\u001b[", result.Out); // no terminal escape codes
    }

    [Fact]
    public async Task Run_LangEn_ProgressLinesInEnglish()
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\nDOM;Outre-mer\n");

        var result = await _cli.RunAsync("run", "--entity", "tax-regimes", "--file", "regimes.csv", "--db", _cli.Db, "--lang", "en");

        Assert.Equal(0, result.Exit);
        Assert.Contains("progress: 100% (2 rows)", result.Out);
    }

    [Fact]
    public void PlainProgress_PrintsAtMostOneLinePerTenPercent()
    {
        var writer = new StringWriter();
        var progress = new ProgressReporter.PlainProgress(new CliContext(writer, TextWriter.Null) { Ui = CliContext.English }, writer);

        for (var i = 0; i <= 1000; i++)
        {
            progress.Report(new ImportProgress(i * 10, i, 1000));
        }

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(11, lines.Count);
        Assert.Equal("progress: 0% (0 rows)", lines[0]);
        Assert.Equal("progress: 40% (4000 rows)", lines[4]);
        Assert.Equal("progress: 100% (10000 rows)", lines[^1]);
        var percents = lines.Select(l => int.Parse(Regex.Match(l, @"(\d+)%").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(percents.Order(), percents);
    }

    [Fact]
    public void PlainProgress_UnknownSize_PrintsRows()
    {
        var writer = new StringWriter();
        var progress = new ProgressReporter.PlainProgress(new CliContext(writer, TextWriter.Null), writer);

        progress.Report(new ImportProgress(2000, 100, null));
        progress.Report(new ImportProgress(4000, 200, null)); // within a second: skipped

        Assert.Equal("progression : 2000 lignes", writer.ToString().Trim());
    }
}
