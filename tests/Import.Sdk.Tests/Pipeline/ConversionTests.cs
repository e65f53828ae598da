using System.Globalization;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Pipeline;

/// <summary>Cells converted to typed values and checked, as an import stores or reports them (fr-FR files by default).</summary>
public class ConversionTests
{
    private static readonly Func<ImportOptions, ImportOptions> English = o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Theory]
    [InlineData("-0,01", "invalid_number", "'-0,01' is below the minimum 0.")]
    [InlineData("12,5x", "invalid_number", "'12,5x'")]
    [InlineData("0", null, null)]
    [InlineData("1 234,5", null, null)]
    public async Task SimulateAsync_DecimalWithAMinimum_RejectsLowerValuesNamingTheMinimum(string cell, string? code, string? message)
    {
        var prices = EntitySchema.Create("prices").Field("code", FieldType.Text).Field("price", FieldType.Decimal, f => f.Label("Prix", "Price").Min(0)).Key("code").Build();
        var pipeline = Some.Pipeline(new InMemorySink(), new ImportEntity(prices), English);

        var report = await pipeline.SimulateAsync(new ImportRequest(Some.Csv($"code;price\r\nP1;{cell}\r\n")));

        if (code is null)
        {
            Assert.Empty(report.Issues);
            return;
        }

        var issue = Assert.Single(report.Issues);
        Assert.Equal((code, "price", cell), (issue.Code, issue.Field, issue.Value));
        Assert.StartsWith(message!, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1\u00A0234,56", "1234.56")]
    [InlineData("1\u202F234,56", "1234.56")]
    [InlineData("12,5", "12.5")]
    [InlineData("-12,50", "-12.50")]
    [InlineData("1 234 567", "1234567")]
    [InlineData("  42  ", "42")]
    [InlineData("12.5", "12.5")]
    public async Task ExecuteAsync_FrenchDecimal_IsStoredAsDecimal(string cell, string expected)
    {
        var (report, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", limit: cell)));

        Assert.Empty(report.Issues);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Some.Value(Some.Account(sink, "C1"), "limit"));
    }

    [Theory]
    [InlineData("30", 30L)]
    [InlineData("1 000", 1000L)]
    [InlineData("1\u00A0000", 1000L)]
    [InlineData("30,00", 30L)]
    public async Task ExecuteAsync_FrenchInteger_IsStoredAsLong(string cell, long expected)
    {
        var (report, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", terms: cell)));

        Assert.Empty(report.Issues);
        Assert.Equal(expected, Some.Value(Some.Account(sink, "C1"), "terms"));
    }

    [Theory]
    [InlineData("29/02/2024", 2024, 2, 29)]
    [InlineData("01/02/2024", 2024, 2, 1)]
    [InlineData("1/2/2024", 2024, 2, 1)]
    [InlineData("2024-02-01", 2024, 2, 1)]
    [InlineData("01/02/2024 00:00:00", 2024, 2, 1)]
    public async Task ExecuteAsync_FrenchDate_IsStoredAsDateOnly(string cell, int year, int month, int day)
    {
        var (report, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", since: cell)));

        Assert.Empty(report.Issues);
        Assert.Equal(new DateOnly(year, month, day), Some.Value(Some.Account(sink, "C1"), "since"));
    }

    [Theory]
    [InlineData("31/02/2024")]
    [InlineData("29/02/2023")]
    [InlineData("32/01/2024")]
    [InlineData("02/31/2024")]
    [InlineData("hier")]
    public async Task SimulateAsync_ImpossibleOrUnreadableDate_IsInvalidDateNamingFormatAndValue(string cell)
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", since: cell)), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(2, "Client depuis", "since", cell, IssueCodes.InvalidDate, IssueSeverity.Error, $"expected dd/MM/yyyy, got '{cell}'."), issue);
        Assert.Equal(new ImportTotals(1, 0, 0, 0, 1), report.Totals);
    }

    [Fact]
    public async Task SimulateAsync_InvalidDate_FrenchMessageNamesFormatAndValue()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", since: "31/02/2024")));

        Assert.Equal("date attendue au format dd/MM/yyyy, reçu « 31/02/2024 ».", Assert.Single(report.Issues).Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("oui", true)]
    [InlineData("non", false)]
    [InlineData("OUI", true)]
    [InlineData("Non", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("TRUE", true)]
    [InlineData("vrai", true)]
    [InlineData("faux", false)]
    [InlineData("Vrai", true)]
    public async Task ExecuteAsync_Boolean_IsStoredAsBool(string cell, bool expected)
    {
        var (report, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", active: cell)));

        Assert.Empty(report.Issues);
        Assert.Equal(expected, Some.Value(Some.Account(sink, "C1"), "active"));
    }

    [Theory]
    [InlineData("peut-être")]
    [InlineData("2")]
    [InlineData("ouii")]
    public async Task SimulateAsync_UnreadableBoolean_IsInvalidBoolean(string cell)
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", active: cell)), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((2, "Actif", "active", cell, IssueCodes.InvalidBoolean), (issue.Row, issue.Column, issue.Field, issue.Value, issue.Code));
        Assert.Contains($"'{cell}'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("oui/non", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terms", "trente", "Délai de paiement")]
    [InlineData("terms", "30,5", "Délai de paiement")]
    [InlineData("limit", "abc", "Limite de crédit")]
    [InlineData("limit", "12,5,3", "Limite de crédit")]
    [InlineData("limit", "1e5", "Limite de crédit")]
    public async Task SimulateAsync_UnreadableNumber_IsInvalidNumberNamingTheValue(string field, string cell, string column)
    {
        var line = field == "terms" ? Some.Line("C1", "Dupont", terms: cell) : Some.Line("C1", "Dupont", limit: cell);

        var report = await SimulateAsync(Some.AccountsCsv(line), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((2, column, field, cell, IssueCodes.InvalidNumber, IssueSeverity.Error), (issue.Row, issue.Column, issue.Field, issue.Value, issue.Code, issue.Severity));
        Assert.Contains($"'{cell}'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulateAsync_NumberBelowTheMinimum_IsInvalidNumberNamingValueAndMinimum()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", terms: "-5")), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((IssueCodes.InvalidNumber, "terms", "-5"), (issue.Code, issue.Field, issue.Value));
        Assert.Equal("'-5' is below the minimum 0.", issue.Message);
    }

    [Theory]
    [InlineData("pas-un-email")]
    [InlineData("a@b")]
    [InlineData("jean dupont@x.fr")]
    [InlineData("a@@b.fr")]
    public async Task SimulateAsync_InvalidEmail_IsInvalidEmail(string cell)
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", email: cell)), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(2, "Email", "email", cell, IssueCodes.InvalidEmail, IssueSeverity.Error, $"'{cell}' is not a valid e-mail address."), issue);
    }

    [Fact]
    public async Task SimulateAsync_TextLongerThanMaxLength_IsTooLongWithLengthAndLimit()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", new string('x', 31))), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((IssueCodes.TooLong, "name", "Raison sociale"), (issue.Code, issue.Field, issue.Column));
        Assert.Equal($"'{new string('x', 31)}' has 31 characters; at most 30 are allowed.", issue.Message);
    }

    [Fact]
    public async Task ExecuteAsync_TextAtMaxLengthAfterTrimming_IsAccepted()
    {
        var (report, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "  " + new string('x', 30) + "  ")));

        Assert.Empty(report.Issues);
        Assert.Equal(new string('x', 30), Some.Value(Some.Account(sink, "C1"), "name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0")]
    public async Task SimulateAsync_EmptyRequiredValue_IsRequired(string cell)
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", cell)), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(2, "Raison sociale", "name", "", IssueCodes.Required, IssueSeverity.Error, "Raison sociale: a value is required."), issue);
    }

    [Fact]
    public async Task SimulateAsync_EmptyKey_IsRequiredWithTheKeyMessage()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("", "Dupont")), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((IssueCodes.Required, "code", "Code client"), (issue.Code, issue.Field, issue.Column));
        Assert.Contains("key", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VIREMENT", "VIREMENT")]
    [InlineData("virement", "VIREMENT")]
    [InlineData("Virement bancaire", "VIREMENT")]
    [InlineData("VIREMENT-BANCAIRE", "VIREMENT")]
    [InlineData("Transfer", "VIREMENT")]
    [InlineData("chèque", "CHEQUE")]
    [InlineData("CHÈQUE", "CHEQUE")]
    [InlineData("Cheque", "CHEQUE")]
    [InlineData("cb", "CB")]
    [InlineData("C.B.", "CB")]
    public async Task ExecuteAsync_EnumValueOrAliasIgnoringCaseAccentsAndPunctuation_IsStoredAsTheCanonicalValue(string cell, string expected)
    {
        var (report, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", method: cell)));

        Assert.Empty(report.Issues);
        Assert.Equal(expected, Some.Value(Some.Account(sink, "C1"), "method"));
    }

    [Fact]
    public async Task SimulateAsync_UnknownEnumValue_IsInvalidEnumListingTheAllowedValues()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", method: "espèces")), English);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ImportIssue(2, "Moyen de paiement", "method", "espèces", IssueCodes.InvalidEnum, IssueSeverity.Error, "'espèces' is not an allowed value; expected one of: VIREMENT, CHEQUE, CB."), issue);
    }

    [Fact]
    public async Task SimulateAsync_RowWithSeveralErrors_ReportsOneIssuePerFieldInFieldOrder()
    {
        var line = Some.Line("C1", "", email: "pas-un-email", terms: "trente", limit: "1,2,3", since: "31/02/2024", active: "peut-être", method: "espèces");

        var report = await SimulateAsync(Some.AccountsCsv(line, Some.Line("C2", "Martin")));

        Assert.Equal(
            [
                ("name", IssueCodes.Required),
                ("email", IssueCodes.InvalidEmail),
                ("terms", IssueCodes.InvalidNumber),
                ("limit", IssueCodes.InvalidNumber),
                ("since", IssueCodes.InvalidDate),
                ("active", IssueCodes.InvalidBoolean),
                ("method", IssueCodes.InvalidEnum),
            ],
            report.Issues.Select(i => (i.Field!, i.Code)));
        Assert.All(report.Issues, i => Assert.Equal(2, i.Row));
        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
    }

    [Fact]
    public async Task ExecuteAsync_SchemaDefault_FillsAnUnmappedFieldAndAnEmptyCell()
    {
        var csv = "Code client;Raison sociale;Statut\r\nC1;Dupont;\r\nC2;Martin;SUSPENDU\r\n";

        var (_, sink) = await Some.ExecuteAsync(csv);
        var (_, other) = await Some.ExecuteAsync("Code client;Raison sociale\r\nC3;Durand\r\n");

        Assert.Equal("ACTIVE", Some.Value(Some.Account(sink, "C1"), "status"));
        Assert.Equal("SUSPENDU", Some.Value(Some.Account(sink, "C2"), "status"));
        Assert.Equal("ACTIVE", Some.Value(Some.Account(other, "C3"), "status"));
    }

    [Fact]
    public async Task ExecuteAsync_TextListOfGroups_IsTrimmedDeduplicatedAndJoined()
    {
        var (_, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", groups: "\" Nord , Sud,Nord,, \"")));

        Assert.Equal("Nord,Sud", Some.Value(Some.Account(sink, "C1"), "groups"));
    }

    [Theory]
    [InlineData("Nord", "Nord")]
    [InlineData("Nord,Sud", "Nord,Sud")]
    [InlineData("Nord,Sud,Est", "Nord,Sud,Est")]
    [InlineData("Nord,Nord", "Nord")]
    [InlineData("Nord,Sud,Nord", "Nord,Sud")]
    [InlineData("Sud,Nord,Sud", "Sud,Nord")]
    [InlineData("Nord,", "Nord")]
    [InlineData(",Nord", "Nord")]
    [InlineData("Nord,,Sud", "Nord,Sud")]
    [InlineData("Nord ,Sud", "Nord,Sud")]
    [InlineData("Nord,\u00A0Sud", "Nord,Sud")]
    [InlineData("No,Nord", "No,Nord")]
    [InlineData("Nord,No", "Nord,No")]
    public async Task ExecuteAsync_TextList_CanonicalOrNot_IsStoredCanonical(string groups, string expected)
    {
        var (_, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", groups: System.Text.RegularExpressions.Regex.Unescape(groups))));

        Assert.Equal(expected, Some.Value(Some.Account(sink, "C1"), "groups"));
    }

    [Fact]
    public async Task ExecuteAsync_TextValues_AreTrimmedOfSpacesAndNoBreakSpaces()
    {
        var (_, sink) = await Some.ExecuteAsync(Some.AccountsCsv(Some.Line(" C1\u00A0", "\u202FDupont SA ", email: " a@b.fr ")));

        var c1 = Some.Account(sink, "C1");
        Assert.Equal(("Dupont SA", "a@b.fr"), (Some.Value(c1, "name"), Some.Value(c1, "email")));
    }

    private static Task<ImportReport> SimulateAsync(string csv, Func<ImportOptions, ImportOptions>? options = null) =>
        Some.Pipeline(new InMemorySink(), options: options).SimulateAsync(new ImportRequest(Some.Csv(csv)));
}
