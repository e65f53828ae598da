using Import.Sdk.Commerce.CustomerGroups;
using Import.Sdk.Commerce.Parties;

namespace Import.Sdk.Commerce.Customers;

/// <summary>
/// The <c>customers</c> entity (seeds 001, 002, 003): identity, legal identifiers, address, dunning and payment terms,
/// tax regime, bank details (RIB, IBAN, BIC), groups, group customer (parent) and the protected credit fields.
/// </summary>
internal static class CustomersEntity
{
    /// <summary>The default options.</summary>
    public static CommerceOptions DefaultOptions { get; } = new();

    /// <summary>The customers entity with the default options.</summary>
    public static ImportEntity Default { get; } = Create(DefaultOptions);

    /// <summary>The payment methods, by canonical value, with the ways users write them (a new array on each call: no shared mutable state).</summary>
    internal static (string Value, string[] Aliases)[] PaymentMethods() =>
    [
        ("VIREMENT", ["virement", "virement bancaire", "virement SEPA", "vir", "VIR SEPA", "transfer", "bank transfer", "wire", "wire transfer", "credit transfer", "SEPA transfer", "SEPA credit transfer"]),
        ("CHEQUE", ["chèque", "chèques", "chq", "chèque bancaire", "check", "checks", "bank cheque"]),
        ("PRELEVEMENT", ["prélèvement", "prélèvement SEPA", "prélèvement automatique", "prélèvement bancaire", "prlv", "prél", "direct debit", "SEPA direct debit", "SDD"]),
        ("CB", ["carte", "carte bancaire", "carte bleue", "carte de crédit", "paiement par carte", "card", "bank card", "credit card", "debit card", "card payment"]),
        ("ESPECES", ["espèces", "espèce", "liquide", "numéraire", "cash"]),
        ("LCR", ["lettre de change", "lettre de change relevé", "traite", "effet", "effet de commerce", "bill of exchange"]),
    ];

    /// <summary>Builds the customers entity for some options (the default tax regime).</summary>
    public static ImportEntity Create(CommerceOptions options)
    {
        var defaultRegime = PartyFields.DefaultRegime(options);
        var paymentMethods = PaymentMethods();
        var schema = EntitySchema.Create(CommerceEntities.CustomersName)
            .Label("clients", "customers")
            .Field("code", FieldType.Text, f => f
                .Label("Code client", "Customer code")
                .MaxLength(50)
                .Synonyms("Identifiant client", "CODE", "CLIENT_CODE", "Code tiers", "Référence client", "Réf client", "N° client", "Numéro client", "Numéro de client", "Customer ID", "Customer number", "Customer reference", "Client ID", "Client code"))
            .CompanyName("Nom du client", "Nom client", "Customer name")
            .AccountingCode("Compte client", "Code comptable du client", "Compte collectif client")
            .Siren()
            .Siret()
            .VatNumber()
            .Address()
            .Field("account_manager_email", FieldType.Email, f => f
                .Label("Email du responsable de compte", "Account manager email")
                .Synonyms("E-mail du responsable de compte", "E-mail responsable", "Email responsable", "Mail responsable", "Email du commercial", "E-mail commercial", "Email commercial", "Responsable de compte (e-mail)", "Account manager e-mail", "Account owner email", "Sales rep email"))
            .Field("dunning_plan", FieldType.Text, f => f
                .Label("Plan de relance", "Dunning plan")
                .Synonyms("Nom du plan de relance", "Scénario de relance", "Scénario de recouvrement", "Plan de recouvrement", "Dunning plan name", "Collection plan", "Reminder plan"))
            .Field("payment_terms_days", FieldType.Integer, f => f
                .Label("Délai de paiement (jours)", "Payment terms (days)")
                .Min(0)
                .Synonyms("Délai de paiement", "Délai de paiement par défaut", "Délai de règlement", "Conditions de paiement", "Conditions de règlement", "Échéance (jours)", "Délai (jours)", "Payment terms", "Payment terms days", "Default payment terms", "Net days"))
            .Field("payment_method", FieldType.Enum, f =>
            {
                f.Label("Mode de règlement", "Payment method")
                    .Values(paymentMethods.Select(m => m.Value).ToArray())
                    .Synonyms("Moyen de paiement", "Mode de paiement", "Moyen de règlement", "Type de règlement", "Règlement", "Payment mode", "Payment type", "Payment means");
                foreach (var (value, aliases) in paymentMethods)
                {
                    f.Aliases(value, aliases);
                }
            })
            .TaxRegimeField(defaultRegime)
            .BankDetails()
            .Field("groups", FieldType.TextList, f => f
                .Label("Groupes", "Groups")
                .MaxLength(100)
                .Separator(',')
                .References(new FieldReference(CustomerGroupsEntity.Instance.Schema, "code", creation: ReferenceCreation.Always))
                .Synonyms("Agence commerciale", "Agences commerciales", "Groupe de clients", "Groupes de clients", "Customer groups", "Sales agency"))
            .Field("parent_code", FieldType.Text, f => f
                .Label("Identifiant du groupe", "Group customer code")
                .MaxLength(50)
                .References(new FieldReference(null, "code", isParent: true))
                .Synonyms("Code du groupe", "Code groupe", "Code client du groupe", "Code société mère", "Code maison mère", "Parent code", "Parent customer code", "Parent ID", "Group ID"))
            .Field("parent_name", FieldType.Text, f => f
                .Label("Nom du groupe", "Group customer name")
                .MaxLength(100)
                .References(new FieldReference(null, "name", isParent: true))
                .Synonyms("Société mère", "Maison mère", "Nom de la société mère", "Nom de la maison mère", "Parent name", "Parent company", "Group name"))
            .Field("credit_limit", FieldType.Decimal, f => f
                .Label("Limite de crédit", "Credit limit")
                .Protected()
                .Synonyms("Plafond de crédit", "Encours autorisé", "Encours maximum", "Credit line"))
            .Field("insurer_guarantee", FieldType.Decimal, f => f
                .Label("Garantie assureur", "Insurer guarantee")
                .Protected()
                .Synonyms("Garantie assurance-crédit", "Couverture assureur", "Montant garanti", "Credit insurance", "Insurance cover", "Insured amount"))
            .Field("other_guarantees", FieldType.Decimal, f => f
                .Label("Autres garanties", "Other guarantees")
                .Protected()
                .Synonyms("Autre garantie", "Autres garanties (montant)", "Other guarantee", "Other securities"))
            .Key("code")
            .AlternateKey("name")
            .Build();

        return new ImportEntity(schema, [new RibRule(), new SelfParentRule()]);
    }
}
