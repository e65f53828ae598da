using BenchmarkDotNet.Attributes;
using Import.Sdk.Benchmarks.Data;
using Import.Sdk.Benchmarks.Throughput;

namespace Import.Sdk.Benchmarks.Micro;

/// <summary>
/// A 10,000-row generated customers file: raw CsvHelper parsing (baseline, R) against our whole simulate
/// (read + map + convert + every rule + plan, over an in-memory sink seeded with the default tax regime). One operation is one
/// row: <c>Mean</c> is the time of a row, <c>Allocated</c> the bytes of a row, <c>Rows/s</c> = 1 s / Mean, <c>Ratio</c> = × R's time.
/// </summary>
public class FileBenchmarks
{
    private const int Rows = 10_000;
    private string _file = string.Empty;
    private IImportPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = CustomerCsvGenerator.GetOrCreate(Path.Combine(Path.GetTempPath(), "import-sdk-bench"), Rows);
        var sink = new InMemorySink();
        CustomerImport.SeedReferenceDataAsync(sink).GetAwaiter().GetResult();
        _pipeline = CustomerImport.Build(sink);
        var report = Simulate().GetAwaiter().GetResult();
        if (report != Rows)
        {
            throw new InvalidOperationException($"The simulate accepted {report} rows of {Rows}: the benchmark would measure rejections.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "R: CsvHelper Read + GetString")]
    public long RawCsvHelper() => RawCsvScenario.Read(_file).Rows;

    [Benchmark(OperationsPerInvoke = Rows, Description = "simulate (customers, in-memory sink)")]
    public async Task<long> Simulate()
    {
        var report = await _pipeline.SimulateAsync(new ImportRequest(ImportSource.FromFile(_file)));
        return report.Totals.Inserted;
    }
}
