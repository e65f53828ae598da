using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Import.Sdk.Reporting;

// Over 400 lines, on purpose: the memory part, the temporary file (its own binary format, written and read back), the runs
// merged back into row order and the truncation after a failed batch share one state; split, each part would expose it.

/// <summary>
/// The rejected rows of an import (their cells and error text), for the errors file. The first ones are kept in memory; past
/// a small threshold (rows or characters) every one goes to a temporary file, so that the memory an import holds does not grow
/// with its rejected rows: a million rejected rows weigh a few bytes each on disk, not 1.4 KB each on the heap.
/// </summary>
/// <remarks>
/// <para>
/// Rows come in row order (the planner sees the file's batches in order), except those planned at the end (rows that
/// waited for a parent later in the file): each time a row comes before the last one, a new run starts, and
/// <see cref="ReadAsync"/> merges the runs back into row order.
/// </para>
/// <para>
/// The temporary file lives as long as the report (a host may keep a report and write its errors file later). It is never
/// left behind: on Unix it is unlinked as soon as it is created (only its handle reaches it); on Windows it is opened with
/// <see cref="FileOptions.DeleteOnClose"/>. The handle is closed when the report is garbage-collected (its finalizer) or the
/// process ends: <see cref="ImportReport"/> needs no disposing.
/// </para>
/// <para>
/// Format: per row, its length (4 bytes) then the row number, the cell count, each cell and the error text as a length
/// (4 bytes) and UTF-8 bytes. Written and read by offset (<see cref="RandomAccess"/>): several readers may read at once.
/// </para>
/// </remarks>
internal sealed class RejectedRowStore
{
    private const int FlushBytes = 1 << 18;
    private readonly int _maxRowsInMemory;
    private readonly long _maxCharsInMemory;
    private readonly List<Run> _runs = [];
    private List<ImportReport.RejectedRow>? _memory = [];
    private long _memoryChars;
    private SafeFileHandle? _file;
    private ArrayBufferWriter<byte>? _pending;
    private long _fileLength;
    private int _lastRow = int.MinValue;
    private bool _cannotSpill;

    /// <summary>Initializes a new instance of the <see cref="RejectedRowStore"/> class.</summary>
    /// <param name="maxRowsInMemory">The most rows kept in memory; past it, the rows go to a temporary file.</param>
    /// <param name="maxCharsInMemory">The most characters (cells and errors) kept in memory; past it, the same.</param>
    public RejectedRowStore(int maxRowsInMemory, long maxCharsInMemory)
    {
        _maxRowsInMemory = maxRowsInMemory;
        _maxCharsInMemory = maxCharsInMemory;
    }

    /// <summary>Gets the number of rows stored.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the most cells a row stored has.</summary>
    public int MaxWidth { get; private set; }

    /// <summary>Gets the number of rows held in memory (the others are in the temporary file).</summary>
    public int RowsInMemory => _memory?.Count ?? 0;

    /// <summary>Gets a value indicating whether the rows went to a temporary file.</summary>
    public bool Spilled => _file is not null;

    /// <summary>Adds a rejected row (from the planner: one thread at a time).</summary>
    /// <param name="row">The row number.</param>
    /// <param name="cells">The row's cells as they were in the file.</param>
    /// <param name="errors">The error text of the row.</param>
    public void Add(int row, string[] cells, string errors)
    {
        if (Count == 0 || row < _lastRow)
        {
            _runs.Add(new Run(Count, _memory is null ? _fileLength + _pending!.WrittenCount : -1));
        }

        _lastRow = row;
        MaxWidth = Math.Max(MaxWidth, cells.Length);
        if (_memory is not null)
        {
            _memory.Add(new ImportReport.RejectedRow(row, cells, errors));
            _memoryChars += errors.Length;
            foreach (var cell in cells)
            {
                _memoryChars += cell?.Length ?? 0;
            }

            Count++;
            if (_memory.Count > _maxRowsInMemory || _memoryChars > _maxCharsInMemory)
            {
                Spill();
            }

            return;
        }

        Encode(row, cells, errors);
        Count++;
        if (_pending!.WrittenCount >= FlushBytes)
        {
            Flush();
        }
    }

    /// <summary>Where the store stands: <see cref="Truncate"/> goes back to it (a batch the sink failed to write is taken out).</summary>
    /// <returns>The mark.</returns>
    public StoreMark Mark() => new(Count, _memory is null ? _fileLength + _pending!.WrittenCount : -1, _runs.Count, _lastRow, MaxWidth);

    /// <summary>Takes out every row added since <paramref name="mark"/> was taken.</summary>
    /// <param name="mark">A mark of this store.</param>
    public void Truncate(StoreMark mark)
    {
        if (mark.Count >= Count)
        {
            return;
        }

        if (_memory is not null)
        {
            _memory.RemoveRange(mark.Count, _memory.Count - mark.Count);
            _memoryChars = 0;
            foreach (var row in _memory)
            {
                _memoryChars += row.Errors.Length + row.Cells.Sum(c => (long)(c?.Length ?? 0));
            }
        }
        else
        {
            // The bytes past the mark are dropped; later rows overwrite them (reads stop at Count).
            var offset = mark.Offset;
            if (offset < 0)
            {
                // The rows were in memory at the mark and spilled since: the mark's rows are the file's first ones.
                Complete();
                offset = 0;
                Span<byte> prefix = stackalloc byte[4];
                for (var i = 0; i < mark.Count; i++)
                {
                    RandomAccess.Read(_file!, prefix, offset);
                    offset += 4 + BinaryPrimitives.ReadInt32LittleEndian(prefix);
                }
            }

            if (offset >= _fileLength)
            {
                var kept = _pending!.WrittenSpan[..(int)(offset - _fileLength)].ToArray();
                _pending.ResetWrittenCount();
                _pending.Write(kept);
            }
            else
            {
                _pending!.ResetWrittenCount();
                _fileLength = offset;
            }
        }

        _runs.RemoveRange(mark.Runs, _runs.Count - mark.Runs);
        Count = mark.Count;
        _lastRow = mark.LastRow;
        MaxWidth = mark.MaxWidth;
    }

    /// <summary>Writes what is still buffered to the temporary file: the rows can be read.</summary>
    public void Complete()
    {
        if (_pending is { WrittenCount: > 0 })
        {
            Flush();
        }
    }

    /// <summary>Reads the rows back in row order (after <see cref="Complete"/>).</summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The rows.</returns>
    public async IAsyncEnumerable<ImportReport.RejectedRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursors = new List<Cursor>(_runs.Count);
        for (var r = 0; r < _runs.Count; r++)
        {
            var end = r + 1 < _runs.Count ? _runs[r + 1].Index : Count;
            cursors.Add(new Cursor(_memory, _file, _runs[r], end - _runs[r].Index));
        }

        if (cursors.Count == 1)
        {
            while (await cursors[0].MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return cursors[0].Current;
            }

            yield break;
        }

        // Runs merged by row (a row is in one run only; equal rows cannot happen, the run order breaks ties anyway).
        var queue = new PriorityQueue<Cursor, (int Row, int Run)>();
        for (var r = 0; r < cursors.Count; r++)
        {
            if (await cursors[r].MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                queue.Enqueue(cursors[r], (cursors[r].Current.Row, r));
            }
        }

        while (queue.TryDequeue(out var cursor, out var priority))
        {
            yield return cursor.Current;
            if (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                queue.Enqueue(cursor, (cursor.Current.Row, priority.Run));
            }
        }
    }

    /// <summary>Moves the rows held in memory to a new temporary file; the next rows go there too.</summary>
    private void Spill()
    {
        if (_cannotSpill)
        {
            return;
        }

        SafeFileHandle file;
        try
        {
            file = OpenTemporaryFile();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No temporary file: the rows stay in memory, as they did before the store could spill.
            _cannotSpill = true;
            return;
        }

        _file = file;
        _pending = new ArrayBufferWriter<byte>(FlushBytes + (FlushBytes / 4));
        var memory = _memory!;
        _memory = null;
        _memoryChars = 0;
        var run = 0;
        for (var i = 0; i < memory.Count; i++)
        {
            while (run < _runs.Count && _runs[run].Index == i)
            {
                _runs[run] = _runs[run] with { Offset = _fileLength + _pending.WrittenCount };
                run++;
            }

            var row = memory[i];
            Encode(row.Row, row.Cells, row.Errors);
            if (_pending.WrittenCount >= FlushBytes)
            {
                Flush();
            }
        }
    }

    private static SafeFileHandle OpenTemporaryFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "import-sdk-rejected-" + Path.GetRandomFileName());
        if (OperatingSystem.IsWindows())
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        }

        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        try
        {
            File.Delete(path); // only the handle reaches the file now: nothing is left behind, whatever happens to the process
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not unlinked: the file stays in the temporary folder; the rows are still stored.
        }

        return handle;
    }

    private void Encode(int row, string[] cells, string errors)
    {
        var utf8 = Encoding.UTF8;
        var length = 8 + 4 + utf8.GetByteCount(errors);
        foreach (var cell in cells)
        {
            length += 4 + utf8.GetByteCount(cell ?? string.Empty);
        }

        var span = _pending!.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], row);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], cells.Length);
        var at = 12;
        foreach (var cell in cells)
        {
            at += Put(span[at..], cell ?? string.Empty);
        }

        at += Put(span[at..], errors);
        _pending.Advance(at);

        static int Put(Span<byte> destination, string text)
        {
            var n = Encoding.UTF8.GetBytes(text, destination[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(destination, n);
            return 4 + n;
        }
    }

    private void Flush()
    {
        try
        {
            RandomAccess.Write(_file!, _pending!.WrittenSpan, _fileLength);
        }
        catch (IOException ex)
        {
            throw new ImportException($"The rejected rows cannot be kept for the errors file: the temporary folder '{Path.GetTempPath()}' is full or cannot be written ({ex.Message}). Free some space there, or import a file with fewer rejected rows.", ex);
        }

        _fileLength += _pending.WrittenCount;
        _pending.ResetWrittenCount();
    }

    /// <summary>Where a store stood: its row count, its file's length (or -1 while in memory), its runs, last row and width.</summary>
    internal readonly record struct StoreMark(int Count, long Offset, int Runs, int LastRow, int MaxWidth);

    /// <summary>A run of rows in increasing row order: its first row's index and, once in the file, its offset there.</summary>
    private readonly record struct Run(int Index, long Offset);

    /// <summary>Reads one run, from memory or from the file (by offset: cursors do not share a position).</summary>
    private sealed class Cursor(List<ImportReport.RejectedRow>? memory, SafeFileHandle? file, Run run, int count)
    {
        private int _read;
        private byte[] _buffer = [];
        private int _start;
        private int _end;
        private long _offset = run.Offset;

        public ImportReport.RejectedRow Current { get; private set; } = null!;

        public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
        {
            if (_read == count)
            {
                return false;
            }

            if (memory is not null)
            {
                Current = memory[run.Index + _read++];
                return true;
            }

            await FillAsync(4, cancellationToken).ConfigureAwait(false);
            var length = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_start));
            await FillAsync(4 + length, cancellationToken).ConfigureAwait(false);
            Current = Decode(_buffer.AsSpan(_start + 4, length));
            _start += 4 + length;
            _read++;
            return true;
        }

        private static ImportReport.RejectedRow Decode(ReadOnlySpan<byte> record)
        {
            var row = BinaryPrimitives.ReadInt32LittleEndian(record);
            var cells = new string[BinaryPrimitives.ReadInt32LittleEndian(record[4..])];
            var at = 8;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Take(record, ref at);
            }

            return new ImportReport.RejectedRow(row, cells, Take(record, ref at));

            static string Take(ReadOnlySpan<byte> record, ref int at)
            {
                var n = BinaryPrimitives.ReadInt32LittleEndian(record[at..]);
                var text = n == 0 ? string.Empty : Encoding.UTF8.GetString(record.Slice(at + 4, n));
                at += 4 + n;
                return text;
            }
        }

        /// <summary>Makes <paramref name="bytes"/> bytes available from the buffer's start, reading the file on.</summary>
        private async ValueTask FillAsync(int bytes, CancellationToken cancellationToken)
        {
            if (_end - _start >= bytes)
            {
                return;
            }

            if (_buffer.Length < bytes)
            {
                var larger = new byte[Math.Max(bytes, Math.Max(_buffer.Length * 2, 16 << 10))];
                _buffer.AsSpan(_start, _end - _start).CopyTo(larger);
                _buffer = larger;
            }
            else
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            }

            _end -= _start;
            _start = 0;
            while (_end < bytes)
            {
                var n = await RandomAccess.ReadAsync(file!, _buffer.AsMemory(_end), _offset, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new ImportException("The temporary file of the rejected rows ended early: the errors file cannot be written.");
                }

                _offset += n;
                _end += n;
            }
        }
    }
}
