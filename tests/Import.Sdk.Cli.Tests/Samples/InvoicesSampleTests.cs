using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Samples;

/// <summary>The README's invoices command on the repository's sample files, after its quick start: what it writes and rejects.</summary>
public class InvoicesSampleTests
{
    private static string RepositoryPath(params string[] parts) => Repository.PathOf(parts);

    [Fact]
    public async Task Run_SampleInvoicesByAccountingCode_FourWrittenWithTheirLinesSixRejectedEachNamed()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("run", "--entity", "tax-regimes", "--file", RepositoryPath("examples", "Customers", "regimes-fiscaux.csv"), "--db", cli.Db)).Exit);
        Assert.Equal(1, (await cli.RunAsync("run", "--entity", "customers", "--file", RepositoryPath("examples", "Customers", "clients.csv"), "--db", cli.Db)).Exit);

        var result = await cli.RunAsync(
            "run", "--entity", "invoices", "--file", RepositoryPath("examples", "Invoices", "factures.csv"),
            "--profile", RepositoryPath("examples", "Invoices", "profil-factures.json"), "--db", cli.Db, "--report", "r.json", "--lang", "en");

        Assert.Equal(1, result.Exit);
        using var report = cli.ReadJson("r.json");
        var totals = report.RootElement.GetProperty("totals");
        Assert.Equal((10, 4, 6), (totals.GetProperty("rows").GetInt32(), totals.GetProperty("inserted").GetInt32(), totals.GetProperty("rejected").GetInt32()));
        Assert.Equal(
            [(4, "unknown_reference"), (5, "unknown_reference"), (6, "inconsistent_amounts"), (7, "invalid_date"), (8, "duplicate_key"), (9, "invalid_number")],
            report.RootElement.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("code").GetString())));

        await using var sink = await Import.Sdk.Sqlite.SqliteSink.OpenAsync(new Import.Sdk.Sqlite.SqliteSinkOptions(cli.DbPath));
        var invoices = new List<object?[]>();
        await foreach (var r in sink.ReadAllAsync(Commerce.CommerceEntities.Invoices.Schema))
        {
            invoices.Add(r);
        }

        var first = invoices.Single(r => Equals(r[0], "FA-2025-0001"));
        Assert.Equal(new DateOnly(2025, 3, 7), first[3]); // 6 January + the customer's 60 days
        Assert.Equal("CLOSED", first[6]); // "soldée"
        Assert.Equal("PENDING", invoices.Single(r => Equals(r[0], "FA-2025-0002"))[6]); // the profile's default
        Assert.Equal(4, await sink.CountAsync("invoice-lines"));
    }
}
