using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Suppliers;

/// <summary>Seed 001, suppliers: code and name required, code unique; the tax regime and the bank details as for customers.</summary>
public class SuppliersEntityTests
{
    private static readonly ImportEntity Suppliers = CommerceEntities.Suppliers();

    private static Task<ImportReport> ImportAsync(CommerceStore store, string csv, ImportProfile? profile = null, System.Globalization.CultureInfo? ui = null) =>
        EntityFile.ExecuteAsync(Suppliers, store.Sink, csv, profile, ui);

    private static IReadOnlyList<Stored> Stored(CommerceStore store) => EntityFile.Records(store.Memory, Suppliers);

    private static ImportProfile AutoCreateRegime() => new()
    {
        Entity = "suppliers",
        Columns = new Dictionary<string, string> { ["Code fournisseur"] = "code", ["Raison sociale"] = "name", ["Régime fiscal"] = "tax_regime" },
        AutoCreate = ["tax_regime"],
    };

    [Fact]
    public async Task Execute_NoTaxRegimeColumn_TheDefaultRegime()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await ImportAsync(store, "Code fournisseur;Raison sociale\r\nF1;Papeterie Martin\r\n");
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Empty(report.Issues);
        var supplier = Assert.Single(Stored(store));
        Assert.Equal(("F1", "Papeterie Martin", "FR"), (supplier["code"], supplier["name"], supplier["tax_regime"]));
    }

    [Fact]
    public async Task Execute_EmptyTaxRegimeCell_TheDefaultRegimeOtherwiseTheGivenOne()
    {
        var store = CommerceStore.WithDefaultRegime().WithTaxRegimes("EXO");
        var report = await ImportAsync(store, "Code fournisseur;Raison sociale;Régime fiscal\r\nF1;Martin;\r\nF2;Durand;EXO\r\n");
        ReportAssert.Totals(report, rows: 2, inserted: 2);
        Assert.Equal(["FR", "EXO"], Stored(store).Select(s => s["tax_regime"]));
    }

    [Fact]
    public async Task Execute_OptionsDefaultRegime_UsedForEmptyRegimes()
    {
        var store = new CommerceStore().WithTaxRegimes("EXO");
        var entity = CommerceEntities.Suppliers(new CommerceOptions { DefaultTaxRegime = "EXO" });
        var report = await EntityFile.ExecuteAsync(entity, store.Sink, "Code fournisseur;Raison sociale\r\nF1;Martin\r\n");
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal("EXO", Assert.Single(EntityFile.Records(store.Memory, entity))["tax_regime"]);
    }

    [Fact]
    public async Task Execute_UnknownRegimeWithoutAutoCreate_SupplierNotImportedUnknownReference()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await ImportAsync(store, "Code fournisseur;Raison sociale;Régime fiscal\r\nF1;Martin;XYZ\r\nF2;Durand;FR\r\n");
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "tax_regime", "unknown_reference");
        Assert.Equal(("Régime fiscal", "XYZ"), (issue.Column, issue.Value));
        Assert.Equal("« XYZ » n'existe pas dans régimes fiscaux : créez-le d'abord, ou autorisez la création automatique de « tax_regime » dans le profil.", issue.Message);
        Assert.Equal(["F2"], Stored(store).Select(s => s["code"]));
        Assert.Equal(["FR"], store.TaxRegimes.Select(t => t["code"]));
    }

    [Fact]
    public async Task Execute_UnknownRegimeWithAutoCreate_CreatedOnceWithAWarningOnTheRowThatNamedIt()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = "Code fournisseur;Raison sociale;Régime fiscal\r\nF1;Martin;FR\r\nF2;Durand;XYZ\r\nF3;Petit;XYZ\r\n";
        var report = await ImportAsync(store, csv, AutoCreateRegime(), CommerceStore.English);
        ReportAssert.Totals(report, rows: 3, inserted: 3);
        var warning = Assert.Single(report.Issues);
        Assert.Equal((3, "tax_regime", "XYZ", "auto_created", IssueSeverity.Warning), (warning.Row, warning.Field, warning.Value, warning.Code, warning.Severity));
        Assert.Equal("'XYZ' did not exist in tax regimes: it was created.", warning.Message);
        Assert.Equal(["FR", "XYZ"], store.TaxRegimes.Select(t => t["code"]));
        Assert.Equal(["FR", "XYZ", "XYZ"], Stored(store).Select(s => s["tax_regime"]));
    }

    [Fact]
    public async Task Simulate_AutoCreate_SameReportAsExecuteNothingWritten()
    {
        var store = CommerceStore.WithDefaultRegime();
        const string csv = "Code fournisseur;Raison sociale;Régime fiscal\r\nF1;Martin;XYZ\r\n";
        var simulated = await EntityFile.SimulateAsync(Suppliers, store.Sink, csv, AutoCreateRegime());
        Assert.Empty(Stored(store));
        Assert.Equal(["FR"], store.TaxRegimes.Select(t => t["code"]));
        var executed = await ImportAsync(store, csv, AutoCreateRegime());
        Assert.Equal(executed.Totals, simulated.Totals);
        Assert.Equal(executed.Issues, simulated.Issues);
    }

    [Fact]
    public async Task Execute_InconsistentRib_SupplierNotImported()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = "Code fournisseur;Raison sociale;Code banque;Code guichet;Numéro de compte;Clé RIB\r\n" +
            $"F1;Martin;{Ids.Bank};{Ids.Branch};{Ids.Account};88\r\n" +
            $"F2;Durand;{Ids.Bank};{Ids.Branch};{Ids.Account};{Ids.Key}\r\n";
        var report = await ImportAsync(store, csv);
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib");
        Assert.Equal(("Clé RIB", "88"), (issue.Column, issue.Value));
        Assert.Equal("RIB invalide : la clé de « 30006 00001 12345678901 » est 89, pas « 88 » ; vérifiez la clé et les trois autres éléments du RIB.", issue.Message);
        var supplier = Assert.Single(Stored(store));
        Assert.Equal(("F2", "30006", "00001", "12345678901", "89"), (supplier["code"], supplier["bank_code"], supplier["branch_code"], supplier["account_number"], supplier["rib_key"]));
    }

    [Fact]
    public async Task Execute_IncompleteRib_SupplierNotImported()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await ImportAsync(store, $"Code fournisseur;Raison sociale;Code banque;Clé RIB\r\nF1;Martin;{Ids.Bank};{Ids.Key}\r\n");
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        Assert.Contains("manquant : Code guichet, Numéro de compte", ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("N° SIREN", "siren", "123 456 789", "invalid_siren")]
    [InlineData("Numéro de TVA", "vat_number", "FR00732829320", "invalid_vat")]
    [InlineData("IBAN", "iban", "FR7630006000011234567890188", "invalid_iban")]
    [InlineData("BIC", "bic", "BNPA12PP", "invalid_bic")]
    [InlineData("Pays", "country", "Atlantide", "invalid_format")]
    public async Task Execute_InvalidIdentifier_SupplierNotImported(string header, string field, string value, string code)
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await ImportAsync(store, $"Code fournisseur;Raison sociale;{header}\r\nF1;Martin;{value}\r\n");
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, field, code);
        Assert.Equal(value, issue.Value);
        Assert.Empty(Stored(store));
    }

    [Fact]
    public async Task Execute_EveryField_StoredNormalisedThenReimportedUnchanged()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = "Code fournisseur;Raison sociale;Compte fournisseur;SIREN;TVA intracommunautaire;Adresse;Code postal;Ville;Région;Pays;Régime fiscal;" +
            "Code banque;Code guichet;Numéro de compte;Clé RIB;IBAN;BIC\r\n" +
            "F1;Papeterie Martin;401MARTIN;732 829 320;FR 44 732829320;3 rue des Lilas;69003;Lyon;Auvergne-Rhône-Alpes;France;FR;" +
            $"{Ids.Bank};{Ids.Branch};{Ids.Account};{Ids.Key};FR76 3000 6000 0112 3456 7890 189;bnpafrpp\r\n";
        var report = await ImportAsync(store, csv);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal(
            new object?[]
            {
                "F1", "Papeterie Martin", "401MARTIN", "732829320", "FR44732829320", "3 rue des Lilas", "69003", "Lyon", "Auvergne-Rhône-Alpes", "FR", "FR",
                "30006", "00001", "12345678901", "89", "FR7630006000011234567890189", "BNPAFRPP",
            },
            Assert.Single(Stored(store)).Values);

        var again = await ImportAsync(store, csv);
        ReportAssert.Totals(again, rows: 1, unchanged: 1);
        Assert.Empty(again.Issues);
    }

    [Fact]
    public async Task Execute_EmptyCodeOrName_RejectedRequired()
    {
        var report = await ImportAsync(CommerceStore.WithDefaultRegime(), "Code fournisseur;Raison sociale\r\n;Martin\r\nF2;\r\nF3;Durand\r\n");
        ReportAssert.Totals(report, rows: 3, inserted: 1, rejected: 2);
        Assert.Equal("code", ReportAssert.Issue(report, 2, "required").Field);
        Assert.Equal("name", ReportAssert.Issue(report, 3, "required").Field);
    }

    [Fact]
    public async Task Execute_NoCodeColumn_FileRejectedUnmappedRequiredField()
    {
        // Unlike customers, a supplier has no alternate key: the code is required.
        var store = CommerceStore.WithDefaultRegime();
        var report = await ImportAsync(store, "Raison sociale;Ville\r\nMartin;Lyon\r\n");
        Assert.True(report.IsFileRejected, ReportAssert.Describe(report));
        Assert.Contains(report.Issues, i => (i.Row, i.Field, i.Code) == (1, "code", "unmapped_required_field"));
        Assert.Empty(Stored(store));
    }

    [Fact]
    public async Task Execute_SameCodeTwice_SecondRejectedDuplicateKey()
    {
        var report = await ImportAsync(CommerceStore.WithDefaultRegime(), "Code fournisseur;Raison sociale\r\nF1;Martin\r\nF1;Martin bis\r\n");
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        ReportAssert.SingleError(report, 3, "code", "duplicate_key");
    }

    [Fact]
    public async Task Execute_ChangedName_Updated()
    {
        var store = CommerceStore.WithDefaultRegime();
        await ImportAsync(store, "Code fournisseur;Raison sociale\r\nF1;Martin\r\n");
        var report = await ImportAsync(store, "Code fournisseur;Raison sociale\r\nF1;Martin SARL\r\n");
        ReportAssert.Totals(report, rows: 1, updated: 1);
        Assert.Equal("Martin SARL", Assert.Single(Stored(store))["name"]);
    }

    [Fact]
    public async Task Execute_ProfileNamingFieldsThatCannotBeUsed_FileRejectedOneInvalidProfilePerProblem()
    {
        var store = CommerceStore.WithDefaultRegime();
        var profile = AutoCreateRegime() with
        {
            AutoCreate = ["tax_regime", "city"],
            Defaults = new Dictionary<string, string> { ["ville"] = "Lyon", ["country"] = "FR" },
            References = new Dictionary<string, string> { ["city"] = "code", ["tax_regime"] = "code" },
        };
        var report = await ImportAsync(store, "Code fournisseur;Raison sociale;Régime fiscal\r\nF1;Martin;XYZ\r\n", profile, CommerceStore.English);
        Assert.True(report.IsFileRejected, ReportAssert.Describe(report));
        Assert.Equal(
            [
                "The profile's 'references' names 'city', which is not a reference field of 'suppliers'.",
                "The profile sets a default value for 'ville', which is not a field of 'suppliers'.",
                "The profile allows auto-creation of 'city', which is not a reference field of 'suppliers'.",
            ],
            report.Issues.Where(i => i.Code == "invalid_profile").Select(i => i.Message));
        Assert.All(report.Issues, i => Assert.Equal(1, i.Row));
        Assert.Empty(Stored(store));
        Assert.Equal(["FR"], store.TaxRegimes.Select(t => t["code"]));
    }

    [Theory]
    [InlineData("Code fournisseur;Nom du fournisseur;Compte fournisseur")]
    [InlineData("FOURNISSEUR_CODE;DESIG;Code comptable")]
    [InlineData("Supplier ID;Supplier name;Accounting code")]
    public async Task Inspect_VendorHeaders_MatchCodeNameAccountingCode(string header)
    {
        var inspection = await EntityFile.Pipeline(Suppliers, new InMemorySink()).InspectAsync(new InspectRequest(EntityFile.Source(header + "\r\nF1;Martin;401\r\n")));
        Assert.Equal(["code", "name", "accounting_code"], inspection.Mapping.Columns.Select(c => c.Field));
    }
}
