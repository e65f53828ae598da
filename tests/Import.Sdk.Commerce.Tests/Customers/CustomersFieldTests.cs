using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>The plain fields of a customer, end to end: required values, lengths, e-mail, payment terms and payment method.</summary>
public class CustomersFieldTests
{
    private static async Task<(CommerceStore Store, ImportReport Report)> ImportOneAsync(string field, string? value)
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", field).Row("C1", "Dupont SA", value);
        return (store, await store.ExecuteAsync(csv));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Execute_EmptyName_RejectedRequired(string name)
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", name).Row("C2", "Martin"));
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "name", "required");
        Assert.Equal("Raison sociale", issue.Column);
        Assert.Equal("Raison sociale : une valeur est obligatoire.", issue.Message);
    }

    [Fact]
    public async Task Execute_EmptyCodeWhenMapped_RejectedRequired()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row(null, "Dupont SA"));
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        ReportAssert.SingleError(report, 2, "code", "required");
    }

    [Fact]
    public async Task Execute_NoNameColumn_FileRejectedUnmappedRequiredField()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "city").Row("C1", "Paris"));
        Assert.Contains(report.Issues, i => i.Code == "unmapped_required_field" && i.Field == "name");
        Assert.Equal(0, report.Totals.Rows);
        Assert.Empty(store.Customers);
    }

    [Fact]
    public async Task Execute_CodeOf50Characters_Accepted()
    {
        var (store, report) = await ImportOneAsync("city", "Paris");
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        var code = new string('C', 50);
        report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row(code, "Long"));
        ReportAssert.Totals(report, rows: 1, inserted: 1);
    }

    [Fact]
    public async Task Execute_CodeOf51Characters_RejectedTooLong()
    {
        var store = CommerceStore.WithDefaultRegime();
        var report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row(new string('C', 51), "Long"));
        ReportAssert.SingleError(report, 2, "code", "too_long");
    }

    [Fact]
    public async Task Execute_NameOf101Characters_RejectedTooLong()
    {
        var (_, report) = await ImportOneAsync("city", "Paris");
        var store = CommerceStore.WithDefaultRegime();
        report = await store.ExecuteAsync(CustomersCsv.Columns("code", "name").Row("C1", new string('n', 101)).Row("C2", new string('n', 100)));
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        ReportAssert.SingleError(report, 2, "name", "too_long");
    }

    [Theory]
    [InlineData("anne@dupont.fr")]
    [InlineData("anne.martin+relance@dupont-sa.co.uk")]
    [InlineData(" anne@dupont.fr ")]
    public async Task Execute_ValidEmail_Stored(string email)
    {
        var (store, report) = await ImportOneAsync("account_manager_email", email);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal(email.Trim(), store.Customer("C1")["account_manager_email"]);
    }

    [Theory]
    [InlineData("anne")]
    [InlineData("anne@")]
    [InlineData("@dupont.fr")]
    [InlineData("anne@@dupont.fr")]
    [InlineData("anne dupont@dupont.fr")]
    [InlineData("anne@dupont.fr;paul@dupont.fr")]
    public async Task Execute_InvalidEmail_RejectedInvalidEmail(string email)
    {
        var (store, report) = await ImportOneAsync("account_manager_email", email);
        var issue = ReportAssert.SingleError(report, 2, "account_manager_email", "invalid_email");
        Assert.Equal("Email du responsable de compte", issue.Column);
        Assert.Empty(store.Customers);
    }

    [Theory]
    [InlineData("30", 30L)]
    [InlineData("0", 0L)]
    [InlineData(" 45 ", 45L)]
    [InlineData("60", 60L)]
    [InlineData("1 000", 1000L)]
    public async Task Execute_ValidPaymentTerms_StoredAsInteger(string days, long expected)
    {
        var (store, report) = await ImportOneAsync("payment_terms_days", days);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal(expected, store.Customer("C1")["payment_terms_days"]);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-30")]
    public async Task Execute_NegativePaymentTerms_RejectedInvalidNumber(string days)
    {
        var (_, report) = await ImportOneAsync("payment_terms_days", days);
        var issue = ReportAssert.SingleError(report, 2, "payment_terms_days", "invalid_number");
        Assert.Contains("minimum 0", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30 jours")]
    [InlineData("trente")]
    [InlineData("30,5")]
    [InlineData("fin de mois")]
    public async Task Execute_NonIntegerPaymentTerms_RejectedInvalidNumber(string days)
    {
        var (_, report) = await ImportOneAsync("payment_terms_days", days);
        ReportAssert.SingleError(report, 2, "payment_terms_days", "invalid_number");
    }

    [Theory]
    [InlineData("VIREMENT", "VIREMENT")]
    [InlineData("virement", "VIREMENT")]
    [InlineData("Virement bancaire", "VIREMENT")]
    [InlineData("VIREMENT SEPA", "VIREMENT")]
    [InlineData("transfer", "VIREMENT")]
    [InlineData("Wire", "VIREMENT")]
    [InlineData("Bank transfer", "VIREMENT")]
    [InlineData("CHEQUE", "CHEQUE")]
    [InlineData("chèque", "CHEQUE")]
    [InlineData("Chèque", "CHEQUE")]
    [InlineData("CHÈQUE", "CHEQUE")]
    [InlineData("cheque", "CHEQUE")]
    [InlineData("check", "CHEQUE")]
    [InlineData("chq", "CHEQUE")]
    [InlineData("PRELEVEMENT", "PRELEVEMENT")]
    [InlineData("prélèvement", "PRELEVEMENT")]
    [InlineData("Prélèvement SEPA", "PRELEVEMENT")]
    [InlineData("prelevement sepa", "PRELEVEMENT")]
    [InlineData("Prélèvement automatique", "PRELEVEMENT")]
    [InlineData("direct debit", "PRELEVEMENT")]
    [InlineData("Direct-Debit", "PRELEVEMENT")]
    [InlineData("CB", "CB")]
    [InlineData("cb", "CB")]
    [InlineData("carte", "CB")]
    [InlineData("Carte bancaire", "CB")]
    [InlineData("carte bleue", "CB")]
    [InlineData("card", "CB")]
    [InlineData("Credit card", "CB")]
    [InlineData("ESPECES", "ESPECES")]
    [InlineData("espèces", "ESPECES")]
    [InlineData("Espèce", "ESPECES")]
    [InlineData("cash", "ESPECES")]
    [InlineData("LCR", "LCR")]
    [InlineData("lcr", "LCR")]
    [InlineData("Lettre de change", "LCR")]
    [InlineData("lettre de change relevé", "LCR")]
    [InlineData("traite", "LCR")]
    [InlineData("bill of exchange", "LCR")]
    public async Task Execute_PaymentMethodOrAlias_StoredAsCanonicalValue(string written, string expected)
    {
        var (store, report) = await ImportOneAsync("payment_method", written);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal(expected, store.Customer("C1")["payment_method"]);
    }

    [Theory]
    [InlineData("bitcoin")]
    [InlineData("paypal")]
    [InlineData("virement ou chèque")]
    public async Task Execute_UnknownPaymentMethod_RejectedInvalidEnumListingTheValues(string written)
    {
        var (_, report) = await ImportOneAsync("payment_method", written);
        var issue = ReportAssert.SingleError(report, 2, "payment_method", "invalid_enum");
        Assert.Contains("VIREMENT, CHEQUE, PRELEVEMENT, CB, ESPECES, LCR", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("credit_limit", "12 345,67", 12345.67)]
    [InlineData("credit_limit", "12\u00A0345,67", 12345.67)]
    [InlineData("insurer_guarantee", "5000", 5000)]
    [InlineData("other_guarantees", "0,5", 0.5)]
    public async Task Execute_FrenchDecimal_Stored(string field, string written, double expected)
    {
        var (store, report) = await ImportOneAsync(field, written);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        Assert.Equal((decimal)expected, store.Customer("C1")[field]);
    }

    [Theory]
    [InlineData("credit_limit", "beaucoup")]
    [InlineData("insurer_guarantee", "12.345,67€ HT")]
    public async Task Execute_InvalidDecimal_RejectedInvalidNumber(string field, string written)
    {
        var (_, report) = await ImportOneAsync(field, written);
        ReportAssert.SingleError(report, 2, field, "invalid_number");
    }

    [Fact]
    public async Task Execute_TextFields_StoredTrimmed()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "accounting_code", "address", "postal_code", "city", "region", "dunning_plan")
            .Row(" C1 ", " Dupont SA ", " 411DUP ", "1 rue \"Haute\"; bât. B", "01000", "Bourg-en-Bresse", "Auvergne-Rhône-Alpes", "Relance douce");
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        var c = store.Customer("C1");
        Assert.Equal(("Dupont SA", "411DUP", "1 rue \"Haute\"; bât. B", "01000", "Bourg-en-Bresse", "Auvergne-Rhône-Alpes", "Relance douce"),
            (c["name"], c["accounting_code"], c["address"], c["postal_code"], c["city"], c["region"], c["dunning_plan"]));
    }
}
