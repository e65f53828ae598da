using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

public sealed class EntitiesCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Entities_ListsCustomersFieldsWithFlagsReferencesValuesAndFrenchLabels()
    {
        var result = await _cli.RunAsync("entities");

        Assert.Equal(0, result.Exit);
        Assert.Empty(result.Err);
        Assert.Contains("customers — clients (clé : code ; sinon : name)", result.Out);
        Assert.Contains("tax-regimes", result.Out);
        var code = Line(result.Out, "  code ");
        Assert.Contains("text", code);
        Assert.Contains("clé", code);
        Assert.Contains("Code client", code);
        var name = Line(result.Out, "  name ");
        Assert.Contains("obligatoire", name);
        Assert.Contains("Raison sociale", name);
        Assert.Contains("→ tax-regimes.code", Line(result.Out, "  tax_regime "));
        Assert.Contains("protégé", Line(result.Out, "  credit_limit "));
        var method = Line(result.Out, "  payment_method ");
        Assert.Contains("enum", method);
        Assert.Contains("VIREMENT, CHEQUE, PRELEVEMENT, CB, ESPECES, LCR", method);
        Assert.Contains("Mode de règlement", method);
    }

    [Fact]
    public async Task Entities_Json_DescribesEveryField()
    {
        var result = await _cli.RunAsync("entities", "--json");

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var customers = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "customers");
        Assert.Equal("code", customers.GetProperty("keys")[0].GetString());
        var fields = customers.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.True(fields["code"].GetProperty("key").GetBoolean());
        Assert.True(fields["name"].GetProperty("required").GetBoolean());
        Assert.Equal("Raison sociale", fields["name"].GetProperty("labelFr").GetString());
        Assert.True(fields["credit_limit"].GetProperty("protected").GetBoolean());
        Assert.Equal("tax-regimes.code", fields["tax_regime"].GetProperty("reference").GetString());
        Assert.Equal("enum", fields["payment_method"].GetProperty("type").GetString());
        Assert.Contains("LCR", fields["payment_method"].GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Entities_LangEn_SpeaksEnglish()
    {
        var result = await _cli.RunAsync("entities", "--lang", "en");

        Assert.Equal(0, result.Exit);
        Assert.Contains("customers — customers (key: code; else: name)", result.Out);
        Assert.Contains("required", Line(result.Out, "  name "));
    }

    private static string Line(string text, string start) =>
        text.Split('\n').First(l => l.StartsWith(start, StringComparison.Ordinal));
}
