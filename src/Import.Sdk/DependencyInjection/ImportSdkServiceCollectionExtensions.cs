using Import.Sdk;
using Import.Sdk.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers import pipelines with Microsoft dependency injection: one per entity, as a keyed singleton whose key is the
/// entity's name (as Polly's <c>AddResiliencePipeline&lt;TKey&gt;</c>), so that a host wires customers, tax regimes and the
/// others in one container and injects each with <c>[FromKeyedServices("customers")] IImportPipeline</c>, or looks them up by
/// name through <see cref="IImportPipelineProvider"/>.
/// </summary>
public static class ImportSdkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline of the entity <paramref name="entity"/>, built by <paramref name="configure"/> (entity, sink,
    /// options) when first resolved, as a keyed singleton <see cref="IImportPipeline"/> (key: <paramref name="entity"/>), and
    /// the <see cref="IImportPipelineProvider"/>. Uses the container's <see cref="ILoggerFactory"/> when there is one.
    /// Idempotent per entity: a pipeline already registered for it is kept.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="entity">The name of the entity the pipeline imports (<see cref="EntitySchema.Name"/>); the pipeline's key.</param>
    /// <param name="configure">Configures the builder; it may resolve services from the provider.</param>
    /// <returns>The services.</returns>
    /// <remarks>
    /// Resolving the pipeline throws <see cref="ImportException"/> when its configuration is incomplete (the builder's message)
    /// or when it imports another entity than <paramref name="entity"/>.
    /// </remarks>
    public static IServiceCollection AddImportPipeline(this IServiceCollection services, string entity, Action<IServiceProvider, ImportPipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        ArgumentNullException.ThrowIfNull(configure);
        var registered = services.FirstOrDefault(d => d.ServiceType == typeof(ImportPipelineNames) && !d.IsKeyedService)?.ImplementationInstance as ImportPipelineNames;
        if (registered is null)
        {
            registered = new ImportPipelineNames();
            services.AddSingleton(registered);
        }

        registered.Add(entity);
        services.TryAddSingleton<IImportPipelineProvider, ImportPipelineProvider>();
        services.TryAddKeyedSingleton<IImportPipeline>(entity, (provider, _) =>
        {
            var builder = new ImportPipelineBuilder()
                .UseLoggerFactory(provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
            configure(provider, builder);
            var pipeline = builder.Build();
            if (!string.Equals(pipeline.Entity.Name, entity, StringComparison.Ordinal))
            {
                throw new ImportException($"The pipeline registered for the entity '{entity}' imports '{pipeline.Entity.Name}': register it under '{pipeline.Entity.Name}', or give it the entity '{entity}'.");
            }

            return pipeline;
        });
        return services;
    }

    /// <summary>Registers the pipeline of the entity <paramref name="entity"/>, built by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="entity">The name of the entity the pipeline imports; the pipeline's key.</param>
    /// <param name="configure">Configures the builder.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddImportPipeline(this IServiceCollection services, string entity, Action<ImportPipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddImportPipeline(entity, (_, builder) => configure(builder));
    }
}
