using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// The <c>Workbook</c> (or <c>Book</c>) stream of an OLE2 compound file, read sector by sector; or a bare BIFF stream (a file
/// that is the workbook stream itself, as BIFF2–BIFF4 and some generators write), read the same way (<see cref="Bare"/>).
/// </summary>
internal sealed class CompoundStream
{
    private const int BareSectorSize = 4096;
    private const uint EndOfChain = 0xFFFFFFFE;
    private readonly Stream _file;
    private readonly uint[] _chain;
    private readonly int _sectorSize;
    private readonly long _length;
    private readonly byte[]? _small;
    private readonly byte[] _cache;
    private long _cached = -1;
    private readonly bool _bare;

    private CompoundStream(Stream file, uint[] chain, int sectorSize, long length, byte[]? small, bool bare = false)
    {
        _bare = bare;
        _file = file;
        _chain = chain;
        _sectorSize = sectorSize;
        _length = length;
        _small = small;
        _cache = new byte[sectorSize];
    }

    /// <summary>Gets the stream's length in bytes.</summary>
    public long Length => _length;

    /// <summary>The whole of the seekable <paramref name="file"/> as the workbook stream (a bare BIFF stream).</summary>
    public static CompoundStream Bare(Stream file) => new(file, [], BareSectorSize, file.Length, null, bare: true);

    public static CompoundStream? Open(Stream file)
    {
        var head = new byte[512];
        file.Position = 0;
        file.ReadExactly(head);
        if (BinaryPrimitives.ReadUInt64LittleEndian(head) != 0xE11AB1A1E011CFD0)
        {
            return null;
        }

        var shift = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(30));
        if (shift is not (9 or 12))
        {
            return null;
        }

        var sectorSize = 1 << shift;
        var maxSectors = (file.Length / sectorSize) + 1;
        var fatCount = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(44));
        if (fatCount > maxSectors)
        {
            return null;
        }

        // the FAT's sectors: 109 in the header, the others in the DIFAT chain
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109 && fatSectors.Count < fatCount; i++)
        {
            fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(76 + (4 * i))));
        }

        var difat = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(68));
        var sector = new byte[sectorSize];
        var guard = 0;
        while (fatSectors.Count < fatCount && difat < EndOfChain && guard++ < maxSectors)
        {
            ReadSector(file, difat, sector);
            for (var i = 0; i < (sectorSize / 4) - 1 && fatSectors.Count < fatCount; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        var fat = new uint[fatSectors.Count * (sectorSize / 4)];
        for (var f = 0; f < fatSectors.Count; f++)
        {
            ReadSector(file, fatSectors[f], sector);
            for (var i = 0; i < sectorSize / 4; i++)
            {
                fat[(f * (sectorSize / 4)) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i));
            }
        }

        // the directory: find the root entry (its mini stream) and the Workbook stream
        var directory = Chain(fat, BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(48)), maxSectors);
        var cutoff = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(56));
        uint rootStart = EndOfChain;
        long rootSize = 0;
        foreach (var s in directory)
        {
            ReadSector(file, s, sector);
            for (var e = 0; e < sectorSize / 128; e++)
            {
                var entry = sector.AsSpan(128 * e, 128);
                var type = entry[66];
                var nameLength = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]), 64);
                var name = nameLength >= 2 ? Encoding.Unicode.GetString(entry[..(nameLength - 2)]) : string.Empty;
                var start = BinaryPrimitives.ReadUInt32LittleEndian(entry[116..]);
                var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(entry[120..]);
                if (type == 5)
                {
                    rootStart = start;
                    rootSize = size;
                }
                else if (type == 2 && (name.Equals("Workbook", StringComparison.OrdinalIgnoreCase) || name.Equals("Book", StringComparison.OrdinalIgnoreCase)))
                {
                    if (size >= cutoff)
                    {
                        return new CompoundStream(file, Chain(fat, start, maxSectors), sectorSize, size, null);
                    }

                    return SmallStream(file, head, fat, rootStart, rootSize, start, size, sectorSize, maxSectors);
                }
            }
        }

        return null;
    }

    /// <summary>A stream under the cutoff, in the mini stream (64-byte sectors): at most 4,096 bytes, read whole.</summary>
    private static CompoundStream? SmallStream(Stream file, byte[] head, uint[] fat, uint rootStart, long rootSize, uint start, long size, int sectorSize, long maxSectors)
    {
        if (rootStart >= EndOfChain || size > 4096)
        {
            return null;
        }

        var miniFatChain = Chain(fat, BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(60)), maxSectors);
        var sector = new byte[sectorSize];
        var miniFat = new uint[miniFatChain.Length * (sectorSize / 4)];
        for (var f = 0; f < miniFatChain.Length; f++)
        {
            ReadSector(file, miniFatChain[f], sector);
            for (var i = 0; i < sectorSize / 4; i++)
            {
                miniFat[(f * (sectorSize / 4)) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i));
            }
        }

        var root = new CompoundStream(file, Chain(fat, rootStart, maxSectors), sectorSize, rootSize, null);
        var bytes = new byte[size];
        var mini = Chain(miniFat, start, (size / 64) + 1);
        for (var i = 0; i < mini.Length && 64L * i < size; i++)
        {
            var length = (int)Math.Min(64, size - (64L * i));
            if (!root.TryRead(64L * mini[i], bytes.AsSpan(64 * i, length)))
            {
                return null;
            }
        }

        return new CompoundStream(file, [], sectorSize, size, bytes);
    }

    private static uint[] Chain(uint[] fat, uint start, long maxSectors)
    {
        var chain = new List<uint>();
        while (start < EndOfChain && start < fat.Length && chain.Count <= maxSectors)
        {
            chain.Add(start);
            start = fat[start];
        }

        return [.. chain];
    }

    private static void ReadSector(Stream file, uint index, byte[] sector)
    {
        file.Position = (index + 1L) * sector.Length;
        file.ReadExactly(sector);
    }

    /// <summary>Reads <paramref name="buffer"/> from <paramref name="position"/> in the stream; false past its end.</summary>
    public bool TryRead(long position, Span<byte> buffer)
    {
        if (position < 0 || position + buffer.Length > _length)
        {
            return false;
        }

        if (_small is not null)
        {
            _small.AsSpan((int)position, buffer.Length).CopyTo(buffer);
            return true;
        }

        while (buffer.Length > 0)
        {
            var index = position / _sectorSize;
            if (!_bare && index >= _chain.Length)
            {
                return false;
            }

            var offset = (int)(position % _sectorSize);
            var length = Math.Min(buffer.Length, _sectorSize - offset);
            if (_cached != index)
            {
                _cached = -1;
                if (_bare)
                {
                    _file.Position = index * _sectorSize;
                    _file.ReadExactly(_cache, 0, (int)Math.Min(_sectorSize, _length - (index * _sectorSize)));
                }
                else
                {
                    _file.Position = (_chain[index] + 1L) * _sectorSize;
                    _file.ReadExactly(_cache);
                }

                _cached = index;
            }

            _cache.AsSpan(offset, length).CopyTo(buffer);
            buffer = buffer[length..];
            position += length;
        }

        return true;
    }
}
