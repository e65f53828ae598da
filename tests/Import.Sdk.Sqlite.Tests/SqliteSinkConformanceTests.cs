using Import.Sdk.Tests.Sinks;

namespace Import.Sdk.Sqlite.Tests;

/// <summary>The sink conformance suite, run against <see cref="SqliteSink"/>, each test on a fresh temp file.</summary>
public sealed class SqliteSinkConformanceTests : ImportSinkConformanceTests
{
    private readonly TempDatabase _database = new();

    /// <inheritdoc/>
    protected override async Task<IImportSink> CreateSinkAsync() => await _database.OpenAsync();

    /// <inheritdoc/>
    protected override async Task DisposeSinkAsync(IImportSink sink)
    {
        await base.DisposeSinkAsync(sink);
        _database.Dispose();
        Assert.False(File.Exists(_database.Path));
    }
}
