namespace Import.Sdk.Tests.Sinks;

/// <summary>The sink conformance suite, run against <see cref="InMemorySink"/>.</summary>
public sealed class InMemorySinkConformanceTests : ImportSinkConformanceTests
{
    /// <inheritdoc/>
    protected override Task<IImportSink> CreateSinkAsync() => Task.FromResult<IImportSink>(new InMemorySink());
}
