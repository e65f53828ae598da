using System.Text;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Reads a BIFF8 shared-string table (the SST record and the CONTINUE records it needs) into a <see cref="SharedStringTable"/>,
/// by ExcelDataReader 3.6's rules, so that both paths read the same strings: each string's header (character count, flags,
/// run count, extension size) whole within one record; characters cut by a record boundary going on after the next record's
/// flag byte (compressed or UTF-16, which may switch); rich-text runs and phonetic data skipped across records. A table
/// ExcelDataReader would fail on (a header cut by a boundary, a string past the records) or one past the reader's limits
/// (<see cref="ExcelReaderOptions.MaxSharedStrings"/>, <see cref="ExcelReaderOptions.MaxSharedStringCharacters"/>) gives
/// <see langword="false"/>: the workbook is then read by ExcelDataReader, as before.
/// </summary>
internal sealed class Biff8SharedStrings
{
    private readonly XlsRecordReader _records;
    private readonly byte[] _body; // the caller's buffer (of Biff8Records.MaxBody bytes), each CONTINUE read over the last
    private int _length;
    private int _at;
    private byte[] _chars = new byte[512];

    private Biff8SharedStrings(XlsRecordReader records, byte[] body, int length)
    {
        _records = records;
        _body = body;
        _length = length;
        _at = 8; // after the total and unique counts
    }

    /// <summary>
    /// Reads the strings of the SST whose body is <paramref name="body"/> (its first <paramref name="length"/> bytes), reading
    /// the CONTINUE records after it from <paramref name="records"/> as they are needed (and only those, as ExcelDataReader).
    /// </summary>
    public static bool TryRead(XlsRecordReader records, byte[] body, int length, SharedStringTable table, ExcelReaderOptions limits, int maxCellLength)
    {
        if (length < 8)
        {
            return false;
        }

        var unique = Biff8Records.U32(body, 4);
        if (unique > (uint)limits.MaxSharedStrings)
        {
            return false;
        }

        var reader = new Biff8SharedStrings(records, body, length);
        long characters = 0;
        for (var i = 0u; i < unique; i++)
        {
            if (reader.ReadString() is not { } text)
            {
                return false;
            }

            var kept = text.Length > maxCellLength ? Math.Min(text.Length, RowBuffer.QuotedLength) : text.Length;
            characters += kept;
            if (characters > limits.MaxSharedStringCharacters)
            {
                return false;
            }

            if (text.Length > maxCellLength)
            {
                table.AddTooLong(text[..kept], text.Length);
            }
            else
            {
                table.Add(text);
            }
        }

        return true;
    }

    private string? ReadString()
    {
        if (_at == _length && !NextRecord())
        {
            return null;
        }

        if (_at + 3 > _length)
        {
            return null; // ExcelDataReader reads a header only within its record
        }

        int count = Biff8Records.U16(_body, _at);
        var flags = _body[_at + 2];
        var rich = (flags & 0x08) != 0;
        var extended = (flags & 0x04) != 0;
        var head = 3 + (rich ? 2 : 0) + (extended ? 4 : 0);
        if (_at + head > _length)
        {
            return null;
        }

        var runs = rich ? Biff8Records.U16(_body, _at + 3) : 0;
        var extension = extended ? Biff8Records.U32(_body, _at + 3 + (rich ? 2 : 0)) : 0;
        _at += head;

        if (_chars.Length < 2 * count)
        {
            _chars = new byte[Math.Max(2 * count, 2 * _chars.Length)];
        }

        var wide = (flags & 0x01) != 0;
        var wideSeen = wide;
        var done = 0;
        while (done < count)
        {
            if (_at == _length)
            {
                if (!NextRecord() || _at >= _length)
                {
                    return null;
                }

                wide = _body[_at++] != 0; // characters go on after the record's own flag byte
                wideSeen |= wide;
            }

            var size = wide ? 2 : 1;
            var take = Math.Min((_length - _at) / size, count - done);
            if (_at >= _length || take == 0)
            {
                return null; // ExcelDataReader: "Bad SST format"
            }

            var target = _chars.AsSpan(2 * done, 2 * take);
            if (wide)
            {
                _body.AsSpan(_at, 2 * take).CopyTo(target);
            }
            else
            {
                for (var i = 0; i < take; i++)
                {
                    target[2 * i] = _body[_at + i];
                    target[(2 * i) + 1] = 0;
                }
            }

            _at += take * size;
            done += take;
        }

        if (!Skip((4L * runs) + extension))
        {
            return null;
        }

        return count == 0 ? string.Empty
            : wideSeen ? Encoding.Unicode.GetString(_chars, 0, 2 * count)
            : Encoding.Latin1.GetString(Compress(count));
    }

    /// <summary>The low bytes of the first <paramref name="count"/> characters (all below U+0100), in place.</summary>
    private ReadOnlySpan<byte> Compress(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _chars[i] = _chars[2 * i];
        }

        return _chars.AsSpan(0, count);
    }

    /// <summary>Skips the rich-text runs and phonetic data of a string, across records as ExcelDataReader does.</summary>
    private bool Skip(long bytes)
    {
        while (_at + bytes > _length)
        {
            bytes = Math.Min(_at + bytes - _length, bytes);
            if (!NextRecord())
            {
                return false;
            }
        }

        _at += (int)bytes;
        return true;
    }

    /// <summary>Reads the next record, which must be a CONTINUE (ExcelDataReader fails otherwise).</summary>
    private bool NextRecord()
    {
        if (!_records.Next(_body, out var type, out var size) || type != Biff8Records.Continue)
        {
            return false;
        }

        _length = size;
        _at = 0;
        return true;
    }
}
