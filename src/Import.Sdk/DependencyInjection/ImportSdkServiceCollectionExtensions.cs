using Import.Sdk;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an import pipeline with Microsoft dependency injection.</summary>
public static class ImportSdkServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="IImportPipeline"/> singleton built by <paramref name="configure"/> (entity, sink, options). Uses the container's
    /// <see cref="ILoggerFactory"/> when there is one. Idempotent: a pipeline already registered is kept (<c>TryAdd</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the builder; it may resolve services from the provider.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddImportSdk(this IServiceCollection services, Action<IServiceProvider, ImportPipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton<IImportPipeline>(provider =>
        {
            var builder = new ImportPipelineBuilder()
                .UseLoggerFactory(provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
            configure(provider, builder);
            return builder.Build();
        });
        return services;
    }

    /// <summary>Registers an <see cref="IImportPipeline"/> singleton built by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the builder.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddImportSdk(this IServiceCollection services, Action<ImportPipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddImportSdk((_, builder) => configure(builder));
    }
}
