using System.Diagnostics;
using Spectre.Console;

namespace Import.Sdk.Cli.Output;

/// <summary>
/// Shows the progress of an import: a Spectre.Console progress bar when stdout is a terminal; otherwise plain lines
/// such as <c>progress: 40% (4000 rows)</c>, at most one per 10 % (one per second when the size is unknown).
/// </summary>
internal static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/> with a progress receiver.</summary>
    /// <param name="context">The console.</param>
    /// <param name="plainWriter">Where plain progress lines go when stdout is not a terminal.</param>
    /// <param name="clearWhenDone">Whether the bar is removed at the end (when JSON follows on stdout).</param>
    /// <param name="work">The import.</param>
    public static async Task<T> RunAsync<T>(CliContext context, TextWriter plainWriter, bool clearWhenDone, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (!context.IsTerminal)
        {
            var plain = new PlainProgress(context, plainWriter);
            var result = await work(plain);
            plain.Complete();
            return result;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        return await console.Progress()
            .AutoClear(clearWhenDone)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask(Markup.Escape(context.T("Import", "Import")), autoStart: true, maxValue: 100);
                var result = await work(new BarProgress(context, task));
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    /// <summary>Formats a progress line (plain output).</summary>
    public static string Line(CliContext context, ImportProgress progress) => progress.Percent is double percent
        ? context.T("progression : {0} % ({1} lignes)", "progress: {0}% ({1} rows)", (int)Math.Floor(percent), progress.RowsDone)
        : context.T("progression : {0} lignes", "progress: {0} rows", progress.RowsDone);

    /// <summary>Plain lines, at most one per 10 %.</summary>
    internal sealed class PlainProgress(CliContext context, TextWriter writer) : IProgress<ImportProgress>
    {
        private static readonly TimeSpan UnknownSizeInterval = TimeSpan.FromSeconds(1);
        private int _lastDecile = -1;
        private long _lastRows = -1;
        private long _lastTimestamp;
        private ImportProgress? _latest;

        public void Report(ImportProgress value)
        {
            _latest = value;
            if (value.Percent is double percent)
            {
                var decile = (int)Math.Floor(percent / 10);
                if (decile <= _lastDecile)
                {
                    return;
                }

                _lastDecile = decile;
            }
            else
            {
                var now = Stopwatch.GetTimestamp();
                if (value.RowsDone == _lastRows || (_lastRows >= 0 && Stopwatch.GetElapsedTime(_lastTimestamp, now) < UnknownSizeInterval))
                {
                    return;
                }

                _lastTimestamp = now;
            }

            _lastRows = value.RowsDone;
            writer.WriteLine(Line(context, value));
        }

        /// <summary>
        /// Prints the final count when the last line printed is behind it (the file can be read to its end, 100 %, a few batches
        /// before the last rows are processed).
        /// </summary>
        public void Complete()
        {
            if (_latest is { } last && last.RowsDone != _lastRows)
            {
                _lastRows = last.RowsDone;
                writer.WriteLine(Line(context, last));
            }
        }
    }

    /// <summary>Drives a Spectre.Console progress task.</summary>
    private sealed class BarProgress(CliContext context, ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.Description = Markup.Escape(context.T("Import : {0:N0} lignes", "Import: {0:N0} rows", value.RowsDone));
            if (value.Percent is double percent)
            {
                task.IsIndeterminate = false;
                task.Value = percent;
            }
            else
            {
                task.IsIndeterminate = true;
            }
        }
    }
}
