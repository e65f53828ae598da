using Import.Sdk.Commerce.Identifiers;
using Import.Sdk.Commerce.TaxRegimes;

namespace Import.Sdk.Commerce.Parties;

/// <summary>
/// The fields a customer and a supplier (the "tiers" of French business software) have in common, with the same names,
/// checks and header synonyms: legal identifiers, address, tax regime, bank details. Each entity adds them in its own
/// field order; what differs between them (the code's and the name's headers, the accounting account) stays in the entity.
/// </summary>
internal static class PartyFields
{
    /// <summary>The tax regime field, shared by the entities whose empty regime gets <see cref="CommerceOptions.DefaultTaxRegime"/>.</summary>
    public const string TaxRegime = "tax_regime";

    /// <summary>
    /// The default tax regime of some options: trimmed, <see langword="null"/> when empty (no default).
    /// </summary>
    /// <exception cref="ArgumentException">The regime is longer than a tax regime code.</exception>
    public static string? DefaultRegime(CommerceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var regime = string.IsNullOrWhiteSpace(options.DefaultTaxRegime) ? null : options.DefaultTaxRegime.Trim();
        if (regime is { Length: > TaxRegimesEntity.CodeMaxLength })
        {
            throw new ArgumentException($"The default tax regime '{regime}' is longer than a tax regime code ({TaxRegimesEntity.CodeMaxLength} characters at most).", nameof(options));
        }

        return regime;
    }

    /// <summary>Adds <c>name</c> (required, at most 100 characters): the company name, with the headers of this kind of party.</summary>
    public static EntitySchemaBuilder CompanyName(this EntitySchemaBuilder builder, params string[] synonyms) => builder
        .Field("name", FieldType.Text, f => f
            .Label("Raison sociale", "Company name")
            .Required()
            .MaxLength(100)
            .Synonyms(synonyms)
            .Synonyms("Nom", "DESIG", "Désignation", "Dénomination", "Dénomination sociale", "Nom de la société", "Société", "Entreprise", "Name", "Company", "Legal name", "Business name"));

    /// <summary>Adds <c>accounting_code</c>: the account of the party in the ledger, with the headers of this kind of party.</summary>
    public static EntitySchemaBuilder AccountingCode(this EntitySchemaBuilder builder, params string[] synonyms) => builder
        .Field("accounting_code", FieldType.Text, f => f
            .Label("Code comptable", "Accounting code")
            .Synonyms("Compte comptable", "Compte auxiliaire", "Compte tiers", "Accounting account", "Ledger account", "Account code")
            .Synonyms(synonyms));

    /// <summary>Adds <c>siren</c> (<c>invalid_siren</c>).</summary>
    public static EntitySchemaBuilder Siren(this EntitySchemaBuilder builder) => builder
        .Field("siren", FieldType.Text, f => f
            .Label("SIREN", "SIREN")
            .Validate(IdentifierValidators.Siren)
            .Synonyms("N° SIREN", "Numéro SIREN", "Numéro de SIREN", "Code SIREN", "Identifiant légal", "SIREN number", "Legal identifier", "Company registration number"));

    /// <summary>Adds <c>siret</c> (<c>invalid_siret</c>).</summary>
    public static EntitySchemaBuilder Siret(this EntitySchemaBuilder builder) => builder
        .Field("siret", FieldType.Text, f => f
            .Label("SIRET", "SIRET")
            .Validate(IdentifierValidators.Siret)
            .Synonyms("N° SIRET", "Numéro SIRET", "Numéro de SIRET", "Code SIRET", "SIRET number", "Establishment number"));

    /// <summary>Adds <c>vat_number</c> (<c>invalid_vat</c>).</summary>
    public static EntitySchemaBuilder VatNumber(this EntitySchemaBuilder builder) => builder
        .Field("vat_number", FieldType.Text, f => f
            .Label("Numéro de TVA", "VAT number")
            .Validate(IdentifierValidators.VatNumber)
            .Synonyms("TVA intracommunautaire", "N° TVA intracommunautaire", "Numéro de TVA intracommunautaire", "N° TVA intracom", "TVA intracom", "N° TVA", "Numéro TVA", "TVA", "Identifiant TVA", "VAT", "VAT ID", "VAT No", "VAT registration number", "Intra-community VAT number", "EU VAT number"));

    /// <summary>Adds the address: <c>address</c>, <c>postal_code</c>, <c>city</c>, <c>region</c>, <c>country</c> (ISO codes and French/English names).</summary>
    public static EntitySchemaBuilder Address(this EntitySchemaBuilder builder) => builder
        .Field("address", FieldType.Text, f => f
            .Label("Adresse", "Address")
            .Synonyms("Adresse postale", "Adresse 1", "Adresse ligne 1", "Rue", "Voirie", "Voie", "Street", "Street address", "Address line 1", "Address 1"))
        .Field("postal_code", FieldType.Text, f => f
            .Label("Code postal", "Postal code")
            .Synonyms("CP", "C.P.", "Code post.", "Zip", "Zip code", "Postcode", "Post code"))
        .Field("city", FieldType.Text, f => f
            .Label("Ville", "City")
            .Synonyms("Commune", "Localité", "Town"))
        .Field("region", FieldType.Text, f => f
            .Label("Région", "Region")
            .Synonyms("Etat / Région", "État / Région", "État", "Province", "State", "State / Region", "County"))
        .Field("country", FieldType.Text, f => f
            .Label("Pays", "Country")
            .Validate(IdentifierValidators.Country)
            .Synonyms("Code pays", "Pays (code ISO)", "Country code", "Nation"));

    /// <summary>
    /// Adds <c>tax_regime</c> (→ tax-regimes by code): an empty or unmapped regime gets <paramref name="defaultRegime"/>; an
    /// unknown code is <c>unknown_reference</c> unless the profile allows its creation (seed 001).
    /// </summary>
    public static EntitySchemaBuilder TaxRegimeField(this EntitySchemaBuilder builder, string? defaultRegime) => builder
        .Field(TaxRegime, FieldType.Text, f => f
            .Label("Régime fiscal", "Tax regime")
            .MaxLength(TaxRegimesEntity.CodeMaxLength)
            .References(new FieldReference(TaxRegimesEntity.Instance.Schema, "code", creation: ReferenceCreation.WhenAllowed))
            .Default(defaultRegime)
            .Synonyms("Régime de TVA", "Code régime fiscal", "Régime TVA", "Régime", "VAT regime", "Tax status", "Tax regime code"));

    /// <summary>
    /// Adds the bank details: <c>bank_code</c>, <c>branch_code</c>, <c>account_number</c>, <c>rib_key</c> (together a RIB,
    /// checked by <see cref="RibRule"/>), <c>iban</c> (<c>invalid_iban</c>) and <c>bic</c> (<c>invalid_bic</c>).
    /// </summary>
    public static EntitySchemaBuilder BankDetails(this EntitySchemaBuilder builder) => builder
        .Field(RibRule.BankCode, FieldType.Text, f => f
            .Label("Code banque", "Bank code")
            .Synonyms("Code établissement", "Code étab.", "Établissement bancaire (code)", "Bank ID"))
        .Field(RibRule.BranchCode, FieldType.Text, f => f
            .Label("Code guichet", "Branch code")
            .Synonyms("Guichet", "Code agence bancaire", "Bank branch code"))
        .Field(RibRule.AccountNumber, FieldType.Text, f => f
            .Label("Numéro de compte", "Account number")
            .Synonyms("N° de compte", "N° compte", "Numéro de compte bancaire", "Compte bancaire", "Bank account number", "Bank account"))
        .Field(RibRule.RibKey, FieldType.Text, f => f
            .Label("Clé RIB", "RIB key")
            .Synonyms("Clé", "Cle RIB", "Clé R.I.B.", "Clé du RIB", "RIB check digits"))
        .Field("iban", FieldType.Text, f => f
            .Label("IBAN", "IBAN")
            .Validate(IdentifierValidators.Iban)
            .Synonyms("Code IBAN", "N° IBAN", "Numéro IBAN", "International bank account number"))
        .Field("bic", FieldType.Text, f => f
            .Label("BIC", "BIC")
            .Validate(IdentifierValidators.Bic)
            .Synonyms("SWIFT", "Code BIC", "Code SWIFT", "BIC / SWIFT", "BIC SWIFT", "SWIFT code", "BIC code"));
}
