using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>Regression (issue 10, item 11): a profile with a misspelled property is refused with exit 2, naming it.</summary>
public sealed class ProfileCheckCliTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_ProfileWithAMisspelledProperty_Exit2NamingItAndNothingWritten()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        _cli.WriteText("profil.json", """{ "entity": "customers", "colums": { "Code client": "code", "Raison sociale": "name" } }""");

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--profile", "profil.json");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("'colums' is not a property of a profile", result.Err, StringComparison.Ordinal);
        Assert.Contains("columns", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, await _cli.CountAsync("customers"));
    }

    [Fact]
    public async Task Run_ProfileThatCannotBeUsed_Exit2ListingEveryProblemWithTheReportAndNothingWritten()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        _cli.WriteText("profil.json", """{ "entity": "customers", "mode": "merge", "columns": { "Code client": "code", "Raison sociale": "nom" } }""");

        var result = await _cli.RunAsync("--lang", "en", "run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--profile", "profil.json", "--report", "rapport.json");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("invalid_profile : The profile's mode 'merge' is not insert, update or upsert.", result.Err, StringComparison.Ordinal);
        Assert.Contains("invalid_profile : The profile maps the column 'Raison sociale' to 'nom', which is not a field of 'customers'.", result.Err, StringComparison.Ordinal);
        Assert.Contains("unmapped_required_field", result.Err, StringComparison.Ordinal);
        using var report = _cli.ReadJson("rapport.json");
        Assert.Contains(report.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == IssueCodes.InvalidProfile);
        Assert.Equal(0, await _cli.CountAsync("customers"));
    }
}
