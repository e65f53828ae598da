using System.Text;
using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

public sealed class PreviewCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Preview_Json_Utf8SemicolonCsv_PrintsTheContract()
    {
        _cli.WriteText("clients.csv", "Code client;Raison sociale;Ville\nC001;Société Générale;Orléans\nC002;;Lyon\n");

        var result = await _cli.RunAsync("preview", "--file", "clients.csv", "--json");

        Assert.Equal(0, result.Exit);
        AssertJson(
            result.Out,
            """{"format": "csv", "delimiter": ";", "encoding": "utf-8", "sheet": null, "header": ["Code client", "Raison sociale", "Ville"], "rows": [["C001", "Société Générale", "Orléans"], ["C002", "", "Lyon"]]}""");
        Assert.Contains("Société Générale", result.Out); // accents printed as they are, not \u00E9
    }

    [Fact]
    public async Task Preview_Json_Windows1252Csv_PrintsTheContract()
    {
        var bytes = Encoding.Latin1.GetBytes("Nom;Ville;Montant\r\nEléonore;Besançon;1 234,56\r\nZoë;Nîmes;12\r\n");
        _cli.WriteBytes("ansi.csv", bytes);

        var result = await _cli.RunAsync("preview", "--file", "ansi.csv", "--json");

        Assert.Equal(0, result.Exit);
        AssertJson(
            result.Out,
            """{"format": "csv", "delimiter": ";", "encoding": "windows-1252", "sheet": null, "header": ["Nom", "Ville", "Montant"], "rows": [["Eléonore", "Besançon", "1 234,56"], ["Zoë", "Nîmes", "12"]]}""");
    }

    [Fact]
    public async Task Preview_Rows_LimitsTheRows()
    {
        _cli.WriteText("many.csv", Files.Customers(30));

        var result = await _cli.RunAsync("preview", "--file", "many.csv", "--rows", "3", "--json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(3, json.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Preview_WithoutJson_PrintsAReadableTable()
    {
        _cli.WriteText("clients.csv", "Code client;Raison sociale\nC001;Dupont SA\n");

        var result = await _cli.RunAsync("preview", "--file", "clients.csv");

        Assert.Equal(0, result.Exit);
        Assert.Contains("clients.csv — format csv, encodage utf-8, séparateur « ; »", result.Out);
        Assert.Matches(@"ligne\s+Code client\s+Raison sociale", result.Out);
        Assert.Matches(@"2\s+C001\s+Dupont SA", result.Out);
    }

    [Fact]
    public async Task Preview_MissingFile_Exit2()
    {
        var result = await _cli.RunAsync("preview", "--file", "absent.csv");

        Assert.Equal(2, result.Exit);
        Assert.Contains("absent.csv", result.Err);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Preview_BinaryFile_Exit2WithMalformedFile()
    {
        _cli.WriteBytes("binary.csv", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00]);

        var result = await _cli.RunAsync("preview", "--file", "binary.csv", "--json");

        Assert.Equal(2, result.Exit);
        Assert.Contains("malformed_file", result.Err);
        Assert.Empty(result.Out);
    }

    private static void AssertJson(string actual, string expected)
    {
        using var a = JsonDocument.Parse(actual);
        using var e = JsonDocument.Parse(expected);
        Assert.Equal(Canonical(e.RootElement), Canonical(a.RootElement));
        Assert.Equal(
            ["format", "delimiter", "encoding", "sheet", "header", "rows"],
            a.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
    }

    private static string Canonical(JsonElement element) => JsonSerializer.Serialize(element);
}
