using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>
/// Times the same short loop on each processor in turn (a thread pinned to it). On a shared virtual machine one vCPU can run
/// far slower than the other while the host loads it: a single-threaded figure (R) then runs on the fast one, a parallel one
/// waits for the slow one, and their ratio says more about the host than about the code. The harness prints this beside its
/// figures so that such a run is seen for what it is.
/// </summary>
internal static class CpuProbe
{
    /// <summary>Describes the loop time of each processor, e.g. "vCPU loop 0.101 / 0.152 s (uneven: 1.50×)", or an empty text where it cannot pin.</summary>
    public static string Describe()
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount > 64)
        {
            return string.Empty;
        }

        var times = new double[Environment.ProcessorCount];
        for (var cpu = 0; cpu < times.Length; cpu++)
        {
            var seconds = double.NaN;
            var index = cpu;
            var thread = new Thread(() => seconds = TimePinned(index)) { IsBackground = true };
            thread.Start();
            thread.Join();
            times[cpu] = seconds;
        }

        if (times.Any(double.IsNaN))
        {
            return string.Empty;
        }

        var spread = times.Max() / times.Min();
        return string.Create(CultureInfo.InvariantCulture, $"; vCPU loop {string.Join(" / ", times.Select(t => t.ToString("0.000", CultureInfo.InvariantCulture)))} s")
            + (spread > 1.15 ? string.Create(CultureInfo.InvariantCulture, $" (uneven: {spread:0.00}×, the host loads a vCPU: parallel figures understate)") : " (even)")
            + MemoryScaling();
    }

    /// <summary>
    /// Streams through a 64 MiB array on one thread, then on two at once (an array each): on a quiet host two take about as
    /// long as one; when neighbours share the memory bandwidth or the cache, two take longer, and so does a parallel import.
    /// </summary>
    private static string MemoryScaling()
    {
        var arrays = new[] { new long[8 << 20], new long[8 << 20] };
        Stream(arrays[0]); // touched once before timing
        Stream(arrays[1]);
        var one = TimeStreams(arrays[..1]);
        var two = TimeStreams(arrays);
        return string.Create(CultureInfo.InvariantCulture, $"; memory stream 1 thread {one:0.000} s, 2 at once {two:0.000} s ({two / one:0.00}×{(two / one > 1.25 ? ": shared memory bandwidth, parallel figures understate" : string.Empty)})");
    }

    private static double TimeStreams(long[][] arrays)
    {
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            var threads = arrays.Select(a => new Thread(() => Stream(a)) { IsBackground = true }).ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Stream(long[] array)
    {
        for (var pass = 0; pass < 32; pass++)
        {
            for (var i = 0; i < array.Length; i += 8)
            {
                array[i] += i; // one write a cache line: memory traffic, little arithmetic
            }
        }
    }

    private static double TimePinned(int cpu)
    {
        var mask = 1UL << cpu;
        if (SchedSetAffinity(0, (nint)sizeof(ulong), ref mask) != 0)
        {
            return double.NaN;
        }

        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(Loop(60_000_000));
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    // Optimised from the first call (no tier-0 round on the first processor timed): a chain of multiplications, ~0.1 s.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ulong Loop(int iterations)
    {
        var x = 1UL;
        for (var i = 0; i < iterations; i++)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
        }

        return x;
    }

    [DllImport("libc", EntryPoint = "sched_setaffinity")]
    private static extern int SchedSetAffinity(int pid, nint cpusetsize, ref ulong mask);
}
