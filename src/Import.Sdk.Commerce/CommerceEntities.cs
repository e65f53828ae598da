using Import.Sdk.Commerce.Articles;
using Import.Sdk.Commerce.Bom;
using Import.Sdk.Commerce.CustomerGroups;
using Import.Sdk.Commerce.Customers;
using Import.Sdk.Commerce.Invoices;
using Import.Sdk.Commerce.SalesDocuments;
using Import.Sdk.Commerce.Stock;
using Import.Sdk.Commerce.Suppliers;
using Import.Sdk.Commerce.TaxRegimes;
using Import.Sdk.Commerce.VatRates;
using Import.Sdk.Commerce.Warehouses;

namespace Import.Sdk.Commerce;

/// <summary>
/// The catalog of the business entities drawn from the seeds (customers, suppliers, invoices, articles, warehouses, stock, bills of
/// materials and their reference data), each an immutable
/// <see cref="ImportEntity"/> ready for <see cref="ImportPipelineBuilder.UseEntity(ImportEntity)"/>. Field names are a
/// public contract (profiles, reports, the CLI); hosts add their own fields with <see cref="ImportEntity.WithCustomFields"/>.
/// </summary>
public static class CommerceEntities
{
    /// <summary>The name of the customers entity.</summary>
    public const string CustomersName = "customers";

    /// <summary>The name of the tax regimes entity.</summary>
    public const string TaxRegimesName = "tax-regimes";

    /// <summary>The name of the customer groups entity.</summary>
    public const string CustomerGroupsName = "customer-groups";

    /// <summary>The name of the suppliers entity.</summary>
    public const string SuppliersName = "suppliers";

    /// <summary>The name of the VAT rates entity.</summary>
    public const string VatRatesName = "vat-rates";

    /// <summary>The name of the warehouses entity.</summary>
    public const string WarehousesName = "warehouses";

    /// <summary>The name of the invoices entity.</summary>
    public const string InvoicesName = "invoices";

    /// <summary>The name of the invoice lines entity (written by an invoices import).</summary>
    public const string InvoiceLinesName = "invoice-lines";

    /// <summary>The name of the sales documents entity (quotes, orders, delivery notes, invoices, credit notes: a header and its lines).</summary>
    public const string SalesDocumentsName = "sales-documents";

    /// <summary>The name of the sales document lines entity (imported with their documents).</summary>
    public const string SalesDocumentLinesName = "sales-document-lines";

    /// <summary>The name of the articles entity.</summary>
    public const string ArticlesName = "articles";

    /// <summary>The name of the stock entity (one record per article and warehouse).</summary>
    public const string StockName = "stock";

    /// <summary>The name of the bills of materials entity (the lines of the assemblies' compositions).</summary>
    public const string BomName = "bom";

    /// <summary>
    /// Gets the <c>articles</c> entity (seed 001): <c>code</c> (key, required, at most 50 characters), <c>designation</c> (required),
    /// <c>vat_rate</c> (→ <see cref="VatRates"/> by code; an unknown code is <c>unknown_reference</c> unless the profile's
    /// <c>autoCreate</c> names <c>vat_rate</c>), <c>sale_price</c>, <c>purchase_price</c> (decimals, at least 0), <c>unit</c>. Each new
    /// article gets a stock record (quantity 0) in every warehouse (<see cref="Stock"/>), the store's and the one the import creates:
    /// when the store has no warehouse, the first new article creates the main warehouse
    /// (<see cref="CommerceOptions.MainWarehouseCode"/>, <see cref="CommerceOptions.MainWarehouseName"/>) with an <c>auto_created</c>
    /// warning. The sink must read whole entities (<see cref="IImportSink.ReadAllAsync"/>): the warehouses are read once per import.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The entity, immutable.</returns>
    /// <exception cref="ArgumentException"><see cref="CommerceOptions.MainWarehouseCode"/> is empty or longer than a warehouse code (20 characters), or <see cref="CommerceOptions.MainWarehouseName"/> is empty.</exception>
    public static ImportEntity Articles(CommerceOptions? options = null) =>
        options is null || options == ArticlesEntity.DefaultOptions ? ArticlesEntity.Default : ArticlesEntity.Create(options);

    /// <summary>
    /// Gets the <c>stock</c> entity (seed 001): <c>article_code</c> and <c>warehouse_code</c> (key, required; each must exist:
    /// <c>unknown_reference</c>), <c>quantity</c>, <c>min_level</c>, <c>max_level</c> (decimals; the minimum above the maximum is
    /// <c>inconsistent_levels</c>). Update only (<see cref="EntitySchema.IsUpdateOnly"/>): the stock records are created by the
    /// articles import, a record not in the store is <c>not_found</c>, and an import in insert mode is refused (<c>invalid_profile</c>).
    /// </summary>
    public static ImportEntity Stock => StockEntity.Instance;

    /// <summary>
    /// Gets the <c>bom</c> entity (seed 001, bills of materials): <c>assembly_code</c> (required, → articles), <c>position</c> (the
    /// line's place in its assembly, key with the assembly; numbered in file order when empty), <c>component_code</c> (→ articles;
    /// empty: the line is a comment, kept in its place), <c>quantity</c> (not zero with a component: <c>zero_quantity</c>),
    /// <c>comment</c>. The lines of an assembly are a set (<see cref="EntitySchema.ChildSetParent"/>): an assembly present in a file has
    /// its stored composition replaced by the file's lines, so re-importing a file never duplicates a composition.
    /// </summary>
    public static ImportEntity Bom => BomEntity.Instance;

    /// <summary>
    /// Gets the <c>invoices</c> entity (seeds 000, 002): <c>number</c> (key, required), <c>account</c> (required, → customers by
    /// <c>code</c>, or by <c>accounting_code</c> when the profile's <see cref="ImportProfile.References"/> says so: the seed's
    /// "Compte clé"), <c>date</c> (required), <c>due_date</c> (empty: the date plus the customer's <c>payment_terms_days</c>),
    /// <c>amount_excl_tax</c> (HT), <c>amount_incl_tax</c> (TTC; <c>inconsistent_amounts</c> when below HT), <c>status</c>
    /// (<c>PENDING</c>, <c>CLOSED</c>; usually a default value). An invoice with both amounts gets one line without product in
    /// <see cref="InvoiceLines"/> carrying them.
    /// </summary>
    public static ImportEntity Invoices => InvoicesEntity.Instance;

    /// <summary>
    /// Gets the <c>invoice-lines</c> entity: <c>invoice</c> (the invoice's number), <c>line</c>, <c>description</c>,
    /// <c>amount_excl_tax</c>, <c>amount_incl_tax</c>; key (<c>invoice</c>, <c>line</c>); the lines of an invoice are a set
    /// (<see cref="EntitySchema.ChildSetParent"/>). An invoices import writes them.
    /// </summary>
    public static ImportEntity InvoiceLines => InvoicesEntity.Lines;

    /// <summary>
    /// Gets the <c>sales-documents</c> entity (seed 001, "pièces de ventes"), a header imported with its lines
    /// (<see cref="SalesDocumentLines"/>, <see cref="ImportRequest.Lines"/>), each document all or nothing. The header (the PIECES
    /// file): <c>ident</c> (key, required), <c>customer_code</c> (required, → customers by code: <c>unknown_reference</c>),
    /// <c>type</c> (required: <c>D</c> quote, <c>C</c> order, <c>B</c> delivery note, <c>F</c> invoice, <c>A</c> credit note, or their
    /// French and English names: <c>devis</c>, <c>commande</c>, <c>bon de livraison</c>, <c>BL</c>, <c>facture</c>, <c>avoir</c>…),
    /// <c>date</c>, <c>reference</c>, and the totals computed from the lines once the document is complete (an
    /// <see cref="IDocumentRule"/>): <c>total_excl_tax</c> (Σ quantity × unit price, each rounded to the cent), <c>total_vat</c>
    /// (per VAT rate, its base × rate / 100 rounded to the cent), <c>total_incl_tax</c>. A document whose header is rejected has
    /// its lines rejected (<c>unknown_parent</c>); a rejected line rejects its document (<c>incomplete_document</c>); a line whose
    /// document is not in the header file is <c>orphan_line</c>. The same documents may come as one XML file
    /// (see <c>SalesDocumentsXml</c>).
    /// </summary>
    public static ImportEntity SalesDocuments => SalesDocumentsEntity.Instance;

    /// <summary>
    /// Gets the <c>sales-document-lines</c> entity (the LIGNES file): <c>header_ident</c> (required: the document's <c>ident</c>),
    /// <c>line</c> (the line's place in its document, key with <c>header_ident</c>; numbered in file order when empty),
    /// <c>article_code</c> (→ articles by code: <c>unknown_reference</c>; empty: a free-text line), <c>description</c>,
    /// <c>quantity</c> (with an article, not empty nor zero: <c>zero_quantity</c>; negative for a return), <c>unit_price</c>,
    /// <c>vat_rate</c> (a percentage, 0 to 100). The lines of a document are a set (<see cref="EntitySchema.ChildSetParent"/>): a
    /// document imported again has its stored lines replaced by the file's. Imported through <see cref="SalesDocuments"/> only.
    /// </summary>
    public static ImportEntity SalesDocumentLines => SalesDocumentsEntity.Lines;

    /// <summary>
    /// Gets the <c>tax-regimes</c> reference data: <c>code</c> (key, required, at most 10 characters), <c>label</c>
    /// (at most 100 characters), <c>rate</c> (decimal, at least 0). Customers reference it by code.
    /// </summary>
    public static ImportEntity TaxRegimes => TaxRegimesEntity.Instance;

    /// <summary>
    /// Gets the <c>customer-groups</c> entity: <c>code</c> (key, required, at most 100 characters), <c>label</c>.
    /// A customers import creates the groups it names (seed 003).
    /// </summary>
    public static ImportEntity CustomerGroups => CustomerGroupsEntity.Instance;

    /// <summary>
    /// Gets the <c>vat-rates</c> reference data: <c>code</c> (key, required, at most 10 characters), <c>label</c> (at most
    /// 100 characters), <c>rate</c> (decimal, at least 0). Articles reference it by code.
    /// </summary>
    public static ImportEntity VatRates => VatRatesEntity.Instance;

    /// <summary>
    /// Gets the <c>warehouses</c> entity: <c>code</c> (key, required, at most 20 characters), <c>name</c> (required, at most
    /// 100 characters).
    /// </summary>
    public static ImportEntity Warehouses => WarehousesEntity.Instance;

    /// <summary>
    /// Gets the <c>customers</c> entity: <c>code</c> (key; without a mapped code, <c>name</c> identifies the customer),
    /// <c>name</c> (required), <c>accounting_code</c>, <c>siren</c>, <c>siret</c>, <c>vat_number</c>, <c>address</c>,
    /// <c>postal_code</c>, <c>city</c>, <c>region</c>, <c>country</c>, <c>account_manager_email</c>, <c>dunning_plan</c>,
    /// <c>payment_terms_days</c>, <c>payment_method</c>, <c>tax_regime</c> (→ <see cref="TaxRegimes"/>, default
    /// <see cref="CommerceOptions.DefaultTaxRegime"/>), <c>bank_code</c>, <c>branch_code</c>, <c>account_number</c>,
    /// <c>rib_key</c>, <c>iban</c>, <c>bic</c>, <c>groups</c> (→ <see cref="CustomerGroups"/>, created when unknown),
    /// <c>parent_code</c> / <c>parent_name</c> (the group customer, in the store or anywhere in the file),
    /// <c>credit_limit</c>, <c>insurer_guarantee</c>, <c>other_guarantees</c> (protected: set on insert, never updated).
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The entity, immutable.</returns>
    /// <exception cref="ArgumentException"><see cref="CommerceOptions.DefaultTaxRegime"/> is longer than a tax regime code (10 characters).</exception>
    public static ImportEntity Customers(CommerceOptions? options = null) =>
        options is null || options == CustomersEntity.DefaultOptions ? CustomersEntity.Default : CustomersEntity.Create(options);

    /// <summary>
    /// Gets the <c>suppliers</c> entity (seed 001): <c>code</c> (key, required, at most 50 characters), <c>name</c> (required),
    /// <c>accounting_code</c>, <c>siren</c>, <c>vat_number</c>, <c>address</c>, <c>postal_code</c>, <c>city</c>, <c>region</c>,
    /// <c>country</c>, <c>tax_regime</c> (→ <see cref="TaxRegimes"/>, default <see cref="CommerceOptions.DefaultTaxRegime"/>;
    /// an unknown code is <c>unknown_reference</c> unless the profile's <c>autoCreate</c> names <c>tax_regime</c>),
    /// <c>bank_code</c>, <c>branch_code</c>, <c>account_number</c>, <c>rib_key</c> (an inconsistent RIB is <c>invalid_rib</c>),
    /// <c>iban</c>, <c>bic</c>. These fields have the same names, checks and headers as the customers' ones.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The entity, immutable.</returns>
    /// <exception cref="ArgumentException"><see cref="CommerceOptions.DefaultTaxRegime"/> is longer than a tax regime code (10 characters).</exception>
    public static ImportEntity Suppliers(CommerceOptions? options = null) =>
        options is null || options == CustomersEntity.DefaultOptions ? SuppliersEntity.Default : SuppliersEntity.Create(options);

    /// <summary>
    /// Gets every entity of the catalog: customers, tax regimes, customer groups, suppliers, VAT rates, warehouses, invoices,
    /// articles, stock, bills of materials, sales documents (their lines, imported with them, are not listed).
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The entities, in that order.</returns>
    /// <exception cref="ArgumentException"><see cref="CommerceOptions.DefaultTaxRegime"/> is longer than a tax regime code (10 characters), or the main warehouse is not valid (see <see cref="Articles"/>).</exception>
    public static IReadOnlyList<ImportEntity> All(CommerceOptions? options = null) =>
        [Customers(options), TaxRegimes, CustomerGroups, Suppliers(options), VatRates, Warehouses, Invoices, Articles(options), Stock, Bom, SalesDocuments];

    /// <summary>
    /// Finds an entity by name, ignoring case and surrounding spaces (<c>customers</c>, <c>tax-regimes</c>,
    /// <c>customer-groups</c>, <c>suppliers</c>, <c>vat-rates</c>, <c>warehouses</c>, <c>invoices</c>, <c>articles</c>, <c>stock</c>,
    /// <c>bom</c>, <c>sales-documents</c>).
    /// </summary>
    /// <param name="name">The entity name.</param>
    /// <param name="options">The options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The entity, or <see langword="null"/> when the catalog has none of that name.</returns>
    /// <exception cref="ArgumentException"><see cref="CommerceOptions.DefaultTaxRegime"/> is longer than a tax regime code (10 characters), or the main warehouse is not valid (see <see cref="Articles"/>).</exception>
    public static ImportEntity? Find(string name, CommerceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            CustomersName => Customers(options),
            TaxRegimesName => TaxRegimes,
            CustomerGroupsName => CustomerGroups,
            SuppliersName => Suppliers(options),
            VatRatesName => VatRates,
            WarehousesName => Warehouses,
            InvoicesName => Invoices,
            ArticlesName => Articles(options),
            StockName => Stock,
            BomName => Bom,
            SalesDocumentsName => SalesDocuments,
            _ => null,
        };
    }
}
