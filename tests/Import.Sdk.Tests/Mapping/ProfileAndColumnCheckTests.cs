using System.Globalization;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Mapping;

/// <summary>
/// Regression (issue 10, item 11): a profile with a misspelled property is refused; columns the profile names but the file
/// lacks are named (<c>missing_column</c>); columns matching no field are summarised instead of one warning each.
/// </summary>
public class ProfileAndColumnCheckTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void FromJson_MisspelledProperty_IsRefusedNamingItAndTheKnownOnes()
    {
        var ex = Assert.Throws<ImportException>(() => ImportProfile.FromJson("""{ "entity": "accounts", "colums": { "Code client": "code" } }"""));

        Assert.Equal(
            "The profile cannot be used: 'colums' is not a property of a profile (names are case-sensitive). The properties of a profile are: entity, culture, dateFormats, mode, columns, keys, defaults, autoCreate, references.",
            ex.Message);
    }

    [Fact]
    public void FromJson_SeveralUnknownProperties_NamesThemAll()
    {
        var ex = Assert.Throws<ImportException>(() => ImportProfile.FromJson("""{ "Columns": {}, "key": ["code"], "mode": "insert" }"""));

        Assert.StartsWith("The profile cannot be used: 'Columns', 'key' are not properties of a profile", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_EveryKnownPropertyWithCommentsAndTrailingCommas_IsAccepted()
    {
        var profile = ImportProfile.FromJson("""
            { // a comment
              "entity": "accounts", "culture": "fr-FR", "dateFormats": ["dd/MM/yyyy"], "mode": "upsert",
              "columns": { "Code client": "code" }, "keys": ["code"], "defaults": { "status": "ACTIVE" }, "autoCreate": ["groups"],
            }
            """);

        Assert.Equal("code", profile.Columns["Code client"]);
    }

    [Fact]
    public async Task SimulateAsync_ProfileNamesColumnsTheFileLacks_OneMissingColumnWarningNamingThemAndTheirFields()
    {
        var profile = new ImportProfile
        {
            Entity = "accounts",
            Columns = new Dictionary<string, string> { ["Code client"] = "code", ["Raison sociale"] = "name", ["Courriel"] = "email", ["Téléphone"] = "terms", ["Ignorée"] = "" },
        };

        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { UiCulture = English })
            .SimulateAsync(new ImportRequest(Some.Csv(Some.Lines("Code client;Raison sociale", "C1;Dupont"))) { Profile = profile });

        var issue = Assert.Single(report.IssuesOf(IssueCodes.MissingColumn));
        Assert.Equal((1, IssueSeverity.Warning), (issue.Row, issue.Severity));
        Assert.Equal("The profile names columns the file does not have: 'Courriel' (for 'email'), 'Téléphone' (for 'terms'). These fields are not imported: check the column names in the profile.", issue.Message);
        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
        Assert.True(report.IsSuccess);
    }

    [Fact]
    public async Task SimulateAsync_ProfileNamesAnAbsentColumnForARequiredField_WarningAndUnmappedRequiredField()
    {
        var profile = new ImportProfile { Entity = "accounts", Columns = new Dictionary<string, string> { ["Code client"] = "code", ["Nom"] = "name" } };

        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { UiCulture = English })
            .SimulateAsync(new ImportRequest(Some.Csv(Some.Lines("Code client;Raison sociale", "C1;Dupont"))) { Profile = profile });

        Assert.Contains("'Nom' (for 'name')", Assert.Single(report.IssuesOf(IssueCodes.MissingColumn)).Message, StringComparison.Ordinal);
        Assert.Single(report.IssuesOf(IssueCodes.UnmappedRequiredField));
        Assert.True(report.IsFileRejected);
    }

    [Fact]
    public async Task References_OfTheDesignContract_AreReadAndTheSchemasChoiceIsAccepted()
    {
        var profile = ImportProfile.FromJson("""{ "entity": "accounts", "columns": { "Code client": "code", "Raison sociale": "name" }, "references": { "parent": "code", "groups": "code" } }""");
        Assert.Equal("code", profile.References["parent"]);
        Assert.Equal(profile.References, ImportProfile.FromJson(profile.ToJson()).References);

        var report = await Some.Pipeline(new InMemorySink())
            .SimulateAsync(new ImportRequest(Some.Csv(Some.Lines(Some.Header, Some.Line("C1", "Dupont")))) { Profile = profile });

        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
    }

    [Theory]
    [InlineData("email", "code", "The profile's 'references' names 'email', which is not a reference field of 'accounts'.")]
    [InlineData("nope", "code", "The profile's 'references' names 'nope', which is not a reference field of 'accounts'.")]
    [InlineData("parent", "name", "The profile's 'references' reads 'parent' by 'accounts.name', which cannot identify it: 'parent' names a record by one of accounts.code.")]
    [InlineData("groups", "colour", "The profile's 'references' reads 'groups' by 'colour', which is not a field of 'groups'.")]
    public async Task References_ThatCannotBeHonoured_StopTheImportNamingThem(string field, string target, string expected)
    {
        // Never silently ignored: reading a reference by another field than its schema's would link the wrong records.
        var profile = new ImportProfile { Entity = "accounts", References = new Dictionary<string, string> { [field] = target } };

        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { UiCulture = English })
            .SimulateAsync(new ImportRequest(Some.Csv(Some.Lines(Some.Header, Some.Line("C1", "Dupont")))) { Profile = profile });

        Assert.Equal(expected, ImportProfileTests.ProfileProblems(report));
    }

    /// <summary>A header of the accounts columns, 30 named columns that match no field, then 16,344 columns without a header, up to XFD (a cell at XFD1).</summary>
    private static string WideHeader() =>
        Some.Header + string.Concat(Enumerable.Range(1, 30).Select(i => $";Zz{i}")) + new string(';', 16_344);

    [Fact]
    public async Task SimulateAsync_AutoMatchedWideSheet_NamedColumnsListedUpTo20ThenSummarisedAndUnnamedColumnsInOneWarning()
    {
        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { UiCulture = English })
            .SimulateAsync(new ImportRequest(Some.Csv(Some.Lines(WideHeader()))));

        AssertSummarised(report);
    }

    [Fact]
    public async Task SimulateAsync_WideSheetWithAProfile_SameSummary()
    {
        var profile = new ImportProfile { Entity = "accounts", Columns = new Dictionary<string, string> { ["Code client"] = "code", ["Raison sociale"] = "name" } };

        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { UiCulture = English })
            .SimulateAsync(new ImportRequest(Some.Csv(Some.Lines(WideHeader()))) { Profile = profile });

        var unmapped = report.IssuesOf(IssueCodes.UnmappedColumn);
        Assert.Equal(22, unmapped.Length); // 8 accounts columns + 12 of the 30, then the other 18 together, then the unnamed ones
        Assert.Equal("18 more column(s) match no field: they are ignored (Zz13, Zz14, Zz15, Zz16, Zz17, …).", unmapped[20].Message);
        Assert.Equal("16344 column(s) without a header are ignored (between columns AO (41) and XFD (16384)).", unmapped[21].Message);
    }

    [Fact]
    public async Task SimulateAsync_OneColumnWithoutHeaderAndAFewUnmatchedOnes_EachNamedOnce()
    {
        var header = "Code client;;Raison sociale" + string.Concat(Enumerable.Range(1, 22).Select(i => $";Zz{i}"));

        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { UiCulture = English })
            .SimulateAsync(new ImportRequest(Some.Csv(Some.Lines(header))));

        var unmapped = report.IssuesOf(IssueCodes.UnmappedColumn);
        Assert.Equal(
            ["2 more column(s) match no field: they are ignored (Zz21, Zz22).", "The column B (2) has no header: it is ignored."],
            unmapped.Skip(20).Select(i => i.Message));
    }

    private static void AssertSummarised(ImportReport report)
    {
        var unmapped = report.IssuesOf(IssueCodes.UnmappedColumn);
        Assert.Equal(22, unmapped.Length);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Zz{i}"), unmapped.Take(20).Select(i => i.Column));
        Assert.Equal("The column 'Zz1' matches no field: it is ignored.", unmapped[0].Message);
        Assert.Equal((null, "10 more column(s) match no field: they are ignored (Zz21, Zz22, Zz23, Zz24, Zz25, …)."), (unmapped[20].Column, unmapped[20].Message));
        Assert.Equal((null, "16344 column(s) without a header are ignored (between columns AO (41) and XFD (16384))."), (unmapped[21].Column, unmapped[21].Message));
        Assert.All(unmapped, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
    }
}
