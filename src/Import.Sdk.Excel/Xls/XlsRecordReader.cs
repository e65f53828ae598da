using System.Buffers.Binary;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Reads a stream's records one after the other from a 64 KiB chunk read ahead: a record costs a bounds check and the copy of
/// its body, not a walk of the sector chain (the pass reads every record of the sheet).
/// </summary>
internal sealed class XlsRecordReader(CompoundStream book, long start)
{
    private readonly byte[] _chunk = new byte[1 << 16];
    private long _chunkStart = start;
    private int _chunkLength;
    private int _at;

    /// <summary>Gets the position of the next record.</summary>
    public long Position => _chunkStart + _at;

    /// <summary>Reads the next record's type and body (into <paramref name="data"/>); false at the end or at a record that does not fit.</summary>
    public bool Next(byte[] data, out ushort type, out int size)
    {
        type = 0;
        size = 0;
        if (!Ensure(4))
        {
            return false;
        }

        type = BinaryPrimitives.ReadUInt16LittleEndian(_chunk.AsSpan(_at));
        size = BinaryPrimitives.ReadUInt16LittleEndian(_chunk.AsSpan(_at + 2));
        if (size > data.Length || !Ensure(4 + size))
        {
            return false;
        }

        _chunk.AsSpan(_at + 4, size).CopyTo(data);
        _at += 4 + size;
        return true;
    }

    private bool Ensure(int count)
    {
        if (_at + count <= _chunkLength)
        {
            return true;
        }

        var position = _chunkStart + _at;
        var length = (int)Math.Min(_chunk.Length, book.Length - position);
        if (length < count || !book.TryRead(position, _chunk.AsSpan(0, length)))
        {
            return false;
        }

        _chunkStart = position;
        _chunkLength = length;
        _at = 0;
        return true;
    }
}
