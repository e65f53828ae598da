using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Simulate_WritesNothing_RunWrites()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var simulated = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(simulated.Exit == 0, simulated.ToString());
        Assert.Contains("Lignes : 2 | insérées : 2", simulated.Out);
        Assert.Contains("rien n'a été écrit", simulated.Out);
        Assert.Equal(0, await _cli.CountAsync("customers"));

        var run = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("Lignes : 2 | insérées : 2", run.Out);
        Assert.Equal(2, await _cli.CountAsync("customers"));
    }

    [Fact]
    public async Task Simulate_WithoutStore_CreatesNoDatabase()
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");

        var result = await _cli.RunAsync("simulate", "--entity", "tax-regimes", "--file", "regimes.csv", "--db", _cli.Db);

        Assert.Equal(0, result.Exit);
        Assert.False(File.Exists(_cli.DbPath));
    }

    [Fact]
    public async Task Run_DefaultDb_IsImportDbInTheCurrentFolder()
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");

        var result = await _cli.RunAsync("run", "--entity", "tax-regimes", "--file", "regimes.csv");

        Assert.Equal(0, result.Exit);
        Assert.True(File.Exists(_cli.PathOf("import.db")));
    }

    [Fact]
    public async Task Run_RejectedRow_Exit1AndReportMatchesTheContract()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.OneRejected);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "report.json");

        Assert.True(result.Exit == 1, result.ToString());
        using var report = _cli.ReadJson("report.json");
        var root = report.RootElement;
        Assert.Equal("customers", root.GetProperty("entity").GetString());
        Assert.Equal("upsert", root.GetProperty("mode").GetString());
        Assert.False(root.GetProperty("simulated").GetBoolean());
        Assert.Equal("clients.csv", root.GetProperty("file").GetString());
        var totals = root.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("rows").GetInt64());
        Assert.Equal(1, totals.GetProperty("inserted").GetInt64());
        Assert.Equal(0, totals.GetProperty("updated").GetInt64());
        Assert.Equal(0, totals.GetProperty("unchanged").GetInt64());
        Assert.Equal(1, totals.GetProperty("rejected").GetInt64());
        var issue = Assert.Single(root.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal(3, issue.GetProperty("row").GetInt32());
        Assert.Equal("SIREN", issue.GetProperty("column").GetString());
        Assert.Equal("siren", issue.GetProperty("field").GetString());
        Assert.Equal("123456789", issue.GetProperty("value").GetString());
        Assert.Equal("invalid_siren", issue.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("message").GetString()));
        Assert.Equal(1, await _cli.CountAsync("customers"));

        // The readable summary: totals and the issue with row, column, code.
        Assert.Contains("Lignes : 2 | insérées : 1 | mises à jour : 0 | inchangées : 0 | rejetées : 1", result.Out);
        Assert.Contains("ligne 3, colonne « SIREN » (siren) — invalid_siren : ", result.Out);
    }

    [Fact]
    public async Task Simulate_Json_PrintsTheReportOnStdout()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.OneRejected);

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--json", "--mode", "insert");

        Assert.Equal(1, result.Exit);
        using var report = JsonDocument.Parse(result.Out);
        Assert.True(report.RootElement.GetProperty("simulated").GetBoolean());
        Assert.Equal("insert", report.RootElement.GetProperty("mode").GetString());
        Assert.Equal(1, report.RootElement.GetProperty("totals").GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task Run_ModeUpdate_RejectsUnknownKeysAsNotFound()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--mode", "update", "--json");

        Assert.Equal(1, result.Exit);
        using var report = JsonDocument.Parse(result.Out);
        Assert.All(
            report.RootElement.GetProperty("issues").EnumerateArray().Where(i => i.GetProperty("severity").GetString() == "error"),
            i => Assert.Equal("not_found", i.GetProperty("code").GetString()));
        Assert.Equal(0, await _cli.CountAsync("customers"));
    }

    [Fact]
    public async Task Run_ManyIssues_ListsTwentyAndCountsTheRest()
    {
        await _cli.SeedTaxRegimesAsync();
        var builder = new StringBuilder("Code client;Raison sociale;SIREN\n");
        for (var i = 0; i < 25; i++)
        {
            builder.Append("C").Append(i).Append(";Client;123456789\n");
        }

        _cli.WriteText("clients.csv", builder.ToString());

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.Equal(1, result.Exit);
        Assert.Equal(20, result.Out.Split('\n').Count(l => l.Contains("— invalid_siren", StringComparison.Ordinal)));
        Assert.Contains("… 5 de plus dans le rapport", result.Out);
    }

    [Fact]
    public async Task Run_ErrorsFile_HasTheRejectedRowsAnErrorsColumnAndNeutralisedFormulas()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", "Code client;Raison sociale;SIREN\nC001;Dupont SA;732829320\nC002;=cmd|' /C calc'!A0;123456789\n");

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--errors", "erreurs.csv");

        Assert.Equal(1, result.Exit);
        var lines = File.ReadAllText(_cli.PathOf("erreurs.csv"), Encoding.UTF8).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("Code client;Raison sociale;SIREN;Erreurs", lines[0].TrimStart('\uFEFF'));
        Assert.StartsWith("C002;", lines[1], StringComparison.Ordinal);
        Assert.Contains("123456789", lines[1]);
        Assert.Contains(";\"'=cmd|' /C calc'!A0\";", lines[1]); // neutralised: prefixed with a quote
        Assert.DoesNotContain(";=cmd", lines[1]);
        Assert.DoesNotContain(";\"=cmd", lines[1]);
        Assert.Contains(";\"SIREN invalide", lines[1]);
    }

    [Fact]
    public async Task Run_NoProfile_PrintsTheMatchingAndSavesItBesideTheStore_ThenReusesIt()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", "Code client;Nom du client;Ville\nC001;Dupont SA;Paris\n");

        var first = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.Equal(0, first.Exit);
        Assert.Matches(@"Code client\s+→\s+code\s+exact\s+1,00", first.Out);
        Assert.Matches(@"Nom du client\s+→\s+name\s+synonym\s+1,00", first.Out);
        var expected = Path.Combine(_cli.DbPath + ".profiles", "customers-" + Hash("codeclient\nnomduclient\nville") + ".json");
        Assert.True(File.Exists(expected), first.ToString());
        var profile = ImportProfile.FromJson(File.ReadAllText(expected));
        Assert.Equal("customers", profile.Entity);
        Assert.Equal("name", profile.Columns["Nom du client"]);

        var second = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.Equal(0, second.Exit);
        Assert.Matches(@"Code client\s+→\s+code\s+profile\s+1,00", second.Out);
        Assert.Matches(@"Nom du client\s+→\s+name\s+profile\s+1,00", second.Out);
        Assert.Contains("Lignes : 1 | insérées : 0 | mises à jour : 0 | inchangées : 1", second.Out);
    }

    [Fact]
    public async Task Run_Profile_MapsColumnsAsGiven()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", "Ref;Société\nC001;Dupont SA\n");
        _cli.WriteText("profil.json", """{ "entity": "customers", "columns": { "Ref": "code", "Société": "name" }, "mode": "insert" }""");

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--profile", "profil.json", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal("insert", report.RootElement.GetProperty("mode").GetString());
        Assert.Equal(1, await _cli.CountAsync("customers"));
        Assert.False(Directory.Exists(_cli.DbPath + ".profiles") && Directory.EnumerateFiles(_cli.DbPath + ".profiles", "customers-*").Any());
    }

    [Fact]
    public async Task Run_MissingFile_Exit2()
    {
        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "absent.csv", "--db", _cli.Db);

        Assert.Equal(2, result.Exit);
        Assert.Contains("absent.csv", result.Err);
        Assert.Empty(result.Out);
        Assert.False(File.Exists(_cli.DbPath));
    }

    [Fact]
    public async Task Run_UnknownEntity_Exit2ListingTheEntities()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("run", "--entity", "clients", "--file", "clients.csv", "--db", _cli.Db);

        Assert.Equal(2, result.Exit);
        Assert.Contains("clients", result.Err);
        Assert.Contains("customers, tax-regimes", result.Err);
        Assert.False(File.Exists(_cli.DbPath));
    }

    [Fact]
    public async Task Run_BadMode_Exit2()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--mode", "merge");

        Assert.Equal(2, result.Exit);
        Assert.Contains("merge", result.Err);
        Assert.False(File.Exists(_cli.DbPath));
    }

    [Fact]
    public async Task Run_EncodingCp850_StoresTheAccents()
    {
        await _cli.SeedTaxRegimesAsync();
        var oem = CodePagesEncodingProvider.Instance.GetEncoding(850)!;
        _cli.WriteBytes("clients.txt", oem.GetBytes("Code client\tRaison sociale\tVille\r\nC001\tSociété Générale\tCréteil\r\nC002\tCrêperie à la Côte\tSaint-Malo\r\n"));

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.txt", "--db", _cli.Db, "--encoding", "cp850", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal(2, report.RootElement.GetProperty("totals").GetProperty("inserted").GetInt32());
        var schema = Import.Sdk.Commerce.CommerceEntities.Customers().Schema;
        var sink = await Import.Sdk.Sqlite.SqliteSink.OpenAsync(new Import.Sdk.Sqlite.SqliteSinkOptions(_cli.DbPath));
        await using (sink)
        {
            var names = new List<(object?, object?)>();
            await foreach (var record in sink.ReadAllAsync(schema))
            {
                names.Add((record[schema.IndexOf("name")], record[schema.IndexOf("city")]));
            }

            Assert.Equal([("Société Générale", "Créteil"), ("Crêperie à la Côte", "Saint-Malo")], names.OrderBy(n => (string?)n.Item1, StringComparer.Ordinal).Reverse());
        }
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("run")]
    public async Task ImportCommands_UnknownEncoding_Exit2AndNothingWritten(string command)
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync(command, "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--encoding", "ebcdic-klingon");

        Assert.Equal(2, result.Exit);
        Assert.Contains("ebcdic-klingon", result.Err);
        Assert.Contains("--encoding", result.Err);
        Assert.False(File.Exists(_cli.DbPath));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "--entity", "customers")]
    [InlineData("run", "--entity", "customers", "--file", "clients.csv", "--unknown")]
    [InlineData("nothing")]
    public async Task ParseErrors_Exit2(params string[] args)
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.Exit);
        Assert.NotEmpty(result.Err);
    }

    [Fact]
    public async Task Run_BinaryFile_Exit2MalformedFileAndNothingWritten()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteBytes("clients.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x00]);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--report", "report.json", "--errors", "erreurs.csv");

        Assert.Equal(2, result.Exit);
        Assert.Contains("malformed_file", result.Err);
        Assert.Equal(0, await _cli.CountAsync("customers"));
        Assert.False(File.Exists(_cli.PathOf("erreurs.csv")));
        using var report = _cli.ReadJson("report.json");
        Assert.Equal("malformed_file", report.RootElement.GetProperty("issues")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Run_ProfileMappingNoColumnToName_Exit2UnmappedRequiredField()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        _cli.WriteText("profil.json", """{ "entity": "customers", "columns": { "Code client": "code", "Ville": "city" } }""");

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--profile", "profil.json");

        Assert.Equal(2, result.Exit);
        Assert.Contains("unmapped_required_field", result.Err);
        Assert.Equal(0, await _cli.CountAsync("customers"));
    }

    [Fact]
    public async Task Run_ProfileWithAnUnknownField_Exit2()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        _cli.WriteText("profil.json", """{ "entity": "customers", "columns": { "Code client": "code", "Raison sociale": "company" } }""");

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--profile", "profil.json");

        Assert.Equal(2, result.Exit);
        Assert.Contains("company", result.Err);
    }

    [Fact]
    public async Task Run_ProfileNotJson_Exit2()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        _cli.WriteText("profil.json", "not json");

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--profile", "profil.json");

        Assert.Equal(2, result.Exit);
        Assert.Contains("profil.json", result.Err);
    }

    [Fact]
    public async Task Run_Postgres_Exit2()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "postgres:Host=localhost", "--lang", "en");

        Assert.Equal(2, result.Exit);
        Assert.Contains("PostgreSQL support comes with Import.Sdk.PostgreSql (a later version)", result.Err);
    }

    [Fact]
    public async Task Run_LinesForAnEntityWithoutLines_Exit2()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--lines", "clients.csv", "--db", _cli.Db, "--lang", "en");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--lines is only for sales-documents", result.Err);
        Assert.False(File.Exists(_cli.DbPath));
    }

    [Fact]
    public async Task Run_LangEn_MessagesInEnglish()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.OneRejected);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db, "--lang", "en", "--report", "report.json");

        Assert.Equal(1, result.Exit);
        Assert.Contains("Rows: 2 | inserted: 1 | updated: 0 | unchanged: 0 | rejected: 1", result.Out);
        Assert.Contains("row 3, column 'SIREN' (siren) — invalid_siren : ", result.Out);
        using var fr = JsonDocument.Parse(File.ReadAllText(_cli.PathOf("report.json")));
        var message = fr.RootElement.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "invalid_siren").GetProperty("message").GetString();
        Assert.Contains("SIREN", message);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 4));
}
