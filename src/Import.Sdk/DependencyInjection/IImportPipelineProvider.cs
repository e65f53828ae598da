namespace Import.Sdk;

/// <summary>
/// The import pipelines registered in a container (<c>services.AddImportPipeline("customers", …)</c>), by entity name: for a
/// host whose import screen lets its user choose the entity.
/// </summary>
public interface IImportPipelineProvider
{
    /// <summary>Gets the names of the entities that have a pipeline, in the order they were registered.</summary>
    IReadOnlyList<string> Entities { get; }

    /// <summary>Gets the pipeline of an entity.</summary>
    /// <param name="entity">The entity's name.</param>
    /// <returns>The pipeline (a singleton, built when first asked for).</returns>
    /// <exception cref="ImportException">No pipeline is registered for <paramref name="entity"/> (the message names those that are), or its configuration is incomplete.</exception>
    IImportPipeline GetPipeline(string entity);
}
