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
    private int[] _slots = new int[2048]; // entry index + 1, 0 = empty; open addressing, linear probing
    private int _count;

    public int Count => _count;

    /// <summary>Registers a key at its first row, or finds the entry of an earlier occurrence.</summary>
    /// <returns>The entry's index, and whether the key was already there (then <paramref name="firstRow"/> is its first row).</returns>
    public int Register(string key, int row, out bool seen, out int firstRow)
    {
        var hash = string.GetHashCode(key.AsSpan(), StringComparison.Ordinal);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var at = _slots[slot];
            if (at == 0)
            {
                break;
            }

            ref var e = ref EntryAt(at - 1);
            if (e.Hash == hash && SameText(e, key))
            {
                seen = true;
                firstRow = e.FirstRow;
                return at - 1;
            }

            slot = (slot + 1) & mask;
        }

        var index = _count;
        if ((index & (PageSize - 1)) == 0)
        {
            _pages.Add(GC.AllocateUninitializedArray<Entry>(PageSize)); // every entry is written before it is read
        }

        _count++;
        var position = Store(key, out var wide);
        EntryAt(index) = new Entry { Hash = hash, Position = position, LengthAndFlag = key.Length | (wide ? WideFlag : 0), FirstRow = row };
        _slots[slot] = index + 1;
        if (_count * 2 > _slots.Length)
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
        for (var slot = hash & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            ref var e = ref EntryAt(_slots[slot] - 1);
            if (e.Hash == hash && SameText(e, key))
            {
                return (e.LengthAndFlag & AcceptedFlag) != 0;
            }
        }

        return false;
    }

    private const int AcceptedFlag = int.MinValue;

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

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = EntryAt(i).Hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
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
