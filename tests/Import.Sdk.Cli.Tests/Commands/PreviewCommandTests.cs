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
    public async Task Preview_Json_Cp850TabSeparatedTxt_ReportsIbm850()
    {
        var oem = CodePagesEncodingProvider.Instance.GetEncoding(850)!;
        _cli.WriteBytes("export.txt", oem.GetBytes("Nom\tVille\r\nHélène Bérard\tCréteil\r\nFrançois Lefèvre\tAix-en-Provence\r\n"));

        var result = await _cli.RunAsync("preview", "--file", "export.txt", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        AssertJson(
            result.Out,
            """{"format": "csv", "delimiter": "\t", "encoding": "ibm850", "sheet": null, "header": ["Nom", "Ville"], "rows": [["Hélène Bérard", "Créteil"], ["François Lefèvre", "Aix-en-Provence"]]}""");
    }

    [Fact]
    public async Task Preview_EncodingCp850_ReadsTheFileAsAsked()
    {
        // "à" alone (0x85) is also Windows-1252's "…": detection keeps Windows-1252, --encoding says otherwise.
        var oem = CodePagesEncodingProvider.Instance.GetEncoding(850)!;
        _cli.WriteBytes("export.txt", oem.GetBytes("Code;Note\r\nC1;livrer à 9 h\r\n"));

        var detected = await _cli.RunAsync("preview", "--file", "export.txt", "--json");
        var forced = await _cli.RunAsync("preview", "--file", "export.txt", "--json", "--encoding", "cp850");

        Assert.True(forced.Exit == 0, forced.ToString());
        using var d = JsonDocument.Parse(detected.Out);
        using var f = JsonDocument.Parse(forced.Out);
        Assert.Equal(("windows-1252", "livrer … 9 h"), (d.RootElement.GetProperty("encoding").GetString(), d.RootElement.GetProperty("rows")[0][1].GetString()));
        Assert.Equal(("ibm850", "livrer à 9 h"), (f.RootElement.GetProperty("encoding").GetString(), f.RootElement.GetProperty("rows")[0][1].GetString()));
    }

    [Theory]
    [InlineData("utf-8", 65001, "utf-8")]
    [InlineData("UTF8", 65001, "utf-8")]
    [InlineData("windows-1252", 1252, "windows-1252")]
    [InlineData("cp1252", 1252, "windows-1252")]
    [InlineData("latin1", 28591, "iso-8859-1")]
    [InlineData("iso-8859-1", 28591, "iso-8859-1")]
    [InlineData("cp850", 850, "ibm850")]
    [InlineData("IBM850", 850, "ibm850")]
    [InlineData("850", 850, "ibm850")]
    [InlineData("cp437", 437, "ibm437")]
    [InlineData("utf-16", 1200, "utf-16")]
    public async Task Preview_EncodingNames_AreResolved(string name, int codePage, string reported)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
        _cli.WriteBytes("file.txt", encoding.GetBytes("Code;Ville\r\nC1;Orléans\r\n"));

        var result = await _cli.RunAsync("preview", "--file", "file.txt", "--json", "--encoding", name);

        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(reported, json.RootElement.GetProperty("encoding").GetString());
        Assert.Equal("Orléans", json.RootElement.GetProperty("rows")[0][1].GetString());
    }

    [Fact]
    public async Task Preview_EncodingUtf16OnAFileWithItsBom_ReadsTheHeaderWithoutTheBom()
    {
        _cli.WriteBytes("file.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Code;Ville\r\nC1;Orléans\r\n")]);

        var result = await _cli.RunAsync("preview", "--file", "file.txt", "--json", "--encoding", "utf-16");

        Assert.True(result.Exit == 0, result.ToString());
        AssertJson(
            result.Out,
            """{"format": "csv", "delimiter": ";", "encoding": "utf-16", "sheet": null, "header": ["Code", "Ville"], "rows": [["C1", "Orléans"]]}""");
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("utf-99")]
    [InlineData("")]
    [InlineData("99999")]
    public async Task Preview_UnknownEncoding_Exit2NamingItAndTheKnownOnes(string name)
    {
        _cli.WriteText("clients.csv", "Code;Nom\nC1;Dupont\n");

        var result = await _cli.RunAsync("preview", "--file", "clients.csv", "--encoding", name, "--lang", "en");

        Assert.Equal(2, result.Exit);
        Assert.Contains($"unknown encoding '{name}'", result.Err);
        Assert.Contains("ibm850", result.Err);
        Assert.Empty(result.Out);
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
