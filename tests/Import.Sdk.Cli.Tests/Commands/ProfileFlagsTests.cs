using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>
/// <c>--auto-create FIELD</c>, <c>--default FIELD=VALUE</c> and <c>--ref FIELD=TARGET</c>: the profile's <c>autoCreate</c>,
/// <c>defaults</c> and <c>references</c> on the command line, merged over <c>--profile</c> or over the automatic matching.
/// </summary>
public sealed class ProfileFlagsTests : IDisposable
{
    private const string Suppliers = "Code fournisseur;Raison sociale;Régime fiscal\nF1;Martin;\nF2;Durand;FR\n";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_DefaultsWithoutProfile_MergedOverTheAutomaticMatching()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("fournisseurs.csv", "Code fournisseur;Raison sociale;Ville\nF1;Martin;\nF2;Durand;Lille\n");

        var result = await _cli.RunAsync("run", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--default", "city=Lyon", "--default", "country=France");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"Ville\s+→\s+city\s+exact", result.Out);
        var suppliers = (await _cli.RecordsAsync("suppliers")).OrderBy(s => (string?)s["code"], StringComparer.Ordinal).ToArray();
        Assert.Equal([("F1", "Lyon", "FR"), ("F2", "Lille", "FR")], suppliers.Select(s => (s["code"], s["city"], s["country"])));
    }

    [Fact]
    public async Task Run_FlagsAndProfile_FlagsWinTheRestOfTheProfileKept()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("fournisseurs.csv", "Réf;Société;Régime\nF1;Martin;\nF2;Durand;FR\n");
        _cli.WriteText("profil.json", """
            { "entity": "suppliers", "columns": { "Réf": "code", "Société": "name", "Régime": "tax_regime" },
              "defaults": { "city": "Paris", "country": "FR" }, "references": { "tax_regime": "code" } }
            """);

        var result = await _cli.RunAsync(
            "run", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--profile", "profil.json",
            "--default", "city=Lyon", "--default", "tax_regime=EXO", "--auto-create", "tax_regime", "--ref", "tax_regime=code", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        var warning = Assert.Single(report.RootElement.GetProperty("issues").EnumerateArray());
        Assert.Equal((2, "auto_created", "EXO"), (warning.GetProperty("row").GetInt32(), warning.GetProperty("code").GetString(), warning.GetProperty("value").GetString()));
        var suppliers = (await _cli.RecordsAsync("suppliers")).OrderBy(s => (string?)s["code"], StringComparer.Ordinal).ToArray();
        Assert.Equal([("F1", "Lyon", "FR", "EXO"), ("F2", "Lyon", "FR", "FR")], suppliers.Select(s => (s["code"], s["city"], s["country"], s["tax_regime"])));
    }

    [Fact]
    public async Task Run_AutoCreateFlagOverAProfileWithout_RegimeCreated()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("fournisseurs.csv", "Réf;Société;Régime\nF1;Martin;XYZ\n");
        _cli.WriteText("profil.json", """{ "entity": "suppliers", "columns": { "Réf": "code", "Société": "name", "Régime": "tax_regime" } }""");

        var without = await _cli.RunAsync("simulate", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--profile", "profil.json", "--json");
        var with = await _cli.RunAsync("run", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--profile", "profil.json", "--auto-create", "tax_regime", "--json");

        Assert.True(without.Exit == 1, without.ToString());
        Assert.Contains("\"unknown_reference\"", without.Out, StringComparison.Ordinal);
        Assert.True(with.Exit == 0, with.ToString());
        Assert.Contains("\"auto_created\"", with.Out, StringComparison.Ordinal);
        Assert.Equal(["FR", "XYZ"], (await _cli.RecordsAsync("tax-regimes")).Select(r => r["code"]).Order());
    }

    [Fact]
    public async Task Run_RefToTheKey_SameAsWithoutIt()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("fournisseurs.csv", Suppliers);

        var result = await _cli.RunAsync("run", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--ref", "tax_regime=code");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(2, await _cli.CountAsync("suppliers"));
    }

    [Fact]
    public async Task Run_RefByAnotherFieldOfTheTarget_Exit2InvalidProfileNothingWritten()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("fournisseurs.csv", Suppliers);

        var result = await _cli.RunAsync("run", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--ref", "tax_regime=label", "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("invalid_profile : The profile's 'references' reads 'tax_regime' by 'tax-regimes.label', which cannot identify it: 'tax_regime' names a record by one of tax-regimes.code.", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, await _cli.CountAsync("suppliers"));
    }

    [Fact]
    public async Task Run_DefaultThatIsNotAValidValue_Exit2InvalidProfile()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--default", "payment_terms_days=trente", "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("invalid_profile : The default value of 'payment_terms_days' is not valid: ", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, await _cli.CountAsync("customers"));
    }

    [Theory]
    [InlineData("--default", "city", "error: --default 'city': expected FIELD=VALUE, for example --default country=FR.")]
    [InlineData("--default", "=Lyon", "error: --default '=Lyon': expected FIELD=VALUE, for example --default country=FR.")]
    [InlineData("--default", "city=", "error: --default 'city=': expected FIELD=VALUE, for example --default country=FR.")]
    [InlineData("--default", "ville=Lyon", "error: --default 'ville=Lyon': 'ville' is not a field of 'suppliers'. Fields: code, name, accounting_code, ")]
    [InlineData("--ref", "tax_regime", "error: --ref 'tax_regime': expected FIELD=TARGET, for example --ref account=accounting_code.")]
    [InlineData("--ref", "city=code", "error: --ref 'city=code': 'city' is not a reference field of 'suppliers'. Reference fields: tax_regime.")]
    [InlineData("--ref", "account=accounting_code", "error: --ref 'account=accounting_code': 'account' is not a field of 'suppliers'. Reference fields: tax_regime.")]
    [InlineData("--ref", "tax_regime=rate_code", "error: --ref 'tax_regime=rate_code': 'rate_code' is not a field of 'tax-regimes', the entity 'tax_regime' refers to. Fields: code, label, rate.")]
    [InlineData("--auto-create", "regime", "error: --auto-create 'regime': 'regime' is not a field of 'suppliers'. Reference fields: tax_regime.")]
    [InlineData("--auto-create", "city", "error: --auto-create 'city': 'city' is not a reference field of 'suppliers'. Reference fields: tax_regime.")]
    public async Task ImportCommands_MalformedFlag_Exit2OneMessageNamingItNothingWritten(string option, string value, string message)
    {
        _cli.WriteText("fournisseurs.csv", Suppliers);

        foreach (var command in new[] { "simulate", "run" })
        {
            var result = await _cli.RunAsync(command, "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, option, value, "--lang", "en");

            Assert.True(result.Exit == 2, result.ToString());
            Assert.StartsWith(message, result.Err, StringComparison.Ordinal);
            Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Empty(result.Out);
            Assert.False(File.Exists(_cli.DbPath));
        }
    }

    [Fact]
    public async Task Run_MalformedFlagInFrench_Exit2FrenchMessage()
    {
        _cli.WriteText("fournisseurs.csv", Suppliers);

        var result = await _cli.RunAsync("run", "--entity", "suppliers", "--file", "fournisseurs.csv", "--db", _cli.Db, "--auto-create", "ville");

        Assert.Equal(2, result.Exit);
        Assert.Equal("erreur : --auto-create « ville » : « ville » n'est pas un champ de « suppliers ». Champs de référence : tax_regime.", result.Err.Trim());
    }

    [Fact]
    public async Task Run_CustomersAutoCreateWithoutProfile_CreatesTheRegimeAndSavesOnlyTheColumns()
    {
        _cli.WriteText("clients.csv", "Code client;Raison sociale;Régime fiscal\nC1;Dupont SA;EXPORT\n");

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--auto-create", "tax_regime", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(["EXPORT"], (await _cli.RecordsAsync("tax-regimes")).Select(r => r["code"]));
        var saved = Assert.Single(Directory.GetFiles(_cli.DbPath + ".profiles", "customers-*.json"));
        var profile = ImportProfile.FromJson(File.ReadAllText(saved));
        Assert.Empty(profile.AutoCreate); // the flags are for this import, not learned for the next file
        Assert.Equal("tax_regime", profile.Columns["Régime fiscal"]);
    }
}
