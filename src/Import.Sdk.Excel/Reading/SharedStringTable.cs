using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Reading;

/// <summary>
/// The shared strings of an XLSX/XLSB: limited in number (<see cref="ExcelReaderOptions.MaxSharedStrings"/>) and in characters
/// (<see cref="ExcelReaderOptions.MaxSharedStringCharacters"/>), checked before each string is added so the table never grows
/// past them. A string longer than <see cref="ReaderOptions.MaxCellLength"/> is kept as its start only: a cell referring to it
/// gets a <c>too_long</c> row problem.
/// </summary>
/// <remarks>
/// The strings are held as UTF-8 in a <see cref="PagedByteStore"/> (in memory up to a budget, then in a temporary file) with the
/// offset of each, not as <see cref="string"/>s: 1.5 million distinct 98-character texts once took 420 MB, now about 40 MiB
/// (issue 16). A cell's string is decoded when the cell is read; a small cache (index → string) gives a text repeated down a
/// column (a city, a country) as one instance. A string that is not valid UTF-16 (a lone surrogate from an <c>_xD800_</c>
/// escape) is kept aside as it is, so every string reads back exactly. Not thread-safe; disposed with the reader.
/// The methods run once a string or a cell (hundreds of thousands of times in the first second of a read) are compiled
/// optimised at once (<see cref="MethodImplOptions.AggressiveOptimization"/>, here and in <see cref="PagedByteStore"/>): through
/// the tiers and their profiling, a cold read of a 100k-row workbook of shared strings took about 20 % more CPU than with the
/// strings held as strings; now about the same.
/// </remarks>
internal sealed class SharedStringTable : IDisposable
{
    /// <summary>The offsets are kept relative to a base, in chunks of 2^14 (arrays of 64 KiB, under the large object heap).</summary>
    private const int ChunkBits = 14;
    private const int ChunkSize = 1 << ChunkBits;

    /// <summary>The slots of the cache of decoded strings (direct-mapped by index).</summary>
    private const int CacheSlots = 4096;

    /// <summary>The characters the cache of decoded strings may hold in all (8 MiB).</summary>
    private const long CacheCharacters = 4L << 20;

    private readonly int _maxCount;
    private readonly long _maxCharacters;
    private readonly CultureInfo _ui;
    private readonly PagedByteStore _bytes;
    private readonly List<uint[]> _offsets = [];
    private readonly List<long> _bases = [];
    private readonly int[] _cachedIndex = new int[CacheSlots];
    private readonly string?[] _cached = new string?[CacheSlots];
    private long _cachedCharacters;
    private Dictionary<int, long>? _tooLong;
    private Dictionary<int, string>? _irregular; // not valid UTF-16: kept as is
    private long _characters;

    /// <summary>Creates an empty table within the given limits, its messages in <paramref name="ui"/>.</summary>
    public SharedStringTable(int maxCount, long maxCharacters, CultureInfo ui)
        : this(maxCount, maxCharacters, ui, new PagedByteStore())
    {
    }

    /// <summary>Creates an empty table over <paramref name="bytes"/> (tests give a store with a tiny memory budget).</summary>
    internal SharedStringTable(int maxCount, long maxCharacters, CultureInfo ui, PagedByteStore bytes)
    {
        _maxCount = maxCount;
        _maxCharacters = maxCharacters;
        _ui = ui;
        _bytes = bytes;
        Array.Fill(_cachedIndex, -1);
    }

    /// <summary>Gets the number of strings added.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the path of the temporary file the strings went to past the memory budget, or <see langword="null"/>.</summary>
    internal string? SpillPath => _bytes.SpillPath;

    /// <summary>Adds a string (its characters are copied).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> text)
    {
        CheckRoom(text.Length);
        Store(text);
        _characters += text.Length;
    }

    /// <summary>Adds a string longer than the cell limit, kept as <paramref name="start"/> with its real <paramref name="length"/>.</summary>
    public void AddTooLong(string start, long length)
    {
        CheckRoom(start.Length);
        (_tooLong ??= [])[Count] = length;
        Store(start);
        _characters += start.Length;
    }

    /// <summary>Gets the string at <paramref name="index"/> (0-based, less than <see cref="Count"/>); for a string too long, its start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        var slot = index & (CacheSlots - 1);
        if (_cachedIndex[slot] == index)
        {
            return _cached[slot]!;
        }

        var (offset, count) = Bytes(index);
        var text = Decode(index, offset, count);
        Remember(slot, index, text);
        return text;
    }

    /// <summary>Sets the cell <paramref name="column"/> of <paramref name="row"/> to the string at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetCell(RowBuffer row, int column, uint index, ReadOnlySpan<char> reference)
    {
        if (index >= (uint)Count)
        {
            var cell = CellText(column, row.RowNumber);
            ExcelThrow.Damaged(_ui, ExcelMessages.Format(_ui, ExcelMessages.MissingSharedString, cell, reference.ToString()), row.RowNumber);
        }

        var at = (int)index;
        if (_tooLong is not null && _tooLong.TryGetValue(at, out var length))
        {
            row.SetTooLong(column, length, Get(at));
            return;
        }

        var slot = at & (CacheSlots - 1);
        if (_cachedIndex[slot] == at)
        {
            row.Set(column, _cached[slot]);
            return;
        }

        var (offset, count) = Bytes(at);
        if (count == 0)
        {
            row.Set(column, Decode(at, offset, count));
            return;
        }

        var bytes = _bytes.Read(offset, count);
        if (count > row.Room(column) && Encoding.UTF8.GetCharCount(bytes) is var characters && characters > row.Room(column))
        {
            // a string that cannot fit in the row (never longer than its UTF-8 bytes) is measured and quoted, not built
            var start = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, RowBuffer.QuotedLength * 4)]);
            row.SetPastRow(column, characters, start.Length > RowBuffer.QuotedLength ? start[..RowBuffer.QuotedLength] : start);
            return;
        }

        var text = Encoding.UTF8.GetString(bytes);
        Remember(slot, at, text);
        row.Set(column, text);
    }

    /// <summary>Closes the temporary file, if any (which deletes it).</summary>
    public void Dispose() => _bytes.Dispose();

    private static string CellText(int column, int row) =>
        (column is >= 0 and < Cells.CellReference.MaxColumns ? Cells.CellReference.ColumnName(column) : "?") + row.ToString(CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckRoom(int length)
    {
        if (Count >= _maxCount)
        {
            ExcelThrow.TooManySharedStrings(_ui, _maxCount);
        }

        if (_characters + length > _maxCharacters)
        {
            ExcelThrow.TooManySharedStringCharacters(_ui, _maxCharacters);
        }
    }

    /// <summary>Records the offset of the next string, then writes its UTF-8 bytes (nothing for a string kept aside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Store(ReadOnlySpan<char> text)
    {
        var index = Count;
        var chunk = index >> ChunkBits;
        if (chunk == _offsets.Count)
        {
            _offsets.Add(new uint[ChunkSize]);
            _bases.Add(_bytes.Length);
        }

        var relative = _bytes.Length - _bases[chunk];
        if (relative > uint.MaxValue)
        {
            // 2^14 strings over 4 GiB of UTF-8: only a MaxSharedStringCharacters raised past a billion characters allows it
            ExcelThrow.TooManySharedStringCharacters(_ui, _maxCharacters);
        }

        _offsets[chunk][index & (ChunkSize - 1)] = (uint)relative;
        Count = index + 1;
        if (text.IsEmpty)
        {
            return;
        }

        // most texts are short: encoded straight into the page when it has room for the worst case (3 bytes a UTF-16 character)
        var worst = (int)Math.Min(text.Length * 3L, int.MaxValue);
        var free = _bytes.GetFree(worst);
        var size = free.Length >= worst ? worst : Encoding.UTF8.GetByteCount(text);
        if (free.Length >= size)
        {
            if (Utf8.FromUtf16(text, free, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                _bytes.Advance(written);
                return;
            }
        }
        else
        {
            var scratch = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                if (Utf8.FromUtf16(text, scratch, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
                {
                    _bytes.Append(scratch.AsSpan(0, written));
                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }

        (_irregular ??= [])[index] = text.ToString();
    }

    /// <summary>Gets where the UTF-8 bytes of the string at <paramref name="index"/> lie.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (long Offset, int Count) Bytes(int index)
    {
        var start = Offset(index);
        var end = index + 1 < Count ? Offset(index + 1) : _bytes.Length;
        return (start, (int)(end - start));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Offset(int index) => _bases[index >> ChunkBits] + _offsets[index >> ChunkBits][index & (ChunkSize - 1)];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Decode(int index, long offset, int count)
    {
        if (count == 0)
        {
            return _irregular is not null && _irregular.TryGetValue(index, out var kept) ? kept : string.Empty;
        }

        return Encoding.UTF8.GetString(_bytes.Read(offset, count));
    }

    /// <summary>Keeps a decoded string in its slot, unless the cache would then hold more than its characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Remember(int slot, int index, string text)
    {
        var replaced = _cached[slot]?.Length ?? 0;
        if (_cachedCharacters - replaced + text.Length > CacheCharacters)
        {
            return;
        }

        _cachedCharacters += text.Length - replaced;
        _cachedIndex[slot] = index;
        _cached[slot] = text;
    }
}
