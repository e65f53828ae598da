using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Rewrites a BIFF8 workbook stream whose shared-string table (SST) ExcelDataReader 3.6 cannot follow — a string's header
/// (character count, flags, run count, extension size) cut by a CONTINUE record, as some non-Excel tools write — into the
/// equivalent well-formed table, as LibreOffice and xlrd read it: each string whole, its header never cut, a cut in its
/// characters restarting with the compressed/UTF-16 flag. Only used after ExcelDataReader failed to open the workbook (the
/// rare path): ordinary files are not read twice. A table whose count of unique strings is more than it holds (written by some
/// generators) is read for the strings it holds.
/// </summary>
internal static class XlsSstRepair
{
    private const ushort BofRecord = 0x0809;
    private const ushort EofRecord = 0x000A;
    private const ushort SstRecord = 0x00FC;
    private const ushort ContinueRecord = 0x003C;
    private const ushort BoundSheetRecord = 0x0085;
    private const ushort FilePassRecord = 0x002F;
    private const int MaxBody = 8224;

    /// <summary>
    /// Gets the workbook stream of the OLE2 file <paramref name="input"/> (or the bare BIFF8 file) as a bare BIFF8 stream with its SST rewritten, or
    /// <see langword="null"/> when the file is not such a workbook or its SST cannot be read either (the caller then reports
    /// the original failure). <paramref name="sharedStringsDamaged"/> says whether the file is such a workbook whose SST cannot
    /// be read. Leaves <paramref name="input"/>'s position as it was.
    /// </summary>
    public static MemoryStream? TryRewrite(Stream input, out bool sharedStringsDamaged)
    {
        sharedStringsDamaged = false;
        if (!input.CanSeek)
        {
            return null;
        }

        var start = input.Position;
        try
        {
            byte[] bytes;
            var head = new byte[8];
            input.Position = 0;
            input.ReadExactly(head);
            if (Detection.ContainerSniffer.IsBareBiff(head))
            {
                bytes = new byte[input.Length];
                input.Position = 0;
                input.ReadExactly(bytes);
            }
            else
            {
                var book = CompoundStream.Open(input);
                if (book is null || book.Length > input.Length || book.Length < 8)
                {
                    return null;
                }

                bytes = new byte[book.Length];
                if (!book.TryRead(0, bytes))
                {
                    return null;
                }
            }

            var rewritten = Rewrite(bytes, out sharedStringsDamaged);
            return rewritten is null ? null : new MemoryStream(rewritten, writable: false);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
        finally
        {
            input.Position = start;
        }
    }

    /// <summary>The BIFF8 stream <paramref name="stream"/> with its SST rewritten, or <see langword="null"/>.</summary>
    internal static byte[]? Rewrite(byte[] stream, out bool sharedStringsDamaged)
    {
        sharedStringsDamaged = false;
        if (Type(stream, 0) != BofRecord || Size(stream, 0) < 4 || BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(4)) != 0x0600)
        {
            return null; // not BIFF8
        }

        // the workbook globals, up to their EOF: find the SST and the CONTINUE records after it
        var position = 0;
        var sstStart = -1;
        var sstEnd = -1;
        var bodies = new List<ArraySegment<byte>>();
        while (true)
        {
            if (position + 4 > stream.Length || position + 4 + Size(stream, position) > stream.Length)
            {
                return null;
            }

            var type = Type(stream, position);
            var next = position + 4 + Size(stream, position);
            if (type == FilePassRecord)
            {
                return null; // encrypted: the records cannot be read here
            }

            if (type == SstRecord && sstStart < 0)
            {
                sstStart = position;
                bodies.Add(new ArraySegment<byte>(stream, position + 4, Size(stream, position)));
                sstEnd = next;
                while (sstEnd + 4 <= stream.Length && Type(stream, sstEnd) == ContinueRecord && sstEnd + 4 + Size(stream, sstEnd) <= stream.Length)
                {
                    bodies.Add(new ArraySegment<byte>(stream, sstEnd + 4, Size(stream, sstEnd)));
                    sstEnd += 4 + Size(stream, sstEnd);
                }

                next = sstEnd;
            }

            if (type == EofRecord)
            {
                break;
            }

            position = next;
        }

        if (sstStart < 0 || bodies[0].Count < 8)
        {
            return null;
        }

        var strings = ReadStrings(bodies);
        if (strings is null)
        {
            sharedStringsDamaged = true;
            return null;
        }

        var table = WriteTable(strings, BinaryPrimitives.ReadUInt32LittleEndian(bodies[0].AsSpan()));
        var delta = table.Length - (sstEnd - sstStart);
        var result = new byte[stream.Length + delta];
        stream.AsSpan(0, sstStart).CopyTo(result);
        table.CopyTo(result, sstStart);
        stream.AsSpan(sstEnd).CopyTo(result.AsSpan(sstStart + table.Length));

        // the sheets' offsets (BOUNDSHEET) after the table move with it
        for (position = 0; position + 4 <= result.Length && Type(result, position) != EofRecord; position += 4 + Size(result, position))
        {
            if (Type(result, position) == BoundSheetRecord && Size(result, position) >= 4)
            {
                var offset = BinaryPrimitives.ReadUInt32LittleEndian(result.AsSpan(position + 4));
                if (offset >= sstEnd)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(position + 4), (uint)(offset + delta));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Reads the SST's strings as LibreOffice and xlrd do: headers and run/extension data read straight across record
    /// boundaries; characters cut by a boundary go on in the next record after its compressed/UTF-16 flag byte.
    /// </summary>
    private static List<string>? ReadStrings(List<ArraySegment<byte>> bodies)
    {
        var unique = BinaryPrimitives.ReadUInt32LittleEndian(bodies[0].AsSpan(4));
        var reader = new Reader(bodies, 8);
        var strings = new List<string>();
        var chars = new StringBuilder();
        while (strings.Count < unique && !reader.AtEnd)
        {
            if (!reader.TryReadUInt16(out var count) || !reader.TryReadByte(out var flags))
            {
                return null;
            }

            ushort runs = 0;
            uint extension = 0;
            if ((flags & 0x08) != 0 && !reader.TryReadUInt16(out runs))
            {
                return null;
            }

            if ((flags & 0x04) != 0 && !reader.TryReadUInt32(out extension))
            {
                return null;
            }

            var wide = (flags & 0x01) != 0;
            chars.Clear();
            while (chars.Length < count)
            {
                if (reader.AtRecordEnd)
                {
                    if (!reader.NextRecord() || !reader.TryReadByte(out var flag))
                    {
                        return null;
                    }

                    wide = (flag & 0x01) != 0;
                }

                if (wide)
                {
                    if (!reader.TryReadUInt16(out var c))
                    {
                        return null;
                    }

                    chars.Append((char)c);
                }
                else
                {
                    if (!reader.TryReadByte(out var c))
                    {
                        return null;
                    }

                    chars.Append((char)c);
                }
            }

            if (!reader.Skip((4L * runs) + extension))
            {
                return null;
            }

            strings.Add(chars.ToString());
        }

        // a table holding fewer strings than its count says (some generators write the number of string cells there), which
        // ends cleanly after its last string, is read as LibreOffice reads it: the strings it holds
        return strings;
    }

    /// <summary>The SST and CONTINUE records holding <paramref name="strings"/>, written as Excel does.</summary>
    private static byte[] WriteTable(List<string> strings, uint total)
    {
        var output = new MemoryStream();
        var body = new byte[MaxBody];
        var used = 8;
        BinaryPrimitives.WriteUInt32LittleEndian(body, total);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)strings.Count);
        var type = SstRecord;

        void Flush()
        {
            Span<byte> header = stackalloc byte[4];
            BinaryPrimitives.WriteUInt16LittleEndian(header, type);
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)used);
            output.Write(header);
            output.Write(body, 0, used);
            type = ContinueRecord;
            used = 0;
        }

        foreach (var text in strings)
        {
            var wide = text.Any(c => c > 0xFF);
            var size = wide ? 2 : 1;
            if (used + 3 + size > MaxBody)
            {
                Flush();
            }

            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(used), (ushort)text.Length);
            body[used + 2] = wide ? (byte)1 : (byte)0;
            used += 3;
            for (var i = 0; i < text.Length; i++)
            {
                if (used + size > MaxBody)
                {
                    Flush();
                    body[used++] = wide ? (byte)1 : (byte)0;
                }

                if (wide)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(used), text[i]);
                }
                else
                {
                    body[used] = (byte)text[i];
                }

                used += size;
            }
        }

        Flush();
        return output.ToArray();
    }

    private static ushort Type(byte[] stream, int position) => BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position));

    private static ushort Size(byte[] stream, int position) => BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position + 2));

    /// <summary>Reads the bytes of a record and its CONTINUE records in order, knowing where each record ends.</summary>
    private sealed class Reader(List<ArraySegment<byte>> bodies, int offset)
    {
        private int _record;
        private int _offset = offset;

        public bool AtRecordEnd => _offset >= bodies[_record].Count;

        public bool AtEnd => AtRecordEnd && _record == bodies.Count - 1;

        public bool NextRecord()
        {
            if (_record == bodies.Count - 1)
            {
                return false;
            }

            _record++;
            _offset = 0;
            return true;
        }

        public bool TryReadByte(out byte value)
        {
            while (AtRecordEnd)
            {
                if (!NextRecord())
                {
                    value = 0;
                    return false;
                }
            }

            value = bodies[_record][_offset++];
            return true;
        }

        public bool TryReadUInt16(out ushort value)
        {
            value = 0;
            if (!TryReadByte(out var low) || !TryReadByte(out var high))
            {
                return false;
            }

            value = (ushort)(low | (high << 8));
            return true;
        }

        public bool TryReadUInt32(out uint value)
        {
            value = 0;
            if (!TryReadUInt16(out var low) || !TryReadUInt16(out var high))
            {
                return false;
            }

            value = low | ((uint)high << 16);
            return true;
        }

        public bool Skip(long count)
        {
            for (var i = 0L; i < count; i++)
            {
                if (!TryReadByte(out _))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
