using Import.Sdk.Commerce.Customers;

namespace Import.Sdk.Commerce.SalesDocuments;

/// <summary>
/// The <c>sales-documents</c> entity (seed 001, "pièces de ventes"): the header of a quote, order, delivery note, invoice or credit
/// note (the PIECES file: ident, customer, type, date, reference, and the totals computed from its lines) and its lines (the LIGNES
/// file: the header's ident, line number, article, description, quantity, unit price, VAT rate). A document is imported all or
/// nothing (<see cref="ImportEntity.WithLines"/>); its lines are a set (<see cref="EntitySchemaBuilder.ChildSetOf"/>): a document
/// present in a file has its stored lines replaced by the file's.
/// </summary>
internal static class SalesDocumentsEntity
{
    /// <summary>The longest document ident.</summary>
    public const int IdentMaxLength = 50;

    /// <summary>The header's key.</summary>
    public const string Ident = "ident";

    /// <summary>The lines' parent: the header's ident.</summary>
    public const string HeaderIdent = "header_ident";

    /// <summary>The header schema (PIECES).</summary>
    public static EntitySchema Schema { get; } = EntitySchema.Create(CommerceEntities.SalesDocumentsName)
        .Label("pièces de ventes", "sales documents")
        .Field(Ident, FieldType.Text, f => f
            .Label("Identifiant de la pièce", "Document ident")
            .Required()
            .MaxLength(IdentMaxLength)
            .Synonyms("IDENT", "Identifiant", "Identifiant pièce", "Identifiant entête", "N° pièce", "N° de pièce", "Numéro de pièce", "Numéro", "Pièce", "N° document", "Document", "Document ID", "Document number", "Ident"))
        .Field("customer_code", FieldType.Text, f => f
            .Label("Code client", "Customer code")
            .Required()
            .MaxLength(50)
            .References(new FieldReference(CustomersEntity.Default.Schema, "code"))
            .Synonyms("CLIENT_CODE", "Client", "Code du client", "Compte client", "Code tiers", "Tiers", "Customer", "Customer ID", "Customer code", "Account"))
        .Field(SalesDocumentTypes.Field, FieldType.Enum, f => SalesDocumentTypes.Configure(f
            .Label("Type de pièce", "Document type")
            .Required()
            .Synonyms("TYPE", "Type de document", "Nature", "Nature de la pièce", "Type pièce", "Document type", "Kind")))
        .Field("date", FieldType.Date, f => f
            .Label("Date de la pièce", "Document date")
            .Synonyms("DATE", "Date pièce", "Date du document", "Date d'émission", "Document date", "Issue date"))
        .Field("reference", FieldType.Text, f => f
            .Label("Référence", "Reference")
            .MaxLength(100)
            .Synonyms("REFERENCE", "Réf", "Référence client", "Votre référence", "Réf client", "Customer reference", "Ref"))
        .Field(SalesDocumentTotals.ExclTax, FieldType.Decimal, f => f
            .Label("Total HT (calculé)", "Total excl. tax (computed)")
            .Synonyms("Total HT", "Montant HT", "TOTAL_HT", "Total excl. tax", "Net amount"))
        .Field(SalesDocumentTotals.Vat, FieldType.Decimal, f => f
            .Label("Total TVA (calculé)", "Total VAT (computed)")
            .Synonyms("Total TVA", "Montant TVA", "TOTAL_TVA", "Total VAT", "VAT amount"))
        .Field(SalesDocumentTotals.InclTax, FieldType.Decimal, f => f
            .Label("Total TTC (calculé)", "Total incl. tax (computed)")
            .Synonyms("Total TTC", "Montant TTC", "TOTAL_TTC", "Total incl. tax", "Gross amount"))
        .Key(Ident)
        .Build();

    /// <summary>The lines schema (LIGNES).</summary>
    public static EntitySchema LinesSchema { get; } = EntitySchema.Create(CommerceEntities.SalesDocumentLinesName)
        .Label("lignes de pièces de ventes", "sales document lines")
        .Field(HeaderIdent, FieldType.Text, f => f
            .Label("Identifiant de la pièce", "Document ident")
            .Required()
            .MaxLength(IdentMaxLength)
            .References(new FieldReference(Schema, Ident, isParent: true))
            .Synonyms("ENTETE_IDENT", "Identifiant entête", "Entête", "En-tête", "Identifiant pièce", "Pièce", "N° pièce", "Numéro de pièce", "IDENT_ENTETE", "PIECE_IDENT", "Document", "Document ID", "Header", "Header ident"))
        .Field("line", FieldType.Integer, f => f
            .Label("Numéro de ligne", "Line number")
            .Min(1)
            .Synonyms("LIGNE", "N° ligne", "Ligne", "Numéro de ligne", "Rang", "Ordre", "Line", "Line number", "Position"))
        .Field(SalesLineRule.Article, FieldType.Text, f => f
            .Label("Code article", "Article code")
            .MaxLength(50) // an article code
            .References(new FieldReference(CommerceEntities.Articles().Schema, "code"))
            .Synonyms("ARTICLE_CODE", "CODE_ARTICLE", "Article", "Code produit", "Référence article", "Réf article", "Référence produit", "Item", "Item code", "Product code", "SKU"))
        .Field("description", FieldType.Text, f => f
            .Label("Désignation", "Description")
            .MaxLength(500)
            .Synonyms("DESIG", "DESIGNATION", "Libellé", "Libellé ligne", "Intitulé", "Description", "Label", "Text"))
        .Field(SalesLineRule.Quantity, FieldType.Decimal, f => f
            .Label("Quantité", "Quantity")
            .Synonyms("QTE", "Qté", "Qte", "Quantité vendue", "Qty", "Quantity"))
        .Field(SalesLineRule.UnitPrice, FieldType.Decimal, f => f
            .Label("Prix unitaire HT", "Unit price excl. tax")
            .Synonyms("PU", "PU HT", "PRIX", "Prix unitaire", "Prix", "Prix HT", "Tarif", "Unit price", "Price"))
        .Field(SalesLineRule.VatRate, FieldType.Decimal, f => f
            .Label("Taux de TVA (%)", "VAT rate (%)")
            .Min(0)
            .Synonyms("TVA", "TAUX_TVA", "Taux TVA", "Taux de TVA", "TVA %", "% TVA", "VAT", "VAT rate", "Tax rate"))
        .Key(HeaderIdent, "line")
        .ChildSetOf(HeaderIdent)
        .ChildSetPosition("line")
        .Build();

    /// <summary>The lines entity.</summary>
    public static ImportEntity Lines { get; } = new(LinesSchema, [new SalesLineRule()]);

    /// <summary>The sales documents entity: the header, its lines, its totals.</summary>
    public static ImportEntity Instance { get; } = new ImportEntity(Schema).WithLines(Lines).WithDocumentRules(new SalesDocumentTotals());
}
