using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Reporting;

/// <summary>The report's two exports: the JSON contract of DESIGN.md and the errors file.</summary>
public class ImportReportTests
{
    [Fact]
    public async Task ToJson_HasExactlyTheShapeOfTheContract()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Dupont"), Some.Line("C2", "Martin", email: "pas-un-email")));

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal(["entity", "mode", "simulated", "file", "totals", "issues"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("accounts", root.GetProperty("entity").GetString());
        Assert.Equal("upsert", root.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.True, root.GetProperty("simulated").ValueKind);
        Assert.Equal("accounts.csv", root.GetProperty("file").GetString());

        var totals = root.GetProperty("totals");
        Assert.Equal(["rows", "inserted", "updated", "unchanged", "rejected"], totals.EnumerateObject().Select(p => p.Name));
        Assert.Equal([2, 1, 0, 0, 1], totals.EnumerateObject().Select(p => p.Value.GetInt64()));

        var issue = Assert.Single(root.GetProperty("issues").EnumerateArray().ToArray());
        Assert.Equal(["row", "column", "field", "value", "code", "severity", "message"], issue.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, issue.GetProperty("row").GetInt32());
        Assert.Equal("Email", issue.GetProperty("column").GetString());
        Assert.Equal("email", issue.GetProperty("field").GetString());
        Assert.Equal("pas-un-email", issue.GetProperty("value").GetString());
        Assert.Equal("invalid_email", issue.GetProperty("code").GetString());
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal("« pas-un-email » n'est pas une adresse e-mail valide.", issue.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ToJson_FileIssue_HasNullColumnFieldAndValueAndWarningsSayWarning()
    {
        var report = await SimulateAsync("Code client;Raison sociale;Zzz\r\nC1;Dupont;x\r\n", mode: ImportMode.Insert, execute: true);

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal(("insert", JsonValueKind.False), (root.GetProperty("mode").GetString(), root.GetProperty("simulated").ValueKind));
        var issue = Assert.Single(root.GetProperty("issues").EnumerateArray().ToArray());
        Assert.Equal(1, issue.GetProperty("row").GetInt32());
        Assert.Equal("Zzz", issue.GetProperty("column").GetString());
        Assert.Equal(JsonValueKind.Null, issue.GetProperty("field").ValueKind);
        Assert.Equal(JsonValueKind.Null, issue.GetProperty("value").ValueKind);
        Assert.Equal(("unmapped_column", "warning"), (issue.GetProperty("code").GetString(), issue.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task ToJson_CappedIssues_AddTheOmittedCount()
    {
        var lines = Enumerable.Range(1, 5).Select(i => Some.Line("C" + i.ToString(CultureInfo.InvariantCulture), "N", email: "x")).ToArray();
        var report = await Some.Pipeline(new InMemorySink(), options: o => o with { MaxIssues = 2 }).SimulateAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(lines))));

        using var json = JsonDocument.Parse(report.ToJson());

        Assert.Equal(2, json.RootElement.GetProperty("issues").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("issuesOmitted").GetInt32());
    }

    [Fact]
    public async Task WriteJsonAsync_WritesTheSameJsonAsToJson()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "Dupont", email: "x")));
        using var stream = new MemoryStream();

        await report.WriteJsonAsync(stream);

        Assert.Equal(report.ToJson(), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task Issues_AreOrderedByRowEvenWhenFoundOutOfOrder()
    {
        // Row 2 waits for its parent (deferred to the end); row 4 duplicates row 3; row 5 has a bad e-mail.
        var csv = Some.AccountsCsv(Some.Line("C1", "A", parent: "ZZ"), Some.Line("C2", "B"), Some.Line("C2", "B bis"), Some.Line("C3", "C", email: "x"));

        var report = await SimulateAsync(csv);

        Assert.Equal([2, 4, 5], report.Issues.Select(i => i.Row));
    }

    [Fact]
    public async Task WriteErrorsFileAsync_HasTheRejectedRowsAsInTheSourceAndAnErrorsColumn()
    {
        var csv = "Code client;Raison sociale;Email;Commentaire\r\n" +
                  "C1;Dupont;a@b.fr;ok\r\n" +
                  "C2;\"Martin; fils\";pas-un-email;\" garder  les espaces \"\r\n" +
                  "C3;;;\"sur\r\ndeux lignes\"\r\n";
        var report = await SimulateAsync(csv);

        var rows = await ReadErrorsFileAsync(report, ';');

        Assert.Equal(["Code client", "Raison sociale", "Email", "Commentaire", "Erreurs"], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["C2", "Martin; fils", "pas-un-email", " garder  les espaces ", "Email : « pas-un-email » n'est pas une adresse e-mail valide."], rows[1]);
        Assert.Equal(["C3", "", "", "sur\r\ndeux lignes", "Raison sociale : une valeur est obligatoire."], rows[2]);
    }

    [Fact]
    public async Task WriteErrorsFileAsync_SeveralErrors_AreAllInTheErrorsColumnInEnglishToo()
    {
        var report = await SimulateAsync("Code client;Raison sociale;Email;Actif\r\nC1;Dupont;x;peut-être\r\n", ui: "en-US");

        var rows = await ReadErrorsFileAsync(report, ';');

        Assert.Equal("Errors", rows[0][^1]);
        Assert.Equal("Email: 'x' is not a valid e-mail address. | Actif: expected 1/0, oui/non, true/false or vrai/faux, got 'peut-être'.", rows[1][^1]);
    }

    [Fact]
    public async Task WriteErrorsFileAsync_UsesTheSourceSeparator()
    {
        var report = await SimulateAsync("Code client\tRaison sociale\tEmail\r\nC1\tDupont, fils\tx\r\n");

        using var stream = new MemoryStream();
        await report.WriteErrorsFileAsync(stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.StartsWith("\uFEFFCode client\tRaison sociale\tEmail\tErreurs\r\n", text, StringComparison.Ordinal);
        Assert.Equal(["C1", "Dupont, fils", "x"], (await ReadErrorsFileAsync(report, '\t'))[1][..3]);
    }

    [Fact]
    public async Task WriteErrorsFileAsync_CellsThatAreFormulas_AreNeutralised()
    {
        var csv = "Code client;Raison sociale;Email;Note\r\nC1;=HYPERLINK(\"http://x\");x;+33 1 23\r\nC2;@SUM(A1);-5;\"=1+1\"\r\n";
        var report = await SimulateAsync(csv);

        var rows = await ReadErrorsFileAsync(report, ';');

        Assert.Equal(["C1", "'=HYPERLINK(\"http://x\")", "x", "'+33 1 23"], rows[1][..4]);
        Assert.Equal(["C2", "'@SUM(A1)", "'-5", "'=1+1"], rows[2][..4]);
    }

    [Fact]
    public async Task WriteErrorsFileAsync_RaggedRowWithExtraCells_KeepsEveryCell()
    {
        var report = await SimulateAsync("Code client;Raison sociale\r\nC1;Dupont;en trop;encore\r\nC2\r\n");

        var rows = await ReadErrorsFileAsync(report, ';');

        Assert.Equal(["Code client", "Raison sociale", "", "", "Erreurs"], rows[0]);
        Assert.Equal(["C1", "Dupont", "en trop", "encore"], rows[1][..4]);
        Assert.Equal(["C2", "", "", ""], rows[2][..4]);
    }

    [Fact]
    public async Task WriteErrorsFileAsync_NoRejectedRow_IsTheHeaderAlone()
    {
        var report = await SimulateAsync("Code client;Raison sociale\r\nC1;Dupont\r\n");

        var rows = await ReadErrorsFileAsync(report, ';');

        Assert.Equal(["Code client", "Raison sociale", "Erreurs"], Assert.Single(rows));
    }

    [Fact]
    public async Task WriteErrorsFileAsync_RowsRejectedInDeferredOrder_AreWrittenInRowOrder()
    {
        var report = await SimulateAsync(Some.AccountsCsv(Some.Line("C1", "A", parent: "ZZ"), Some.Line("C2", "B", email: "x")));

        var rows = await ReadErrorsFileAsync(report, ';');

        Assert.Equal(["C1", "C2"], rows.Skip(1).Select(r => r[0]));
    }

    private static async Task<List<string[]>> ReadErrorsFileAsync(ImportReport report, char separator)
    {
        using var stream = new MemoryStream();
        await report.WriteErrorsFileAsync(stream);
        stream.Position = 0;
        var rows = new List<string[]>();
        await using var reader = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = separator, HasHeader = false }, leaveOpen: true);
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }

    private static Task<ImportReport> SimulateAsync(string csv, ImportMode mode = ImportMode.Upsert, bool execute = false, string ui = "fr-FR")
    {
        var pipeline = Some.Pipeline(new InMemorySink(), options: o => o with { Mode = mode, UiCulture = CultureInfo.GetCultureInfo(ui) });
        var request = new ImportRequest(Some.Csv(csv));
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }
}
