using Import.Sdk.Commerce;

namespace Import.Sdk.Cli;

/// <summary>The entities the CLI knows: those of Import.Sdk.Commerce.</summary>
internal static class EntityCatalog
{
    /// <summary>The entity imported from a header file plus a lines file (<c>--lines</c>).</summary>
    public const string SalesDocuments = "sales-documents";

    /// <summary>Gets every entity.</summary>
    public static IReadOnlyList<ImportEntity> All() => CommerceEntities.All();

    /// <summary>Finds an entity by name (case-insensitive), or <see langword="null"/>.</summary>
    public static ImportEntity? Find(string name) => CommerceEntities.Find(name.Trim());

    /// <summary>Finds an entity by name, or stops the command with the list of entities.</summary>
    public static ImportEntity Require(string name, CliContext context) =>
        Find(name) ?? throw new CliUsageException(context.T(
            "l'entité « {0} » n'existe pas. Entités disponibles : {1}.",
            "there is no entity '{0}'. Available entities: {1}.",
            name,
            Names()));

    /// <summary>The names of every entity, comma-separated.</summary>
    public static string Names() => string.Join(", ", All().Select(e => e.Name));

    /// <summary>Whether the entity is imported from a header file plus a lines file.</summary>
    public static bool HasLines(ImportEntity entity) => string.Equals(entity.Name, SalesDocuments, StringComparison.Ordinal);
}
