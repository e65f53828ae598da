using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>
/// Issue 10, item 11 (CLI parts): reader errors in the language asked for, text from a file never acting on the terminal, and
/// inputs that are not regular files refused before they are opened.
/// </summary>
public sealed class InputsAndConsoleTests : IDisposable
{
    private const char Esc = '\u001b';
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Preview_LangEn_MalformedCsv_ReaderErrorInEnglish()
    {
        _cli.WriteBytes("clients.csv", [0x00, 0x01, 0x02, 0x00, 0x00, 0x9F, 0x00, 0x41, 0x00, 0x00, 0x07, 0x00, 0x1B, 0x00, 0x00, 0x00]);

        var result = await _cli.RunAsync("preview", "--file", "clients.csv", "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("error: the file cannot be read (malformed_file): The file is not a text file", result.Err);
        Assert.DoesNotContain("fichier texte", result.Err);
    }

    [Fact]
    public async Task Preview_LangEn_MalformedXlsx_ReaderErrorInEnglish()
    {
        using (var buffer = new MemoryStream())
        {
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
                writer.Write("<Types/>");
            }

            _cli.WriteBytes("clients.xlsx", buffer.ToArray());
        }

        var result = await _cli.RunAsync("preview", "--file", "clients.xlsx", "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("error: the file cannot be read (malformed_file): The file is a ZIP archive but not an Excel workbook", result.Err);
    }

    [Fact]
    public async Task Simulate_ControlCharactersInHeadersAndCells_NeverReachTheConsole()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", $"Code client;Raison sociale;SIREN;\"Co{Esc}[31mmentaire\r\"\nC001;\"Dupont{Esc}]0;titre\u0007 SA\r\";12{Esc}[2J3456789;x\n");

        var simulate = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "report.json");
        var preview = await _cli.RunAsync("preview", "--file", "clients.csv");

        Assert.True(simulate.Exit == 1, simulate.ToString());
        Assert.True(preview.Exit == 0, preview.ToString());
        foreach (var text in (string[])[simulate.Out, simulate.Err, preview.Out, preview.Err])
        {
            Assert.DoesNotContain(Esc, text);
            Assert.DoesNotContain('\r', text);
            Assert.DoesNotContain('\u0007', text);
        }

        Assert.Contains("Co\\u001B[31mmentaire", simulate.Out); // the unmapped column, in the matching and in its warning
        Assert.Contains("« 12\\u001B[2J3456789 »", simulate.Out); // the value quoted by invalid_siren
        Assert.Contains("Dupont\\u001B]0;titre", preview.Out);

        // The report stays exact.
        var json = File.ReadAllText(_cli.PathOf("report.json"), Encoding.UTF8);
        using var report = System.Text.Json.JsonDocument.Parse(json);
        Assert.Contains(report.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("value").GetString() == $"12{Esc}[2J3456789");
    }

    [Fact]
    public async Task Run_ValueNotAllowedWithControlCharacters_ListOfAllowedValuesKeptAndTheValueEscaped()
    {
        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--mode", $"fo{Esc}[2Jo", "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.DoesNotContain(Esc, result.Err);
        Assert.Contains("fo\\u001B[2Jo", result.Err, StringComparison.Ordinal);
        Assert.Contains("\n\t'insert'\n\t'update'", result.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "erreur : l'option --file est obligatoire.")]
    [InlineData("en", "error: the option --file is required.")]
    public async Task Run_RequiredOptionMissing_SaidInTheLanguageAsked(string lang, string expected)
    {
        var result = await _cli.RunAsync("run", "--entity", "customers", "--lang", lang);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("is required.", result.Err.Replace(expected, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "erreur : --rows attend un nombre entier de lignes, pas « abc ».")]
    [InlineData("en", "error: --rows expects a whole number of rows, not 'abc'.")]
    public async Task Preview_RowsNotANumber_OurMessageWithoutADotNetTypeName(string lang, string expected)
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("preview", "--file", "clients.csv", "--rows", "abc", "--lang", lang);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("preview", "--file")]
    [InlineData("simulate", "--profile")]
    [InlineData("run", "--report")]
    [InlineData("run", "--errors")]
    public async Task Commands_ControlCharactersInAPathTyped_NeverReachTheConsole(string command, string option)
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        var name = $"absent{Esc}[2J{Esc}]0;pwned\u0007/x\r.csv";
        string[] args = command == "preview"
            ? ["preview", option, name]
            : [command, "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, option, option == "--profile" ? name : $"{Esc}[31m/"];

        var result = await _cli.RunAsync([.. args, "--lang", "en"]);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.DoesNotContain(Esc, result.Err + result.Out);
        Assert.Contains("\\u001B[", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("preview", "--file")]
    [InlineData("run", "--file")]
    [InlineData("simulate", "--profile")]
    public async Task Commands_NamedPipeAsInput_Exit2WithoutOpeningIt(string command, string option)
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        var fifo = _cli.PathOf("tube.csv");
        Posix.MakeFifo(fifo);
        string[] args = command == "preview"
            ? ["preview", "--file", "tube.csv", "--lang", "en"]
            : [command, "--entity", "customers", "--file", option == "--file" ? "tube.csv" : "clients.csv", "--db", _cli.Db, "--lang", "en", .. option == "--profile" ? (string[])["--profile", "tube.csv"] : []];

        var run = _cli.RunAsync(args);
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))) != run)
        {
            // Unblock the reader stuck in open(2) (as often as it opens the pipe) so that the test run ends, then fail.
            while (!run.IsCompleted)
            {
                var writer = new ProcessStartInfo("timeout") { ArgumentList = { "1", "sh", "-c", ": > \"$0\"", fifo } };
                using var process = Process.Start(writer)!;
                await process.WaitForExitAsync();
            }

            Assert.Fail("the command waited on the named pipe: " + await run);
        }

        var result = await run;
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains($"{option} names {fifo}, which is not a regular file (a named pipe, a socket or a device)", result.Err);
        Assert.False(File.Exists(_cli.DbPath));
    }
}
