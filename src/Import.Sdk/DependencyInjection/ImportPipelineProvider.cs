using Microsoft.Extensions.DependencyInjection;

namespace Import.Sdk.DependencyInjection;

/// <summary>The names of the entities registered with <c>AddImportPipeline</c>, in order (a singleton instance in the container).</summary>
internal sealed class ImportPipelineNames
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public void Add(string entity)
    {
        if (!_names.Contains(entity, StringComparer.Ordinal))
        {
            _names.Add(entity);
        }
    }
}

/// <summary>Resolves the keyed pipelines registered with <c>AddImportPipeline</c> by entity name.</summary>
internal sealed class ImportPipelineProvider(IServiceProvider services, ImportPipelineNames names) : IImportPipelineProvider
{
    public IReadOnlyList<string> Entities => names.Names;

    public IImportPipeline GetPipeline(string entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!names.Names.Contains(entity, StringComparer.Ordinal))
        {
            throw new ImportException($"No import pipeline is registered for the entity '{entity}'. Registered: {(names.Names.Count == 0 ? "none" : string.Join(", ", names.Names.Select(n => $"'{n}'")))}.");
        }

        return services.GetRequiredKeyedService<IImportPipeline>(entity);
    }
}
