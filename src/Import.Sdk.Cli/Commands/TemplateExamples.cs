using System.Collections.Frozen;
using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Cli.Commands;

/// <summary>
/// The example value of each field in a template: realistic, and valid, so that a template filled in as it is imports cleanly.
/// Known field names (identifiers, bank details, address) have a fixed valid example, some of them one per entity (a
/// supplier's code, a VAT rate); other fields get one by type.
/// </summary>
internal static class TemplateExamples
{
    private const string Siren = "732829320";
    private const string BankCode = "30006";
    private const string BranchCode = "00001";
    private const string AccountNumber = "12345678901";

    private static readonly FrozenDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["code"] = "CLI0001",
        ["name"] = "Exemple SARL",
        ["accounting_code"] = "411EXEMPLE",
        ["siren"] = Siren,
        ["siret"] = "73282932000074",
        ["vat_number"] = string.Create(CultureInfo.InvariantCulture, $"FR{VatNumber.ComputeFrenchKey(Siren):D2}{Siren}"),
        ["address"] = "1 rue de l'Exemple",
        ["postal_code"] = "75001",
        ["city"] = "Paris",
        ["region"] = "Île-de-France",
        ["country"] = "FR",
        ["dunning_plan"] = "Standard",
        ["tax_regime"] = "FR",
        ["bank_code"] = BankCode,
        ["branch_code"] = BranchCode,
        ["account_number"] = AccountNumber,
        ["rib_key"] = Rib.ComputeKey(BankCode, BranchCode, AccountNumber).ToString("D2", CultureInfo.InvariantCulture),
        ["iban"] = "FR7630006000011234567890189",
        ["bic"] = "BNPAFRPPXXX",
        ["parent_code"] = string.Empty,
        ["parent_name"] = string.Empty,
        ["first_name"] = "Marie",
        ["last_name"] = "Durand",
        ["phone"] = "01 23 45 67 89",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Examples that depend on the entity, by "entity.field": where the field's general example would read oddly (or, like a
    // VAT rate of 1 234,56, be plausible only as a check).
    private static readonly FrozenDictionary<string, string> ByEntity = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["suppliers.code"] = "FRN0001",
        ["suppliers.name"] = "Exemple Fournitures SARL",
        ["suppliers.accounting_code"] = "401EXEMPLE",
        ["vat-rates.code"] = "TN",
        ["vat-rates.label"] = "Taux normal",
        ["vat-rates.rate"] = "20",
        ["warehouses.code"] = "PRINCIPAL",
        ["warehouses.name"] = "Dépôt principal",
        ["invoices.number"] = "FA-2025-0001",
        ["invoices.account"] = "CLI0001",
        ["invoices.due_date"] = "02/03/2025",
        ["invoices.amount_excl_tax"] = "1 000,00",
        ["invoices.amount_incl_tax"] = "1 200,00",
        ["articles.code"] = "ART0001",
        ["articles.designation"] = "Vis inox 4x40 (boîte de 100)",
        ["articles.vat_rate"] = "TN",
        ["articles.sale_price"] = "12,50",
        ["articles.purchase_price"] = "6,80",
        ["articles.unit"] = "boîte",
        ["stock.article_code"] = "ART0001",
        ["stock.warehouse_code"] = "PRINCIPAL",
        ["stock.quantity"] = "250",
        ["stock.min_level"] = "50",
        ["stock.max_level"] = "500",
        ["bom.assembly_code"] = "KIT0001",
        ["bom.position"] = "1",
        ["bom.component_code"] = "ART0001",
        ["bom.quantity"] = "8",
        ["bom.comment"] = "Vis du kit",
        ["sales-documents.ident"] = "FA-2025-0001",
        ["sales-documents.customer_code"] = "CLI0001",
        ["sales-documents.type"] = "F",
        ["sales-documents.reference"] = "CMD-0001",
        ["sales-documents.total_excl_tax"] = string.Empty, // computed from the lines
        ["sales-documents.total_vat"] = string.Empty,
        ["sales-documents.total_incl_tax"] = string.Empty,
        ["sales-document-lines.header_ident"] = "FA-2025-0001",
        ["sales-document-lines.line"] = "1",
        ["sales-document-lines.article_code"] = "ART0001",
        ["sales-document-lines.description"] = "Vis inox 4x40 (boîte de 100)",
        ["sales-document-lines.quantity"] = "2",
        ["sales-document-lines.unit_price"] = "12,50",
        ["sales-document-lines.vat_rate"] = "20",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The example value of <paramref name="field"/> in the template of <paramref name="schema"/>.</summary>
    public static string For(EntitySchema schema, FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(field);
        return ByEntity.TryGetValue(schema.Name + "." + field.Name, out var example) ? Fit(field, example) : For(field);
    }

    /// <summary>The example value of <paramref name="field"/>.</summary>
    public static string For(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (ByName.TryGetValue(field.Name, out var known))
        {
            return Fit(field, known);
        }

        if (field.Reference is not null)
        {
            // The codes a reference accepts depend on the store: left empty rather than rejected.
            return string.Empty;
        }

        var value = field.Type switch
        {
            FieldType.Date => "31/01/2025",
            FieldType.Decimal => "1 234,56",
            FieldType.Integer => "30",
            FieldType.Boolean => "oui",
            FieldType.Email => "contact@exemple.fr",
            FieldType.Enum => field.AllowedValues.Count > 0 ? field.AllowedValues[0] : string.Empty,
            _ => "Exemple",
        };
        return Fit(field, value);
    }

    private static string Fit(FieldDefinition field, string value) =>
        field.MaxLength is int max && value.Length > max ? value[..max] : value;
}
