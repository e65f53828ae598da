using Import.Sdk.Commerce.Parties;

namespace Import.Sdk.Commerce.Suppliers;

/// <summary>
/// The <c>suppliers</c> entity (seed 001): code (key, required), name (required), accounting account, legal identifiers,
/// address, tax regime (empty → the default regime; an unknown code rejects the supplier unless its creation is allowed) and
/// bank details (an inconsistent RIB rejects the supplier). The fields it shares with customers are the same (<see cref="PartyFields"/>).
/// </summary>
internal static class SuppliersEntity
{
    /// <summary>The longest supplier code.</summary>
    public const int CodeMaxLength = 50;

    /// <summary>The suppliers entity with the default options.</summary>
    public static ImportEntity Default { get; } = Create(new CommerceOptions());

    /// <summary>Builds the suppliers entity for some options (the default tax regime).</summary>
    public static ImportEntity Create(CommerceOptions options)
    {
        var defaultRegime = PartyFields.DefaultRegime(options);
        var schema = EntitySchema.Create(CommerceEntities.SuppliersName)
            .Label("fournisseurs", "suppliers")
            .Field("code", FieldType.Text, f => f
                .Label("Code fournisseur", "Supplier code")
                .Required()
                .MaxLength(CodeMaxLength)
                .Synonyms("Identifiant fournisseur", "CODE", "FOURNISSEUR_CODE", "FRS_CODE", "Code frs", "Code tiers", "Référence fournisseur", "Réf fournisseur", "N° fournisseur", "Numéro fournisseur", "Numéro de fournisseur", "Supplier ID", "Supplier number", "Supplier reference", "Vendor ID", "Vendor code"))
            .CompanyName("Nom du fournisseur", "Nom fournisseur", "Supplier name", "Vendor name")
            .AccountingCode("Compte fournisseur", "Code comptable du fournisseur", "Compte collectif fournisseur", "Supplier account")
            .Siren()
            .VatNumber()
            .Address()
            .TaxRegimeField(defaultRegime)
            .BankDetails()
            .Key("code")
            .Build();

        return new ImportEntity(schema, [new RibRule()]);
    }
}
