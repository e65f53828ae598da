using System.Globalization;
using BenchmarkDotNet.Running;
using Import.Sdk.Benchmarks.Data;
using Import.Sdk.Benchmarks.Micro;
using Import.Sdk.Benchmarks.Throughput;

// dotnet run -c Release --project benchmarks/Import.Sdk.Benchmarks -- [throughput [options] | bdn [BenchmarkDotNet args] | generate ROWS [DIR]]
// "scenario NAME FILE ..." is how the throughput harness re-launches this executable, one child process per scenario.
var command = args.Length == 0 ? "throughput" : args[0];
var rest = args.Length == 0 ? [] : args[1..];
switch (command)
{
    case "throughput":
        return await ThroughputHarness.RunAsync(rest);
    case "scenario":
        return await ScenarioRunner.RunAsync(rest);
    case "bdn":
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroConfig).Assembly).Run(rest, new MicroConfig());
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    case "generate":
        var rows = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000_000;
        var directory = rest.Length > 1 ? rest[1] : Path.Combine(Path.GetTempPath(), "import-sdk-bench");
        Console.WriteLine(CustomerCsvGenerator.GetOrCreate(directory, rows, Console.WriteLine));
        return 0;
    default:
        Console.Error.WriteLine("usage: throughput [--rows 1000000] [--sqlite-rows 100000] [--runs 3] [--data DIR] [--artifacts DIR] [--only raw-csv,simulate,...] [--ladder] [--xlsx]");
        Console.Error.WriteLine("       bdn [--filter '*'] [--job short] (BenchmarkDotNet)");
        Console.Error.WriteLine("       generate ROWS [DIR]");
        return 2;
}
