namespace Import.Sdk.Commerce.VatRates;

/// <summary>
/// The <c>vat-rates</c> reference data: code (key), label, rate (a percentage, at least 0). Articles name their VAT rate by
/// code (seed 001: "type de TVA"). Host-seeded or imported like any entity.
/// </summary>
internal static class VatRatesEntity
{
    /// <summary>The longest VAT rate code.</summary>
    public const int CodeMaxLength = 10;

    public static ImportEntity Instance { get; } = new(EntitySchema.Create(CommerceEntities.VatRatesName)
        .Label("taux de TVA", "VAT rates")
        .Field("code", FieldType.Text, f => f
            .Label("Code TVA", "VAT code")
            .Required()
            .MaxLength(CodeMaxLength)
            .Synonyms("Code du taux de TVA", "Code taux", "Code taux TVA", "Type de TVA", "Type TVA", "Code taxe", "VAT rate code", "Tax code", "VAT type"))
        .Field("label", FieldType.Text, f => f
            .Label("Libellé", "Label")
            .MaxLength(100)
            .Synonyms("Intitulé", "Désignation", "Nom", "Description", "Name"))
        .Field("rate", FieldType.Decimal, f => f
            .Label("Taux", "Rate")
            .Min(0)
            .Synonyms("Taux de TVA", "Taux (%)", "Pourcentage", "VAT rate", "Tax rate", "Rate (%)", "Percentage"))
        .Key("code")
        .Build());
}
