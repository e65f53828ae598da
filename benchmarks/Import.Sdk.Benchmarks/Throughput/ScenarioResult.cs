using System.Text.Json.Serialization;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>What a child process measured, printed back to the harness as one JSON line (after <see cref="ScenarioRunner.ResultPrefix"/>).</summary>
internal sealed record ScenarioResult
{
    public required string Scenario { get; init; }

    public required string File { get; init; }

    public required long FileBytes { get; init; }

    public required long Rows { get; init; }

    /// <summary>Gets the first run of the process (JIT, cold caches), in seconds.</summary>
    public required double ColdSeconds { get; init; }

    /// <summary>Gets the runs after the first one, in seconds.</summary>
    public required double[] WarmSeconds { get; init; }

    /// <summary>Gets the median of <see cref="WarmSeconds"/>.</summary>
    public double WarmMedianSeconds => Median(WarmSeconds);

    /// <summary>Gets the best of <see cref="WarmSeconds"/>.</summary>
    public double WarmBestSeconds => WarmSeconds.Min();

    /// <summary>Gets rows per second of the median warm run.</summary>
    public double RowsPerSecond => Rows / WarmMedianSeconds;

    /// <summary>Gets rows per second of process CPU time in the median warm run: steadier than <see cref="RowsPerSecond"/> when the machine is loaded.</summary>
    public double RowsPerCpuSecond => Rows / CpuSeconds;

    /// <summary>Gets the peak working set of the child process (<c>Process.PeakWorkingSet64</c>, VmHWM), in bytes.</summary>
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>
    /// Gets the peak working set of the child process when its first (cold) run ended (VmHWM on Linux): one import in a fresh
    /// process, as the CLI runs one. Later runs in the same process start over memory the GC keeps committed from earlier runs,
    /// so <see cref="PeakWorkingSetBytes"/> also counts that.
    /// </summary>
    public long FirstRunPeakWorkingSetBytes { get; init; }

    /// <summary>Gets the number of rounds (child processes) this result is the median of (<c>--rounds</c>); its peaks are the highest of them.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Gets <see cref="FirstRunPeakWorkingSetBytes"/> in MiB.</summary>
    public double FirstRunPeakWorkingSetMiB => FirstRunPeakWorkingSetBytes / 1_048_576.0;

    /// <summary>Gets the bytes allocated by the median warm run (<c>GC.GetTotalAllocatedBytes(true)</c> around the timed part).</summary>
    public required long AllocatedBytes { get; init; }

    /// <summary>Gets the gen 0 / 1 / 2 collections during the median warm run.</summary>
    public required int[] Collections { get; init; }

    /// <summary>Gets the CPU time of the whole process (all threads) during the median warm run, in seconds.</summary>
    public required double CpuSeconds { get; init; }

    /// <summary>Gets the time the GC suspended the process during the median warm run (<c>GC.GetTotalPauseDuration</c>), in seconds.</summary>
    public required double GcPauseSeconds { get; init; }

    /// <summary>Gets the largest managed heap size seen after a run (<c>GC.GetGCMemoryInfo().HeapSizeBytes</c> before the next collection).</summary>
    public required long HeapSizeBytes { get; init; }

    public required bool ServerGc { get; init; }

    public required bool ConcurrentGc { get; init; }

    public required string Detail { get; init; }

    /// <summary>Gets the batch size the pipeline ran with, or <see langword="null"/> for the default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Gets why the run's result is wrong (rows rejected, rows missing…), or <see langword="null"/>.</summary>
    public string? Problem { get; init; }

    [JsonIgnore]
    public double PeakWorkingSetMiB => PeakWorkingSetBytes / 1_048_576.0;

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
