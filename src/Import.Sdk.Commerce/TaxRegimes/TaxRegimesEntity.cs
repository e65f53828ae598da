namespace Import.Sdk.Commerce.TaxRegimes;

/// <summary>The <c>tax-regimes</c> reference data: code (key), label, rate. Host-seeded or imported like any entity.</summary>
internal static class TaxRegimesEntity
{
    /// <summary>The longest tax regime code.</summary>
    public const int CodeMaxLength = 10;

    public static ImportEntity Instance { get; } = new(EntitySchema.Create(CommerceEntities.TaxRegimesName)
        .Label("régimes fiscaux", "tax regimes")
        .Field("code", FieldType.Text, f => f
            .Label("Code du régime fiscal", "Tax regime code")
            .Required()
            .MaxLength(CodeMaxLength)
            .Synonyms("Code régime", "Régime fiscal", "Régime", "Régime de TVA", "Tax regime", "Regime code"))
        .Field("label", FieldType.Text, f => f
            .Label("Libellé", "Label")
            .MaxLength(100)
            .Synonyms("Intitulé", "Désignation", "Nom", "Description", "Name"))
        .Field("rate", FieldType.Decimal, f => f
            .Label("Taux", "Rate")
            .Min(0)
            .Synonyms("Taux de TVA", "Taux (%)", "VAT rate", "Tax rate", "Rate (%)"))
        .Key("code")
        .Build());
}
