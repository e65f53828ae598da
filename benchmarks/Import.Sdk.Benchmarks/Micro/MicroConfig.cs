using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Import.Sdk.Benchmarks.Micro;

/// <summary>The configuration of every micro-benchmark: BenchmarkDotNet's defaults, the memory diagnoser and a rows/s column.</summary>
internal sealed class MicroConfig : ManualConfig
{
    public MicroConfig()
    {
        Add(DefaultConfig.Instance);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new RowsPerSecondColumn());
    }
}

/// <summary>
/// Rows per second of a file-level benchmark, whose one operation is one row (<c>OperationsPerInvoke</c> = the rows of the file,
/// so <c>Mean</c> is the time of a row and <c>Allocated</c> the bytes of a row): 1 s / Mean. "-" for benchmarks of single values.
/// </summary>
internal sealed class RowsPerSecondColumn : IColumn
{
    public string Id => nameof(RowsPerSecondColumn);

    public string ColumnName => "Rows/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Rows read per second (file benchmarks: one operation is one row)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.OperationsPerInvoke <= 1)
        {
            return "-";
        }

        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (1e9 / mean.Value).ToString("N0", CultureInfo.InvariantCulture) : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
