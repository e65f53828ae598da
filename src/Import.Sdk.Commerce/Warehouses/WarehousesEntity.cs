namespace Import.Sdk.Commerce.Warehouses;

/// <summary>
/// The <c>warehouses</c> entity (seed 001, "dépôts"): code (key, required), name (required). Stock records are kept per
/// warehouse and article.
/// </summary>
internal static class WarehousesEntity
{
    /// <summary>The longest warehouse code.</summary>
    public const int CodeMaxLength = 20;

    public static ImportEntity Instance { get; } = new(EntitySchema.Create(CommerceEntities.WarehousesName)
        .Label("dépôts", "warehouses")
        .Field("code", FieldType.Text, f => f
            .Label("Code dépôt", "Warehouse code")
            .Required()
            .MaxLength(CodeMaxLength)
            .Synonyms("Code du dépôt", "Dépôt", "Code entrepôt", "Entrepôt", "Code magasin", "DEPOT_CODE", "Depot code", "Warehouse", "Warehouse ID"))
        .Field("name", FieldType.Text, f => f
            .Label("Nom du dépôt", "Warehouse name")
            .Required()
            .MaxLength(100)
            .Synonyms("Nom", "Libellé", "Intitulé", "Désignation", "DESIG", "Nom de l'entrepôt", "Libellé du dépôt", "Name", "Label", "Description"))
        .Key("code")
        .Build());
}
