using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Import.Sdk.Benchmarks.Data;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>
/// Whole-file throughput, the figures PERFORMANCE.md quotes: generates (once, cached) the customers files, runs every scenario in
/// a child process of its own (so that each peak working set is that scenario's), prints a table with the ratios to R and the
/// targets (PASS/FAIL, printed, never asserted), and writes it as JSON and markdown.
/// </summary>
/// <remarks>
/// <c>throughput [--rows 1000000] [--sqlite-rows 100000] [--runs 3] [--data DIR] [--artifacts DIR] [--only a,b] [--ladder] [--batch N] [--xlsx] [--xls] [--rounds N]</c>;
/// <c>--ladder</c> adds the diagnostic scenarios that attribute the CPU time of a simulate (<see cref="LadderEntities"/>);
/// <c>--xlsx</c> adds the XLSX reader scenarios (ours, ExcelDataReader, a bare zip + XML floor) on workbooks made from the same rows;
/// <c>--xls</c> the XLS ones (ours, ExcelDataReader) on a BIFF8 workbook of the first 65,535 rows of the small file.
/// The children run with <c>DOTNET_gcServer=0</c> and <c>DOTNET_gcConcurrent=0</c>, the settings of the csproj: workstation
/// non-concurrent GC. On the 2-core machine class a server GC would add a heap per core (a larger, less comparable peak) and a
/// background GC thread would compete with the single import thread, adding noise to a figure quoted as a ratio.
/// </remarks>
internal static class ThroughputHarness
{
    private const double SimulateTarget = 0.40;
    private const double SimulateStretch = 0.50;
    private const double PeakTargetMiB = 150;
    private const double FlatTolerance = 1.20;
    private const int KeyBytes = 32;
    private const double SqliteTarget = 0.80;
    private const double XlsxEdrTarget = 1.0;
    private const double XlsxFloorStretch = 0.6;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var smallRows = int.Parse(Option(args, "--sqlite-rows") ?? "100000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "1", CultureInfo.InvariantCulture);
        var dataDirectory = Path.GetFullPath(Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), "import-sdk-bench"));
        var artifacts = Path.GetFullPath(Option(args, "--artifacts") ?? Path.Combine("BenchmarkDotNet.Artifacts", "throughput"));
        var only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ladder = args.Contains("--ladder", StringComparer.Ordinal);
        var batch = Option(args, "--batch");
        var xlsx = args.Contains("--xlsx", StringComparer.Ordinal);
        var xls = args.Contains("--xls", StringComparer.Ordinal);

        var environment = DescribeEnvironment();
        Console.WriteLine(environment);
        var loadBefore = LoadAverage() + CpuProbe.Describe();

        var big = CustomerCsvGenerator.GetOrCreate(dataDirectory, rows, Console.WriteLine);
        var small = CustomerCsvGenerator.GetOrCreate(dataDirectory, smallRows, Console.WriteLine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files: {big} ({new FileInfo(big).Length / (double)rows:F0} bytes a row), {small}"));
        if (!await CheckMappingAsync(small))
        {
            return 1;
        }

        var plan = new List<(string Label, string Scenario, string File, int Rows, string? Batch)>
        {
            ("R: CsvHelper Read + GetString", "raw-csv", big, rows, batch),
            ("our reader only (diagnostic)", "read-ours", big, rows, batch),
            ("simulate, in-memory sink", "simulate", big, rows, batch),
            ("simulate, sequential (MaxDegreeOfParallelism 1)", "simulate-sequential", big, rows, batch),
            ("execute into InMemorySink", "execute-memory", big, rows, batch),
            ("simulate, in-memory sink", "simulate", small, smallRows, batch),
            ("raw prepared INSERT (SQLite)", "raw-sqlite", small, smallRows, batch),
            ("execute into SQLite (new file)", "execute-sqlite", small, smallRows, batch),
        };
        if (ladder)
        {
            // Diagnostics: where the CPU time of a simulate goes (see LadderEntities), and what the file source costs.
            plan.AddRange(
            [
                ("ladder 1: 15 text fields, no check", "ladder-plain", big, rows, batch),
                ("ladder 2: + field types", "ladder-typed", big, rows, batch),
                ("ladder 3: + identifier validators", "ladder-validated", big, rows, batch),
                ("ladder 4: + references", "ladder-referenced", big, rows, batch),
                ("simulate, file bytes in memory", "simulate-bytes", big, rows, batch),
                ("simulate, unbuffered FileStream", "simulate-unbuffered", big, rows, batch),
                ("simulate, batch 200", "simulate", big, rows, "200"),
                ("simulate, batch 20,000", "simulate", big, rows, "20000"),
                ("R over async FileStream, ReadAsync", "raw-csv-async", big, rows, batch),
                ("R with our reader's options", "raw-csv-our-options", big, rows, batch),
                ("R + key registry (string → state)", "raw-csv-keys", big, rows, batch),
                ("R + 64-bit hash key registry", "raw-csv-hashkeys", big, rows, batch),
                ("raw INSERT, a transaction per 2,000 rows", "raw-sqlite-batched", small, smallRows, batch),
            ]);
        }

        if (xlsx)
        {
            // Our XLSX reader against ExcelDataReader and the floor (unzip + XML, nothing else) on the small workbook, ours on the big one (memory flat?).
            var bigXlsx = await CustomerXlsxGenerator.GetOrCreateAsync(big, Console.WriteLine);
            var smallXlsx = await CustomerXlsxGenerator.GetOrCreateAsync(small, Console.WriteLine);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workbooks: {bigXlsx} ({new FileInfo(bigXlsx).Length / 1_048_576.0:F1} MiB), {smallXlsx} ({new FileInfo(smallXlsx).Length / 1_048_576.0:F1} MiB)"));
            plan.AddRange(
            [
                ("XLSX: our reader, every cell as string", "xlsx-ours", smallXlsx, smallRows, batch),
                ("XLSX: ExcelDataReader GetValue.ToString", "xlsx-edr", smallXlsx, smallRows, batch),
                ("XLSX floor: ZipArchive + XmlReader <v>/<t>", "xlsx-floor", smallXlsx, smallRows, batch),
                ("XLSX: our reader, every cell as string", "xlsx-ours", bigXlsx, rows, batch),
            ]);
        }

        if (xls)
        {
            // Our XLS reader (our own BIFF8 record reader for a plain BIFF8 workbook; ExcelDataReader plus the record pass for the rest) against ExcelDataReader alone.
            var workbook = await CustomerXlsGenerator.GetOrCreateAsync(small, Console.WriteLine);
            var xlsRows = CustomerXlsGenerator.RowsFor(smallRows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"XLS workbook: {workbook} ({new FileInfo(workbook).Length / 1_048_576.0:F1} MiB, {xlsRows:N0} rows)"));
            plan.AddRange(
            [
                ("XLS: our reader, every cell as string", "xls-ours", workbook, xlsRows, batch),
                ("XLS: ExcelDataReader GetValue.ToString", "xls-edr", workbook, xlsRows, batch),
            ]);
        }

        // Each round runs the whole plan once; with --rounds N each scenario keeps its median round, so that a ratio is not
        // taken between a fast moment of one child and a slow moment of another (the machine drifts by tens of percent).
        var byEntry = new List<ScenarioResult>[plan.Count];
        for (var round = 1; round <= rounds; round++)
        {
            for (var i = 0; i < plan.Count; i++)
            {
                var (label, scenario, file, expected, childBatch) = plan[i];
                if (only is not null && !only.Contains(scenario, StringComparer.Ordinal))
                {
                    continue;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- {label}: {scenario} on {Path.GetFileName(file)} ({expected:N0} rows), cold + {runs} warm runs, own process{(rounds > 1 ? $", round {round}/{rounds}" : string.Empty)}"));
                var result = await RunChildAsync(scenario, file, expected, runs, dataDirectory, childBatch);
                if (result is not null)
                {
                    (byEntry[i] ??= []).Add(result);
                }
            }
        }

        var results = new List<(string Label, ScenarioResult Result)>();
        for (var i = 0; i < plan.Count; i++)
        {
            if (byEntry[i] is { Count: > 0 } all)
            {
                var median = all.OrderBy(r => r.WarmMedianSeconds).ElementAt(all.Count / 2);
                results.Add((plan[i].Label, median with
                {
                    PeakWorkingSetBytes = all.Max(r => r.PeakWorkingSetBytes),
                    FirstRunPeakWorkingSetBytes = all.Max(r => r.FirstRunPeakWorkingSetBytes),
                    Rounds = all.Count,
                }));
            }
        }

        var loadAfter = LoadAverage() + CpuProbe.Describe();
        var report = Report(results, rows, smallRows, environment, loadBefore, loadAfter);
        Console.WriteLine();
        Console.WriteLine(report.Text);

        Directory.CreateDirectory(artifacts);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(
            new { environment, loadBefore, loadAfter, rows, smallRows, results = results.Select(r => new { r.Label, r.Result }), targets = report.Targets },
            new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(Path.Combine(artifacts, $"throughput-{stamp}.json"), json);
        await File.WriteAllTextAsync(Path.Combine(artifacts, $"throughput-{stamp}.md"), report.Markdown);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "throughput-latest.md"), report.Markdown);
        Console.WriteLine($"written: {Path.Combine(artifacts, $"throughput-{stamp}.json")} and .md");
        return results.Any(r => r.Result.Problem is not null) || results.Count < plan.Count(p => only is null || only.Contains(p.Scenario)) ? 1 : 0;
    }

    /// <summary>Checks that every column of the generated header auto-matches its customers field.</summary>
    private static async Task<bool> CheckMappingAsync(string file)
    {
        var inspection = await CustomerImport.Build(new InMemorySink()).InspectAsync(new InspectRequest(ImportSource.FromFile(file)));
        var ok = inspection.Problem is null;
        foreach (var match in inspection.Mapping.Columns)
        {
            var expected = CustomerCsvGenerator.ExpectedFields[match.Index];
            if (!string.Equals(match.Field, expected, StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"mapping: column '{match.Column}' matched '{match.Field ?? "(nothing)"}' ({match.Reason}), expected '{expected}'");
                ok = false;
            }
        }

        Console.WriteLine(ok
            ? $"mapping: all {inspection.Mapping.Columns.Count} columns auto-match ({string.Join(", ", inspection.Mapping.Columns.Select(c => $"{c.Column} → {c.Field}"))})"
            : "mapping: the generated header does not auto-match the customers entity; fix the generator or the entity's synonyms");
        return ok;
    }

    private static async Task<ScenarioResult?> RunChildAsync(string scenario, string file, int expected, int runs, string work, string? batch)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ThroughputHarness).Assembly.Location);
        }

        foreach (var a in new[] { "scenario", scenario, file, "--expect", expected.ToString(CultureInfo.InvariantCulture), "--runs", runs.ToString(CultureInfo.InvariantCulture), "--work", work })
        {
            start.ArgumentList.Add(a);
        }

        if (batch is not null)
        {
            start.ArgumentList.Add("--batch");
            start.ArgumentList.Add(batch);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";

        using var child = Process.Start(start)!;
        ScenarioResult? result = null;
        var stderr = child.StandardError.ReadToEndAsync();
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ScenarioRunner.ResultPrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<ScenarioResult>(line[ScenarioRunner.ResultPrefix.Length..]);
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync();
        var errors = await stderr;
        if (errors.Length > 0)
        {
            Console.Error.WriteLine(errors);
        }

        if (result is null)
        {
            Console.Error.WriteLine($"  {scenario}: the child exited with {child.ExitCode} and no result");
        }
        else if (result.Problem is not null)
        {
            Console.Error.WriteLine($"  {scenario}: WRONG RESULT — {result.Problem}");
        }

        return result;
    }

    private static (string Text, string Markdown, object Targets) Report(List<(string Label, ScenarioResult Result)> results, int rows, int smallRows, string environment, string loadBefore, string loadAfter)
    {
        // The first result of a scenario and size is the one of the main plan (the --ladder diagnostics come after it).
        ScenarioResult? Find(string scenario, long n) => results.Select(r => r.Result).FirstOrDefault(r => r.Scenario == scenario && r.Rows == n);
        var r = Find("raw-csv", rows);
        var rawInsert = Find("raw-sqlite", smallRows);
        var sim = Find("simulate", rows);
        var simSmall = Find("simulate", smallRows);
        var sqlite = Find("execute-sqlite", smallRows);

        var header = new[] { "scenario", "rows", "cold s", "warm s", "rows/s", "peak WS MiB (1st run / all)", "× R", "× raw INSERT", "CPU s", "× R (CPU)", "GC pause s", "alloc MiB", "GC 0/1/2" };
        var table = new List<string[]>();
        foreach (var (label, x) in results)
        {
            table.Add(
            [
                label + (x.Problem is null ? string.Empty : " (WRONG RESULT)"),
                x.Rows.ToString("N0", CultureInfo.InvariantCulture),
                x.ColdSeconds.ToString("F3", CultureInfo.InvariantCulture),
                x.WarmMedianSeconds.ToString("F3", CultureInfo.InvariantCulture),
                x.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                x.FirstRunPeakWorkingSetMiB.ToString("F0", CultureInfo.InvariantCulture) + " / " + x.PeakWorkingSetMiB.ToString("F0", CultureInfo.InvariantCulture),
                r is null ? "-" : (x.RowsPerSecond / r.RowsPerSecond).ToString("F2", CultureInfo.InvariantCulture),
                rawInsert is null || !x.Scenario.Contains("sqlite", StringComparison.Ordinal) ? "-" : (x.RowsPerSecond / rawInsert.RowsPerSecond).ToString("F2", CultureInfo.InvariantCulture),
                x.CpuSeconds.ToString("F3", CultureInfo.InvariantCulture),
                r is null ? "-" : (x.RowsPerCpuSecond / r.RowsPerCpuSecond).ToString("F2", CultureInfo.InvariantCulture),
                x.GcPauseSeconds.ToString("F3", CultureInfo.InvariantCulture),
                (x.AllocatedBytes / 1_048_576.0).ToString("N0", CultureInfo.InvariantCulture),
                string.Join('/', x.Collections),
            ]);
        }

        var targets = new List<(string Target, string Measured, string Verdict)>();
        if (sim is not null && r is not null)
        {
            var ratio = sim.RowsPerSecond / r.RowsPerSecond;
            targets.Add(($"simulate {rows:N0} rows ≥ {SimulateTarget:F2} R (stretch {SimulateStretch:F2} R)", $"{ratio:F2} R (CPU-time ratio {sim.RowsPerCpuSecond / r.RowsPerCpuSecond:F2} R)", Verdict(ratio >= SimulateTarget, sim) + (ratio >= SimulateStretch ? " (stretch met)" : string.Empty)));
        }

        if (sim is not null)
        {
            targets.Add(($"peak working set of that simulate ≤ {PeakTargetMiB:F0} MiB (one import in a fresh process)", $"{sim.FirstRunPeakWorkingSetMiB:F0} MiB (all runs of the process: {sim.PeakWorkingSetMiB:F0} MiB)", Verdict(sim.FirstRunPeakWorkingSetMiB <= PeakTargetMiB, sim)));
        }

        if (sim is not null && simSmall is not null)
        {
            // "Flat": nothing may grow with the file but the key set, which the pipeline must keep (duplicates in the file): about
            // 32 bytes a key here (a 16-byte entry, the code's 8 characters stored as Latin-1 bytes, at most 8 bytes of slots).
            var keySetMiB = (sim.Rows - simSmall.Rows) * KeyBytes / 1_048_576.0;
            var growthMiB = sim.FirstRunPeakWorkingSetMiB - simSmall.FirstRunPeakWorkingSetMiB;
            var otherGrowth = growthMiB - keySetMiB;
            targets.Add(($"flat from {smallRows:N0} to {rows:N0} rows: first-run peak grows by the key set (~{KeyBytes} B a key) plus at most {(FlatTolerance - 1) * 100:F0} %", $"{simSmall.FirstRunPeakWorkingSetMiB:F0} → {sim.FirstRunPeakWorkingSetMiB:F0} MiB (+{growthMiB:F0} MiB, of which the key set ~{keySetMiB:F0} MiB; other +{otherGrowth:F0} MiB = {otherGrowth / simSmall.FirstRunPeakWorkingSetMiB * 100:F0} %)", Verdict(otherGrowth <= (FlatTolerance - 1) * simSmall.FirstRunPeakWorkingSetMiB, sim, simSmall)));
        }

        if (sqlite is not null && rawInsert is not null)
        {
            var ratio = sqlite.RowsPerSecond / rawInsert.RowsPerSecond;
            targets.Add(($"run into SQLite, {smallRows:N0} rows, new store ≥ {SqliteTarget:F2} × raw prepared INSERT", $"{ratio:F2} × ({sqlite.RowsPerSecond:N0} vs {rawInsert.RowsPerSecond:N0} rows/s; CPU-time ratio {sqlite.RowsPerCpuSecond / rawInsert.RowsPerCpuSecond:F2})", Verdict(ratio >= SqliteTarget, sqlite, rawInsert)));
        }

        AddXlsxTargets(targets, Find, rows, smallRows);
        if (Find("xls-ours", CustomerXlsGenerator.RowsFor(smallRows)) is { } xlsOurs && Find("xls-edr", CustomerXlsGenerator.RowsFor(smallRows)) is { } xlsEdr)
        {
            var ratio = xlsOurs.RowsPerSecond / xlsEdr.RowsPerSecond;
            targets.Add(($"XLS {xlsOurs.Rows:N0} rows: our reader (own BIFF8 reader) vs ExcelDataReader alone", $"{ratio:F2} × ({xlsOurs.RowsPerSecond:N0} vs {xlsEdr.RowsPerSecond:N0} rows/s; CPU-time ratio {xlsOurs.RowsPerCpuSecond / xlsEdr.RowsPerCpuSecond:F2}; peak {xlsOurs.PeakWorkingSetMiB:F0} vs {xlsEdr.PeakWorkingSetMiB:F0} MiB)", "(diagnostic)"));
        }


        var text = new StringBuilder();
        text.AppendLine(FormatTable(header, table));
        text.AppendLine();
        text.AppendLine(FormatTable(["target (PERFORMANCE.md)", "measured", "verdict"], targets.Select(t => new[] { t.Target, t.Measured, t.Verdict }).ToList()));
        text.AppendLine();
        text.AppendLine("warm s = median of the warm runs (each after a full GC, in the same process as the cold run); rows/s, × R and × raw INSERT use it (the targets' ratios).");
        var rounds = results.Count == 0 ? 1 : results.Max(x => x.Result.Rounds);
        if (rounds > 1)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"each row is the median of {rounds} rounds (a child process each) of that scenario; its peaks are the highest of them."));
        }

        text.AppendLine("CPU s = process CPU time (all threads) of that run; × R (CPU) compares rows per CPU second, which holds better than wall time when other processes load the machine.");
        text.AppendLine($"load average before / after: {loadBefore} / {loadAfter} (2 cores: above ~1 the figures were taken under load; quote ratios, not times)");

        var markdown = new StringBuilder();
        markdown.AppendLine("# Throughput").AppendLine();
        markdown.AppendLine("```").AppendLine(environment).AppendLine("```").AppendLine();
        markdown.AppendLine(Markdown(header, table)).AppendLine();
        markdown.AppendLine(Markdown(["target (PERFORMANCE.md)", "measured", "verdict"], targets.Select(t => new[] { t.Target, t.Measured, t.Verdict }).ToList())).AppendLine();
        markdown.AppendLine($"warm s = median of the warm runs. Load average before / after: {loadBefore} / {loadAfter}.");
        return (text.ToString(), markdown.ToString(), targets.Select(t => new { t.Target, t.Measured, t.Verdict }).ToArray());
    }

    private static void AddXlsxTargets(List<(string Target, string Measured, string Verdict)> targets, Func<string, long, ScenarioResult?> find, int rows, int smallRows)
    {
        var ours = find("xlsx-ours", smallRows);
        var edr = find("xlsx-edr", smallRows);
        var floor = find("xlsx-floor", smallRows);
        var oursBig = find("xlsx-ours", rows);
        if (ours is not null && edr is not null)
        {
            var ratio = ours.RowsPerSecond / edr.RowsPerSecond;
            targets.Add(($"XLSX {smallRows:N0} rows: our reader ≥ {XlsxEdrTarget:F1} × ExcelDataReader", $"{ratio:F2} × ({ours.RowsPerSecond:N0} vs {edr.RowsPerSecond:N0} rows/s; CPU-time ratio {ours.RowsPerCpuSecond / edr.RowsPerCpuSecond:F2}; peak {ours.PeakWorkingSetMiB:F0} vs {edr.PeakWorkingSetMiB:F0} MiB)", Verdict(ratio >= XlsxEdrTarget, ours, edr)));
        }

        if (ours is not null && floor is not null)
        {
            var ratio = ours.RowsPerSecond / floor.RowsPerSecond;
            targets.Add(($"XLSX {smallRows:N0} rows: our reader, stretch {XlsxFloorStretch:F1} × floor (zip + XML)", $"{ratio:F2} × ({ours.RowsPerSecond:N0} vs {floor.RowsPerSecond:N0} rows/s; CPU-time ratio {ours.RowsPerCpuSecond / floor.RowsPerCpuSecond:F2})", Verdict(ratio >= XlsxFloorStretch, ours, floor)));
        }

        if (ours is not null && oursBig is not null)
        {
            var growth = oursBig.PeakWorkingSetMiB / ours.PeakWorkingSetMiB;
            targets.Add(($"XLSX our reader flat from {smallRows:N0} to {rows:N0} rows (peak within +{(FlatTolerance - 1) * 100:F0} %)", $"{ours.PeakWorkingSetMiB:F0} → {oursBig.PeakWorkingSetMiB:F0} MiB (×{growth:F2}, +{oursBig.PeakWorkingSetMiB - ours.PeakWorkingSetMiB:F0} MiB)", Verdict(growth <= FlatTolerance, oursBig, ours)));
        }
    }

    private static string Verdict(bool pass, params ScenarioResult[] from) =>
        from.Any(f => f.Problem is not null) ? "INVALID (wrong result)" : pass ? "PASS" : "FAIL";

    private static string FormatTable(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var numeric = i > 0 && cells[i].Length > 0 && (char.IsAsciiDigit(cells[i][0]) || cells[i] == "-");
                text.Append(i == 0 ? "| " : " | ").Append(numeric ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            }

            text.AppendLine(" |");
        }

        Line(header);
        text.Append("|-").Append(string.Join("-|-", widths.Select(w => new string('-', w)))).AppendLine("-|");
        foreach (var row in rows)
        {
            Line(row);
        }

        return text.ToString().TrimEnd();
    }

    private static string Markdown(string[] header, List<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        text.Append('|').AppendJoin('|', header.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return text.ToString().TrimEnd();
    }

    private static string DescribeEnvironment() => string.Create(
        CultureInfo.InvariantCulture,
        $".NET {Environment.Version} ({RuntimeInformation.FrameworkDescription}), {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} cores, "
        + $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1_073_741_824.0:F0} GiB; harness GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, "
        + $"{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}; children: DOTNET_gcServer=0 DOTNET_gcConcurrent=0; "
        + $"{(IsOptimized() ? "Release" : "DEBUG BUILD — figures meaningless")}");

    private static bool IsOptimized() =>
        typeof(ThroughputHarness).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', parts.Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
