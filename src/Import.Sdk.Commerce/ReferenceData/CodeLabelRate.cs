namespace Import.Sdk.Commerce.ReferenceData;

/// <summary>
/// The shape of the reference data that other records name by a code and that carries a rate (tax regimes, VAT rates):
/// <c>code</c> (key, required), <c>label</c> (at most 100 characters), <c>rate</c> (decimal, at least 0).
/// </summary>
internal static class CodeLabelRate
{
    /// <summary>Builds the schema of such an entity.</summary>
    /// <param name="name">The entity name.</param>
    /// <param name="labels">The entity's French and English labels.</param>
    /// <param name="code">The code's French and English labels, its longest length and its header synonyms.</param>
    /// <param name="rateSynonyms">The header synonyms of the rate, besides the common ones.</param>
    public static EntitySchema Schema(string name, (string French, string English) labels, (string French, string English, int MaxLength, string[] Synonyms) code, params string[] rateSynonyms) =>
        EntitySchema.Create(name)
            .Label(labels.French, labels.English)
            .Field("code", FieldType.Text, f => f
                .Label(code.French, code.English)
                .Required()
                .MaxLength(code.MaxLength)
                .Synonyms(code.Synonyms))
            .Field("label", FieldType.Text, f => f
                .Label("Libellé", "Label")
                .MaxLength(100)
                .Synonyms("Intitulé", "Désignation", "Nom", "Description", "Name"))
            .Field("rate", FieldType.Decimal, f => f
                .Label("Taux", "Rate")
                .Min(0)
                .Synonyms("Taux de TVA", "Taux (%)", "VAT rate", "Tax rate", "Rate (%)")
                .Synonyms(rateSynonyms))
            .Key("code")
            .Build();
}
