using Import.Sdk.Commerce.VatRates;

namespace Import.Sdk.Commerce.Articles;

/// <summary>
/// The schema of the <c>articles</c> entity, apart from its planning (<see cref="ArticlesEntity"/>): stock records and bills of
/// materials name articles by it, without depending on the articles' stock planning.
/// </summary>
internal static class ArticlesSchema
{
    /// <summary>The longest article code.</summary>
    public const int CodeMaxLength = 50;

    /// <summary>The schema.</summary>
    public static EntitySchema Instance { get; } = EntitySchema.Create(CommerceEntities.ArticlesName)
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
}
