using System.Buffers.Binary;
using System.Text;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Xlsb;

/// <summary>
/// Reads the BIFF12 records of an XLSB part ([MS-XLSB] 2.1.4): a record type (1–2 bytes of 7 bits) and a size (1–4
/// bytes of 7 bits) as variable-length integers, then the data. Buffered: one read of the part stream per 64 KiB.
/// A record cut short or larger than 16 MiB is a damaged file.
/// </summary>
internal sealed class BiffRecordReader(Stream stream) : IDisposable
{
    private const int MaxRecordSize = 16 << 20;
    private byte[] _buffer = new byte[1 << 16];
    private int _position;
    private int _end;
    private bool _eof;

    /// <summary>Gets the type of the current record.</summary>
    public int Type { get; private set; }

    /// <summary>Gets the data of the current record.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(DataStart, DataLength);

    private int DataStart { get; set; }

    private int DataLength { get; set; }

    /// <summary>Moves to the next record.</summary>
    /// <returns><see langword="false"/> at the end of the part.</returns>
    public bool Read()
    {
        _position = DataStart + DataLength;
        DataStart = _position;
        DataLength = 0;
        if (!Ensure(1))
        {
            return false;
        }

        var type = ReadVarint(2);
        int size;
        try
        {
            size = ReadVarint(4);
        }
        catch (WorkbookRecordException ex)
        {
            throw new WorkbookRecordException(ex.Message) { RecordType = type }; // the type was read whole
        }

        if (type < 0 || size < 0 || size > MaxRecordSize)
        {
            throw new WorkbookRecordException("invalid BIFF12 record header");
        }

        if (!Ensure(size))
        {
            throw new WorkbookRecordException("a BIFF12 record is cut short (the file is truncated)") { RecordType = type };
        }

        Type = type;
        DataStart = _position;
        DataLength = size;
        return true;
    }

    public void Dispose() => stream.Dispose();

    public static uint UInt32(ReadOnlySpan<byte> data, int offset) =>
        offset + 4 <= data.Length ? BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]) : throw Short();

    public static int Int32(ReadOnlySpan<byte> data, int offset) => unchecked((int)UInt32(data, offset));

    public static ushort UInt16(ReadOnlySpan<byte> data, int offset) =>
        offset + 2 <= data.Length ? BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]) : throw Short();

    public static byte Byte(ReadOnlySpan<byte> data, int offset) => offset < data.Length ? data[offset] : throw Short();

    public static double Double(ReadOnlySpan<byte> data, int offset) =>
        offset + 8 <= data.Length ? BinaryPrimitives.ReadDoubleLittleEndian(data[offset..]) : throw Short();

    /// <summary>Reads an XLWideString (character count, then UTF-16LE) at <paramref name="offset"/>, advancing it.</summary>
    public static string WideString(ReadOnlySpan<byte> data, ref int offset)
    {
        var count = UInt32(data, offset);
        offset += 4;
        if (count == uint.MaxValue)
        {
            return string.Empty; // XLNullableWideString: null
        }

        if (count > (uint)(data.Length - offset) / 2)
        {
            throw Short();
        }

        var text = Encoding.Unicode.GetString(data.Slice(offset, (int)count * 2));
        offset += (int)count * 2;
        return text;
    }

    /// <summary>Reads the character count of the XLWideString at <paramref name="offset"/> (0 for a null string), checked against the record.</summary>
    public static long WideStringLength(ReadOnlySpan<byte> data, int offset)
    {
        var count = UInt32(data, offset);
        if (count == uint.MaxValue)
        {
            return 0;
        }

        return count <= (uint)(data.Length - offset - 4) / 2 ? count : throw Short();
    }

    /// <summary>
    /// Decodes the XLWideString at <paramref name="offset"/> into <paramref name="buffer"/> (grown as needed, reused from call to
    /// call) without a string of its own.
    /// </summary>
    /// <returns>The number of characters decoded.</returns>
    public static int WideStringChars(ReadOnlySpan<byte> data, int offset, ref char[] buffer)
    {
        var count = (int)WideStringLength(data, offset);
        if (buffer.Length < count)
        {
            buffer = new char[Math.Max(count, buffer.Length * 2)];
        }

        return Encoding.Unicode.GetChars(data.Slice(offset + 4, count * 2), buffer);
    }

    /// <summary>Reads at most the first <paramref name="max"/> characters of the XLWideString at <paramref name="offset"/>.</summary>
    public static string WideStringStart(ReadOnlySpan<byte> data, int offset, int max)
    {
        var count = (int)Math.Min(WideStringLength(data, offset), max);
        return Encoding.Unicode.GetString(data.Slice(offset + 4, count * 2));
    }

    /// <summary>Decodes an RkNumber ([MS-XLSB] 2.5.122): a 30-bit integer or the high 30 bits of a double, optionally divided by 100.</summary>
    public static double RkNumber(uint rk)
    {
        double value = (rk & 0x02) != 0
            ? unchecked((int)rk) >> 2
            : BitConverter.Int64BitsToDouble((long)(rk & 0xFFFFFFFC) << 32);
        return (rk & 0x01) != 0 ? value / 100 : value;
    }

    private static WorkbookRecordException Short() => new("a BIFF12 record is shorter than its content");

    private int ReadVarint(int maxBytes)
    {
        var value = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            if (!Ensure(1))
            {
                throw new WorkbookRecordException("a BIFF12 record header is cut short (the file is truncated)");
            }

            var b = _buffer[_position++];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return value;
    }

    /// <summary>Makes <paramref name="count"/> bytes available from <see cref="_position"/>.</summary>
    private bool Ensure(int count)
    {
        if (_end - _position >= count)
        {
            return true;
        }

        if (_position > 0)
        {
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, _end - _position);
            _end -= _position;
            _position = 0;
        }

        if (count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
        }

        while (_end < count && !_eof)
        {
            var n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _eof = true;
                break;
            }

            _end += n;
        }

        return _end - _position >= count;
    }
}
