namespace Import.Sdk.Sqlite.Tests;

/// <summary>A database file in the temp folder, deleted (with its WAL and journal files) on disposal.</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "import-sdk-" + Guid.NewGuid().ToString("N") + ".db");

    public SqliteSinkOptions Options => new(Path);

    public Task<SqliteSink> OpenAsync() => SqliteSink.OpenAsync(Options);

    public void Dispose()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(Path + suffix);
        }
    }
}
