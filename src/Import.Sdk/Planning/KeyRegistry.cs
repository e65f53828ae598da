namespace Import.Sdk.Planning;

/// <summary>
/// The keys seen in the file, exactly (no hashing shortcut): the row of each key's first occurrence and whether that row was accepted.
/// It is what grows with the file, so it holds no object per key: characters go to an arena of chunks and entries are structs,
/// which the garbage collector never has to trace.
/// </summary>
internal sealed class KeyRegistry
{
    private const int ChunkSize = 1 << 15; // characters: 64 KiB chunks stay off the large object heap

    private readonly List<char[]> _chunks = [new char[ChunkSize]];
    private int _chunkUsed;
    private Entry[] _entries = new Entry[1024];
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

            ref var e = ref _entries[at - 1];
            if (e.Hash == hash && Chars(e).SequenceEqual(key))
            {
                seen = true;
                firstRow = e.FirstRow;
                return at - 1;
            }

            slot = (slot + 1) & mask;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        var index = _count++;
        var (chunk, offset) = Store(key);
        _entries[index] = new Entry { Hash = hash, Chunk = chunk, Offset = offset, Length = key.Length, FirstRow = row };
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
    public void Accept(int index) => _entries[index].Accepted = true;

    /// <summary>Tells whether a key was seen and its first row accepted.</summary>
    public bool IsAccepted(string key)
    {
        var hash = string.GetHashCode(key.AsSpan(), StringComparison.Ordinal);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            ref var e = ref _entries[_slots[slot] - 1];
            if (e.Hash == hash && Chars(e).SequenceEqual(key))
            {
                return e.Accepted;
            }
        }

        return false;
    }

    private ReadOnlySpan<char> Chars(in Entry e) => _chunks[e.Chunk].AsSpan(e.Offset, e.Length);

    private (int Chunk, int Offset) Store(string key)
    {
        if (key.Length > ChunkSize)
        {
            _chunks.Add(key.ToCharArray());
            var big = _chunks.Count - 1;
            _chunks.Add(new char[ChunkSize]);
            _chunkUsed = 0;
            return (big, 0);
        }

        if (_chunkUsed + key.Length > ChunkSize)
        {
            _chunks.Add(new char[ChunkSize]);
            _chunkUsed = 0;
        }

        var chunk = _chunks.Count - 1;
        var offset = _chunkUsed;
        key.CopyTo(_chunks[chunk].AsSpan(offset));
        _chunkUsed += key.Length;
        return (chunk, offset);
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = _entries[i].Hash & mask;
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
        public int Chunk;
        public int Offset;
        public int Length;
        public int FirstRow;
        public bool Accepted;
    }
}
