using Import.Sdk.Commerce.ReferenceData;

namespace Import.Sdk.Commerce.TaxRegimes;

/// <summary>The <c>tax-regimes</c> reference data: code (key), label, rate. Host-seeded or imported like any entity.</summary>
internal static class TaxRegimesEntity
{
    /// <summary>The longest tax regime code.</summary>
    public const int CodeMaxLength = 10;

    public static ImportEntity Instance { get; } = new(CodeLabelRate.Schema(
        CommerceEntities.TaxRegimesName,
        ("régimes fiscaux", "tax regimes"),
        ("Code du régime fiscal", "Tax regime code", CodeMaxLength, ["Code régime", "Régime fiscal", "Régime", "Régime de TVA", "Tax regime", "Regime code"])));
}
