using Import.Sdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Import.Sdk.Tests.DependencyInjection;

/// <summary><c>services.AddImportSdk(...)</c>: a singleton pipeline, idempotent, with or without logging.</summary>
public class AddImportSdkTests
{
    [Fact]
    public void AddImportSdk_RegistersOneSingletonPipeline()
    {
        var services = new ServiceCollection();

        var returned = services.AddImportSdk(b => b.UseEntity(Some.AccountsEntity).UseSink(new InMemorySink()));

        Assert.Same(services, returned);
        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IImportPipeline));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    [Fact]
    public void AddImportSdk_ResolvedTwice_GivesTheSameConfiguredPipeline()
    {
        var services = new ServiceCollection().AddImportSdk(b => b.UseEntity(Some.AccountsEntity).UseSink(new InMemorySink()));
        var provider = new MiniServiceProvider(services);

        var first = (IImportPipeline)provider.GetService(typeof(IImportPipeline))!;
        var second = (IImportPipeline)provider.GetService(typeof(IImportPipeline))!;

        Assert.Same(first, second);
        Assert.Equal("accounts", first.Entity.Name);
    }

    [Fact]
    public void AddImportSdk_CalledTwice_KeepsTheFirstRegistration()
    {
        var otherEntity = new ImportEntity(Some.Groups);
        var services = new ServiceCollection()
            .AddImportSdk(b => b.UseEntity(Some.AccountsEntity).UseSink(new InMemorySink()))
            .AddImportSdk(b => b.UseEntity(otherEntity).UseSink(new InMemorySink()));

        Assert.Single(services, d => d.ServiceType == typeof(IImportPipeline));
        Assert.Equal("accounts", ((IImportPipeline)new MiniServiceProvider(services).GetService(typeof(IImportPipeline))!).Entity.Name);
    }

    [Fact]
    public async Task AddImportSdk_WithoutLoggerFactory_ResolvesAWorkingPipeline()
    {
        var sink = new InMemorySink();
        var services = new ServiceCollection().AddImportSdk(b => b.UseEntity(Some.AccountsEntity).UseSink(sink));

        var pipeline = (IImportPipeline)new MiniServiceProvider(services).GetService(typeof(IImportPipeline))!;
        var report = await pipeline.ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(Some.Line("C1", "Dupont")))));

        Assert.Equal(1, report.Totals.Inserted);
        Assert.Single(sink.GetRecords("accounts"));
    }

    [Fact]
    public async Task AddImportSdk_WithLoggerFactory_LogsThroughItWithoutCellValues()
    {
        var loggers = new RecordingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(loggers);
        services.AddImportSdk(b => b.UseEntity(Some.AccountsEntity).UseSink(new InMemorySink()));

        var pipeline = (IImportPipeline)new MiniServiceProvider(services).GetService(typeof(IImportPipeline))!;
        await pipeline.SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(Some.Line("C1", "Secret Dupont", email: "secret@x.fr")))));

        Assert.Equal(2, loggers.Entries.Count);
        Assert.All(loggers.Entries, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Contains("accounts", loggers.Entries[0].Message, StringComparison.Ordinal);
        Assert.Contains("1 rows, 1 inserted", loggers.Entries[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(loggers.Entries, e => e.Message.Contains("Secret", StringComparison.Ordinal) || e.Message.Contains("secret@", StringComparison.Ordinal));
    }

    [Fact]
    public void AddImportSdk_ConfigureReceivesTheProvider()
    {
        var sink = new InMemorySink();
        var services = new ServiceCollection();
        services.AddSingleton<IImportSink>(sink);
        services.AddImportSdk((provider, b) => b.UseEntity(Some.AccountsEntity).UseSink((IImportSink)provider.GetService(typeof(IImportSink))!));

        var pipeline = new MiniServiceProvider(services).GetService(typeof(IImportPipeline));

        Assert.NotNull(pipeline);
    }

    [Fact]
    public void AddImportSdk_IncompleteConfiguration_FailsWhenResolvedWithTheBuilderMessage()
    {
        var services = new ServiceCollection().AddImportSdk(b => b.UseEntity(Some.AccountsEntity));

        var ex = Assert.Throws<ImportException>(() => new MiniServiceProvider(services).GetService(typeof(IImportPipeline)));

        Assert.Contains("UseSink", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddImportSdk_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddImportSdk(_ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddImportSdk((Action<ImportPipelineBuilder>)null!));
    }
}
