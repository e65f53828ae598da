using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests;

public class CommerceEntitiesTests
{
    private static readonly string[] CustomerFields =
    [
        "code", "name", "accounting_code", "siren", "siret", "vat_number", "address", "postal_code", "city", "region", "country",
        "account_manager_email", "dunning_plan", "payment_terms_days", "payment_method", "tax_regime", "bank_code", "branch_code",
        "account_number", "rib_key", "iban", "bic", "groups", "parent_code", "parent_name", "credit_limit", "insurer_guarantee",
        "other_guarantees",
    ];

    [Fact]
    public void Names_AreTheStableEntityNames()
    {
        Assert.Equal("customers", CommerceEntities.CustomersName);
        Assert.Equal("tax-regimes", CommerceEntities.TaxRegimesName);
        Assert.Equal("customer-groups", CommerceEntities.CustomerGroupsName);
        Assert.Equal("customers", CommerceEntities.Customers().Name);
        Assert.Equal("tax-regimes", CommerceEntities.TaxRegimes.Name);
        Assert.Equal("customer-groups", CommerceEntities.CustomerGroups.Name);
        Assert.Equal(("suppliers", "vat-rates", "warehouses"), (CommerceEntities.SuppliersName, CommerceEntities.VatRatesName, CommerceEntities.WarehousesName));
        Assert.Equal(("suppliers", "vat-rates", "warehouses"), (CommerceEntities.Suppliers().Name, CommerceEntities.VatRates.Name, CommerceEntities.Warehouses.Name));
        Assert.Equal(("articles", "stock", "bom"), (CommerceEntities.ArticlesName, CommerceEntities.StockName, CommerceEntities.BomName));
        Assert.Equal(("articles", "stock", "bom"), (CommerceEntities.Articles().Name, CommerceEntities.Stock.Name, CommerceEntities.Bom.Name));
    }

    [Fact]
    public void All_Default_EveryEntityInOrder() =>
        Assert.Equal(["customers", "tax-regimes", "customer-groups", "suppliers", "vat-rates", "warehouses", "invoices", "articles", "stock", "bom", "sales-documents"], CommerceEntities.All().Select(e => e.Name));

    [Fact]
    public void All_Options_GivenToCustomersAndSuppliers()
    {
        var all = CommerceEntities.All(new CommerceOptions { DefaultTaxRegime = "EXO" });
        Assert.Equal(["EXO", "EXO"], all.Where(e => e.Schema.TryGetField("tax_regime", out _)).Select(e => e.Schema["tax_regime"].DefaultValue));
    }

    [Theory]
    [InlineData("customers", "customers")]
    [InlineData("CUSTOMERS", "customers")]
    [InlineData("Tax-Regimes", "tax-regimes")]
    [InlineData("customer-groups", "customer-groups")]
    [InlineData("Invoices", "invoices")]
    [InlineData(" customers ", "customers")]
    [InlineData("suppliers", "suppliers")]
    [InlineData("Suppliers", "suppliers")]
    [InlineData("VAT-RATES", "vat-rates")]
    [InlineData("warehouses", "warehouses")]
    [InlineData("Articles", "articles")]
    [InlineData("STOCK", "stock")]
    [InlineData("Sales-Documents", "sales-documents")]
    [InlineData(" bom ", "bom")]
    public void Find_KnownNameAnyCase_ReturnsTheEntity(string name, string expected) =>
        Assert.Equal(expected, CommerceEntities.Find(name)?.Name);

    [Theory]
    [InlineData("customer")]
    [InlineData("clients")]
    [InlineData("supplier")]
    [InlineData("fournisseurs")]
    [InlineData("vat_rates")]
    [InlineData("")]
    public void Find_UnknownName_ReturnsNull(string name) => Assert.Null(CommerceEntities.Find(name));

    [Fact]
    public void Find_Customers_UsesTheOptions()
    {
        var entity = CommerceEntities.Find("customers", new CommerceOptions { DefaultTaxRegime = "EXO" })!;
        Assert.Equal("EXO", entity.Schema["tax_regime"].DefaultValue);
    }

    [Fact]
    public void Customers_NoOptions_SameImmutableInstanceEachTime()
    {
        Assert.Same(CommerceEntities.Customers(), CommerceEntities.Customers());
        Assert.Same(CommerceEntities.Customers(), CommerceEntities.Customers(new CommerceOptions()));
        Assert.Same(CommerceEntities.TaxRegimes, CommerceEntities.TaxRegimes);
        Assert.Same(CommerceEntities.CustomerGroups, CommerceEntities.CustomerGroups);
        Assert.Same(CommerceEntities.Suppliers(), CommerceEntities.Suppliers(new CommerceOptions()));
        Assert.Same(CommerceEntities.VatRates, CommerceEntities.VatRates);
        Assert.Same(CommerceEntities.Warehouses, CommerceEntities.Warehouses);
    }

    [Fact]
    public void CommerceOptions_Default_TaxRegimeFR() => Assert.Equal("FR", new CommerceOptions().DefaultTaxRegime);

    [Fact]
    public void Customers_OtherDefaultRegime_OnlyThatDefaultChanges()
    {
        var other = CommerceEntities.Customers(new CommerceOptions { DefaultTaxRegime = "EXO" });
        Assert.Equal("EXO", other.Schema["tax_regime"].DefaultValue);
        Assert.Equal("FR", CommerceEntities.Customers().Schema["tax_regime"].DefaultValue);
        Assert.Equal(CommerceEntities.Customers().Schema.Fields.Select(f => f.Name), other.Schema.Fields.Select(f => f.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Customers_EmptyDefaultRegime_NoDefault(string regime) =>
        Assert.Null(CommerceEntities.Customers(new CommerceOptions { DefaultTaxRegime = regime }).Schema["tax_regime"].DefaultValue);

    [Fact]
    public void Customers_DefaultRegimeLongerThanACode_Throws() =>
        Assert.Throws<ArgumentException>(() => CommerceEntities.Customers(new CommerceOptions { DefaultTaxRegime = "ABCDEFGHIJK" }));

    [Fact]
    public void Customers_Fields_AreThePublicContract() =>
        Assert.Equal(CustomerFields, CommerceEntities.Customers().Schema.Fields.Select(f => f.Name));

    [Fact]
    public void Customers_Schema_KeyCodeAlternateKeyName()
    {
        var schema = CommerceEntities.Customers().Schema;
        Assert.Equal(["code"], schema.KeyFields);
        Assert.Equal(["name"], schema.AlternateKeyFields);
        Assert.Equal(("clients", "customers"), (schema.LabelFr, schema.LabelEn));
    }

    [Fact]
    public void Customers_Fields_TypesRulesAndReferences()
    {
        var schema = CommerceEntities.Customers().Schema;
        Assert.Equal(50, schema["code"].MaxLength);
        Assert.Equal((true, 100), (schema["name"].IsRequired, schema["name"].MaxLength));
        Assert.Equal(FieldType.Email, schema["account_manager_email"].Type);
        Assert.Equal((FieldType.Integer, 0m), (schema["payment_terms_days"].Type, schema["payment_terms_days"].MinValue));
        Assert.Equal(["VIREMENT", "CHEQUE", "PRELEVEMENT", "CB", "ESPECES", "LCR"], schema["payment_method"].AllowedValues);
        Assert.Same(CommerceEntities.TaxRegimes.Schema, schema["tax_regime"].Reference!.Target);
        Assert.Equal(ReferenceCreation.WhenAllowed, schema["tax_regime"].Reference!.Creation);
        Assert.Equal((FieldType.TextList, ','), (schema["groups"].Type, schema["groups"].ListSeparator));
        Assert.Same(CommerceEntities.CustomerGroups.Schema, schema["groups"].Reference!.Target);
        Assert.Equal(ReferenceCreation.Always, schema["groups"].Reference!.Creation);
        Assert.Equal((null, "code", true), (schema["parent_code"].Reference!.Target, schema["parent_code"].Reference!.TargetField, schema["parent_code"].Reference!.IsParent));
        Assert.Equal((null, "name", true), (schema["parent_name"].Reference!.Target, schema["parent_name"].Reference!.TargetField, schema["parent_name"].Reference!.IsParent));
        Assert.Equal(["credit_limit", "insurer_guarantee", "other_guarantees"], schema.Fields.Where(f => f.IsProtected).Select(f => f.Name));
        Assert.All(["credit_limit", "insurer_guarantee", "other_guarantees"], f => Assert.Equal(FieldType.Decimal, schema[f].Type));
    }

    [Fact]
    public void Customers_EveryField_HasFrenchAndEnglishLabelsAndSynonyms() =>
        Assert.All(CommerceEntities.Customers().Schema.Fields, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.LabelFr));
            Assert.False(string.IsNullOrWhiteSpace(f.LabelEn));
            Assert.NotEmpty(f.Synonyms);
        });

    [Fact]
    public void TaxRegimes_Schema_CodeLabelRate()
    {
        var schema = CommerceEntities.TaxRegimes.Schema;
        Assert.Equal(["code", "label", "rate"], schema.Fields.Select(f => f.Name));
        Assert.Equal(["code"], schema.KeyFields);
        Assert.Equal((true, 10), (schema["code"].IsRequired, schema["code"].MaxLength));
        Assert.Equal(100, schema["label"].MaxLength);
        Assert.Equal((FieldType.Decimal, 0m), (schema["rate"].Type, schema["rate"].MinValue));
        Assert.Equal(("régimes fiscaux", "tax regimes"), (schema.LabelFr, schema.LabelEn));
    }

    [Fact]
    public void Suppliers_Fields_AreThePublicContractSharedWithCustomers()
    {
        string[] fields =
        [
            "code", "name", "accounting_code", "siren", "vat_number", "address", "postal_code", "city", "region", "country", "tax_regime",
            "bank_code", "branch_code", "account_number", "rib_key", "iban", "bic",
        ];
        var schema = CommerceEntities.Suppliers().Schema;
        Assert.Equal(fields, schema.Fields.Select(f => f.Name));
        Assert.Equal(["code"], schema.KeyFields);
        Assert.Empty(schema.AlternateKeyFields);
        Assert.Equal((true, 50), (schema["code"].IsRequired, schema["code"].MaxLength));
        Assert.Equal((true, 100), (schema["name"].IsRequired, schema["name"].MaxLength));
        Assert.Equal(("fournisseurs", "suppliers"), (schema.LabelFr, schema.LabelEn));
        Assert.Same(CommerceEntities.TaxRegimes.Schema, schema["tax_regime"].Reference!.Target);
        Assert.Equal((ReferenceCreation.WhenAllowed, "FR"), (schema["tax_regime"].Reference!.Creation, schema["tax_regime"].DefaultValue));
        Assert.Equal("Code fournisseur", schema["code"].LabelFr);

        // The fields shared with customers: same labels, synonyms and checks.
        var customers = CommerceEntities.Customers().Schema;
        foreach (var name in fields.Skip(3))
        {
            var (supplier, customer) = (schema[name], customers[name]);
            Assert.Equal((customer.Type, customer.LabelFr, customer.LabelEn, customer.MaxLength), (supplier.Type, supplier.LabelFr, supplier.LabelEn, supplier.MaxLength));
            Assert.Equal(customer.Synonyms, supplier.Synonyms);
            Assert.Equal(customer.Validators, supplier.Validators);
        }

        Assert.Contains(CommerceEntities.Suppliers().Rules, r => r.GetType() == CommerceEntities.Customers().Rules[0].GetType());
    }

    [Fact]
    public void Suppliers_OtherDefaultRegime_Used()
    {
        Assert.Equal("EXO", CommerceEntities.Suppliers(new CommerceOptions { DefaultTaxRegime = "EXO" }).Schema["tax_regime"].DefaultValue);
        Assert.Equal("EXO", CommerceEntities.Find("suppliers", new CommerceOptions { DefaultTaxRegime = "EXO" })!.Schema["tax_regime"].DefaultValue);
        Assert.Null(CommerceEntities.Suppliers(new CommerceOptions { DefaultTaxRegime = " " }).Schema["tax_regime"].DefaultValue);
        Assert.Throws<ArgumentException>(() => CommerceEntities.Suppliers(new CommerceOptions { DefaultTaxRegime = "ABCDEFGHIJK" }));
    }

    [Fact]
    public void VatRates_Schema_CodeLabelRate()
    {
        var schema = CommerceEntities.VatRates.Schema;
        Assert.Equal(["code", "label", "rate"], schema.Fields.Select(f => f.Name));
        Assert.Equal(["code"], schema.KeyFields);
        Assert.Equal((true, 10), (schema["code"].IsRequired, schema["code"].MaxLength));
        Assert.Equal((false, 100), (schema["label"].IsRequired, schema["label"].MaxLength));
        Assert.Equal((FieldType.Decimal, 0m), (schema["rate"].Type, schema["rate"].MinValue));
        Assert.Equal(("taux de TVA", "VAT rates"), (schema.LabelFr, schema.LabelEn));
    }

    [Fact]
    public void Warehouses_Schema_CodeName()
    {
        var schema = CommerceEntities.Warehouses.Schema;
        Assert.Equal(["code", "name"], schema.Fields.Select(f => f.Name));
        Assert.Equal(["code"], schema.KeyFields);
        Assert.Equal((true, 20), (schema["code"].IsRequired, schema["code"].MaxLength));
        Assert.Equal((true, 100), (schema["name"].IsRequired, schema["name"].MaxLength));
        Assert.Equal(("dépôts", "warehouses"), (schema.LabelFr, schema.LabelEn));
    }

    [Fact]
    public void EveryEntity_EveryField_HasFrenchAndEnglishLabelsAndSynonyms() =>
        Assert.All(CommerceEntities.All().SelectMany(e => e.Schema.Fields), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.LabelFr));
            Assert.False(string.IsNullOrWhiteSpace(f.LabelEn));
            Assert.NotEmpty(f.Synonyms);
        });

    [Fact]
    public void CustomerGroups_Schema_CodeLabel()
    {
        var schema = CommerceEntities.CustomerGroups.Schema;
        Assert.Equal(["code", "label"], schema.Fields.Select(f => f.Name));
        Assert.Equal(["code"], schema.KeyFields);
        Assert.Equal((true, 100), (schema["code"].IsRequired, schema["code"].MaxLength));
    }

    [Fact]
    public void Customers_WithCustomFields_KeepsRulesAndReferences()
    {
        var entity = CommerceEntities.Customers().WithCustomFields(b => b.Field("segment", FieldType.Text));
        Assert.Equal(CustomerFields.Length + 1, entity.Schema.Fields.Count);
        Assert.NotEmpty(entity.Rules);
        Assert.Equal("FR", entity.Schema["tax_regime"].DefaultValue);
    }

    public static TheoryData<string, string, string> EveryHeader()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var entity in CommerceEntities.All())
        {
            foreach (var f in entity.Schema.Fields)
            {
                foreach (var header in f.Synonyms.Append(f.LabelFr).Append(f.LabelEn).Distinct(StringComparer.Ordinal))
                {
                    data.Add(entity.Name, header, f.Name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryHeader))]
    public async Task Inspect_EveryLabelAndSynonym_MatchesItsFieldAlone(string entity, string header, string field)
    {
        var pipeline = new CommerceStore().Pipeline(CommerceEntities.Find(entity));
        var csv = $"{header};Autre\r\nx;y\r\n";
        var inspection = await pipeline.InspectAsync(new InspectRequest(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(csv), "h.csv")));
        var match = inspection.Mapping.Columns[0];
        Assert.True(match.Field == field, $"'{header}' matched {match.Field ?? "nothing"} ({match.Reason}, {string.Join(", ", match.Candidates)}), expected {field}.");
        Assert.Contains(match.Reason, new[] { MatchReason.Exact, MatchReason.Synonym });
    }

    [Fact]
    public async Task Inspect_FrenchExportHeader_EveryColumnMatchedNothingMissing()
    {
        var csv = CustomersCsv.Columns(CustomerFields);
        var inspection = await new CommerceStore().Pipeline().InspectAsync(new InspectRequest(csv.Source()));
        Assert.Equal(CustomerFields, inspection.Mapping.Columns.Select(c => c.Field));
        Assert.Empty(inspection.Mapping.UnmatchedColumns);
        Assert.Empty(inspection.Mapping.UnmappedRequiredFields);
    }

    [Theory]
    [InlineData("CODE", "code")]
    [InlineData("CLIENT_CODE", "code")]
    [InlineData("Customer ID", "code")]
    [InlineData("DESIG", "name")]
    [InlineData("Nom", "name")]
    [InlineData("N° SIREN", "siren")]
    [InlineData("Numéro SIREN", "siren")]
    [InlineData("Identifiant légal", "siren")]
    [InlineData("N° SIRET", "siret")]
    [InlineData("TVA intracommunautaire", "vat_number")]
    [InlineData("CP", "postal_code")]
    [InlineData("City", "city")]
    [InlineData("E-mail responsable", "account_manager_email")]
    [InlineData("Conditions de paiement", "payment_terms_days")]
    [InlineData("Délai de paiement par défaut", "payment_terms_days")]
    [InlineData("Mode de paiement", "payment_method")]
    [InlineData("Moyen de paiement", "payment_method")]
    [InlineData("Payment method", "payment_method")]
    [InlineData("Régime de TVA", "tax_regime")]
    [InlineData("SWIFT", "bic")]
    [InlineData("Agence commerciale", "groups")]
    [InlineData("Nom du plan de relance", "dunning_plan")]
    [InlineData("Compte client", "accounting_code")]
    public async Task Inspect_SeedHeader_MatchesField(string header, string field)
    {
        var inspection = await new CommerceStore().Pipeline().InspectAsync(new InspectRequest(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes($"{header}\r\nx\r\n"), "h.csv")));
        Assert.Equal(field, inspection.Mapping.Columns[0].Field);
    }
}
