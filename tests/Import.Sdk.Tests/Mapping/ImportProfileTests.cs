using System.Globalization;
using System.Text.Json;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Mapping;

/// <summary>Profiles: the JSON contract of DESIGN.md, and what an explicit profile does to an import.</summary>
public class ImportProfileTests
{
    private const string DesignExample = """
        { "entity": "customers", "culture": "fr-FR", "dateFormats": ["dd/MM/yyyy"], "mode": "upsert",
          "columns": { "Code client": "code", "Raison sociale": "name", "Groupes": "groups" },
          "keys": ["code"], "defaults": { "status": "PENDING" }, "autoCreate": ["tax_regime"] }
        """;

    [Fact]
    public void FromJson_DesignExample_ReadsEveryProperty()
    {
        var profile = ImportProfile.FromJson(DesignExample);

        Assert.Equal(("customers", "fr-FR", "upsert"), (profile.Entity, profile.Culture, profile.Mode));
        Assert.Equal(["dd/MM/yyyy"], profile.DateFormats);
        Assert.Equal(new Dictionary<string, string> { ["Code client"] = "code", ["Raison sociale"] = "name", ["Groupes"] = "groups" }, profile.Columns);
        Assert.Equal(["code"], profile.Keys);
        Assert.Equal(new Dictionary<string, string> { ["status"] = "PENDING" }, profile.Defaults);
        Assert.Equal(["tax_regime"], profile.AutoCreate);
    }

    [Fact]
    public void ToJson_ThenFromJson_RoundTripsEveryProperty()
    {
        var profile = new ImportProfile
        {
            Entity = "accounts",
            Culture = "en-US",
            DateFormats = ["MM/dd/yyyy", "yyyy-MM-dd"],
            Mode = "insert",
            Columns = new Dictionary<string, string> { ["Code client"] = "code", ["Société « SA »"] = "name", ["Ignorée"] = "" },
            Keys = ["code"],
            Defaults = new Dictionary<string, string> { ["terms"] = "30" },
            AutoCreate = ["groups"],
        };

        var back = ImportProfile.FromJson(profile.ToJson());

        Assert.Equal((profile.Entity, profile.Culture, profile.Mode), (back.Entity, back.Culture, back.Mode));
        Assert.Equal(profile.DateFormats, back.DateFormats);
        Assert.Equal(profile.Columns, back.Columns);
        Assert.Equal(profile.Keys, back.Keys);
        Assert.Equal(profile.Defaults, back.Defaults);
        Assert.Equal(profile.AutoCreate, back.AutoCreate);
    }

    [Fact]
    public void ToJson_UsesTheCamelCaseNamesOfTheContract()
    {
        var json = new ImportProfile { Entity = "accounts", Culture = "fr-FR", DateFormats = ["dd/MM/yyyy"], Mode = "upsert", Keys = ["code"], AutoCreate = ["groups"] }.ToJson();

        using var document = JsonDocument.Parse(json);
        Assert.Equal(
            ["entity", "culture", "dateFormats", "mode", "columns", "keys", "defaults", "autoCreate", "references"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await ImportProfile.FromJson(DesignExample).SaveAsync(path);
            var back = await ImportProfile.LoadAsync(path);

            Assert.Equal("customers", back.Entity);
            Assert.Equal(3, back.Columns.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{ \"columns\": [1, 2] }")]
    [InlineData("null")]
    public void FromJson_NotAProfile_ThrowsImportException(string json)
    {
        Assert.Throws<ImportException>(() => ImportProfile.FromJson(json));
    }

    [Fact]
    public async Task ExecuteAsync_ExplicitProfileWithEnglishCultureAndDateFormat_ConvertsLikeAnAmericanFile()
    {
        var profile = new ImportProfile
        {
            Entity = "accounts",
            Culture = "en-US",
            DateFormats = ["MM/dd/yyyy"],
            Columns = new Dictionary<string, string> { ["Account"] = "code", ["Company"] = "name", ["Credit"] = "limit", ["Since"] = "since", ["Terms"] = "terms" },
        };
        var csv = "Account;Company;Credit;Since;Terms\r\nA1;Acme;\"1,234.56\";02/29/2024;\r\nA2;Globex;12.5;12/31/2023;60\r\n";

        var (report, sink) = await Some.ExecuteAsync(csv, profile: profile, options: o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") });

        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Totals);
        Assert.Empty(report.Issues);
        var a1 = Some.Account(sink, "A1");
        Assert.Equal(1234.56m, Some.Value(a1, "limit"));
        Assert.Equal(new DateOnly(2024, 2, 29), Some.Value(a1, "since"));
        Assert.Null(Some.Value(a1, "terms"));
        Assert.Equal(new DateOnly(2023, 12, 31), Some.Value(Some.Account(sink, "A2"), "since"));
    }

    [Fact]
    public async Task SimulateAsync_ProfileDateFormat_IsNamedInTheInvalidDateMessage()
    {
        var profile = new ImportProfile { DateFormats = ["MM/dd/yyyy"], Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name", ["Depuis"] = "since" } };

        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .SimulateAsync(new ImportRequest(Some.Csv("Code;Nom;Depuis\r\nC1;Dupont;29/02/2024\r\n")) { Profile = profile });

        var issue = Assert.Single(report.Issues);
        Assert.Equal((IssueCodes.InvalidDate, "since", "Depuis", "29/02/2024"), (issue.Code, issue.Field, issue.Column, issue.Value));
        Assert.Equal("expected MM/dd/yyyy, got '29/02/2024'.", issue.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ProfileModeKeysAndDefaults_AreApplied()
    {
        var sink = new InMemorySink();
        sink.Seed(Some.Accounts, Some.NewAccount("OLD", "Dupont"));
        var profile = new ImportProfile
        {
            Mode = "insert",
            Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name", ["Délai"] = "terms", ["Statut"] = "status" },
            Keys = ["name"],
            Defaults = new Dictionary<string, string> { ["terms"] = "30", ["status"] = "PENDING" },
        };

        var (report, _) = await Some.ExecuteAsync("Code;Nom;Délai;Statut\r\nC1;Dupont;45;\r\nC2;Martin;;X\r\n", sink, profile: profile);

        Assert.Equal(ImportMode.Insert, report.Mode);
        var rejected = Assert.Single(report.Issues);
        Assert.Equal((2, IssueCodes.AlreadyExists, "Dupont"), (rejected.Row, rejected.Code, rejected.Value)); // the key is the name
        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
        var c2 = Some.Account(sink, "C2");
        Assert.Equal(30L, Some.Value(c2, "terms")); // the profile default fills the empty cell
        Assert.Equal("X", Some.Value(c2, "status"));
    }

    [Fact]
    public async Task ExecuteAsync_ProfileDefaultForUnmappedField_IsUsed()
    {
        var profile = new ImportProfile { Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name" }, Defaults = new Dictionary<string, string> { ["status"] = "PENDING", ["active"] = "oui" } };

        var (_, sink) = await Some.ExecuteAsync("Code;Nom\r\nC1;Dupont\r\n", profile: profile);

        var c1 = Some.Account(sink, "C1");
        Assert.Equal("PENDING", Some.Value(c1, "status"));
        Assert.Equal(true, Some.Value(c1, "active"));
    }

    [Fact]
    public async Task SimulateAsync_ProfileColumnsNotInTheFileAndFileColumnsNotInTheProfile_AreIgnoredWithAWarningEach()
    {
        var profile = new ImportProfile { Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name", ["Absente"] = "email" } };

        var report = await Some.Pipeline(new InMemorySink()).SimulateAsync(new ImportRequest(Some.Csv("Code;Nom;Raison sociale\r\nC1;Dupont;x\r\n")) { Profile = profile });

        Assert.Equal(2, report.Issues.Count);
        var missing = Assert.Single(report.IssuesOf(IssueCodes.MissingColumn)); // issue 10: the profile's absent column is named
        Assert.Equal((1, IssueSeverity.Warning), (missing.Row, missing.Severity));
        Assert.Contains("« Absente » (pour « email »)", missing.Message, StringComparison.Ordinal);
        var warning = Assert.Single(report.IssuesOf(IssueCodes.UnmappedColumn));
        Assert.Equal((1, "Raison sociale", IssueCodes.UnmappedColumn, IssueSeverity.Warning), (warning.Row, warning.Column, warning.Code, warning.Severity));
        Assert.Equal(1, report.Totals.Inserted);
    }

    [Fact]
    public async Task SimulateAsync_ProfileMapsAColumnToAnUnknownField_StopsTheImportNamingIt()
    {
        var profile = new ImportProfile { Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name", ["Couleur"] = "colour" } };

        var problems = ProfileProblems(await SimulateAsync("Code;Nom;Couleur\r\nC1;Dupont;bleu\r\n", profile, english: true));

        Assert.Contains("'colour'", problems, StringComparison.Ordinal);
        Assert.Contains("'Couleur'", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulateAsync_ProfileMapsTwoColumnsToOneField_StopsTheImportNamingBoth()
    {
        var profile = new ImportProfile { Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name", ["Raison sociale"] = "name" } };

        var problems = ProfileProblems(await SimulateAsync("Code;Nom;Raison sociale\r\nC1;Dupont;Dupont SA\r\n", profile, english: true));

        Assert.Contains("'Nom'", problems, StringComparison.Ordinal);
        Assert.Contains("'Raison sociale'", problems, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("replace")]
    public async Task SimulateAsync_ProfileWithUnknownMode_StopsTheImportNamingIt(string mode)
    {
        var profile = new ImportProfile { Mode = mode, Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name" } };

        var problems = ProfileProblems(await SimulateAsync("Code;Nom\r\nC1;Dupont\r\n", profile, english: true));

        Assert.Contains($"'{mode}'", problems, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPSERT", ImportMode.Upsert)]
    [InlineData(" update ", ImportMode.Update)]
    [InlineData("Insert", ImportMode.Insert)]
    public async Task SimulateAsync_ProfileMode_IsCaseAndSpaceInsensitive(string mode, ImportMode expected)
    {
        var profile = new ImportProfile { Mode = mode, Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name" } };

        var report = await SimulateAsync("Code;Nom\r\nC1;Dupont\r\n", profile);

        Assert.Equal(expected, report.Mode);
    }

    [Fact]
    public async Task SimulateAsync_RequestModeOverridesTheProfileMode()
    {
        var profile = new ImportProfile { Mode = "insert", Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name" } };

        var report = await Some.Pipeline(new InMemorySink()).SimulateAsync(new ImportRequest(Some.Csv("Code;Nom\r\nC1;Dupont\r\n")) { Profile = profile, Mode = ImportMode.Update });

        Assert.Equal(ImportMode.Update, report.Mode);
        Assert.Equal(IssueCodes.NotFound, Assert.Single(report.Issues).Code);
    }

    public static TheoryData<ImportProfile, string> InvalidProfiles => new()
    {
        { Valid with { Entity = "invoices" }, "'invoices'" },
        { Valid with { Defaults = new Dictionary<string, string> { ["colour"] = "x" } }, "'colour'" },
        { Valid with { Defaults = new Dictionary<string, string> { ["terms"] = "trente" } }, "'terms'" },
        { Valid with { AutoCreate = ["name"] }, "'name'" },
        { Valid with { Keys = ["nope"] }, "'nope'" },
    };

    private static ImportProfile Valid => new() { Columns = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "name" } };

    [Theory]
    [MemberData(nameof(InvalidProfiles))]
    public async Task SimulateAsync_InvalidProfile_StopsTheImportNamingTheProblem(ImportProfile profile, string named)
    {
        var problems = ProfileProblems(await SimulateAsync("Code;Nom\r\nC1;Dupont\r\n", profile, english: true));

        Assert.Contains(named, problems, StringComparison.Ordinal);
    }

    /// <summary>
    /// Regression (was a bug): CompiledMapping.Compile catches CultureNotFoundException from CultureInfo.GetCultureInfo(name), but with ICU an
    /// unknown but well-formed name ("xx-NOPE-12") does not throw: the profile silently gets a made-up culture with invariant
    /// number formats. <c>CultureInfo.GetCultureInfo(name, predefinedOnly: true)</c> would reject it.
    /// </summary>
    [Fact]
    public async Task SimulateAsync_ProfileWithUnknownCulture_StopsTheImportNamingIt()
    {
        var problems = ProfileProblems(await SimulateAsync("Code;Nom\r\nC1;Dupont\r\n", Valid with { Culture = "xx-NOPE-12" }, english: true));

        Assert.Contains("'xx-NOPE-12'", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulateAsync_ProblemsOfAProfile_AreAllListedInTheReport()
    {
        var profile = Valid with { Mode = "merge", Keys = ["nope"], AutoCreate = ["email"] };

        var problems = ProfileProblems(await SimulateAsync("Code;Nom\r\nC1;Dupont\r\n", profile, english: true));

        Assert.Contains("'merge'", problems, StringComparison.Ordinal);
        Assert.Contains("'nope'", problems, StringComparison.Ordinal);
        Assert.Contains("'email'", problems, StringComparison.Ordinal);
    }

    /// <summary>
    /// Regression: System.Text.Json's source-generated deserializer sets every init-only property, so a profile JSON that omitted
    /// <c>columns</c>, <c>defaults</c> or <c>autoCreate</c> yielded <see langword="null"/> collections and the pipeline threw
    /// NullReferenceException from CompiledMapping.Compile (fixed in 73be234).
    /// </summary>
    [Fact]
    public void FromJson_ProfileOmittingOptionalProperties_HasEmptyCollections()
    {
        var profile = ImportProfile.FromJson("{ \"entity\": \"accounts\" }");

        Assert.NotNull(profile.Columns);
        Assert.NotNull(profile.Defaults);
        Assert.NotNull(profile.AutoCreate);
        Assert.Empty(profile.Columns);
        Assert.Empty(profile.Defaults);
        Assert.Empty(profile.AutoCreate);
    }

    /// <summary>Regression (see above): a minimal profile file, only <c>columns</c>, made the import throw NullReferenceException.</summary>
    [Theory]
    [InlineData("{ \"columns\": { \"Code\": \"code\", \"Nom\": \"name\" }, \"entity\": null, \"defaults\": null, \"autoCreate\": null }")]
    [InlineData("{ \"columns\": { \"Code\": \"code\", \"Nom\": \"name\", \"Autre\": null }, \"defaults\": { \"status\": null } }")]
    public async Task SimulateAsync_ProfileJsonWithNulls_Imports(string json)
    {
        var report = await SimulateAsync("Code;Nom;Autre\r\nC1;Dupont;x\r\n", ImportProfile.FromJson(json));

        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
    }

    /// <summary>
    /// Regression (was a bug): a null inside a hand-edited profile's lists (<c>"keys": [null]</c>, <c>"autoCreate": [null]</c>) reaches
    /// EntitySchema.TryGetField(null) in CompiledMapping.Compile and throws ArgumentNullException instead of an ImportException that
    /// says what is wrong with the profile.
    /// </summary>
    [Theory]
    [InlineData("{ \"columns\": { \"Code\": \"code\", \"Nom\": \"name\" }, \"keys\": [null] }")]
    [InlineData("{ \"columns\": { \"Code\": \"code\", \"Nom\": \"name\" }, \"autoCreate\": [null] }")]
    public async Task SimulateAsync_ProfileJsonWithNullInAList_StopsTheImportNamingTheList(string json)
    {
        var profile = ImportProfile.FromJson(json);

        var problems = ProfileProblems(await SimulateAsync("Code;Nom\r\nC1;Dupont\r\n", profile, english: true));

        Assert.Contains("holds an empty entry", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulateAsync_ProfileJsonWithColumnsOnly_Imports()
    {
        var profile = ImportProfile.FromJson("{ \"columns\": { \"Code\": \"code\", \"Nom\": \"name\" } }");

        var report = await SimulateAsync("Code;Nom\r\nC1;Dupont\r\n", profile);

        Assert.Equal(new ImportTotals(1, 1, 0, 0, 0), report.Totals);
    }

    private static Task<ImportReport> SimulateAsync(string csv, ImportProfile profile, bool english = false) =>
        Some.Pipeline(new InMemorySink(), options: english ? o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") } : null)
            .SimulateAsync(new ImportRequest(Some.Csv(csv)) { Profile = profile });

    /// <summary>
    /// The messages of a report's <see cref="IssueCodes.InvalidProfile"/> errors, after checking that the profile stopped the
    /// import before any row (the file rejected, nothing planned) and that each problem is an error of the header row.
    /// </summary>
    internal static string ProfileProblems(ImportReport report)
    {
        Assert.True(report.IsFileRejected);
        Assert.Equal(0, report.Totals.Inserted + report.Totals.Updated + report.Totals.Unchanged);
        var problems = report.Issues.Where(i => i.Code == IssueCodes.InvalidProfile).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal((1, IssueSeverity.Error), (p.Row, p.Severity)));
        return string.Join(" | ", problems.Select(p => p.Message));
    }
}
