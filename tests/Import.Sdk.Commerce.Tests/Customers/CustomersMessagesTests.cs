using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>Messages follow the UI culture: French by default, English for an English UI; codes never change.</summary>
public class CustomersMessagesTests
{
    private static CustomersCsv EveryKindOfProblem() =>
        CustomersCsv.Columns("code", "name", "siren", "siret", "vat_number", "iban", "bic", "country", "account_manager_email", "payment_terms_days", "payment_method", "tax_regime", "bank_code", "branch_code", "account_number", "rib_key", "parent_code")
            .Row("C1", null, "732829321", "73282932000075", "FR45732829320", "FR7630006000011234567890188", "BNPAFRP", "Atlantide", "anne@", "-5", "bitcoin", "XYZ", Ids.Bank, Ids.Branch, Ids.Account, "88", "G9")
            .Row("C1", "Doublon", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    [Fact]
    public async Task Execute_EnglishUi_EveryMessageInEnglish()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(EveryKindOfProblem(), ui: CommerceStore.English);
        var messages = report.Issues.ToDictionary(i => (i.Row, i.Code), i => i.Message);
        Assert.Equal("Invalid SIREN: '732829321' is not a SIREN (9 digits, the last one a Luhn check digit); check the value.", messages[(2, "invalid_siren")]);
        Assert.StartsWith("Invalid SIRET: ", messages[(2, "invalid_siret")], StringComparison.Ordinal);
        Assert.Equal("Invalid VAT number: for SIREN 732829320 the key is 44; the expected number is FR44732829320.", messages[(2, "invalid_vat")]);
        Assert.StartsWith("Invalid IBAN: the check digits", messages[(2, "invalid_iban")], StringComparison.Ordinal);
        Assert.StartsWith("Invalid BIC: ", messages[(2, "invalid_bic")], StringComparison.Ordinal);
        Assert.StartsWith("Unknown country: ", messages[(2, "invalid_format")], StringComparison.Ordinal);
        Assert.StartsWith("Invalid RIB: the key of '30006 00001 12345678901' is 89", messages[(2, "invalid_rib")], StringComparison.Ordinal);
        Assert.Equal("Raison sociale: a value is required.", messages[(2, "required")]); // the column as the file names it
        Assert.DoesNotContain(report.Issues, i => i.Message.Contains("invalide", StringComparison.Ordinal) || i.Message.Contains(" : ", StringComparison.Ordinal));
        Assert.Equal(report.Issues.Select(i => i.Code), (await CommerceStore.WithDefaultRegime().ExecuteAsync(EveryKindOfProblem())).Issues.Select(i => i.Code));
    }

    [Fact]
    public async Task Execute_EnglishUi_ReferenceAndKeyMessagesInEnglish()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "tax_regime", "parent_code")
            .Row("C1", "Dupont SA", "XYZ", null)
            .Row("C2", "Martin", null, "G9")
            .Row("C2", "Martin bis", null, null);
        var report = await store.ExecuteAsync(csv, ui: CommerceStore.English);
        Assert.All(report.Issues, i => Assert.DoesNotContain("introuvable", i.Message, StringComparison.Ordinal));
        Assert.Contains("tax regimes", ReportAssert.Issue(report, 2, "unknown_reference").Message, StringComparison.Ordinal);
        Assert.Contains("G9", ReportAssert.Issue(report, 3, "unknown_parent").Message, StringComparison.Ordinal);
        Assert.Contains("row 3", ReportAssert.Issue(report, 4, "duplicate_key").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_EnglishUiAutoCreatedGroup_EnglishEntityLabel()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name", "groups").Row("C1", "Dupont SA", "North"), ui: CommerceStore.English);
        Assert.Contains("customer groups", ReportAssert.Issue(report, 2, "auto_created").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_EnglishExportWithEnglishHeaders_AutoMatchedAndImported()
    {
        var store = CommerceStore.WithDefaultRegime();
        const string csv = "Customer ID,Company name,VAT number,Country,Payment terms,Payment method,Groups\r\n" +
                           "C1,Dupont SA,FR44732829320,France,30,wire transfer,\"North,South\"\r\n";
        var report = await store.Pipeline(ui: CommerceStore.English).ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Encoding.UTF8.GetBytes(csv), "customers.csv")));
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        var c = store.Customer("C1");
        Assert.Equal(("FR44732829320", "FR", 30L, "VIREMENT", "North,South"), (c["vat_number"], c["country"], c["payment_terms_days"], c["payment_method"], c["groups"]));
    }

    [Fact]
    public async Task Execute_Windows1252FrenchExport_AutoMatchedAndImported()
    {
        var store = CommerceStore.WithDefaultRegime();
        const string csv = "Code client;Raison sociale;Délai de paiement;Mode de règlement;Pays;Limite de crédit\r\n" +
                           "C1;Société Générale d'Électricité;45;Prélèvement;Algérie;12 500,00\r\n";
        var bytes = Encoding.Latin1.GetBytes(csv);
        var report = await store.Pipeline().ExecuteAsync(new ImportRequest(ImportSource.FromBytes(bytes, "clients.csv")));
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        var c = store.Customer("C1");
        Assert.Equal(("Société Générale d'Électricité", 45L, "PRELEVEMENT", "DZ", 12500m), (c["name"], c["payment_terms_days"], c["payment_method"], c["country"], c["credit_limit"]));
    }
}
