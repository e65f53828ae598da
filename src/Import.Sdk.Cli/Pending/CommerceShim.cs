// TEMPORARY: stands in for Import.Sdk.Commerce.CommerceEntities until the Commerce package lands. Delete this file then.
using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Cli.Pending;

/// <summary>Temporary stand-in for the Commerce options.</summary>
internal sealed record CommerceOptions
{
    /// <summary>Gets the default tax regime.</summary>
    public string DefaultTaxRegime { get; init; } = "FR";
}

/// <summary>Temporary stand-in for the Commerce entities.</summary>
internal static class CommerceEntities
{
    private static readonly EntitySchema TaxRegimeSchema = EntitySchema.Create("tax-regimes")
        .Label("Régimes fiscaux", "Tax regimes")
        .Field("code", FieldType.Text, f => f.Label("Code", "Code").Required().MaxLength(20))
        .Field("label", FieldType.Text, f => f.Label("Libellé", "Label"))
        .Key("code")
        .Build();

    private static readonly EntitySchema GroupSchema = EntitySchema.Create("customer-groups")
        .Label("Groupes de clients", "Customer groups")
        .Field("code", FieldType.Text, f => f.Label("Code", "Code").Required())
        .Field("label", FieldType.Text, f => f.Label("Libellé", "Label"))
        .Key("code")
        .Build();

    public static ImportEntity TaxRegimes { get; } = new(TaxRegimeSchema);

    public static ImportEntity CustomerGroups { get; } = new(GroupSchema);

    public static ImportEntity Customers(CommerceOptions? options = null)
    {
        options ??= new CommerceOptions();
        var schema = EntitySchema.Create("customers")
            .Label("Clients", "Customers")
            .Field("code", FieldType.Text, f => f.Label("Code client", "Customer code").MaxLength(50).Synonyms("Identifiant client", "CODE", "CLIENT_CODE", "Customer ID"))
            .Field("name", FieldType.Text, f => f.Label("Raison sociale", "Company name").Required().MaxLength(100).Synonyms("Nom du client", "Nom", "DESIG", "Désignation"))
            .Field("accounting_code", FieldType.Text, f => f.Label("Code comptable", "Accounting code"))
            .Field("siren", FieldType.Text, f => f.Label("SIREN", "SIREN").Validate(new Check("invalid_siren", v => Siren.IsValid(v))))
            .Field("siret", FieldType.Text, f => f.Label("SIRET", "SIRET").Validate(new Check("invalid_siret", v => Siret.IsValid(v))))
            .Field("vat_number", FieldType.Text, f => f.Label("Numéro de TVA", "VAT number").Validate(new Check("invalid_vat", v => VatNumber.IsValid(v))))
            .Field("address", FieldType.Text, f => f.Label("Adresse", "Address"))
            .Field("postal_code", FieldType.Text, f => f.Label("Code postal", "Postal code"))
            .Field("city", FieldType.Text, f => f.Label("Ville", "City"))
            .Field("country", FieldType.Text, f => f.Label("Pays", "Country"))
            .Field("account_manager_email", FieldType.Email, f => f.Label("Email du responsable de compte", "Account manager email"))
            .Field("payment_terms_days", FieldType.Integer, f => f.Label("Délai de paiement", "Payment terms").Min(0))
            .Field("payment_method", FieldType.Enum, f => f.Label("Moyen de paiement", "Payment method").Values("VIREMENT", "CHEQUE", "PRELEVEMENT", "CB", "ESPECES", "LCR"))
            .Field("tax_regime", FieldType.Text, f => f.Label("Régime fiscal", "Tax regime").Default(options.DefaultTaxRegime).References(new FieldReference(TaxRegimeSchema, "code")))
            .Field("bank_code", FieldType.Text, f => f.Label("Code banque", "Bank code"))
            .Field("branch_code", FieldType.Text, f => f.Label("Code guichet", "Branch code"))
            .Field("account_number", FieldType.Text, f => f.Label("Numéro de compte", "Account number"))
            .Field("rib_key", FieldType.Text, f => f.Label("Clé RIB", "RIB key"))
            .Field("iban", FieldType.Text, f => f.Label("IBAN", "IBAN").Validate(new Check("invalid_iban", v => Iban.IsValid(v))))
            .Field("bic", FieldType.Text, f => f.Label("BIC", "BIC").Validate(new Check("invalid_bic", v => Bic.IsValid(v))))
            .Field("groups", FieldType.TextList, f => f.Label("Groupes", "Groups").References(new FieldReference(GroupSchema, "code", creation: ReferenceCreation.Always)))
            .Field("parent_code", FieldType.Text, f => f.Label("Identifiant du groupe", "Group ID").References(new FieldReference(null, "code", isParent: true)))
            .Field("credit_limit", FieldType.Decimal, f => f.Label("Limite de crédit", "Credit limit").Protected())
            .Field("customer_since", FieldType.Date, f => f.Label("Client depuis", "Customer since"))
            .Field("active", FieldType.Boolean, f => f.Label("Actif", "Active"))
            .Key("code")
            .AlternateKey("name")
            .Build();
        return new ImportEntity(schema);
    }

    public static IReadOnlyList<ImportEntity> All(CommerceOptions? options = null) => [Customers(options), TaxRegimes, CustomerGroups];

    public static ImportEntity? Find(string name, CommerceOptions? options = null) =>
        All(options).FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    private sealed class Check(string code, Func<string, bool> isValid) : IFieldValidator
    {
        public string Code => code;

        public bool IsValid(ReadOnlySpan<char> value) => isValid(value.ToString());

        public string GetMessage(string value, CultureInfo uiCulture) => string.Format(CultureInfo.InvariantCulture, "'{0}' is not valid ({1}).", value, code);
    }
}
