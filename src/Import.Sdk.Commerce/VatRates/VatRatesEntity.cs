using Import.Sdk.Commerce.ReferenceData;

namespace Import.Sdk.Commerce.VatRates;

/// <summary>
/// The <c>vat-rates</c> reference data: code (key), label, rate (a percentage, at least 0). Articles name their VAT rate by
/// code (seed 001: "type de TVA"). Host-seeded or imported like any entity.
/// </summary>
internal static class VatRatesEntity
{
    /// <summary>The longest VAT rate code.</summary>
    public const int CodeMaxLength = 10;

    public static ImportEntity Instance { get; } = new(CodeLabelRate.Schema(
        CommerceEntities.VatRatesName,
        ("taux de TVA", "VAT rates"),
        ("Code TVA", "VAT code", CodeMaxLength, ["Code du taux de TVA", "Code taux", "Code taux TVA", "Type de TVA", "Type TVA", "Code taxe", "VAT rate code", "Tax code", "VAT type"]),
        "Pourcentage",
        "Percentage"));
}
