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
