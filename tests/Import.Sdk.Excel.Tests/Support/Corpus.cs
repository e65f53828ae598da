namespace Import.Sdk.Excel.Tests.Support;

/// <summary>
/// Finds the spreadsheet corpus: walks up from the test binaries to the folder holding <c>Import.Sdk.sln</c>, then
/// <c>tests/corpus/excel</c> (a copy of the project's shared corpus, with its SOURCES.md and licences, kept in the repository so
/// that a fresh clone tests with nothing beside it). A missing corpus fails the tests: nothing is skipped.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string File(string relative)
    {
        var path = Path.Combine(Directory, relative);
        Assert.True(System.IO.File.Exists(path), $"The corpus file '{relative}' is missing from {Directory}.");
        return path;
    }

    /// <summary>A path under the repository's root folder (the one holding <c>Import.Sdk.sln</c>).</summary>
    public static string RepositoryPath(params string[] parts) => Path.Combine([RepositoryRoot.Value, .. parts]);

    private static readonly Lazy<string> RepositoryRoot = new(LocateRepository);

    private static string LocateRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Import.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder holding Import.Sdk.sln above {AppContext.BaseDirectory}: cannot locate tests/corpus/excel.");
    }

    private static string Locate()
    {
        var corpus = RepositoryPath("tests", "corpus", "excel");
        if (!System.IO.Directory.Exists(corpus))
        {
            throw new InvalidOperationException($"The spreadsheet corpus was not found at {corpus} (expected tests/corpus/excel in the clone holding Import.Sdk.sln).");
        }

        return corpus;
    }
}
