using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>The legal and bank identifiers of a customer, end to end: a valid value is stored compact, an invalid one rejects the row with its code.</summary>
public class CustomersIdentifierTests
{
    private static async Task<(CommerceStore Store, ImportReport Report)> ImportOneAsync(string field, string value)
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", field).Row("C1", "Dupont SA", value);
        return (store, await store.ExecuteAsync(csv));
    }

    [Theory]
    [InlineData("siren", "732829320", "732829320")]
    [InlineData("siren", "732 829 320", "732829320")]
    [InlineData("siren", " 732.829.320 ", "732829320")]
    [InlineData("siren", "356 000 000", "356000000")]
    [InlineData("siret", "732 829 320 00074", "73282932000074")]
    [InlineData("siret", "35600000009075", "35600000009075")]
    [InlineData("siret", "356 000 000 09075", "35600000009075")]
    [InlineData("vat_number", "FR44732829320", "FR44732829320")]
    [InlineData("vat_number", "fr 44 732 829 320", "FR44732829320")]
    [InlineData("vat_number", "FR40 303 265 045", "FR40303265045")]
    [InlineData("vat_number", "DE123456789", "DE123456789")]
    [InlineData("vat_number", "BE0123456789", "BE0123456789")]
    [InlineData("vat_number", "ESX1234567X", "ESX1234567X")]
    [InlineData("iban", "FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189")]
    [InlineData("iban", "fr7630006000011234567890189", "FR7630006000011234567890189")]
    [InlineData("iban", "FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    [InlineData("iban", "DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("iban", "BE68 5390 0754 7034", "BE68539007547034")]
    [InlineData("iban", "GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819")]
    [InlineData("iban", "CH93 0076 2011 6238 5295 7", "CH9300762011623852957")]
    [InlineData("bic", "BNPAFRPPXXX", "BNPAFRPPXXX")]
    [InlineData("bic", "bnpafrpp", "BNPAFRPP")]
    [InlineData("bic", "DEUT DE FF 500", "DEUTDEFF500")]
    [InlineData("country", "FR", "FR")]
    [InlineData("country", "France", "FR")]
    [InlineData("country", "FRANCE", "FR")]
    [InlineData("country", "fra", "FR")]
    [InlineData("country", "Belgique", "BE")]
    [InlineData("country", "Belgium", "BE")]
    [InlineData("country", "Allemagne", "DE")]
    [InlineData("country", "Royaume-Uni", "GB")]
    [InlineData("country", "UK", "GB")]
    [InlineData("country", "États-Unis", "US")]
    [InlineData("country", "Etats Unis", "US")]
    [InlineData("country", "Côte d'Ivoire", "CI")]
    [InlineData("country", "Suisse", "CH")]
    [InlineData("country", "La Réunion", "RE")]
    public async Task Execute_ValidIdentifier_InsertedInCanonicalForm(string field, string value, string stored)
    {
        var (store, report) = await ImportOneAsync(field, value);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal(stored, store.Customer("C1")[field]);
    }

    [Theory]
    [InlineData("siren", "732829321", "invalid_siren")]
    [InlineData("siren", "73282932", "invalid_siren")]
    [InlineData("siren", "7328293201", "invalid_siren")]
    [InlineData("siren", "73282932O", "invalid_siren")]
    [InlineData("siren", "SIREN", "invalid_siren")]
    [InlineData("siret", "73282932000075", "invalid_siret")]
    [InlineData("siret", "7328293200007", "invalid_siret")]
    [InlineData("siret", "73282932000004", "invalid_siret")] // digit sum multiple of 5: only La Poste may
    [InlineData("siret", "35600000000000", "invalid_siret")] // La Poste, but the digit sum is not a multiple of 5
    [InlineData("siret", "73282932100074", "invalid_siret")] // the SIREN part fails its own key
    [InlineData("vat_number", "FR45732829320", "invalid_vat")] // wrong key for the SIREN
    [InlineData("vat_number", "FR44732829321", "invalid_vat")] // SIREN fails Luhn
    [InlineData("vat_number", "FR4473282932", "invalid_vat")]
    [InlineData("vat_number", "732829320", "invalid_vat")] // no country prefix
    [InlineData("vat_number", "DE12345678", "invalid_vat")]
    [InlineData("vat_number", "US123456789", "invalid_vat")]
    [InlineData("iban", "FR7630006000011234567890188", "invalid_iban")] // mod 97
    [InlineData("iban", "FR76300060000112345678901", "invalid_iban")] // 25 characters, FR has 27
    [InlineData("iban", "FR763000600001123456789018900", "invalid_iban")] // 29 characters
    [InlineData("iban", "DE8937040044053201300", "invalid_iban")] // 21 characters, DE has 22
    [InlineData("iban", "BE685390075470341", "invalid_iban")] // 17 characters, BE has 16
    [InlineData("iban", "US12345678901234567890", "invalid_iban")] // no IBAN in the US
    [InlineData("bic", "BNPAFRP", "invalid_bic")]
    [InlineData("bic", "BNPAFRPPXX", "invalid_bic")]
    [InlineData("bic", "BNPAZZPP", "invalid_bic")] // ZZ is no country
    [InlineData("bic", "1NPAFRPP", "invalid_bic")]
    [InlineData("country", "Atlantide", "invalid_format")]
    [InlineData("country", "ZZ", "invalid_format")]
    [InlineData("country", "Fr4nce", "invalid_format")]
    public async Task Execute_InvalidIdentifier_RowRejectedWithItsCode(string field, string value, string code)
    {
        var (store, report) = await ImportOneAsync(field, value);
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, field, code);
        Assert.Equal(CustomersCsv.HeaderOf(field), issue.Column);
        Assert.Equal(value, issue.Value);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        Assert.Empty(store.Customers);
    }

    [Fact]
    public async Task Execute_InvalidSiren_MessageSaysWhatIsWrongAndWhatToDo()
    {
        var (_, report) = await ImportOneAsync("siren", "732 829 321");
        var issue = ReportAssert.SingleError(report, 2, "siren", "invalid_siren");
        Assert.Equal("SIREN invalide : « 732 829 321 » n'est pas un SIREN (9 chiffres dont le dernier est une clé de contrôle Luhn) ; vérifiez la saisie.", issue.Message);
    }

    [Fact]
    public async Task Execute_WrongFrenchVatKey_MessageGivesTheRightNumber()
    {
        var (_, report) = await ImportOneAsync("vat_number", "FR45732829320");
        Assert.Contains("FR44732829320", ReportAssert.SingleError(report, 2, "vat_number", "invalid_vat").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SeveralInvalidIdentifiers_EveryErrorOfTheRowReported()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "siren", "siret", "vat_number", "iban", "bic", "country")
            .Row("C1", "Dupont SA", "1", "2", "3", "4", "5", "Atlantide");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        Assert.Equal(
            ["invalid_siren", "invalid_siret", "invalid_vat", "invalid_format", "invalid_iban", "invalid_bic"], // schema order
            report.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Code));
    }

    [Fact]
    public async Task Execute_EmptyIdentifiers_Accepted()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "siren", "siret", "vat_number", "iban", "bic", "country")
            .Row("C1", "Dupont SA", null, " ", null, null, null, null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Null(store.Customer("C1")["siret"]);
    }

    [Fact]
    public async Task Execute_FullValidCustomer_EveryFieldStored()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns(CustomersCsv.Headers.Keys.ToArray())
            .Row(
                "C1", "Dupont SA", "411000", "732 829 320", "732 829 320 00074", "FR 44 732829320", "12 rue de la Paix", "75002", "Paris", "Île-de-France", "France",
                "anne@dupont.fr", "Standard", "30", "virement", "FR", Ids.Bank, Ids.Branch, Ids.Account, Ids.Key, "FR76 3000 6000 0112 3456 7890 189", "BNPAFRPP",
                "Nord, Sud", null, null, "10 000,00", "5 000", "1 234,5");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        var c = store.Customer("C1");
        Assert.Equal(
            new object?[]
            {
                "C1", "Dupont SA", "411000", "732829320", "73282932000074", "FR44732829320", "12 rue de la Paix", "75002", "Paris", "Île-de-France", "FR",
                "anne@dupont.fr", "Standard", 30L, "VIREMENT", "FR", "30006", "00001", "12345678901", "89", "FR7630006000011234567890189", "BNPAFRPP",
                "Nord,Sud", null, null, 10000m, 5000m, 1234.5m,
            },
            c.Values);
    }
}
