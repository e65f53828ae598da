using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>Seed 001: the RIB of a customer must be consistent, else the customer is not imported.</summary>
public class RibRuleTests
{
    private static readonly string[] RibColumns = ["code", "name", "bank_code", "branch_code", "account_number", "rib_key"];

    private static async Task<(CommerceStore Store, ImportReport Report)> ImportAsync(string? bank, string? branch, string? account, string? key, System.Globalization.CultureInfo? ui = null)
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns(RibColumns).Row("C1", "Dupont SA", bank, branch, account, key);
        return (store, await store.ExecuteAsync(csv, ui: ui));
    }

    [Theory]
    [InlineData(Ids.Bank, Ids.Branch, Ids.Account, Ids.Key)]
    [InlineData(Ids.LetterBank, Ids.LetterBranch, Ids.LetterAccount, Ids.LetterKey)]
    [InlineData(Ids.LetterBank, Ids.LetterBranch, "0500013m026", Ids.LetterKey)]
    [InlineData("30002", "00550", "0000157841Z", "25")]
    [InlineData(" 30006 ", "00001", "123 456 789 01", "89")]
    public async Task Execute_ConsistentRib_Inserted(string bank, string branch, string account, string key)
    {
        var (store, report) = await ImportAsync(bank, branch, account, key);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
        var c = store.Customer("C1");
        Assert.Equal((bank.Trim(), branch, account, key), (c["bank_code"], c["branch_code"], c["account_number"], c["rib_key"]));
    }

    [Fact]
    public async Task Execute_NoRibAtAll_Inserted()
    {
        var (_, report) = await ImportAsync(null, null, null, null);
        ReportAssert.Totals(report, rows: 1, inserted: 1);
    }

    [Theory]
    [InlineData(Ids.Bank, Ids.Branch, Ids.Account, "88", "89")]
    [InlineData(Ids.Bank, Ids.Branch, Ids.Account, "98", "89")]
    [InlineData(Ids.Bank, Ids.Branch, "12345678902", Ids.Key, "86")]
    [InlineData(Ids.LetterBank, Ids.LetterBranch, Ids.LetterAccount, "07", "06")]
    [InlineData(Ids.LetterBank, Ids.LetterBranch, "0500013N026", Ids.LetterKey, "13")] // N (5) instead of M (4)
    [InlineData(Ids.Bank, Ids.Branch, Ids.Account, "8A", "89")]
    public async Task Execute_WrongRibKey_CustomerNotImportedAndExpectedKeyNamed(string bank, string branch, string account, string key, string expected)
    {
        var (store, report) = await ImportAsync(bank, branch, account, key);
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib");
        Assert.Equal("Clé RIB", issue.Column);
        Assert.Equal(key, issue.Value);
        Assert.Contains($"est {expected}, pas « {key} »", issue.Message, StringComparison.Ordinal);
        Assert.Empty(store.Customers);
    }

    [Fact]
    public async Task Execute_WrongRibKey_FullFrenchMessage()
    {
        var (_, report) = await ImportAsync(Ids.Bank, Ids.Branch, Ids.Account, "88");
        Assert.Equal(
            "RIB invalide : la clé de « 30006 00001 12345678901 » est 89, pas « 88 » ; vérifiez la clé et les trois autres éléments du RIB.",
            ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib").Message);
    }

    [Fact]
    public async Task Execute_WrongRibKeyInEnglish_EnglishMessage()
    {
        var (_, report) = await ImportAsync(Ids.Bank, Ids.Branch, Ids.Account, "88", CommerceStore.English);
        Assert.Equal(
            "Invalid RIB: the key of '30006 00001 12345678901' is 89, not '88'; check the key and the other three parts of the RIB.",
            ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib").Message);
    }

    [Theory]
    [InlineData("3000", Ids.Branch, Ids.Account, Ids.Key)] // 4-digit bank code
    [InlineData(Ids.Bank, "0001A", Ids.Account, Ids.Key)] // letter in the branch code
    [InlineData(Ids.Bank, Ids.Branch, "1234567890", Ids.Key)] // 10-character account
    [InlineData(Ids.Bank, Ids.Branch, "1234567890#", Ids.Key)] // not a letter or digit
    public async Task Execute_MalformedRibPart_RejectedWithTheExpectedFormat(string bank, string branch, string account, string key)
    {
        var (_, report) = await ImportAsync(bank, branch, account, key);
        var issue = ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib");
        Assert.Contains("5 chiffres, le numéro de compte 11 chiffres ou lettres", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, Ids.Branch, Ids.Account, Ids.Key, "Code banque")]
    [InlineData(Ids.Bank, null, Ids.Account, Ids.Key, "Code guichet")]
    [InlineData(Ids.Bank, Ids.Branch, null, Ids.Key, "Numéro de compte")]
    [InlineData(Ids.Bank, Ids.Branch, Ids.Account, null, "Clé RIB")]
    [InlineData(null, null, null, Ids.Key, "Code banque, Code guichet, Numéro de compte")]
    [InlineData(Ids.Bank, null, null, null, "Code guichet, Numéro de compte, Clé RIB")]
    public async Task Execute_IncompleteRib_RejectedNamingTheMissingParts(string? bank, string? branch, string? account, string? key, string missing)
    {
        var (store, report) = await ImportAsync(bank, branch, account, key);
        ReportAssert.Totals(report, rows: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib");
        Assert.Contains($"manquant : {missing}.", issue.Message, StringComparison.Ordinal);
        Assert.Empty(store.Customers);
    }

    [Fact]
    public async Task Execute_IncompleteRibInEnglish_EnglishLabels()
    {
        var (_, report) = await ImportAsync(Ids.Bank, null, Ids.Account, Ids.Key, CommerceStore.English);
        Assert.Contains("missing: Branch code.", ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_OnlySomeRibColumnsMapped_EveryRowWithBankDataRejected()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns("code", "name", "bank_code", "branch_code").Row("C1", "Dupont SA", Ids.Bank, Ids.Branch).Row("C2", "Martin", null, null);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 2, inserted: 1, rejected: 1);
        var issue = ReportAssert.SingleError(report, 2, "rib_key", "invalid_rib");
        Assert.Null(issue.Column);
    }

    [Fact]
    public async Task Execute_BadRibAmongGoodRows_OnlyThatCustomerRejected()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns(RibColumns)
            .Row("C1", "Dupont SA", Ids.Bank, Ids.Branch, Ids.Account, Ids.Key)
            .Row("C2", "Martin", Ids.Bank, Ids.Branch, Ids.Account, "11")
            .Row("C3", "Durand", Ids.LetterBank, Ids.LetterBranch, Ids.LetterAccount, Ids.LetterKey);
        var report = await store.ExecuteAsync(csv);
        ReportAssert.Totals(report, rows: 3, inserted: 2, rejected: 1);
        ReportAssert.SingleError(report, 3, "rib_key", "invalid_rib");
        Assert.Equal(["C1", "C3"], store.Customers.Select(c => c["code"]));
    }

    [Fact]
    public async Task Execute_WrongRibAndInvalidSiren_BothReported()
    {
        var store = CommerceStore.WithDefaultRegime();
        var csv = CustomersCsv.Columns([.. RibColumns, "siren"]).Row("C1", "Dupont SA", Ids.Bank, Ids.Branch, Ids.Account, "11", "123");
        var report = await store.ExecuteAsync(csv);
        Assert.Equal(["invalid_siren", "invalid_rib"], report.Issues.Select(i => i.Code));
    }
}
