using BenchmarkDotNet.Attributes;
using Import.Sdk.Benchmarks.Data;
using Import.Sdk.Benchmarks.Throughput;

namespace Import.Sdk.Benchmarks.Micro;

/// <summary>
/// Diagnostic, for profiling rather than for figures: the simulate of a 100,000-row customers file held in memory (no file I/O,
/// steady state), e.g. <c>bdn --filter '*PipelineProfile*' --profiler EP</c> for a CPU sampling trace (speedscope) of the
/// pipeline alone. One operation is one row.
/// </summary>
public class PipelineProfileBenchmarks
{
    private const int Rows = 100_000;
    private byte[] _file = [];
    private IImportPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = File.ReadAllBytes(CustomerCsvGenerator.GetOrCreate(Path.Combine(Path.GetTempPath(), "import-sdk-bench"), Rows));
        var sink = new InMemorySink();
        CustomerImport.SeedReferenceDataAsync(sink).GetAwaiter().GetResult();
        _pipeline = CustomerImport.Build(sink);
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "simulate 100k rows from memory")]
    public async Task<long> SimulateFromMemory()
    {
        var report = await _pipeline.SimulateAsync(new ImportRequest(ImportSource.FromBytes(_file, "customers.csv")));
        return report.Totals.Inserted;
    }
}
