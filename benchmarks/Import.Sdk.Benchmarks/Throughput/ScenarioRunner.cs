using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>
/// The child side of the harness: <c>scenario NAME FILE --expect ROWS [--runs N] [--work DIR]</c>. Runs the scenario once cold
/// (the first run of the process: JIT, cold caches) then N times warm, each after a full blocking GC, and prints one line
/// <see cref="ResultPrefix"/> + JSON with the timings and the process's peak working set, read at the very end.
/// </summary>
internal static class ScenarioRunner
{
    public const string ResultPrefix = "@@RESULT ";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !Scenario.All.TryGetValue(args[0], out var create))
        {
            Console.Error.WriteLine($"usage: scenario {{{string.Join('|', Scenario.All.Keys)}}} FILE --expect ROWS [--runs N] [--work DIR] [--batch N] [--degree N]");
            return 2;
        }

        var name = args[0];
        var file = Path.GetFullPath(args[1]);
        var expected = long.Parse(Option(args, "--expect") ?? "-1", CultureInfo.InvariantCulture);
        var warmRuns = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var scenario = create();
        scenario.WorkDirectory = Option(args, "--work") ?? Path.GetDirectoryName(file)!;
        scenario.BatchSize = Option(args, "--batch") is { } batch ? int.Parse(batch, CultureInfo.InvariantCulture) : null;
        scenario.Degree ??= Option(args, "--degree") is { } degree ? int.Parse(degree, CultureInfo.InvariantCulture) : null;

        await scenario.PrepareAsync(file);

        var timings = new List<Measurement>();
        string? problem = null;
        long heapSize = 0;
        long firstRunPeak = 0;
        for (var run = 0; run <= warmRuns; run++)
        {
            var m = await MeasureAsync(scenario, file, run, expected);
            if (run == 0)
            {
                firstRunPeak = PeakWorkingSet();
            }

            heapSize = Math.Max(heapSize, m.HeapSizeBytes);
            problem ??= m.Problem;
            timings.Add(m);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} run {run} ({(run == 0 ? "cold" : "warm")}): {m.Seconds:F3} s, {m.Outcome.Rows / m.Seconds:N0} rows/s, CPU {m.CpuSeconds:F3} s, GC pauses {m.GcPauseSeconds:F3} s, allocated {m.AllocatedBytes / 1_048_576.0:N0} MiB, GCs {m.Gen0}/{m.Gen1}/{m.Gen2} — {m.Outcome.Detail}"));
        }

        var warm = timings.Skip(1).ToArray();
        var median = warm.OrderBy(t => t.Seconds).ElementAt(warm.Length / 2);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var result = new ScenarioResult
        {
            Scenario = name,
            File = file,
            FileBytes = new FileInfo(file).Length,
            Rows = median.Outcome.Rows,
            ColdSeconds = timings[0].Seconds,
            WarmSeconds = warm.Select(t => t.Seconds).ToArray(),
            PeakWorkingSetBytes = process.PeakWorkingSet64,
            FirstRunPeakWorkingSetBytes = firstRunPeak,
            AllocatedBytes = median.AllocatedBytes,
            Collections = [median.Gen0, median.Gen1, median.Gen2],
            CpuSeconds = median.CpuSeconds,
            GcPauseSeconds = median.GcPauseSeconds,
            HeapSizeBytes = heapSize,
            ServerGc = GCSettings.IsServerGC,
            ConcurrentGc = GCSettings.LatencyMode != GCLatencyMode.Batch,
            Detail = median.Outcome.Detail,
            BatchSize = scenario.BatchSize,
            Problem = problem,
        };
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return problem is null ? 0 : 1;
    }

    private static async Task<Measurement> MeasureAsync(Scenario scenario, string file, int run, long expected)
    {
        var instance = await scenario.CreateRunAsync(file, run);
        await using (instance)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var gen0 = GC.CollectionCount(0);
            var gen1 = GC.CollectionCount(1);
            var gen2 = GC.CollectionCount(2);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var pause = GC.GetTotalPauseDuration();
            var cpu = CpuTime();
            var started = Stopwatch.GetTimestamp();
            var outcome = await instance.ExecuteAsync();
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpuSeconds = (CpuTime() - cpu).TotalSeconds;
            var pauseSeconds = (GC.GetTotalPauseDuration() - pause).TotalSeconds;
            var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var collections = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
            var heap = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
            var problem = expected < 0 ? null : await instance.VerifyAsync(outcome, expected);
            return new Measurement(outcome, seconds, allocatedBytes, collections.Item1, collections.Item2, collections.Item3, heap, problem, cpuSeconds, pauseSeconds);
        }
    }

    /// <summary>The process's peak working set so far (VmHWM).</summary>
    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private sealed record Measurement(RunOutcome Outcome, double Seconds, long AllocatedBytes, int Gen0, int Gen1, int Gen2, long HeapSizeBytes, string? Problem, double CpuSeconds, double GcPauseSeconds);
}
