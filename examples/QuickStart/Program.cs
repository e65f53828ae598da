// Import.Sdk quick start: import the sample customers file into SQLite, simulating first.
// Run: dotnet run --project examples/QuickStart -- [path/to/clients.csv] [path/to/store.db]
// region: quickstart
using System.Globalization;
using Import.Sdk;
using Import.Sdk.Commerce;
using Import.Sdk.Sqlite;

// The customers file (its tax regimes file, regimes-fiscaux.csv, beside it) and the SQLite store, created if missing.
var file = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "clients.csv");
var store = args.Length > 1 ? args[1] : "quickstart.db";

// Messages in English; without UiCulture they are in French (fr-FR). Numbers and dates are read as fr-FR either way.
var options = new ImportOptions { UiCulture = CultureInfo.GetCultureInfo("en-GB") };

await using var sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(store));

// Reference data first: the tax regimes customers point to.
var regimes = new ImportPipelineBuilder()
    .UseEntity(CommerceEntities.TaxRegimes)
    .UseSqliteSink(sink)
    .UseOptions(options)
    .Build();
await regimes.ExecuteAsync(new ImportRequest(ImportSource.FromFile(Path.Combine(Path.GetDirectoryName(file)!, "regimes-fiscaux.csv"))));

// Customers: columns are matched from the headers; simulate, look at the report, then execute.
var customers = new ImportPipelineBuilder()
    .UseEntity(CommerceEntities.Customers())
    .UseSqliteSink(sink)
    .UseOptions(options)
    .Build();
var request = new ImportRequest(ImportSource.FromFile(file));
var simulation = await customers.SimulateAsync(request);
Console.WriteLine($"Simulation: {simulation.Totals}");
foreach (var issue in simulation.Issues.Where(i => i.Severity == IssueSeverity.Error))
{
    Console.WriteLine($"  row {issue.Row}, {issue.Column}: {issue.Code} — {issue.Message}");
}

var progress = new Progress<ImportProgress>(p => Console.WriteLine($"  {p.Percent:0}% ({p.RowsDone} rows)"));
var report = await customers.ExecuteAsync(request, progress);
Console.WriteLine($"Execution: {report.Totals}");
// endregion
return report.IsSuccess ? 0 : 1;
