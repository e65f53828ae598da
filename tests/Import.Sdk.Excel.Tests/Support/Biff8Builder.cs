using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Tests.Support;

/// <summary>
/// Writes a minimal BIFF8 workbook (one sheet of LABEL, LABELSST, BOOLERR and FORMULA cells, with the ARRAY, TABLE, STRING and CONTINUE records a formula may bring) in an OLE2 compound file (CFB v3, as many FAT sectors as it needs, its
/// Workbook stream padded over the 4,096-byte mini-stream cutoff), as Excel 97–2003 would, for the XLS error-cell tests.
/// With <see cref="Version"/> 5 it writes a BIFF5 workbook (Excel 5/95: 8-bit texts, no SST) in its OLE2 container; with 2,
/// 3 or 4 a bare BIFF2–BIFF4 worksheet stream (Excel 2.x–4.0), each with the record layouts of that version.
/// </summary>
internal sealed class Biff8Builder(string sheetName)
{
    private readonly List<byte[]> _cells = [];
    private readonly List<byte[]> _sst = [];
    private readonly List<ushort> _formats = []; // the number format of each XF record written, the XF index being the position

    /// <summary>The name of the workbook stream in the OLE2 directory (Excel writes <c>Workbook</c>).</summary>
    public string StreamName { get; init; } = "Workbook";

    /// <summary>Whether to write the bare BIFF8 stream, without its OLE2 container.</summary>
    public bool Bare { get; init; }

    /// <summary>The name of an empty sheet written before the sheet of cells (BIFF5 and BIFF8), when given.</summary>
    public string? EmptySheetBefore { get; init; }

    /// <summary>Whether the workbook counts dates from 1904 (a DATEMODE record), BIFF8 only.</summary>
    public bool Date1904 { get; init; }

    /// <summary>The BIFF version written: 8 (the default), 5, or 2, 3, 4 (always bare). Set before adding cells.</summary>
    public int Version { get; init; } = 8;

    /// <summary>The record layout's offset of the cell's value after row and column: 3 attribute bytes in BIFF2, an XF index after.</summary>
    private int Attributes => Version == 2 ? 3 : 2;

    /// <summary>A LABELSST cell: the string at <paramref name="index"/> of the shared-string table.</summary>
    public Biff8Builder LabelSst(int row, int column, int index)
    {
        var body = new byte[10];
        Cell(body, row, column);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(6), (uint)index);
        _cells.Add(Record(0x00FD, body));
        return this;
    }

    /// <summary>
    /// A shared-string table given as the bodies of its records: the SST record's (after its 8-byte header of counts, written
    /// here) then each CONTINUE record's, as raw bytes (so a test can split a string where it likes).
    /// </summary>
    public Biff8Builder Sst(int count, params byte[][] bodies)
    {
        if (bodies.Length == 0)
        {
            throw new ArgumentException("At least the SST record's body.", nameof(bodies));
        }

        var head = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(head, (uint)count);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(4), (uint)count);
        _sst.Add(Record(0x00FC, [.. head, .. bodies[0]]));
        foreach (var body in bodies.Skip(1))
        {
            _sst.Add(Record(0x003C, body));
        }

        return this;
    }

    /// <summary>A shared-string table of whole compressed strings, in one SST record declaring as many unique strings.</summary>
    public Biff8Builder Sst(params string[] strings)
    {
        var body = new List<byte>();
        foreach (var text in strings)
        {
            body.AddRange([(byte)text.Length, (byte)(text.Length >> 8), .. Characters(text)]);
        }

        return Sst(strings.Length, [.. body]);
    }

    /// <summary>A LABEL cell, its characters compressed (Latin-1) unless the text needs UTF-16.</summary>
    public Biff8Builder Label(int row, int column, string text)
    {
        if (Version < 8)
        {
            var wide = Version == 2 ? 1 : 2; // the length's size
            var old = new byte[4 + Attributes + wide + text.Length];
            Cell(old, row, column);
            old[4 + Attributes] = (byte)text.Length;
            if (wide == 2)
            {
                old[5 + Attributes] = (byte)(text.Length >> 8);
            }

            Encoding.Latin1.GetBytes(text, old.AsSpan(4 + Attributes + wide));
            _cells.Add(Record(Version == 2 ? (ushort)0x0004 : (ushort)0x0204, old));
            return this;
        }

        var body = new byte[6]; // row, column, XF index 0
        Cell(body, row, column);
        _cells.Add(Record(0x0204, [.. body, (byte)text.Length, (byte)(text.Length >> 8), .. Characters(text)]));
        return this;
    }

    /// <summary>An XLUnicodeString's flags byte and characters: compressed (Latin-1) when every character fits, else UTF-16LE.</summary>
    private static byte[] Characters(string text) =>
        text.All(c => c <= '\u00FF') ? [0x00, .. Encoding.Latin1.GetBytes(text)] : [0x01, .. Encoding.Unicode.GetBytes(text)];

    /// <summary>A NUMBER cell (BIFF8) whose XF has the built-in number format <paramref name="format"/> (14: a date).</summary>
    public Biff8Builder Number(int row, int column, double value, ushort format)
    {
        if (Version != 8)
        {
            throw new NotSupportedException("Number cells are written in BIFF8 only.");
        }

        var xf = _formats.IndexOf(format);
        if (xf < 0)
        {
            xf = _formats.Count;
            _formats.Add(format);
        }

        var body = new byte[14];
        Cell(body, row, column);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4), (ushort)xf);
        BinaryPrimitives.WriteDoubleLittleEndian(body.AsSpan(6), value);
        _cells.Add(Record(0x0203, body));
        return this;
    }

    /// <summary>A record of the sheet written as given (its type and body), among the cells.</summary>
    public Biff8Builder Raw(ushort type, byte[] body)
    {
        _cells.Add(Record(type, body));
        return this;
    }

    /// <summary>A constant error cell (BOOLERR, fError = 1).</summary>
    public Biff8Builder Error(int row, int column, byte code)
    {
        var body = new byte[6 + Attributes];
        Cell(body, row, column);
        body[4 + Attributes] = code;
        body[5 + Attributes] = 1;
        _cells.Add(Record(Version == 2 ? (ushort)0x0005 : (ushort)0x0205, body));
        return this;
    }

    /// <summary>The FORMULA record's number in this version.</summary>
    private ushort FormulaType => Version switch { 3 => 0x0206, 4 => 0x0406, _ => 0x0006 };

    /// <summary>
    /// A FORMULA record's body: the cell, the 8-byte cached result <paramref name="result"/>, then the version's option flags,
    /// (BIFF5/8) the 4 reserved bytes, and the formula's size and tokens.
    /// </summary>
    private byte[] FormulaBody(int row, int column, ReadOnlySpan<byte> result, byte[] formula)
    {
        var at = 4 + Attributes; // the result
        var flags = Version == 2 ? 1 : 2;
        var reserved = Version >= 5 ? 4 : 0;
        var sizeLength = Version == 2 ? 1 : 2;
        var body = new byte[at + 8 + flags + reserved + sizeLength + formula.Length];
        Cell(body, row, column);
        result.CopyTo(body.AsSpan(at));
        var size = at + 8 + flags + reserved;
        body[size] = (byte)formula.Length;
        formula.CopyTo(body, size + sizeLength);
        return body;
    }

    /// <summary>A formula (<c>=1/0</c>) whose cached result is the error <paramref name="code"/>.</summary>
    public Biff8Builder FormulaError(int row, int column, byte code)
    {
        byte[] formula = [0x1E, 0x01, 0x00, 0x1E, 0x00, 0x00, 0x06]; // ptgInt 1, ptgInt 0, ptgDiv
        byte[] result = [2, 0, code, 0, 0, 0, 0xFF, 0xFF]; // an error result
        _cells.Add(Record(FormulaType, FormulaBody(row, column, result, formula)));
        return this;
    }

    /// <summary>A formula whose cached result is the boolean <paramref name="value"/> (kind 1) or an empty text (kind 3).</summary>
    public Biff8Builder FormulaResult(int row, int column, byte kind, bool value = false)
    {
        byte[] formula = [0x1E, 0x01, 0x00]; // ptgInt 1
        byte[] result = [kind, 0, value ? (byte)1 : (byte)0, 0, 0, 0, 0xFF, 0xFF];
        _cells.Add(Record(FormulaType, FormulaBody(row, column, result, formula)));
        return this;
    }

    /// <summary>
    /// A formula whose cached result is text (result bytes <c>00 .. FF FF</c>): the FORMULA record, then the records
    /// <paramref name="between"/> (ARRAY <c>0x0221</c>, TABLE <c>0x0236</c>, SHRFMLA <c>0x04BC</c>: each written with a
    /// body that names the cell's range), then the STRING record holding <paramref name="text"/> (UTF-16 when
    /// <paramref name="wide"/>), cut after <paramref name="splitAt"/> characters into a CONTINUE record when given.
    /// </summary>
    public Biff8Builder FormulaText(int row, int column, string text, ushort[] between, bool wide = false, int splitAt = -1)
    {
        if (Version is 3 or 4 || (Version == 2 && between.Length > 0))
        {
            throw new NotSupportedException("Formula texts are written in BIFF2 (no records between), BIFF5 and BIFF8 only.");
        }

        byte[] formula = [0x01, (byte)row, (byte)(row >> 8), (byte)column, (byte)(column >> 8)]; // ptgExp: the array formula's anchor
        byte[] result = [0, 0, 0, 0, 0, 0, 0xFF, 0xFF]; // a text result: in the STRING record that follows
        _cells.Add(Record(FormulaType, FormulaBody(row, column, result, formula)));
        foreach (var type in between)
        {
            // RefU (rows first..last, columns first..last) + 2 bytes of flags + 4 reserved + a one-token formula (ptgStr "x")
            byte[] range = [(byte)row, (byte)(row >> 8), (byte)row, (byte)(row >> 8), (byte)column, (byte)column, 0, 0, 0, 0, 0, 0, 4, 0, 0x17, 1, 0, (byte)'x'];
            _cells.Add(Record(type, range));
        }

        if (Version == 5)
        {
            // BIFF5: a 16-bit length and 8-bit characters in the code page
            _cells.Add(Record(0x0207, [(byte)text.Length, (byte)(text.Length >> 8), .. Encoding.Latin1.GetBytes(text)]));
            return this;
        }

        if (Version == 2)
        {
            _cells.Add(Record(0x0007, [(byte)text.Length, .. Encoding.Latin1.GetBytes(text)])); // an 8-bit length
            return this;
        }

        var split = splitAt < 0 ? text.Length : splitAt;
        var first = wide ? new byte[3 + (2 * split)] : new byte[3 + split];
        BinaryPrimitives.WriteUInt16LittleEndian(first, (ushort)text.Length);
        first[2] = wide ? (byte)1 : (byte)0;
        Chars(text[..split], wide, first.AsSpan(3));
        _cells.Add(Record(0x0207, first));
        if (split < text.Length)
        {
            var rest = text[split..];
            var more = wide ? new byte[1 + (2 * rest.Length)] : new byte[1 + rest.Length];
            more[0] = wide ? (byte)1 : (byte)0;
            Chars(rest, wide, more.AsSpan(1));
            _cells.Add(Record(0x003C, more));
        }

        return this;
    }

    private static void Chars(string text, bool wide, Span<byte> target)
    {
        if (wide)
        {
            Encoding.Unicode.GetBytes(text, target);
        }
        else
        {
            Encoding.Latin1.GetBytes(text, target);
        }
    }

    public byte[] Build()
    {
        var lastRow = 0;
        var lastColumn = 0;
        foreach (var cell in _cells.Where(c => BinaryPrimitives.ReadUInt16LittleEndian(c) is 0x0004 or 0x0005 or 0x0203 or 0x0204 or 0x0205 or 0x0006 or 0x0206 or 0x0406 or 0x00FD))
        {
            lastRow = Math.Max(lastRow, BinaryPrimitives.ReadUInt16LittleEndian(cell.AsSpan(4)) + 1);
            lastColumn = Math.Max(lastColumn, BinaryPrimitives.ReadUInt16LittleEndian(cell.AsSpan(6)) + 1);
        }

        if (Version < 5)
        {
            // a bare worksheet stream: BOF, DIMENSIONS, the cells, EOF
            var dims = new byte[Version == 2 ? 8 : 10];
            BinaryPrimitives.WriteUInt16LittleEndian(dims.AsSpan(2), (ushort)lastRow);
            BinaryPrimitives.WriteUInt16LittleEndian(dims.AsSpan(6), (ushort)lastColumn);
            var bof = new byte[Version == 2 ? 4 : 6];
            BinaryPrimitives.WriteUInt16LittleEndian(bof, (ushort)Version);
            BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(2), 0x0010);
            List<byte[]> records = [Record((ushort)(Version == 2 ? 0x0009 : (Version == 3 ? 0x0209 : 0x0409)), bof), Record(0x0042, [0xE4, 0x04]), Record(Version == 2 ? (ushort)0x0000 : (ushort)0x0200, dims), .. _cells, Record(0x000A, [])];
            return [.. records.SelectMany(r => r)];
        }

        var globals = new List<byte[]> { Bof(0x0005), Record(0x0042, [0xE4, 0x04]) }; // CODEPAGE 1252
        if (Date1904)
        {
            globals.Add(Record(0x0022, [1, 0])); // DATEMODE
        }

        foreach (var format in _formats)
        {
            var xf = new byte[20]; // XF (BIFF8): font 0, the number format, a cell XF
            BinaryPrimitives.WriteUInt16LittleEndian(xf.AsSpan(2), format);
            globals.Add(Record(0x00E0, xf));
        }

        var boundSheet = globals.Count;
        if (EmptySheetBefore is not null)
        {
            globals.Add(BoundSheet(EmptySheetBefore));
        }

        globals.Add(BoundSheet(sheetName));
        globals.AddRange(_sst);
        globals.Add(Record(0x000A, []));
        var sheetOffset = globals.Sum(r => r.Length);
        List<byte[]> empty = EmptySheetBefore is null ? [] : [Bof(0x0010), Record(0x0200, new byte[Version == 8 ? 14 : 10]), Record(0x000A, [])];
        if (EmptySheetBefore is not null)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(globals[boundSheet].AsSpan(4), (uint)sheetOffset);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(globals[EmptySheetBefore is null ? boundSheet : boundSheet + 1].AsSpan(4), (uint)(sheetOffset + empty.Sum(r => r.Length)));

        var dimensions = new byte[Version == 8 ? 14 : 10];
        if (Version == 8)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(dimensions.AsSpan(4), (uint)lastRow);
            BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(10), (ushort)lastColumn);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(2), (ushort)lastRow);
            BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(6), (ushort)lastColumn);
        }

        var sheet = new List<byte[]> { Bof(0x0010), Record(0x0200, dimensions) };
        sheet.AddRange(_cells);
        sheet.Add(Record(0x000A, []));

        var stream = globals.Concat(empty).Concat(sheet).SelectMany(r => r).ToList();
        while (!Bare && stream.Count < 4096 + 512)
        {
            stream.Add(0);
        }

        return Bare ? [.. stream] : Container([.. stream], StreamName);
    }

    /// <summary>A BOUNDSHEET record (its offset written later): the name with a flags byte in BIFF8, without in BIFF5.</summary>
    private byte[] BoundSheet(string sheet)
    {
        var name = Version == 8 ? new byte[2 + sheet.Length] : new byte[1 + sheet.Length];
        name[0] = (byte)sheet.Length;
        Encoding.Latin1.GetBytes(sheet, name.AsSpan(Version == 8 ? 2 : 1));
        var body = new byte[6 + name.Length];
        name.CopyTo(body, 6);
        return Record(0x0085, body);
    }

    private static void Cell(byte[] body, int row, int column)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)row);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)column);
    }

    private byte[] Bof(ushort type)
    {
        var body = new byte[Version == 8 ? 16 : 8];
        BinaryPrimitives.WriteUInt16LittleEndian(body, Version == 8 ? (ushort)0x0600 : (ushort)0x0500);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), type);
        return Record(0x0809, body);
    }

    private static byte[] Record(ushort type, byte[] body)
    {
        var record = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(record, type);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(2), (ushort)body.Length);
        body.CopyTo(record, 4);
        return record;
    }

    private static byte[] Container(byte[] stream, string streamName)
    {
        const uint Free = 0xFFFFFFFF;
        const uint EndOfChain = 0xFFFFFFFE;
        var dataSectors = (stream.Length + 511) / 512;
        var fatSectors = 1;
        while (fatSectors * 128 < fatSectors + 1 + dataSectors)
        {
            fatSectors++; // each FAT sector maps 128 sectors, the FAT's own and the directory's included (at most 109: no DIFAT sectors)
        }

        var directorySector = fatSectors;
        var firstData = fatSectors + 1;
        var file = new byte[512 * (1 + firstData + dataSectors)];
        var header = file.AsSpan(0, 512);
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], (uint)fatSectors); // the FAT: sectors 0 to fatSectors - 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], (uint)directorySector); // the directory: the next sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], i < fatSectors ? (uint)i : Free);
        }

        var fat = file.AsSpan(512, 512 * fatSectors);
        for (var i = 0; i < 128 * fatSectors; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], Free);
        }

        for (var i = 0; i < fatSectors; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], 0xFFFFFFFD);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * directorySector)..], EndOfChain);
        for (var s = 0; s < dataSectors; s++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * (firstData + s))..], s == dataSectors - 1 ? EndOfChain : (uint)(firstData + s + 1));
        }

        var directory = file.AsSpan(512 * (1 + directorySector), 512);
        Entry(directory[..128], "Root Entry", 5, EndOfChain, 0, child: 1);
        Entry(directory.Slice(128, 128), streamName, 2, (uint)firstData, (uint)stream.Length, child: Free);
        for (var e = 2; e < 4; e++)
        {
            Entry(directory.Slice(128 * e, 128), string.Empty, 0, Free, 0, child: Free);
        }

        stream.CopyTo(file, 512 * (1 + firstData));
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type, uint start, uint size, uint child)
    {
        if (name.Length > 0)
        {
            Encoding.Unicode.GetBytes(name, entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)((name.Length + 1) * 2));
        }

        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], size);
    }
}
