using System.Globalization;
using System.Text;
using System.Text.Json;
using Import.Sdk.Cli.Commands;
using Import.Sdk.Cli.Tests.Support;
using Import.Sdk.Commerce;
using Import.Sdk.Commerce.Identifiers;
using Import.Sdk.Excel;

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
    public async Task Template_Xlsx_HasFrenchLabelsAndTheCsvExampleRow()
    {
        var result = await _cli.RunAsync("template", "--entity", "customers", "--format", "xlsx", "--out", "modele.xlsx");

        Assert.True(result.Exit == 0, result.ToString());
        var preview = await FilePreview.ReadAsync(ImportSource.FromFile(_cli.PathOf("modele.xlsx")), 10, providers: ExcelReaders.Create());
        Assert.Equal("xlsx", preview.Source.Format);
        Assert.Equal("clients", preview.Source.Sheet);
        var schema = CommerceEntities.Customers().Schema;
        Assert.Equal(schema.Fields.Select(f => f.LabelFr), preview.Header);
        var example = Assert.Single(preview.Rows);
        Assert.Equal("732829320", example[schema.IndexOf("siren")]);
        Assert.Equal("75001", example[schema.IndexOf("postal_code")]);
        Assert.Equal("FR7630006000011234567890189", example[schema.IndexOf("iban")]);
        Assert.Equal("00001", example[schema.IndexOf("branch_code")]);
        Assert.Equal("1234.56", example[schema.IndexOf("credit_limit")]);
        Assert.Equal("30", example[schema.IndexOf("payment_terms_days")]);
        Assert.Equal("VIREMENT", example[schema.IndexOf("payment_method")]);
        Assert.Equal("contact@exemple.fr", example[schema.IndexOf("account_manager_email")]);
        Assert.Equal(string.Empty, example[schema.IndexOf("parent_code")]);
    }

    [Fact]
    public async Task Template_Xlsx_FilledInAndImportedBack_ImportsCleanly()
    {
        await _cli.SeedTaxRegimesAsync();
        Assert.Equal(0, (await _cli.RunAsync("template", "--entity", "customers", "--format", "xlsx", "--out", "t.xlsx")).Exit);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "t.xlsx", "--db", _cli.Db, "--report", "report.json");

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
    public async Task Template_Xlsx_TaxRegimes_ImportsBackCleanly()
    {
        Assert.Equal(0, (await _cli.RunAsync("template", "--entity", "tax-regimes", "--format", "xlsx", "--out", "regimes.xlsx")).Exit);

        var result = await _cli.RunAsync("run", "--entity", "tax-regimes", "--file", "regimes.xlsx", "--db", _cli.Db, "--report", "report.json");

        Assert.True(result.Exit == 0, result.ToString());
        using var report = _cli.ReadJson("report.json");
        var totals = report.RootElement.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("inserted").GetInt64());
        Assert.Equal(0, totals.GetProperty("rejected").GetInt64());
        Assert.Equal(1, await _cli.CountAsync("tax-regimes"));
    }

    [Fact]
    public async Task Template_Xlsx_EveryEntity_ReadsBackAsTheCsvTemplate()
    {
        foreach (var entity in EntityCatalog.All())
        {
            var name = entity.Name;
            var xlsxRun = await _cli.RunAsync("template", "--entity", name, "--format", "xlsx", "--out", name + ".xlsx");
            Assert.True(xlsxRun.Exit == 0, xlsxRun.ToString());
            var csvRun = await _cli.RunAsync("template", "--entity", name, "--format", "csv", "--out", name + ".csv");
            Assert.True(csvRun.Exit == 0, csvRun.ToString());

            var xlsx = await FilePreview.ReadAsync(ImportSource.FromFile(_cli.PathOf(name + ".xlsx")), 10, providers: ExcelReaders.Create());
            var csv = await FilePreview.ReadAsync(ImportSource.FromFile(_cli.PathOf(name + ".csv")), 10);
            Assert.Equal(csv.Header, xlsx.Header);
            var xlsxRow = Assert.Single(xlsx.Rows);
            var csvRow = Assert.Single(csv.Rows);
            foreach (var field in entity.Schema.Fields)
            {
                var (expected, actual) = (csvRow[field.Index], xlsxRow[field.Index]);
                if (expected.Length == 0)
                {
                    Assert.True(actual.Length == 0, $"{name}.{field.Name}: '' vs '{actual}'"); // a computed field (sales documents' totals)
                    continue;
                }

                switch (field.Type)
                {
                    case FieldType.Decimal or FieldType.Integer:
                        Assert.Equal(decimal.Parse(expected.Replace(" ", string.Empty, StringComparison.Ordinal), CultureInfo.GetCultureInfo("fr-FR")), decimal.Parse(actual, CultureInfo.InvariantCulture));
                        break;
                    case FieldType.Date:
                        Assert.Equal(DateOnly.ParseExact(expected, "dd/MM/yyyy", CultureInfo.InvariantCulture), DateOnly.ParseExact(actual, "yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                    default:
                        Assert.True(expected == actual, $"{name}.{field.Name}: '{expected}' vs '{actual}'");
                        break;
                }
            }
        }
    }

    [Fact]
    public async Task Template_UnknownEntity_Exit2ListingTheEntities()
    {
        var result = await _cli.RunAsync("template", "--entity", "clients", "--out", "modele.csv");

        Assert.Equal(2, result.Exit);
        Assert.Contains("customers", result.Err);
        Assert.False(File.Exists(_cli.PathOf("modele.csv")));
    }

    [Fact]
    public async Task Template_OutIsANamedPipe_Exit2AndThePipeStays()
    {
        var fifo = _cli.PathOf("modele.csv");
        Posix.MakeFifo(fifo);

        var result = await _cli.RunAsync("template", "--entity", "customers", "--format", "csv", "--out", "modele.csv", "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains($"--out names {fifo}, which is not a regular file", result.Err);
        Assert.Equal(0, new FileInfo(fifo).Length);
        Assert.False(File.Exists(Path.ChangeExtension(fifo, ".tmp")));
        Assert.Empty(Directory.EnumerateFiles(_cli.Folder, "*.tmp"));
        Assert.True(IsFifo(fifo), "the named pipe was replaced by a file");
    }

    [Fact]
    public async Task Template_OutIsAFolder_Exit2()
    {
        Directory.CreateDirectory(_cli.PathOf("modeles"));

        var result = await _cli.RunAsync("template", "--entity", "customers", "--format", "csv", "--out", "modeles");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--out désigne un dossier, pas un fichier", result.Err);
    }

    private static bool IsFifo(string path) => FileIdentity.KindOf(path) == FileIdentity.Kind.Other;
}
