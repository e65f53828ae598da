namespace Import.Sdk.Commerce.SalesDocuments;

/// <summary>
/// The types of sales documents (seed 001: "D : Devis, C : bon de Commande, B : Bon de livraison, F : Facture, A : Avoir"), with
/// their French and English names as aliases.
/// </summary>
internal static class SalesDocumentTypes
{
    /// <summary>The type field.</summary>
    public const string Field = "type";

    /// <summary>A quote.</summary>
    public const string Quote = "D";

    /// <summary>An order.</summary>
    public const string Order = "C";

    /// <summary>A delivery note.</summary>
    public const string DeliveryNote = "B";

    /// <summary>An invoice.</summary>
    public const string Invoice = "F";

    /// <summary>A credit note.</summary>
    public const string CreditNote = "A";

    /// <summary>Sets the values and their aliases on the type field.</summary>
    public static FieldBuilder Configure(FieldBuilder field) => field
        .Values(Quote, Order, DeliveryNote, Invoice, CreditNote)
        .Aliases(Quote, "devis", "proposition", "proposition commerciale", "offre", "quote", "quotation", "estimate")
        .Aliases(Order, "commande", "bon de commande", "BC", "commande client", "order", "sales order", "purchase order")
        .Aliases(DeliveryNote, "bon de livraison", "BL", "livraison", "delivery note", "delivery", "packing slip")
        .Aliases(Invoice, "facture", "invoice")
        .Aliases(CreditNote, "avoir", "facture d'avoir", "credit note", "credit memo", "credit");
}
