namespace Import.Sdk.Cli.Tests.Support;

/// <summary>The repository the tests run from: the folder holding Import.Sdk.sln (its examples, its corpus).</summary>
internal static class Repository
{
    /// <summary>A path under the repository's root folder.</summary>
    public static string PathOf(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Import.Sdk.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("No folder holding Import.Sdk.sln above " + AppContext.BaseDirectory);
    }
}
