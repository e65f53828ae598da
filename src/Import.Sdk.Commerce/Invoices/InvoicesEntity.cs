using Import.Sdk.Commerce.Customers;

namespace Import.Sdk.Commerce.Invoices;

/// <summary>
/// The <c>invoices</c> entity (seeds 000, 002) and its lines: the invoice's number (key), its account (the customer, named by
/// code or, chosen in the profile, by accounting code: the seed's "Compte clé"), dates, amounts and status; the
/// <c>invoice-lines</c> child set, where an invoice with both amounts gets one line without product carrying them.
/// </summary>
internal static class InvoicesEntity
{
    /// <summary>The longest invoice number.</summary>
    public const int NumberMaxLength = 50;

    /// <summary>The invoice lines: invoice (its number), line number, description and amounts; the lines of an invoice are a set.</summary>
    public static ImportEntity Lines { get; } = new(EntitySchema.Create(CommerceEntities.InvoiceLinesName)
        .Label("lignes de facture", "invoice lines")
        .Field("invoice", FieldType.Text, f => f
            .Label("Numéro de facture", "Invoice number")
            .Required()
            .MaxLength(NumberMaxLength)
            .Synonyms("Facture", "N° facture", "Invoice"))
        .Field("line", FieldType.Integer, f => f
            .Label("Numéro de ligne", "Line number")
            .Required()
            .Min(1)
            .Synonyms("Ligne", "N° ligne", "Line"))
        .Field("description", FieldType.Text, f => f
            .Label("Désignation", "Description")
            .Synonyms("Libellé", "Label"))
        .Field("amount_excl_tax", FieldType.Decimal, f => f
            .Label("Montant HT", "Amount excl. tax")
            .Synonyms("HT", "Total HT"))
        .Field("amount_incl_tax", FieldType.Decimal, f => f
            .Label("Montant TTC", "Amount incl. tax")
            .Synonyms("TTC", "Total TTC"))
        .Key("invoice", "line")
        .ChildSetOf("invoice")
        .Build());

    /// <summary>The invoices entity.</summary>
    public static ImportEntity Instance { get; } = Create();

    private static ImportEntity Create()
    {
        var customers = CustomersEntity.Default.Schema;
        var schema = EntitySchema.Create(CommerceEntities.InvoicesName)
            .Label("factures", "invoices")
            .Field("number", FieldType.Text, f => f
                .Label("Numéro de facture", "Invoice number")
                .Required()
                .MaxLength(NumberMaxLength)
                .Synonyms("Numéro", "N° facture", "N° de facture", "No facture", "Numéro facture", "Facture", "Réf facture", "Référence facture", "Pièce", "N° pièce", "Invoice", "Invoice No", "Invoice ID", "Number"))
            .Field("account", FieldType.Text, f => f
                .Label("Compte", "Account")
                .Required()
                .MaxLength(100)
                .References(new FieldReference(customers, "code") { AlternateTargetFields = ["accounting_code"] })
                .Synonyms("Compte client", "Code client", "Client", "Compte clé", "Code comptable", "Compte comptable", "Code tiers", "Tiers", "Customer", "Customer code", "Customer account", "Accounting code"))
            .Field("date", FieldType.Date, f => f
                .Label("Date de facture", "Invoice date")
                .Required()
                .Synonyms("Date", "Date facture", "Date d'émission", "Date de facturation", "Date pièce", "Issue date", "Invoice date"))
            .Field("due_date", FieldType.Date, f => f
                .Label("Date d'échéance", "Due date")
                .Synonyms("Échéance", "Echéance", "Date échéance", "Date limite de paiement", "Date limite de règlement", "Payment due date", "Due"))
            .Field(InvoiceAmounts.ExclTax, FieldType.Decimal, f => f
                .Label("Montant HT", "Amount excl. tax")
                .Synonyms("HT", "Total HT", "Montant hors taxes", "Montant H.T.", "Net", "Net amount", "Amount excluding tax", "Amount excl. VAT"))
            .Field(InvoiceAmounts.InclTax, FieldType.Decimal, f => f
                .Label("Montant TTC", "Amount incl. tax")
                .Synonyms("TTC", "Total TTC", "Montant toutes taxes comprises", "Montant T.T.C.", "Total", "Gross amount", "Amount including tax", "Amount incl. VAT"))
            .Field("status", FieldType.Enum, f => f
                .Label("Statut", "Status")
                .Values("PENDING", "CLOSED")
                .Aliases("PENDING", "en cours", "ouverte", "non soldée", "non réglée", "non payée", "impayée", "à payer", "en attente", "open", "unpaid", "due", "outstanding")
                .Aliases("CLOSED", "soldée", "réglée", "payée", "fermée", "clôturée", "close", "paid", "settled")
                .Synonyms("État", "Etat", "Statut de la facture", "Invoice status", "State"))
            .Key("number")
            .Build();

        return new ImportEntity(schema, [new InvoiceAmounts()]).WithPlanningRules(new InvoicePlanning(customers, Lines.Schema));
    }
}
