using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary><c>simulate|run --file ENTITY=PATH …</c>: a set of files, imported in dependency order whatever order they are given in.</summary>
public sealed class SetImportTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The sample files in reverse dependency order: invoices, customers, tax regimes.</summary>
    private string[] ReversedSet(string command, params string[] extra) =>
    [
        command,
        "--file", "invoices=" + Repository.PathOf("examples", "Invoices", "factures.csv"),
        "--file", "customers=" + Repository.PathOf("examples", "Customers", "clients.csv"),
        "--file", "tax-regimes=" + Repository.PathOf("examples", "Customers", "regimes-fiscaux.csv"),
        "--ref", "account=accounting_code", "--default", "status=PENDING",
        "--db", _cli.Db, "--lang", "en", .. extra,
    ];

    private static IEnumerable<(string? Entity, int Rows, int Inserted, int Rejected)> Sections(JsonDocument report) =>
        report.RootElement.GetProperty("files").EnumerateArray().Select(f => (
            f.GetProperty("entity").GetString(),
            f.GetProperty("totals").GetProperty("rows").GetInt32(),
            f.GetProperty("totals").GetProperty("inserted").GetInt32(),
            f.GetProperty("totals").GetProperty("rejected").GetInt32()));

    [Fact]
    public async Task RunSet_GivenInReverseDependencyOrder_ImportedInDependencyOrderOneSectionPerFile()
    {
        var result = await _cli.RunAsync(ReversedSet("run", "--report", "set.json"));

        Assert.True(result.Exit == 1, result.ToString()); // the samples hold rejected rows
        Assert.Contains("Import order: tax-regimes → customers → invoices", result.Out, StringComparison.Ordinal);
        Assert.True(
            result.Out.IndexOf("regimes-fiscaux.csv", StringComparison.Ordinal) < result.Out.IndexOf("clients.csv", StringComparison.Ordinal)
            && result.Out.IndexOf("clients.csv", StringComparison.Ordinal) < result.Out.LastIndexOf("factures.csv", StringComparison.Ordinal),
            result.Out);
        Assert.Contains("The set (3 file(s) of 3)", result.Out, StringComparison.Ordinal);
        using var report = _cli.ReadJson("set.json");
        Assert.False(report.RootElement.GetProperty("simulated").GetBoolean());
        var sections = Sections(report).ToList();
        Assert.Equal(["tax-regimes", "customers", "invoices"], sections.Select(s => s.Entity));
        Assert.Equal((10, 4, 6), (sections[2].Rows, sections[2].Inserted, sections[2].Rejected)); // as the README's invoices command
        Assert.Equal(sections.Sum(s => s.Rows), report.RootElement.GetProperty("totals").GetProperty("rows").GetInt32());
        Assert.Equal("factures.csv", report.RootElement.GetProperty("files")[2].GetProperty("file").GetString());
        Assert.Equal(4, await _cli.CountAsync("invoices"));
        Assert.Equal(sections[0].Inserted, await _cli.CountAsync("tax-regimes"));
    }

    [Fact]
    public async Task SimulateSet_ResolvesCustomersOnlyTheSetCreates_SameTotalsAsTheRunNothingWritten()
    {
        var simulation = await _cli.RunAsync(ReversedSet("simulate", "--report", "simulated.json"));

        Assert.True(simulation.Exit == 1, simulation.ToString());
        Assert.False(File.Exists(_cli.DbPath), "a simulation writes nothing");
        using var simulated = _cli.ReadJson("simulated.json");
        Assert.True(simulated.RootElement.GetProperty("simulated").GetBoolean());
        var expected = Sections(simulated).ToList();
        Assert.Equal(4, expected[2].Inserted); // the invoices found the customers the set's customers file would create

        var run = await _cli.RunAsync(ReversedSet("run", "--report", "run.json"));

        Assert.True(run.Exit == 1, run.ToString());
        using var executed = _cli.ReadJson("run.json");
        Assert.Equal(expected, Sections(executed));
        Assert.Equal(simulated.RootElement.GetProperty("totals").ToString(), executed.RootElement.GetProperty("totals").ToString());
    }

    [Fact]
    public async Task SimulateSet_AllAccepted_Exit0()
    {
        _cli.WriteText("customers.csv", "code;name;tax_regime\nC1;Un;FR\nC2;Deux;FR\n");
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");

        var result = await _cli.RunAsync("simulate", "--file", "customers=customers.csv", "--file", "tax-regimes=regimes.csv", "--db", _cli.Db, "--lang", "en");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("Import order: tax-regimes → customers", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("there is no entity 'clients'", "--file", "clients=a.csv")]
    [InlineData("b.csv", "--file", "customers=b.csv")]
    [InlineData("without --entity, each file is written ENTITY=PATH", "--file", "customers=a.csv", "--file", "a.csv")]
    [InlineData("without --entity, each file is written ENTITY=PATH", "--file", "customers=", "--file", "tax-regimes=a.csv")]
    [InlineData("the entity 'customers' is given twice", "--file", "customers=a.csv", "--file", "customers=a.csv")]
    [InlineData("--entity imports one file", "--entity", "customers", "--file", "customers=a.csv", "--file", "tax-regimes=a.csv")]
    [InlineData("--entity imports one file", "--entity", "customers", "--file", "tax-regimes=a.csv")]
    [InlineData("--entity is missing", "--file", "a.csv")]
    [InlineData("--lines does not apply to a set", "--file", "customers=a.csv", "--lines", "a.csv")]
    [InlineData("--profile does not apply to a set", "--file", "customers=a.csv", "--profile", "a.csv")]
    [InlineData("sales-documents cannot be imported in a set", "--file", "sales-documents=a.csv")]
    [InlineData("'nope' is not a field of any entity of the set", "--file", "customers=a.csv", "--ref", "nope=code")]
    public async Task RunSet_MalformedUsage_Exit2NamingTheProblemNothingWritten(string expected, params string[] args)
    {
        _cli.WriteText("a.csv", "code;name\nC1;Un\n");

        var result = await _cli.RunAsync(["run", .. args, "--db", _cli.Db, "--report", "r.json", "--lang", "en"]);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DbPath));
        Assert.False(File.Exists(_cli.PathOf("r.json")));
    }

    [Fact]
    public async Task RunSet_AFileUnusable_LaterFilesNotImportedAndSaid()
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");
        _cli.WriteText("customers.csv", "nothing;useful\n1;2\n");
        _cli.WriteText("contacts.csv", "x;y\n1;2\n");

        var result = await _cli.RunAsync("run", "--file", "customers=customers.csv", "--file", "tax-regimes=regimes.csv", "--file", "invoices=contacts.csv", "--db", _cli.Db, "--lang", "en");

        Assert.True(result.Exit == 1, result.ToString()); // the tax regimes were written
        Assert.Contains("the import of the set stopped at", result.Err, StringComparison.Ordinal);
        Assert.Contains("files not imported: invoices=", result.Err, StringComparison.Ordinal);
        Assert.Equal(1, await _cli.CountAsync("tax-regimes"));
        Assert.Equal(0, await _cli.CountAsync("invoices"));
    }
}

/// <summary>The order a set is imported in, computed from the entities' references.</summary>
public sealed class SetImportOrderTests
{
    [Fact]
    public void Order_EveryEntityReversed_ReferenceDataThenRecordsThenWhatUsesThem()
    {
        string[] reversed = ["bom", "stock", "invoices", "articles", "suppliers", "customers", "customer-groups", "warehouses", "vat-rates", "tax-regimes"];
        var files = reversed.Select(name => new global::Import.Sdk.Cli.Commands.SetImport.SetFile(Commerce.CommerceEntities.Find(name)!, name + ".csv")).ToList();

        var order = global::Import.Sdk.Cli.Commands.SetImport.Order(files).Select(f => f.Entity.Name).ToList();

        foreach (var (before, after) in new[]
        {
            ("tax-regimes", "customers"), ("customer-groups", "customers"), ("tax-regimes", "suppliers"), ("vat-rates", "articles"),
            ("warehouses", "articles"), ("customers", "invoices"), ("articles", "stock"), ("warehouses", "stock"), ("articles", "bom"),
        })
        {
            Assert.True(order.IndexOf(before) < order.IndexOf(after), $"{before} before {after}: {string.Join(", ", order)}");
        }

        Assert.Equal(reversed.Length, order.Distinct().Count());
    }

    [Fact]
    public void Order_NoReferenceBetweenThem_TheGivenOrder()
    {
        string[] given = ["warehouses", "tax-regimes", "vat-rates"];
        var files = given.Select(name => new global::Import.Sdk.Cli.Commands.SetImport.SetFile(Commerce.CommerceEntities.Find(name)!, name + ".csv")).ToList();

        Assert.Equal(given, global::Import.Sdk.Cli.Commands.SetImport.Order(files).Select(f => f.Entity.Name));
    }
}
