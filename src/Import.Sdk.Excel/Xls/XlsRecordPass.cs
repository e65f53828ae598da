using System.Buffers.Binary;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Xlsb;

namespace Import.Sdk.Excel.Xls;

// Over 400 lines, on purpose: one pass over a sheet's records in every BIFF version, whose findings (error cells, cached texts,
// shared strings past the table, cells given twice or lost) depend on the records before them in one state machine.

/// <summary>
/// A record-level pass over one sheet of an XLS workbook, beside ExcelDataReader 3.6, for what it reads as empty:
/// <list type="bullet">
/// <item>Excel error cells, in every BIFF version (BIFF2–BIFF5 and BIFF8): BOOLERR records whose value is an error, and
/// FORMULA records whose cached result is an error (8 bytes per error cell, at most 16,777,216 cells in an XLS sheet);</item>
/// <item>the cached text of the formulas whose STRING record comes after ARRAY or TABLE records (array and data-table
/// formulas): only those cells' texts are held (at most 32,767 characters each, never more than the records they come
/// from);</item>
/// <item>in BIFF8, the LABELSST cells whose index points past the end of the shared-string table (16 bytes per such cell),
/// against the number of strings the table declares (read from a rewritten table, <see cref="XlsSstRepair"/>, the number it
/// truly holds).</item>
/// </list>
/// The workbook is an OLE2 compound file (its <c>Workbook</c> or <c>Book</c> stream) or a bare BIFF stream, read record by
/// record, sector by sector. Anything it cannot follow (a BIFF4 workbook of several sheets, an encrypted workbook, a damaged
/// container) gives <see langword="null"/>: ExcelDataReader's own reading, and its errors, stand.
/// </summary>
internal static class XlsRecordPass
{
    private const ushort BofRecord = 0x0809;
    private const ushort EofRecord = 0x000A;
    private const ushort BoundSheetRecord = 0x0085;
    private const ushort FilePassRecord = 0x002F;
    private const ushort CodePageRecord = 0x0042;
    private const ushort ContinueRecord = 0x003C;
    private const ushort SharedFormulaRecord = 0x04BC;
    private const ushort SstRecord = 0x00FC;
    private const ushort LabelSstRecord = 0x00FD;
    private const int MaxFormulaText = 32767; // the longest text a cell holds in Excel

    /// <summary>The index given, among the <see cref="XlsSheetCells.MissingTexts"/>, to a cell whose record ExcelDataReader dropped.</summary>
    public const long UnreadCell = -1;

    /// <summary>The index given, among the <see cref="XlsSheetCells.MissingTexts"/>, to a cell given by two records.</summary>
    public const long DuplicateCell = -2;

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
            var book = IsBare(input) ? CompoundStream.Bare(input) : CompoundStream.Open(input);
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

    private static bool IsBare(Stream input)
    {
        var head = new byte[8];
        input.Position = 0;
        return input.Length >= 8 && input.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && Detection.ContainerSniffer.IsBareBiff(head);
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
        if (!book.TryRead(0, header))
        {
            return null;
        }

        var firstType = BinaryPrimitives.ReadUInt16LittleEndian(header);
        var firstSize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2));
        if (firstSize < 4 || firstSize > data.Length || !book.TryRead(4, data.AsSpan(0, firstSize)))
        {
            return null;
        }

        var layout = XlsRecordLayout.Of(firstType, BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)));
        if (layout is null)
        {
            return null;
        }

        long sheetOffset = 0; // BIFF2–BIFF4: the stream is the sheet
        long sharedStrings = 0; // the SST's unique-string count: none without an SST
        var codePage = 1252;
        if (layout.Version >= 5 && !ReadGlobals(book, layout, sheet, header, data, out sheetOffset, out sharedStrings, out codePage))
        {
            return null;
        }

        var errors = new List<long>();
        List<(long Cell, string Text)>? texts = null;
        List<(long Cell, long Index)>? missing = null;
        long count = 0;
        var records = new XlsRecordReader(book, sheetOffset);
        var depth = 0;
        var seen = new XlsCellSet();
        long pendingText = -1; // a FORMULA whose cached result is text, its STRING record not yet met
        var between = false; // a record other than SHRFMLA between that FORMULA and its STRING
        while (records.Next(data, out var type, out var size))
        {
            var position = records.Position; // the next record's
            if (layout.IsBof(type))
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

            if (type == CodePageRecord && size >= 2 && layout.Version < 5)
            {
                codePage = BinaryPrimitives.ReadUInt16LittleEndian(data); // BIFF2–BIFF4: in the sheet's stream
                continue;
            }

            if (size >= 4 && CellColumns(layout, type, data.AsSpan(0, size)) is var (first, last))
            {
                // ExcelDataReader keeps the last record of a cell given twice: the other value would vanish without a word
                var row = BinaryPrimitives.ReadUInt16LittleEndian(data);
                for (var column = first; column <= last; column++)
                {
                    if (!seen.Add(row, column))
                    {
                        (missing ??= []).Add((Pack(row, column, 0), DuplicateCell));
                    }
                }
            }

            if (pendingText >= 0)
            {
                if (type == layout.String)
                {
                    if (between && ReadText(book, layout, codePage, data.AsSpan(0, size), position, header) is { } text && (text.Length > 0 || layout.Version == 2))
                    {
                        (texts ??= []).Add((pendingText, text));
                    }

                    pendingText = -1;
                    continue;
                }

                if (type == layout.Array || layout.IsTable(type) || type == SharedFormulaRecord)
                {
                    between |= type != SharedFormulaRecord;
                    continue;
                }

                pendingText = -1; // no STRING record: no cached text
                if (!between && size >= 4 && HoldsValue(layout, type, data.AsSpan(0, size)))
                {
                    // ExcelDataReader took this record for the formula's STRING and dropped it: its cell is lost, so its row is named
                    (missing ??= []).Add((Pack(BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), 0), UnreadCell));
                }
            }

            var result = layout.FormulaResult;
            if (type == layout.Formula && size >= result + 8 && data[result + 6] == 0xFF && data[result + 7] == 0xFF && data[result] is 0 or 1 or 2 or 3)
            {
                var cell = Pack(BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), 0);
                switch (data[result])
                {
                    case 0:
                        pendingText = cell; // a text result: its STRING record follows
                        between = layout.Version == 2; // BIFF2: ExcelDataReader reads every cached result as a number
                        continue;
                    case 1 when layout.Version == 2:
                        (texts ??= []).Add((cell, CellText.Boolean(data[result + 2] != 0)));
                        continue;
                    case 3 when layout.Version == 2:
                        (texts ??= []).Add((cell, string.Empty)); // an empty text: claimed, so that it is not read as a number
                        continue;
                    case 2:
                        if (++count > maxCells)
                        {
                            break; // the reading itself stops at the same bound (MaxCells)
                        }

                        errors.Add(cell | data[result + 2]);
                        continue;
                    default:
                        continue; // BIFF3 and later: ExcelDataReader reads booleans and empty texts
                }

                break;
            }

            if (type == LabelSstRecord && layout.Version == 8)
            {
                // ExcelDataReader reads a LABELSST past the end of the SST as an empty cell: the data would be lost silently
                if (size >= 10 && BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(6)) is var index && index >= sharedStrings)
                {
                    (missing ??= []).Add((Pack(BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), 0), index));
                }

                continue;
            }

            var value = layout.BoolErrValue;
            if (type == layout.BoolErr && size >= value + 2 && data[value + 1] == 1)
            {
                if (++count > maxCells)
                {
                    break;
                }

                errors.Add(Pack(BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), data[value]));
            }
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
    /// The columns of the cells a record gives (first and last; MULRK and MULBLANK give several), or <see langword="null"/> when
    /// it is not a cell record: BLANK, NUMBER, LABEL, BOOLERR, FORMULA, RK, MULRK, MULBLANK, LABELSST, RSTRING (and BIFF2's INTEGER).
    /// </summary>
    private static (int First, int Last)? CellColumns(XlsRecordLayout layout, ushort type, ReadOnlySpan<byte> data)
    {
        var column = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        if (type == layout.Formula || type == layout.BoolErr)
        {
            return (column, column);
        }

        if (layout.Version == 2)
        {
            return type is 0x0001 or 0x0002 or 0x0003 or 0x0004 ? (column, column) : null;
        }

        if (type is 0x00BD or 0x00BE)
        {
            // MULRK, MULBLANK: the last column ends the record, never past the cells the record holds (6 bytes each in MULRK, 2 in MULBLANK)
            var held = (data.Length - 6) / (type == 0x00BD ? 6 : 2);
            return held > 0 ? (column, Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(data[^2..]), column + held - 1)) : null;
        }

        return type is 0x0201 or 0x0203 or 0x0204 or 0x027E or 0x00FD or 0x00D6 ? (column, column) : null;
    }

    /// <summary>
    /// Whether a record (BIFF3 and later) is a cell holding a value that ExcelDataReader does not put back otherwise: NUMBER, LABEL,
    /// RK, MULRK, LABELSST, RSTRING, a BOOLERR holding a boolean, a FORMULA whose cached result is not an error (the error cells are
    /// put back by this pass whatever record came before them).
    /// </summary>
    private static bool HoldsValue(XlsRecordLayout layout, ushort type, ReadOnlySpan<byte> data)
    {
        if (type == layout.BoolErr)
        {
            return data.Length >= layout.BoolErrValue + 2 && data[layout.BoolErrValue + 1] == 0;
        }

        if (type == layout.Formula)
        {
            var result = layout.FormulaResult;
            return !(data.Length >= result + 8 && data[result] == 2 && data[result + 6] == 0xFF && data[result + 7] == 0xFF);
        }

        return type is 0x0203 or 0x0204 or 0x027E or 0x00BD or 0x00FD or 0x00D6;
    }

    /// <summary>
    /// Reads the workbook globals of a BIFF5 or BIFF8 workbook up to their EOF: the offset of the sheet named
    /// <paramref name="sheet"/>, the SST's count of unique strings (BIFF8) and the code page. False when the workbook is
    /// encrypted or the sheet is not found.
    /// </summary>
    private static bool ReadGlobals(CompoundStream book, XlsRecordLayout layout, string sheet, byte[] header, byte[] data, out long sheetOffset, out long sharedStrings, out int codePage)
    {
        sheetOffset = -1;
        sharedStrings = 0;
        codePage = 1252;
        var names = new List<(long Offset, byte[] Name)>();
        long position = 0;
        while (true)
        {
            if (!book.TryRead(position, header))
            {
                return false;
            }

            var type = BinaryPrimitives.ReadUInt16LittleEndian(header);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2));
            if (size > data.Length || !book.TryRead(position + 4, data.AsSpan(0, size)))
            {
                return false;
            }

            position += 4 + size;
            switch (type)
            {
                case FilePassRecord:
                    return false;
                case BoundSheetRecord when size >= 8:
                    names.Add((BinaryPrimitives.ReadUInt32LittleEndian(data), data.AsSpan(6, size - 6).ToArray()));
                    break;
                case SstRecord when size >= 8 && layout.Version == 8:
                    sharedStrings = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4));
                    break;
                case CodePageRecord when size >= 2:
                    codePage = BinaryPrimitives.ReadUInt16LittleEndian(data);
                    break;
                case EofRecord:
                    foreach (var (offset, name) in names)
                    {
                        if (string.Equals(layout.SheetName(name, codePage), sheet, StringComparison.Ordinal))
                        {
                            sheetOffset = offset;
                            return true;
                        }
                    }

                    return false;
            }
        }
    }

    /// <summary>
    /// The text of a STRING record (an XLUnicodeString: 16-bit length, flags, 8-bit or UTF-16 characters), continued in the
    /// CONTINUE records that follow it at <paramref name="next"/> (each starting with its own flags byte). At most 32,767
    /// characters; <see langword="null"/> when it cannot be read.
    /// </summary>
    private static string? ReadText(CompoundStream book, XlsRecordLayout layout, int codePage, ReadOnlySpan<byte> record, long next, byte[] header)
    {
        if (layout.Version < 8)
        {
            return layout.ByteString(record, codePage);
        }

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
}
