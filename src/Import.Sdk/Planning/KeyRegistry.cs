namespace Import.Sdk.Planning;

/// <summary>
/// The keys seen in the file, exactly (no hashing shortcut): the row of each key's first occurrence and whether that row was accepted.
/// It is what grows with the file, so it holds no object per key: characters go to an arena of byte chunks (one byte a character
/// when they are all Latin-1, the usual case, two otherwise) and entries are 16-byte structs
/// in fixed-size pages (no doubling copy), which the garbage collector never has to trace; only the slots array doubles.
/// Also used as an exact set of texts (<see cref="Add"/>, <see cref="IsAccepted"/>).
/// </summary>
internal sealed class KeyRegistry
{
    // 64 KiB chunks and pages stay off the large object heap (measured: on the large object heap, the 1M-row simulate peaks
    // ~25 MiB lower but runs ~14 % slower, with twice the gen-0 and many gen-1 collections).
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits; // bytes
    private const int PageBits = 12;
    private const int PageSize = 1 << PageBits; // entries of 16 bytes

    private readonly List<byte[]> _chunks = [];
    private readonly List<string> _bigKeys = [];
    private int _chunkUsed = ChunkSize;
    private readonly List<Entry[]> _pages = [];
    // Open addressing, linear probing. A slot holds 6 bits of the key's hash above its entry index + 1 (0 = empty): a probe reads an
    // entry (another cache line, a miss in a large table) only when those bits match, 1 time in 64 for another key. Measured on
    // 1M new keys: the entry reads of the occupied probes were most of the registry's cost.
    private const int IndexBits = 25;
    private const int IndexMask = (1 << IndexBits) - 1;
    private int[] _slots = new int[2048];
    private int _count;

    public int Count => _count;

    /// <summary>Registers a key at its first row, or finds the entry of an earlier occurrence.</summary>
    /// <returns>The entry's index, and whether the key was already there (then <paramref name="firstRow"/> is its first row).</returns>
    public int Register(string key, int row, out bool seen, out int firstRow) => Register(key, Hash(key), row, out seen, out firstRow);

    /// <summary>The hash <see cref="Register(string, int, int, out bool, out int)"/> expects (may be computed on another thread).</summary>
    public static int Hash(string key) => string.GetHashCode(key.AsSpan(), StringComparison.Ordinal);

    /// <summary>Sizes the table for about <paramref name="keys"/> keys at once, instead of doubling (and rehashing) on the way there.</summary>
    public void EnsureCapacity(long keys)
    {
        var wanted = (int)Math.Min(1L << 30, Math.Max(keys, 1) * 4 / 3);
        if (wanted > _slots.Length)
        {
            Rehash((int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)wanted));
        }
    }

    /// <summary>
    /// Reads the slot a key's probe starts at, and returns it: called for a whole batch before registering its keys, the reads
    /// are independent, so the processor fetches their cache lines from memory in parallel instead of one miss per key.
    /// </summary>
    public int Prefetch(int hash) => _slots[hash & (_slots.Length - 1)];

    /// <summary>Registers a key whose <see cref="Hash"/> is known.</summary>
    public int Register(string key, int hash, int row, out bool seen, out int firstRow)
    {
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        var tag = Tag(hash);
        while (true)
        {
            var at = _slots[slot];
            if (at == 0)
            {
                break;
            }

            if ((at & ~IndexMask) == tag)
            {
                ref var e = ref EntryAt((at & IndexMask) - 1);
                if (e.Hash == hash && SameText(e, key))
                {
                    seen = true;
                    firstRow = e.FirstRow;
                    return (at & IndexMask) - 1;
                }
            }

            slot = (slot + 1) & mask;
        }

        var index = _count;
        if (index >= IndexMask)
        {
            throw new InvalidOperationException("Too many keys to remember.");
        }

        if ((index & (PageSize - 1)) == 0)
        {
            _pages.Add(GC.AllocateUninitializedArray<Entry>(PageSize)); // every entry is written before it is read
        }

        _count++;
        var position = Store(key, out var wide);
        EntryAt(index) = new Entry { Hash = hash, Position = position, LengthAndFlag = key.Length | (wide ? WideFlag : 0), FirstRow = row };
        _slots[slot] = tag | (index + 1);
        if (_count > _slots.Length / 4 * 3) // three quarters full at most: the tags keep probing within the slots
        {
            Grow();
        }

        seen = false;
        firstRow = row;
        return index;
    }

    /// <summary>Marks the key registered at <paramref name="index"/> as accepted.</summary>
    public void Accept(int index) => EntryAt(index).LengthAndFlag |= AcceptedFlag;

    /// <summary>Adds a text as accepted (a set of texts).</summary>
    public void Add(string text) => Accept(Register(text, 0, out _, out _));

    /// <summary>Tells whether a key was seen and its first row accepted.</summary>
    public bool IsAccepted(string key)
    {
        var hash = string.GetHashCode(key.AsSpan(), StringComparison.Ordinal);
        var mask = _slots.Length - 1;
        var tag = Tag(hash);
        for (var slot = hash & mask; _slots[slot] is var at && at != 0; slot = (slot + 1) & mask)
        {
            if ((at & ~IndexMask) != tag)
            {
                continue;
            }

            ref var e = ref EntryAt((at & IndexMask) - 1);
            if (e.Hash == hash && SameText(e, key))
            {
                return (e.LengthAndFlag & AcceptedFlag) != 0;
            }
        }

        return false;
    }

    private const int AcceptedFlag = int.MinValue;

    /// <summary>The top 6 bits of the hash, in bits 25–30 of a slot (the sign bit stays clear).</summary>
    private static int Tag(int hash) => (int)((uint)hash >> 26) << IndexBits;

    private ref Entry EntryAt(int index) => ref _pages[index >> PageBits][index & (PageSize - 1)];

    private const int WideFlag = 1 << 30;
    private const int LengthMask = WideFlag - 1;

    private bool SameText(in Entry e, string key)
    {
        var length = e.LengthAndFlag & LengthMask;
        if (length != key.Length)
        {
            return false;
        }

        if (e.Position < 0)
        {
            return string.Equals(_bigKeys[~e.Position], key, StringComparison.Ordinal);
        }

        var bytes = _chunks[e.Position >> ChunkBits].AsSpan(e.Position & (ChunkSize - 1));
        if ((e.LengthAndFlag & WideFlag) != 0)
        {
            return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes[..(length * 2)]).SequenceEqual(key);
        }

        bytes = bytes[..length];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != key[i])
            {
                return false;
            }
        }

        return true;
    }

    private int Store(string key, out bool wide)
    {
        wide = key.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF');
        var size = wide ? key.Length * 2 : key.Length;
        if (size > ChunkSize / 4)
        {
            _bigKeys.Add(key);
            return ~(_bigKeys.Count - 1);
        }

        if (_chunkUsed + size > ChunkSize)
        {
            _chunks.Add(GC.AllocateUninitializedArray<byte>(ChunkSize));
            _chunkUsed = 0;
        }

        var chunk = _chunks.Count - 1;
        var offset = _chunkUsed;
        var target = _chunks[chunk].AsSpan(offset, size);
        if (wide)
        {
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(key.AsSpan()).CopyTo(target);
        }
        else
        {
            System.Text.Encoding.Latin1.GetBytes(key, target);
        }

        _chunkUsed += size;
        if (chunk >= 1 << (31 - ChunkBits))
        {
            throw new InvalidOperationException("Too many keys to remember.");
        }

        return (chunk << ChunkBits) | offset;
    }

    private void Grow() => Rehash(_slots.Length * 2);

    private void Rehash(int length)
    {
        var slots = new int[length];
        var mask = slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var hash = EntryAt(i).Hash;
            var slot = hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = Tag(hash) | (i + 1);
        }

        _slots = slots;
    }

    private struct Entry
    {
        public int Hash;
        public int Position; // chunk << ChunkBits | byte offset, or ~index in the big keys
        public int LengthAndFlag; // the length in characters; bit 30: two bytes a character; the sign bit: accepted
        public int FirstRow;
    }
}
