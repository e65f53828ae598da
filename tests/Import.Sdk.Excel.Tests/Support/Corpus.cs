namespace Import.Sdk.Excel.Tests.Support;

/// <summary>
/// Finds the shared spreadsheet corpus: walks up from the test binaries to the folder holding <c>Import.Sdk.sln</c>, then
/// <c>../shared/corpus/excel</c> (in CI the clone has <c>shared/</c> beside it). A missing corpus fails the tests: nothing is skipped.
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

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Import.Sdk.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "excel"));
                if (!System.IO.Directory.Exists(corpus))
                {
                    throw new InvalidOperationException($"The spreadsheet corpus was not found at {corpus} (expected <repo>/../shared/corpus/excel beside the clone holding Import.Sdk.sln).");
                }

                return corpus;
            }
        }

        throw new InvalidOperationException($"No folder holding Import.Sdk.sln above {AppContext.BaseDirectory}: cannot locate ../shared/corpus/excel.");
    }
}
