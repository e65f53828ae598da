namespace Import.Sdk.Tests.Documentation;

/// <summary>The README cannot lie: its code sample is the compiled quick start, and its commands name files that exist.</summary>
public class ReadmeTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Readme_CodeSample_MatchesCompiledQuickStart()
    {
        var program = File.ReadAllText(Path.Combine(Root, "examples", "QuickStart", "Program.cs")).ReplaceLineEndings("\n");
        var region = program.Split("// region: quickstart\n")[1].Split("// endregion")[0].TrimEnd();
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");

        Assert.Contains(region, readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_QuickStartCommands_NameFilesThatExist()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var files = System.Text.RegularExpressions.Regex.Matches(readme, @"--file (\S+)").Select(m => m.Groups[1].Value).Where(f => f.StartsWith("examples/", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(Root, f)), $"README names {f}, which does not exist"));
        Assert.Contains("dotnet test Import.Sdk.sln", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Import.Sdk.sln", File.ReadAllText(Path.Combine(Root, ".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickStart_RunsOnTheSampleFiles_AndPrintsEnglishMessages()
    {
        // The README's sample, as compiled: every variable it uses is defined in it, and it runs on the repository's files.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var program = Path.Combine(Root, "examples", "QuickStart", "bin", configuration, "net10.0", "QuickStart.dll");
        Assert.True(File.Exists(program), $"The quick start is not built: {program}");
        var folder = Directory.CreateTempSubdirectory("quickstart-").FullName;
        try
        {
            foreach (var name in new[] { "clients.csv", "regimes-fiscaux.csv" })
            {
                File.Copy(Path.Combine(Root, "examples", "Customers", name), Path.Combine(folder, name));
            }

            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var a in new[] { program, Path.Combine(folder, "clients.csv"), Path.Combine(folder, "store.db") })
            {
                start.ArgumentList.Add(a);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            var text = await output;
            Assert.True(process.ExitCode == 1, $"exit {process.ExitCode} (the sample has rejected rows on purpose): {text}{await error}");
            Assert.Contains("Simulation: ImportTotals { Rows = 24, Inserted = 20, Updated = 0, Unchanged = 0, Rejected = 4 }", text, StringComparison.Ordinal);
            Assert.Contains("Execution: ImportTotals { Rows = 24, Inserted = 20, Updated = 0, Unchanged = 0, Rejected = 4 }", text, StringComparison.Ordinal);
            Assert.Contains("row 23, Code client: duplicate_key — The key 'C0103' already appears in row 4", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "store.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Import.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Import.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
