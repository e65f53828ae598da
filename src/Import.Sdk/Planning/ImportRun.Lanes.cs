using System.Runtime.ExceptionServices;

namespace Import.Sdk.Planning;

/// <summary>The lanes a run's batches go through (see <see cref="ReadAndPlanAsync"/>) and the turns they take.</summary>
internal sealed partial class ImportRun
{
    /// <summary>
    /// One lane of a run: the batch it holds, the rows it recycles (read, converted and planned by this lane only, so that a
    /// recycled row stays in the cache of the thread that reuses it) and its own converter.
    /// </summary>
    private sealed class BatchLane
    {
        private readonly RowConverter _converter;

        public BatchLane(ImportRun run, ITabularReader reader, int index, int count, LaneTurns? turns)
        {
            CellReader = reader as IRowCellReader;
            Chars = CellReader is not null && run._cellSlots.Any(s => s >= 0) ? new CellChars(run._cellSlots) : null;
            Index = index;
            Count = count;
            Turns = turns;
            Batch = new List<RowState>(run._options.BatchSize);
            _converter = new RowConverter(run);
        }

        /// <summary>Gets the lane's number: its first batch.</summary>
        public int Index { get; }

        /// <summary>Gets the number of lanes: the step from one of this lane's batches to its next.</summary>
        public int Count { get; }

        /// <summary>Gets the reader as one that copies a row's cells in one call, when it does.</summary>
        public IRowCellReader? CellReader { get; }

        /// <summary>Gets the characters of the batch's cells that are not made strings, when the reader can keep them so.</summary>
        public CellChars? Chars { get; }

        /// <summary>Gets the turns the lanes take, or <see langword="null"/> when there is only one lane.</summary>
        public LaneTurns? Turns { get; }

        public List<RowState> Batch { get; }

        public Stack<RowState> Free { get; } = new();

        /// <summary>Gets or sets where the reader stood at the end of the batch (its progress).</summary>
        public long BytesRead { get; set; }

        /// <summary>Gets or sets the rows read in the file up to the end of the batch.</summary>
        public long RowsRead { get; set; }

        /// <summary>Gets or sets why the file could not be read past the batch, reported in the batch's planning turn.</summary>
        public (int Row, string Message, bool NothingRead)? ReadFailure { get; set; }

        /// <summary>Converts and checks the batch's rows (outside any turn, on the thread that read them).</summary>
        public void Convert()
        {
            foreach (var row in Batch)
            {
                _converter.Convert(row);
            }
        }
    }

    /// <summary>The two turns lanes take: reading (the reader is not thread-safe) and planning (in file order).</summary>
    private sealed class LaneTurns
    {
        private readonly object _gate = new();
        private ExceptionDispatchInfo? _failure;

        public LaneTurns()
        {
            Reading = new Turn(this);
            Planning = new Turn(this);
        }

        public Turn Reading { get; }

        public Turn Planning { get; }

        /// <summary>Gets what stopped the first lane that failed, if one did.</summary>
        public ExceptionDispatchInfo? Failure
        {
            get
            {
                lock (_gate)
                {
                    return _failure;
                }
            }
        }

        /// <summary>Stops every lane at its next turn (those waiting now included): a lane failed.</summary>
        public void Abort(Exception exception)
        {
            lock (_gate)
            {
                if (_failure is not null || exception is LaneStoppedException)
                {
                    return;
                }

                _failure = ExceptionDispatchInfo.Capture(exception);
            }

            Reading.Fail();
            Planning.Fail();
        }

        /// <summary>Batch numbers taking a turn one after the other: batch n waits until batch n - 1 is done with it.</summary>
        public sealed class Turn(LaneTurns owner)
        {
            private readonly List<(long Batch, TaskCompletionSource Waiter)> _waiting = [];
            private long _current;
            private bool _failed;

            // How long a lane spins for its turn before it waits asynchronously. The turns it waits for are short (a batch's
            // reading or planning: a fraction of a millisecond), and a lane that waits asynchronously gives its thread up: being
            // woken then costs tens of microseconds (more on a virtual machine whose idle vCPU halts), and the lane resumes on
            // another thread, away from its rows in the cache. Measured on the 2-core machine class (1M-row simulate): the two
            // lanes waited about a quarter of their time; spinning first made the run ~5 % faster.
            private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5_000; // 200 µs

            /// <summary>Completes when it is <paramref name="batch"/>'s turn: at once when it comes within a short spin.</summary>
            public ValueTask WaitAsync(long batch)
            {
                if (Volatile.Read(ref _current) != batch)
                {
                    var until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
                    var spinner = default(SpinWait);
                    while (Volatile.Read(ref _current) != batch && !Volatile.Read(ref _failed) && System.Diagnostics.Stopwatch.GetTimestamp() < until)
                    {
                        spinner.SpinOnce(sleep1Threshold: -1); // spins, then yields; never sleeps a millisecond
                    }
                }

                lock (owner._gate)
                {
                    if (_failed)
                    {
                        return ValueTask.FromException(new LaneStoppedException());
                    }

                    if (_current == batch)
                    {
                        return ValueTask.CompletedTask;
                    }

                    // Continuations on the thread pool: the lane resumes on a thread of its own, not inside the one that let it go.
                    var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _waiting.Add((batch, waiter));
                    return new ValueTask(waiter.Task);
                }
            }

            /// <summary>Ends the current batch's turn: the next batch's.</summary>
            public void Advance()
            {
                TaskCompletionSource? next = null;
                lock (owner._gate)
                {
                    Volatile.Write(ref _current, _current + 1);
                    for (var i = 0; i < _waiting.Count; i++)
                    {
                        if (_waiting[i].Batch == _current)
                        {
                            next = _waiting[i].Waiter;
                            _waiting.RemoveAt(i);
                            break;
                        }
                    }
                }

                next?.SetResult();
            }

            public void Fail()
            {
                TaskCompletionSource[] waiting;
                lock (owner._gate)
                {
                    Volatile.Write(ref _failed, true);
                    waiting = [.. _waiting.Select(w => w.Waiter)];
                    _waiting.Clear();
                }

                foreach (var waiter in waiting)
                {
                    waiter.SetException(new LaneStoppedException());
                }
            }
        }
    }

    /// <summary>Thrown in a lane that another lane's failure stopped: not the run's outcome (the other lane's exception is).</summary>
    private sealed class LaneStoppedException : Exception
    {
        public LaneStoppedException()
            : base("Another lane of the import failed.")
        {
        }
    }
}
