using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Import.Sdk.Excel.Resources;
using Microsoft.Win32.SafeHandles;

namespace Import.Sdk.Excel.Reading;

/// <summary>
/// Append-only bytes (the UTF-8 shared strings of a workbook) in pages of <c>pageSize</c> bytes: the first pages, up to
/// <c>memoryBudget</c> bytes, stay in memory; the later ones are written to a temporary file (created only then, in
/// <see cref="Path.GetTempPath"/>, deleted when closed) as each fills, and read back through a cache of a few pages. So the
/// memory held does not depend on the size of the shared strings (issue 16: peak memory under 150 MiB for any workbook).
/// The pages are rented from <see cref="ArrayPool{T}.Shared"/> and returned when disposed: the CLI opens a workbook twice (the
/// mapping, then the import), and the second reading reuses the first one's pages instead of doubling the peak.
/// Not thread-safe (reading moves the page cache); a reader reads its workbook on one thread at a time.
/// </summary>
internal sealed class PagedByteStore : IDisposable
{
    /// <summary>The size of a page.</summary>
    public const int DefaultPageSize = 1 << 20;

    /// <summary>The bytes kept in memory before pages go to the temporary file.</summary>
    public const long DefaultMemoryBudget = 32L << 20;

    /// <summary>How many spilled pages are cached in memory for reading.</summary>
    private const int CachedPages = 4;

    /// <summary>The first page starts this small and doubles up to a page (a workbook of a few texts costs a few KiB).</summary>
    private const int FirstPageSize = 16 << 10;

    private readonly int _pageSize;
    private readonly int _memoryPages;
    private readonly string? _directory;
    private readonly CultureInfo _ui;
    private readonly List<byte[]> _pages = []; // pages 0 to _memoryPages - 1, in memory
    private readonly byte[]?[] _cache = new byte[CachedPages][];
    private readonly long[] _cachePage = [-1, -1, -1, -1];
    private byte[]? _tail; // the page being written once past the memory budget (every earlier spilled page is in the file)
    private byte[]? _scratch; // a read spanning pages is copied here
    private int _nextVictim;
    private SafeFileHandle? _file;
    private bool _disposed;

    /// <summary>Creates an empty store.</summary>
    /// <param name="pageSize">The size of a page (at least 16 bytes).</param>
    /// <param name="memoryBudget">The bytes kept in memory (at least one page); the pages past it are written to a temporary file.</param>
    /// <param name="ui">The culture of the message when the temporary file fails (English when <see langword="null"/>).</param>
    /// <param name="directory">The folder of the temporary file; <see langword="null"/> for <see cref="Path.GetTempPath"/>.</param>
    public PagedByteStore(int pageSize = DefaultPageSize, long memoryBudget = DefaultMemoryBudget, CultureInfo? ui = null, string? directory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 16);
        _pageSize = pageSize;
        _memoryPages = (int)Math.Clamp(memoryBudget / pageSize, 1, int.MaxValue);
        _ui = ui ?? CultureInfo.InvariantCulture;
        _directory = directory;
    }

    /// <summary>Gets the number of bytes appended.</summary>
    public long Length { get; private set; }

    /// <summary>Gets the path of the temporary file, or <see langword="null"/> while every page is in memory.</summary>
    public string? SpillPath { get; private set; }

    private long TailPage => Length / _pageSize;

    private int TailPosition => (int)(Length % _pageSize);

    /// <summary>
    /// Gets the free bytes of the page being written, made at least <paramref name="sizeHint"/> long when the page has that much
    /// room left (else all its room, maybe less): write into it, then <see cref="Advance"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Span<byte> GetFree(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var page = Page(TailPage, Math.Min((long)TailPosition + sizeHint, _pageSize));
        return page.AsSpan(TailPosition, Math.Min(page.Length, _pageSize) - TailPosition);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into <see cref="GetFree"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _pageSize - TailPosition);
        var page = TailPage;
        Length += count;
        if (TailPage != page)
        {
            Filled(page);
        }
    }

    /// <summary>Appends <paramref name="bytes"/>, across pages as needed.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var free = GetFree(bytes.Length);
            var count = Math.Min(free.Length, bytes.Length);
            bytes[..count].CopyTo(free);
            Advance(count);
            bytes = bytes[count..];
        }
    }

    /// <summary>
    /// Gets the <paramref name="count"/> bytes at <paramref name="offset"/>: the page itself when they lie in one page, else a copy
    /// in a buffer reused by the next read (use the span before reading again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Read(long offset, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + count, Length);
        if (count == 0)
        {
            return [];
        }

        var first = offset / _pageSize;
        var position = (int)(offset % _pageSize);
        if (position + count <= _pageSize)
        {
            return Loaded(first).AsSpan(position, count);
        }

        if (_scratch is null || _scratch.Length < count)
        {
            _scratch = new byte[Math.Max(count, _scratch?.Length * 2 ?? 0)];
        }

        var copied = 0;
        while (copied < count)
        {
            var page = (offset + copied) / _pageSize;
            var at = (int)((offset + copied) % _pageSize);
            var part = Math.Min(count - copied, _pageSize - at);
            Loaded(page).AsSpan(at, part).CopyTo(_scratch.AsSpan(copied));
            copied += part;
        }

        return _scratch.AsSpan(0, count);
    }

    /// <summary>Closes (and so deletes) the temporary file and lets the pages go.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _file?.Dispose();
        foreach (var page in _pages)
        {
            ArrayPool<byte>.Shared.Return(page);
        }

        foreach (var page in _cache)
        {
            if (page is not null)
            {
                ArrayPool<byte>.Shared.Return(page);
            }
        }

        if (_tail is not null)
        {
            ArrayPool<byte>.Shared.Return(_tail);
        }

        _pages.Clear();
        Array.Clear(_cache);
        _tail = null;
        _scratch = null;
    }

    /// <summary>Gets the page being written, allocated (or the first page grown) to hold at least <paramref name="needed"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[] Page(long page, long needed)
    {
        if (page >= _memoryPages)
        {
            return _tail ??= ArrayPool<byte>.Shared.Rent(_pageSize);
        }

        if (page == _pages.Count)
        {
            _pages.Add(ArrayPool<byte>.Shared.Rent(page == 0 ? (int)Math.Min(_pageSize, FirstPageSize) : _pageSize));
        }

        var buffer = _pages[(int)page];
        if (buffer.Length < needed && buffer.Length < _pageSize)
        {
            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(_pageSize, Math.Max(needed, buffer.Length * 2L)));
            buffer.AsSpan(0, TailPosition).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(buffer);
            _pages[(int)page] = buffer = grown;
        }

        return buffer;
    }

    /// <summary>A page was filled: past the memory budget, it is written to the temporary file and its buffer reused.</summary>
    private void Filled(long page)
    {
        if (page < _memoryPages)
        {
            return;
        }

        try
        {
            _file ??= CreateFile();
            RandomAccess.Write(_file, _tail!.AsSpan(0, _pageSize), FileOffset(page)); // a rented array may be longer than a page
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw FileFailed(ex);
        }
    }

    private SafeFileHandle CreateFile()
    {
        var path = Path.Combine(_directory ?? Path.GetTempPath(), "import-sdk-strings-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".tmp");
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        SpillPath = path;
        return file;
    }

    /// <summary>The temporary file cannot be created, written or read (no room, no right): an infrastructure failure, not a damaged workbook.</summary>
    private ImportException FileFailed(Exception ex) =>
        new(ExcelMessages.Format(_ui, ExcelMessages.SharedStringFileFailed, _directory ?? Path.GetTempPath(), ex.Message), ex);

    private long FileOffset(long page) => (page - _memoryPages) * _pageSize;

    /// <summary>Gets a page to read: in memory, the page being written, or a written page through the cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[] Loaded(long page)
    {
        if (page < _memoryPages)
        {
            return _pages[(int)page];
        }

        if (page == TailPage)
        {
            return _tail!;
        }

        var slot = Array.IndexOf(_cachePage, page);
        if (slot >= 0)
        {
            return _cache[slot]!;
        }

        slot = _nextVictim;
        _nextVictim = (_nextVictim + 1) % CachedPages;
        var buffer = _cache[slot] ??= ArrayPool<byte>.Shared.Rent(_pageSize);
        _cachePage[slot] = -1;
        var read = 0;
        while (read < _pageSize)
        {
            int n;
            try
            {
                n = RandomAccess.Read(_file!, buffer.AsSpan(read, _pageSize - read), FileOffset(page) + read);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw FileFailed(ex);
            }

            if (n == 0)
            {
                throw FileFailed(new EndOfStreamException("the temporary file is shorter than written"));
            }

            read += n;
        }

        _cachePage[slot] = page;
        return buffer;
    }
}
