using Import.Sdk.Commerce.Articles;
using Import.Sdk.Commerce.Warehouses;

namespace Import.Sdk.Commerce.Stock;

/// <summary>
/// The <c>stock</c> entity (seed 001): one record per article and warehouse, created by the articles import; a stock import only
/// updates them ("se positionner dessus par une lecture et les modifier"): the schema is update-only
/// (<see cref="EntitySchemaBuilder.UpdateOnly"/>), so a record not in the store is <c>not_found</c>, and an import asked in insert
/// mode is refused. The article and the warehouse must exist (<c>unknown_reference</c>). Sets quantity, minimum and maximum levels
/// (<see cref="StockLevels"/>: the minimum cannot be above the maximum).
/// </summary>
internal static class StockEntity
{
    public static ImportEntity Instance { get; } = new(EntitySchema.Create(CommerceEntities.StockName)
        .Label("stocks", "stock")
        .Field("article_code", FieldType.Text, f => f
            .Label("Code article", "Article code")
            .Required()
            .MaxLength(ArticlesSchema.CodeMaxLength)
            .References(new FieldReference(ArticlesSchema.Instance, "code"))
            .Synonyms("Article", "Référence", "Référence article", "Réf article", "Code produit", "ART_CODE", "Item code", "Item", "Product code", "SKU"))
        .Field("warehouse_code", FieldType.Text, f => f
            .Label("Code dépôt", "Warehouse code")
            .Required()
            .MaxLength(WarehousesEntity.CodeMaxLength)
            .References(new FieldReference(WarehousesEntity.Instance.Schema, "code"))
            .Synonyms("Dépôt", "Code du dépôt", "Entrepôt", "Code entrepôt", "Magasin", "DEPOT_CODE", "Warehouse", "Warehouse ID"))
        .Field("quantity", FieldType.Decimal, f => f
            .Label("Quantité en stock", "Quantity")
            .Synonyms("Quantité", "Qté", "Qte", "Stock", "Stock réel", "Quantité réelle", "Qty", "Quantity on hand", "On hand"))
        .Field(StockLevels.Min, FieldType.Decimal, f => f
            .Label("Stock minimum", "Minimum level")
            .Min(0)
            .Synonyms("Stock mini", "Mini", "Minimum", "Seuil minimum", "Stock d'alerte", "Seuil d'alerte", "Min", "Min level", "Reorder level", "Minimum stock"))
        .Field(StockLevels.Max, FieldType.Decimal, f => f
            .Label("Stock maximum", "Maximum level")
            .Min(0)
            .Synonyms("Stock maxi", "Maxi", "Maximum", "Seuil maximum", "Max", "Max level", "Maximum stock"))
        .Key("article_code", "warehouse_code")
        .UpdateOnly()
        .Build(), [new StockLevels()]);
}
