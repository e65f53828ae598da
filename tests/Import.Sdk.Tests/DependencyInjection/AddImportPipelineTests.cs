using Import.Sdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Import.Sdk.Tests.DependencyInjection;

/// <summary>
/// <c>services.AddImportPipeline(entity, …)</c>: one keyed singleton pipeline per entity in one container, looked up by key or
/// through <see cref="IImportPipelineProvider"/>; idempotent per entity; with or without logging.
/// </summary>
public class AddImportPipelineTests
{
    private static readonly ImportEntity Groups = new(Some.Groups);

    [Fact]
    public async Task AddImportPipeline_TwoEntities_AreEachAKeyedSingletonInOneContainer()
    {
        var accountsSink = new InMemorySink();
        var groupsSink = new InMemorySink();
        using var provider = new ServiceCollection()
            .AddImportPipeline("accounts", b => b.UseEntity(Some.AccountsEntity).UseSink(accountsSink))
            .AddImportPipeline("groups", b => b.UseEntity(Groups).UseSink(groupsSink))
            .BuildServiceProvider(validateScopes: true);

        var accounts = provider.GetRequiredKeyedService<IImportPipeline>("accounts");
        var groups = provider.GetRequiredKeyedService<IImportPipeline>("groups");
        var report = await accounts.ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(Some.Line("C1", "Dupont")))));

        Assert.Same(accounts, provider.GetRequiredKeyedService<IImportPipeline>("accounts"));
        Assert.Equal(("accounts", "groups"), (accounts.Entity.Name, groups.Entity.Name));
        Assert.Equal(1, report.Totals.Inserted);
        Assert.Single(accountsSink.GetRecords("accounts"));
        Assert.Null(provider.GetService<IImportPipeline>()); // no unkeyed pipeline: each is asked for by its entity
    }

    [Fact]
    public void Provider_ListsTheEntitiesInOrderAndGivesEachPipeline()
    {
        using var provider = new ServiceCollection()
            .AddImportPipeline("groups", b => b.UseEntity(Groups).UseSink(new InMemorySink()))
            .AddImportPipeline("accounts", b => b.UseEntity(Some.AccountsEntity).UseSink(new InMemorySink()))
            .BuildServiceProvider();

        var pipelines = provider.GetRequiredService<IImportPipelineProvider>();

        Assert.Equal(["groups", "accounts"], pipelines.Entities);
        Assert.Same(provider.GetRequiredKeyedService<IImportPipeline>("accounts"), pipelines.GetPipeline("accounts"));
        var ex = Assert.Throws<ImportException>(() => pipelines.GetPipeline("suppliers"));
        Assert.Equal("No import pipeline is registered for the entity 'suppliers'. Registered: 'groups', 'accounts'.", ex.Message);
    }

    [Fact]
    public async Task AddImportPipeline_SameEntityTwice_KeepsTheFirstRegistration()
    {
        var first = new InMemorySink();
        var second = new InMemorySink();
        var services = new ServiceCollection()
            .AddImportPipeline("accounts", b => b.UseEntity(Some.AccountsEntity).UseSink(first))
            .AddImportPipeline("accounts", b => b.UseEntity(Some.AccountsEntity).UseSink(second));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IImportPipeline>("accounts").ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(Some.Line("C1", "Dupont")))));

        Assert.Single(services, d => d.ServiceType == typeof(IImportPipeline));
        Assert.Equal(["accounts"], provider.GetRequiredService<IImportPipelineProvider>().Entities);
        Assert.Single(first.GetRecords("accounts"));
        Assert.Empty(second.GetRecords("accounts"));
    }

    [Fact]
    public void AddImportPipeline_KeyNotTheEntitysName_FailsWhenResolvedNamingBoth()
    {
        using var provider = new ServiceCollection()
            .AddImportPipeline("customers", b => b.UseEntity(Some.AccountsEntity).UseSink(new InMemorySink()))
            .BuildServiceProvider();

        var ex = Assert.Throws<ImportException>(() => provider.GetRequiredKeyedService<IImportPipeline>("customers"));

        Assert.Equal("The pipeline registered for the entity 'customers' imports 'accounts': register it under 'accounts', or give it the entity 'customers'.", ex.Message);
    }

    [Fact]
    public async Task AddImportPipeline_WithLoggerFactory_LogsThroughItWithoutCellValues()
    {
        var loggers = new RecordingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(loggers);
        services.AddImportPipeline("accounts", b => b.UseEntity(Some.AccountsEntity).UseSink(new InMemorySink()));
        using var provider = services.BuildServiceProvider();

        var pipeline = provider.GetRequiredKeyedService<IImportPipeline>("accounts");
        await pipeline.SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(Some.Line("C1", "Secret Dupont", email: "secret@x.fr")))));

        Assert.Equal(2, loggers.Entries.Count);
        Assert.All(loggers.Entries, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Contains("accounts", loggers.Entries[0].Message, StringComparison.Ordinal);
        Assert.Contains("1 rows, 1 inserted", loggers.Entries[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(loggers.Entries, e => e.Message.Contains("Secret", StringComparison.Ordinal) || e.Message.Contains("secret@", StringComparison.Ordinal));
    }

    [Fact]
    public void AddImportPipeline_ConfigureReceivesTheProvider()
    {
        var sink = new InMemorySink();
        var services = new ServiceCollection();
        services.AddSingleton<IImportSink>(sink);
        services.AddImportPipeline("accounts", (provider, b) => b.UseEntity(Some.AccountsEntity).UseSink(provider.GetRequiredService<IImportSink>()));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("accounts", provider.GetRequiredKeyedService<IImportPipeline>("accounts").Entity.Name);
    }

    [Fact]
    public void AddImportPipeline_IncompleteConfiguration_FailsWhenResolvedWithTheBuilderMessage()
    {
        using var provider = new ServiceCollection().AddImportPipeline("accounts", b => b.UseEntity(Some.AccountsEntity)).BuildServiceProvider();

        var ex = Assert.Throws<ImportException>(() => provider.GetRequiredService<IImportPipelineProvider>().GetPipeline("accounts"));

        Assert.Contains("UseSink", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddImportPipeline_NullOrBlankArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddImportPipeline("accounts", _ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddImportPipeline("accounts", (Action<ImportPipelineBuilder>)null!));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddImportPipeline(" ", _ => { }));
    }
}
