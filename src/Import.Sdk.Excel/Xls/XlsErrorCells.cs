using System.Buffers.Binary;
using System.Text;
using Import.Sdk.Excel.Xlsb;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Finds the Excel error cells of one sheet of a BIFF8 workbook (an OLE2 compound file), which ExcelDataReader 3.6 reads as
/// empty: BOOLERR records whose value is an error, and FORMULA records whose cached result is an error. A record-level pass
/// over the sheet's substream only, beside ExcelDataReader, reading the file sector by sector (memory: 8 bytes per error
/// cell, at most 16,777,216 cells in an XLS sheet). The same pass takes the cached text of the formulas whose STRING record
/// comes after ARRAY or TABLE records (array and data-table formulas), which ExcelDataReader also reads as empty: only those
/// cells' texts are held (at most 32,767 characters each, never more than the records they come from). It also takes the
/// LABELSST cells whose index points past the end of the shared-string table (its unique-string count, read from the SST
/// record of the workbook globals), which ExcelDataReader reads as empty with no error (16 bytes per such cell). Anything it cannot follow (another BIFF version, an encrypted workbook, a
/// damaged container) gives <see langword="null"/>: ExcelDataReader's own reading, and its errors, stand.
/// </summary>
internal static class XlsErrorCells
{
    private const ushort BofRecord = 0x0809;
    private const ushort EofRecord = 0x000A;
    private const ushort BoundSheetRecord = 0x0085;
    private const ushort FilePassRecord = 0x002F;
    private const ushort BoolErrRecord = 0x0205;
    private const ushort FormulaRecord = 0x0006;
    private const ushort StringRecord = 0x0207;
    private const ushort ContinueRecord = 0x003C;
    private const ushort ArrayRecord = 0x0221;
    private const ushort TableRecord = 0x0236;
    private const ushort SharedFormulaRecord = 0x04BC;
    private const ushort SstRecord = 0x00FC;
    private const ushort LabelSstRecord = 0x00FD;
    private const int MaxFormulaText = 32767; // the longest text a cell holds in Excel

    /// <summary>
    /// Gets the error cells of the sheet named <paramref name="sheet"/>, sorted by 0-based row then column, each packed as
    /// <see cref="Pack"/> does, and the cached texts of its array and data-table formulas, or <see langword="null"/>.
    /// </summary>
    public static XlsSheetCells? Read(Stream input, string sheet, long maxCells)
    {
        if (!input.CanSeek)
        {
            return null;
        }

        var start = input.Position;
        try
        {
            var book = CompoundStream.Open(input);
            return book is null ? null : ReadSheet(book, sheet, maxCells);
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

    /// <summary>Packs an error cell in a number that sorts by row, then column.</summary>
    public static long Pack(int row, int column, byte code) => ((long)row << 24) | ((long)column << 8) | code;

    /// <summary>Gets the 0-based row of a packed error cell.</summary>
    public static int Row(long cell) => (int)(cell >> 24);

    /// <summary>Gets the 0-based column of a packed error cell.</summary>
    public static int Column(long cell) => (int)((cell >> 8) & 0xFFFF);

    /// <summary>Gets the error text of a packed error cell.</summary>
    public static string Error(long cell) => XlsbRecords.ErrorText((byte)cell);

    private static XlsSheetCells? ReadSheet(CompoundStream book, string sheet, long maxCells)
    {
        var header = new byte[4];
        var data = new byte[8224];
        long position = 0;
        long sheetOffset = -1;
        long sharedStrings = 0; // the SST's unique-string count: none without an SST
        var first = true;
        while (true)
        {
            if (!book.TryRead(position, header))
            {
                return null;
            }

            var type = BinaryPrimitives.ReadUInt16LittleEndian(header);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2));
            if (size > data.Length || !book.TryRead(position + 4, data.AsSpan(0, size)))
            {
                return null;
            }

            if (first && (type != BofRecord || size < 4 || BinaryPrimitives.ReadUInt16LittleEndian(data) != 0x0600))
            {
                return null; // not BIFF8
            }

            first = false;
            position += 4 + size;
            if (type == FilePassRecord)
            {
                return null;
            }

            if (type == BoundSheetRecord && size >= 8 && sheetOffset < 0 && string.Equals(SheetName(data.AsSpan(6, size - 6)), sheet, StringComparison.Ordinal))
            {
                sheetOffset = BinaryPrimitives.ReadUInt32LittleEndian(data);
            }

            if (type == SstRecord && size >= 8)
            {
                sharedStrings = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4));
            }

            if (type == EofRecord)
            {
                break;
            }
        }

        if (sheetOffset < 0)
        {
            return null;
        }

        var errors = new List<long>();
        List<(long Cell, string Text)>? texts = null;
        List<(long Cell, long Index)>? missing = null;
        long count = 0;
        position = sheetOffset;
        var depth = 0;
        long pendingText = -1; // a FORMULA whose cached result is text, its STRING record not yet met
        var between = false; // a record other than SHRFMLA between that FORMULA and its STRING
        while (book.TryRead(position, header))
        {
            var type = BinaryPrimitives.ReadUInt16LittleEndian(header);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2));
            if (size > data.Length || !book.TryRead(position + 4, data.AsSpan(0, size)))
            {
                break;
            }

            position += 4 + size;
            if (type == BofRecord)
            {
                depth++; // an embedded chart's substream: its records are not the sheet's cells
                continue;
            }

            if (type == EofRecord)
            {
                if (--depth <= 0)
                {
                    break;
                }

                continue;
            }

            if (depth != 1)
            {
                continue;
            }

            if (pendingText >= 0)
            {
                if (type == StringRecord)
                {
                    if (between && ReadText(book, data.AsSpan(0, size), position, header) is { Length: > 0 } text)
                    {
                        (texts ??= []).Add((pendingText, text));
                    }

                    pendingText = -1;
                    continue;
                }

                if (type is ArrayRecord or TableRecord or SharedFormulaRecord)
                {
                    between |= type != SharedFormulaRecord;
                    continue;
                }

                pendingText = -1; // no STRING record: no cached text
            }

            if (type == FormulaRecord && size >= 20 && data[6] == 0 && data[12] == 0xFF && data[13] == 0xFF)
            {
                pendingText = Pack(BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), 0);
                between = false;
                continue;
            }

            if (type == LabelSstRecord)
            {
                // ExcelDataReader reads a LABELSST past the end of the SST as an empty cell: the data would be lost silently
                if (size >= 10 && BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(6)) is var index && index >= sharedStrings)
                {
                    (missing ??= []).Add((Pack(BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), 0), index));
                }

                continue;
            }

            int code;
            if (type == BoolErrRecord && size >= 8 && data[7] == 1)
            {
                code = data[6];
            }
            else if (type == FormulaRecord && size >= 20 && data[6] == 2 && data[12] == 0xFF && data[13] == 0xFF)
            {
                code = data[8];
            }
            else
            {
                continue;
            }

            if (++count > maxCells)
            {
                break; // the reading itself stops at the same bound (MaxCells)
            }

            errors.Add(Pack(BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), (byte)code));
        }

        var sorted = errors.ToArray();
        Array.Sort(sorted); // written in row order by Excel; sorted whatever the writer
        var sortedTexts = texts is null ? [] : texts.ToArray();
        Array.Sort(sortedTexts, static (a, b) => a.Cell.CompareTo(b.Cell));
        var sortedMissing = missing is null ? [] : missing.ToArray();
        Array.Sort(sortedMissing, static (a, b) => a.Cell.CompareTo(b.Cell));
        return new XlsSheetCells(sorted, sortedTexts, sortedMissing, sharedStrings);
    }

    /// <summary>
    /// The text of a STRING record (an XLUnicodeString: 16-bit length, flags, 8-bit or UTF-16 characters), continued in the
    /// CONTINUE records that follow it at <paramref name="next"/> (each starting with its own flags byte). At most 32,767
    /// characters; <see langword="null"/> when it cannot be read.
    /// </summary>
    private static string? ReadText(CompoundStream book, ReadOnlySpan<byte> record, long next, byte[] header)
    {
        if (record.Length < 3)
        {
            return null;
        }

        var length = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(record), MaxFormulaText);
        var chars = new char[length];
        var read = Append(record[2..], chars, 0);
        var more = new byte[8224];
        while (read < length && book.TryRead(next, header) && BinaryPrimitives.ReadUInt16LittleEndian(header) == ContinueRecord)
        {
            var size = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2));
            if (size < 1 || size > more.Length || !book.TryRead(next + 4, more.AsSpan(0, size)))
            {
                break;
            }

            read = Append(more.AsSpan(0, size), chars, read);
            next += 4 + size;
        }

        return read == length ? new string(chars) : null;
    }

    /// <summary>Appends the characters of one piece of a string (its flags byte first) to <paramref name="chars"/>.</summary>
    private static int Append(ReadOnlySpan<byte> piece, char[] chars, int read)
    {
        var wide = (piece[0] & 1) != 0;
        var bytes = piece[1..];
        if (wide)
        {
            for (var i = 0; i + 1 < bytes.Length && read < chars.Length; i += 2)
            {
                chars[read++] = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes[i..]);
            }
        }
        else
        {
            for (var i = 0; i < bytes.Length && read < chars.Length; i++)
            {
                chars[read++] = (char)bytes[i]; // compressed UTF-16: the high bytes are zero
            }
        }

        return read;
    }

    /// <summary>The name of a BOUNDSHEET record (a ShortXLUnicodeString: length, flags, 8-bit or UTF-16 characters).</summary>
    private static string? SheetName(ReadOnlySpan<byte> text)
    {
        if (text.Length < 2)
        {
            return null;
        }

        int length = text[0];
        var wide = (text[1] & 1) != 0;
        var bytes = text[2..];
        if (wide)
        {
            return bytes.Length < 2 * length ? null : Encoding.Unicode.GetString(bytes[..(2 * length)]);
        }

        if (bytes.Length < length)
        {
            return null;
        }

        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)bytes[i]; // compressed UTF-16: the high bytes are zero
        }

        return new string(chars);
    }
}
