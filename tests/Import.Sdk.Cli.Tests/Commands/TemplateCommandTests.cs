using System.Text;
using System.Text.Json;
using Import.Sdk.Cli.Commands;
using Import.Sdk.Cli.Tests.Support;
using Import.Sdk.Commerce;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Cli.Tests.Commands;

public sealed class TemplateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Template_Csv_HasFrenchLabelsAndOneExampleRow()
    {
        var result = await _cli.RunAsync("template", "--entity", "customers", "--format", "csv", "--out", "modele.csv");

        Assert.Equal(0, result.Exit);
        var bytes = File.ReadAllBytes(_cli.PathOf("modele.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var schema = CommerceEntities.Customers().Schema;
        Assert.Equal(schema.Fields.Select(f => f.LabelFr), lines[0].Split(';'));
        var example = lines[1].Split(';');
        Assert.Equal("732829320", example[schema.IndexOf("siren")]);
        Assert.Equal("FR", example[schema.IndexOf("tax_regime")]);
        Assert.Equal("1 234,56", example[schema.IndexOf("credit_limit")]);
        Assert.Equal("30", example[schema.IndexOf("payment_terms_days")]);
        Assert.Equal("VIREMENT", example[schema.IndexOf("payment_method")]);
        Assert.Equal("contact@exemple.fr", example[schema.IndexOf("account_manager_email")]);
        Assert.Equal(string.Empty, example[schema.IndexOf("parent_code")]);
    }

    [Fact]
    public async Task Template_FilledInAndImportedBack_ImportsCleanly()
    {
        await _cli.SeedTaxRegimesAsync();
        Assert.Equal(0, (await _cli.RunAsync("template", "--entity", "customers", "--format", "csv", "--out", "modele.csv")).Exit);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "modele.csv", "--db", _cli.Db, "--report", "report.json");

        Assert.True(result.Exit == 0, result.ToString());
        using var report = _cli.ReadJson("report.json");
        var totals = report.RootElement.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("rows").GetInt64());
        Assert.Equal(1, totals.GetProperty("inserted").GetInt64());
        Assert.Equal(0, totals.GetProperty("rejected").GetInt64());
        Assert.DoesNotContain(report.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal(1, await _cli.CountAsync("customers"));
    }

    [Fact]
    public void TemplateExamples_IdentifiersAreValid()
    {
        var schema = CommerceEntities.Customers().Schema;
        string Example(string field) => TemplateExamples.For(schema[field]);

        Assert.True(Siren.IsValid(Example("siren")));
        Assert.True(Siret.IsValid(Example("siret")));
        Assert.Equal("FR44732829320", Example("vat_number"));
        Assert.True(VatNumber.IsValid(Example("vat_number")));
        Assert.True(Iban.IsValid(Example("iban")));
        Assert.True(Bic.IsValid(Example("bic")));
        Assert.True(Rib.IsValid(Example("bank_code"), Example("branch_code"), Example("account_number"), Example("rib_key")));
    }

    [Fact]
    public async Task Template_Xlsx_Exit2WithAClearMessage()
    {
        var result = await _cli.RunAsync("template", "--entity", "customers", "--format", "xlsx", "--out", "modele.xlsx", "--lang", "en");

        Assert.Equal(2, result.Exit);
        Assert.Contains("the XLSX template needs Import.Sdk.Excel, coming in a later version; use --format csv", result.Err);
        Assert.False(File.Exists(_cli.PathOf("modele.xlsx")));
    }

    [Fact]
    public async Task Template_UnknownEntity_Exit2ListingTheEntities()
    {
        var result = await _cli.RunAsync("template", "--entity", "clients", "--out", "modele.csv");

        Assert.Equal(2, result.Exit);
        Assert.Contains("customers", result.Err);
        Assert.False(File.Exists(_cli.PathOf("modele.csv")));
    }
}
