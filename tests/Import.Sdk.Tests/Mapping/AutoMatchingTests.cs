using System.Globalization;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Mapping;

/// <summary>Auto-matching of headers to fields, as a host's mapping screen (<see cref="IImportPipeline.InspectAsync"/>) and an import without profile see it.</summary>
public class AutoMatchingTests
{
    private static readonly Func<ImportOptions, ImportOptions> English = o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Theory]
    [InlineData("Code client", "code")]
    [InlineData("CODE CLIENT", "code")]
    [InlineData("code_client", "code")]
    [InlineData("  Code-Client. ", "code")]
    [InlineData("Customer code", "code")]
    [InlineData("RAISON SOCIALE", "name")]
    [InlineData("Délai de paiement", "terms")]
    [InlineData("DELAI DE PAIEMENT", "terms")]
    [InlineData("délai_de_paiement", "terms")]
    [InlineData("Limite de credit", "limit")]
    [InlineData("e-mail", "email")]
    [InlineData("payment_terms", "terms")]
    public async Task InspectAsync_HeaderEqualToNameOrLabelIgnoringCaseAccentsSpacesPunctuation_IsAnExactMatch(string header, string field)
    {
        var match = await MatchAsync(header);

        Assert.Equal((field, MatchReason.Exact, 1d), (match.Field, match.Reason, match.Score));
        Assert.Empty(match.Candidates);
    }

    [Theory]
    [InlineData("Nom du client", "name")]
    [InlineData("NOM", "name")]
    [InlineData("Identifiant client", "code")]
    public async Task InspectAsync_HeaderEqualToASynonym_IsASynonymMatch(string header, string field)
    {
        var match = await MatchAsync(header);

        Assert.Equal((field, MatchReason.Synonym, 1d), (match.Field, match.Reason, match.Score));
    }

    [Theory]
    [InlineData("Raison socile", "name", 0.923)]
    [InlineData("Délai de paiment", "terms", 0.933)]
    [InlineData("Limite de crédi", "limit", 0.929)]
    public async Task InspectAsync_MisspelledHeader_IsAFuzzyMatchWithItsScore(string header, string field, double score)
    {
        var match = await MatchAsync(header);

        Assert.Equal((field, MatchReason.Fuzzy, score), (match.Field, match.Reason, match.Score));
    }

    [Fact]
    public async Task InspectAsync_HeaderUnlikeAnyField_IsUnmatched()
    {
        var match = await MatchAsync("Couleur préférée");

        Assert.Equal(((string?)null, MatchReason.None, 0d), (match.Field, match.Reason, match.Score));
    }

    [Fact]
    public async Task InspectAsync_HeaderThatIsASynonymOfTwoFields_IsAmbiguousAndChoosesNeither()
    {
        var pipeline = Some.Pipeline(new InMemorySink(), WithContactName());

        var inspection = await pipeline.InspectAsync(new InspectRequest(Some.Csv("Code client;Nom\r\nC1;Dupont\r\n")));

        var match = inspection.Mapping.Columns[1];
        Assert.Equal(((string?)null, MatchReason.Ambiguous), (match.Field, match.Reason));
        Assert.Equal(["contact_name", "name"], match.Candidates.Order(StringComparer.Ordinal));
        Assert.Equal(["Nom"], inspection.Mapping.UnmatchedColumns);
        Assert.Equal(["name"], inspection.Mapping.UnmappedRequiredFields);
    }

    [Fact]
    public async Task SimulateAsync_AmbiguousColumn_WarnsOnRowOneAndMapsNeitherField()
    {
        var pipeline = Some.Pipeline(new InMemorySink(), WithContactName(), English);

        var report = await pipeline.SimulateAsync(new ImportRequest(Some.Csv("Code client;Raison sociale;Nom\r\nC1;Dupont SA;Jean Dupont\r\n")));

        var warning = Assert.Single(report.Issues);
        Assert.Equal((1, "Nom", (string?)null, IssueCodes.AmbiguousColumn, IssueSeverity.Warning), (warning.Row, warning.Column, warning.Field, warning.Code, warning.Severity));
        Assert.Contains("name", warning.Message, StringComparison.Ordinal);
        Assert.Contains("contact_name", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
    }

    [Fact]
    public async Task InspectAsync_TwoColumnsExactForOneField_AreBothAmbiguous()
    {
        var inspection = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(Some.Csv("Code client;Customer code;Raison sociale\r\nC1;C1;Dupont\r\n")));

        Assert.All(inspection.Mapping.Columns.Take(2), m => Assert.Equal(((string?)null, MatchReason.Ambiguous, "code"), (m.Field, m.Reason, Assert.Single(m.Candidates))));
        Assert.Equal("name", inspection.Mapping.Columns[2].Field);
        Assert.Empty(inspection.Mapping.UnmappedRequiredFields); // the alternate key (name) is mapped
    }

    [Fact]
    public async Task InspectAsync_TwoColumnsForOneFieldMatchedDifferently_TheBetterMatchWinsAndTheOtherIsUnmatched()
    {
        var inspection = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(Some.Csv("Nom;Raison sociale;Code client\r\nJean;Dupont;C1\r\n")));

        Assert.Equal(((string?)null, MatchReason.None), (inspection.Mapping.Columns[0].Field, inspection.Mapping.Columns[0].Reason));
        Assert.Equal(("name", MatchReason.Exact), (inspection.Mapping.Columns[1].Field, inspection.Mapping.Columns[1].Reason));
        Assert.Equal(["Nom"], inspection.Mapping.UnmatchedColumns);
    }

    [Fact]
    public async Task SimulateAsync_UnmatchedColumns_WarnOnceEachOnRowOne()
    {
        var csv = "Code client;Commentaire interne;Raison sociale;Zzz\r\nC1;x;Dupont;y\r\nC2;x;Martin;y\r\n";

        var report = await Some.Pipeline(new InMemorySink(), options: English).SimulateAsync(new ImportRequest(Some.Csv(csv)));

        Assert.Equal(
            [
                new ImportIssue(1, "Commentaire interne", null, null, IssueCodes.UnmappedColumn, IssueSeverity.Warning, "The column 'Commentaire interne' matches no field: it is ignored."),
                new ImportIssue(1, "Zzz", null, null, IssueCodes.UnmappedColumn, IssueSeverity.Warning, "The column 'Zzz' matches no field: it is ignored."),
            ],
            report.Issues);
        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Totals);
        Assert.True(report.IsSuccess);
    }

    [Fact]
    public async Task SimulateAsync_RequiredFieldUnmapped_RejectsTheFileAndImportsNothing()
    {
        var sink = new InMemorySink();

        var report = await Some.Pipeline(sink, options: English).ExecuteAsync(new ImportRequest(Some.Csv("Code client;Email\r\nC1;a@b.fr\r\nC2;c@d.fr\r\n")));

        var issue = Assert.Single(report.IssuesOf(IssueCodes.UnmappedRequiredField));
        Assert.Equal((1, (string?)null, "name", IssueSeverity.Error), (issue.Row, issue.Column, issue.Field, issue.Severity));
        Assert.Equal("No column is mapped to the required field 'name' (Company name): map one in the profile.", issue.Message);
        Assert.True(report.IsFileRejected);
        Assert.Equal(new ImportTotals(0, 0, 0, 0, 0), report.Totals);
        Assert.Empty(sink.GetRecords("accounts"));
        Assert.Equal(0, sink.LookupCount);
    }

    [Fact]
    public async Task SimulateAsync_NoKeyAndNoAlternateKeyColumn_ReportsTheKeyAsUnmapped()
    {
        var report = await Some.Pipeline(new InMemorySink()).SimulateAsync(new ImportRequest(Some.Csv("Email;Actif\r\na@b.fr;oui\r\n")));

        Assert.Equal(["code", "name"], report.IssuesOf(IssueCodes.UnmappedRequiredField).Select(i => i.Field));
        Assert.True(report.IsFileRejected);
    }

    [Fact]
    public async Task InspectAsync_LearnedProfile_MatchesItsColumnsWithReasonProfile()
    {
        var learned = new ImportProfile { Entity = "accounts", Columns = new Dictionary<string, string> { ["Dénomination"] = "name", ["N° compte"] = "code", ["Remarque"] = "" } };

        var inspection = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(Some.Csv("n° COMPTE;denomination;Remarque;Email\r\nC1;Dupont;x;a@b.fr\r\n")) { LearnedProfile = learned });

        var columns = inspection.Mapping.Columns;
        Assert.Equal(("code", MatchReason.Profile, 1d), (columns[0].Field, columns[0].Reason, columns[0].Score));
        Assert.Equal(("name", MatchReason.Profile, 1d), (columns[1].Field, columns[1].Reason, columns[1].Score));
        Assert.Equal(((string?)null, MatchReason.Profile), (columns[2].Field, columns[2].Reason)); // ignored on purpose
        Assert.Equal(("email", MatchReason.Exact), (columns[3].Field, columns[3].Reason));
        Assert.Equal(["Remarque"], inspection.Mapping.UnmatchedColumns);
    }

    [Fact]
    public async Task SimulateAsync_LearnedProfile_IsUsedByAutoMatching()
    {
        var learned = new ImportProfile { Columns = new Dictionary<string, string> { ["Dénomination"] = "name", ["N° compte"] = "code" } };
        var sink = new InMemorySink();

        var report = await Some.Pipeline(sink).ExecuteAsync(new ImportRequest(Some.Csv("N° compte;Dénomination\r\nC1;Dupont\r\n")) { LearnedProfile = learned });

        Assert.Empty(report.Issues);
        Assert.Equal("Dupont", Some.Value(Some.Account(sink, "C1"), "name"));
    }

    [Fact]
    public async Task InspectAsync_File_ReturnsFormatEncodingDelimiterHeaderRowsAndSuggestion()
    {
        var csv = "Code client;Raison socile;Nom du client;Couleur;Délai de paiement\r\nC1;Dupont;Jean;bleu;30\r\nC2;Martin;Paul;vert;45\r\nC3;Durand;Luc;rouge;60\r\n";

        var inspection = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(Some.Csv(csv)) { Rows = 2 });

        Assert.Null(inspection.Problem);
        var preview = inspection.Preview;
        Assert.Equal(("csv", "utf-8", ";"), (preview.Source.Format, preview.Source.Encoding, preview.Source.Delimiter));
        Assert.Equal(["Code client", "Raison socile", "Nom du client", "Couleur", "Délai de paiement"], preview.Header);
        Assert.Equal(2, preview.Rows.Count);
        Assert.Equal(["C2", "Martin", "Paul", "vert", "45"], preview.Rows[1]);
        Assert.Equal([2, 3], preview.RowNumbers);

        var m = inspection.Mapping.Columns;
        Assert.Equal([0, 1, 2, 3, 4], m.Select(c => c.Index));
        Assert.Equal(("code", MatchReason.Exact, 1d), (m[0].Field, m[0].Reason, m[0].Score));
        Assert.Equal(((string?)null, MatchReason.None), (m[1].Field, m[1].Reason)); // a fuzzy match loses to a synonym of the same field
        Assert.Equal(("name", MatchReason.Synonym, 1d), (m[2].Field, m[2].Reason, m[2].Score));
        Assert.Equal(((string?)null, MatchReason.None, 0d), (m[3].Field, m[3].Reason, m[3].Score));
        Assert.Equal(("terms", MatchReason.Exact), (m[4].Field, m[4].Reason));
        Assert.Equal(["Raison socile", "Couleur"], inspection.Mapping.UnmatchedColumns);
        Assert.Empty(inspection.Mapping.UnmappedRequiredFields);
    }

    [Fact]
    public async Task InspectAsync_RequiredFieldMissing_ListsItAsUnmapped()
    {
        var inspection = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(Some.Csv("Code client;Email\r\nC1;a@b.fr\r\n")));

        Assert.Equal(["name"], inspection.Mapping.UnmappedRequiredFields);
        Assert.Empty(inspection.Mapping.UnmatchedColumns);
    }

    [Fact]
    public async Task InspectAsync_UnreadableFile_ReturnsTheProblemInsteadOfThrowing()
    {
        var inspection = await Some.Pipeline(new InMemorySink(), options: English).InspectAsync(new InspectRequest(ImportSource.FromBytes([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0], "classeur.xlsx")));

        Assert.NotNull(inspection.Problem);
        Assert.Contains("ZIP", inspection.Problem, StringComparison.Ordinal);
        Assert.Empty(inspection.Preview.Header);
        Assert.Empty(inspection.Mapping.Columns);
    }

    [Fact]
    public async Task ToProfile_OfASuggestion_MapsTheMatchedColumnsOnly()
    {
        var inspection = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(Some.Csv("Code client;Raison sociale;Couleur\r\nC1;Dupont;bleu\r\n")));

        var profile = inspection.Mapping.ToProfile("accounts", "fr-FR");

        Assert.Equal(("accounts", "fr-FR"), (profile.Entity, profile.Culture));
        Assert.Equal(new Dictionary<string, string> { ["Code client"] = "code", ["Raison sociale"] = "name" }, profile.Columns);
    }

    private static ImportEntity WithContactName() =>
        Some.AccountsEntity.WithCustomFields(b => b.Field("contact_name", FieldType.Text, f => f.Label("Contact", "Contact").Synonyms("Nom")));

    private static async Task<ColumnMatch> MatchAsync(string header)
    {
        var inspection = await Some.Pipeline(new InMemorySink()).InspectAsync(new InspectRequest(Some.Csv(header + ";Zzz\r\nx;y\r\n")));
        return inspection.Mapping.Columns[0];
    }
}
