using Import.Sdk.Commerce.Stock;
using Import.Sdk.Commerce.VatRates;
using Import.Sdk.Commerce.Warehouses;

namespace Import.Sdk.Commerce.Articles;

/// <summary>
/// The <c>articles</c> entity (seed 001): code (key), designation, VAT rate (→ <c>vat-rates</c>; an unknown code is
/// <c>unknown_reference</c> unless the profile's <c>autoCreate</c> names <c>vat_rate</c>), sale and purchase prices, unit. Each new
/// article gets a stock record in every warehouse (<see cref="ArticleStockPlanning"/>).
/// </summary>
internal static class ArticlesEntity
{
    /// <summary>The longest article code.</summary>
    public const int CodeMaxLength = 50;

    /// <summary>The default options.</summary>
    public static CommerceOptions DefaultOptions { get; } = new();

    /// <summary>The articles entity with the default options.</summary>
    public static ImportEntity Default { get; } = Create(DefaultOptions);

    /// <summary>The schema, the same whatever the options (they only name the main warehouse).</summary>
    public static EntitySchema Schema { get; } = EntitySchema.Create(CommerceEntities.ArticlesName)
        .Label("articles", "articles")
        .Field("code", FieldType.Text, f => f
            .Label("Code article", "Article code")
            .Required()
            .MaxLength(CodeMaxLength)
            .Synonyms("Article", "Référence", "Référence article", "Réf", "Réf article", "Code produit", "Référence produit", "CODE", "ART_CODE", "Code", "Item code", "Item", "Product code", "SKU", "Reference"))
        .Field("designation", FieldType.Text, f => f
            .Label("Désignation", "Designation")
            .Required()
            .MaxLength(200)
            .Synonyms("DESIG", "Libellé", "Libellé article", "Intitulé", "Nom", "Nom de l'article", "Description", "Label", "Name", "Product name", "Item name"))
        .Field("vat_rate", FieldType.Text, f => f
            .Label("Code TVA", "VAT rate")
            .MaxLength(VatRatesEntity.CodeMaxLength)
            .References(new FieldReference(VatRatesEntity.Instance.Schema, "code", creation: ReferenceCreation.WhenAllowed))
            .Synonyms("Taux de TVA", "TVA", "Type de TVA", "Type TVA", "Code taux TVA", "Taux TVA", "VAT", "VAT code", "VAT type", "Tax code"))
        .Field("sale_price", FieldType.Decimal, f => f
            .Label("Prix de vente HT", "Sale price")
            .Min(0)
            .Synonyms("Prix de vente", "PV HT", "PV", "Prix HT", "Prix unitaire HT", "Tarif", "Prix", "Sale price excl. tax", "Selling price", "Price", "Unit price"))
        .Field("purchase_price", FieldType.Decimal, f => f
            .Label("Prix d'achat HT", "Purchase price")
            .Min(0)
            .Synonyms("Prix d'achat", "PA HT", "PA", "Coût d'achat", "Prix de revient", "Purchase price excl. tax", "Cost price", "Cost"))
        .Field("unit", FieldType.Text, f => f
            .Label("Unité", "Unit")
            .MaxLength(20)
            .Synonyms("Unité de vente", "Unité de mesure", "U", "UV", "Unit of measure", "UoM", "UOM"))
        .Key("code")
        .Build();

    /// <summary>Builds the articles entity for some options (the main warehouse).</summary>
    public static ImportEntity Create(CommerceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MainWarehouseCode, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MainWarehouseName, nameof(options));
        if (options.MainWarehouseCode.Trim().Length > WarehousesEntity.CodeMaxLength)
        {
            throw new ArgumentException($"The main warehouse code '{options.MainWarehouseCode}' is longer than a warehouse code ({WarehousesEntity.CodeMaxLength} characters).", nameof(options));
        }

        return new ImportEntity(Schema).WithPlanningRules(new ArticleStockPlanning(WarehousesEntity.Instance.Schema, StockEntity.Instance.Schema, options.MainWarehouseCode.Trim(), options.MainWarehouseName.Trim()));
    }
}
