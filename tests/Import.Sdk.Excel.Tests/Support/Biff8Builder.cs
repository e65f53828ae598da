using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Tests.Support;

/// <summary>
/// Writes a minimal BIFF8 workbook (one sheet of LABEL, LABELSST, BOOLERR and FORMULA cells, with the ARRAY, TABLE, STRING and CONTINUE records a formula may bring) in an OLE2 compound file (CFB v3, as many FAT sectors as it needs, its
/// Workbook stream padded over the 4,096-byte mini-stream cutoff), as Excel 97–2003 would, for the XLS error-cell tests.
/// </summary>
internal sealed class Biff8Builder(string sheetName)
{
    private readonly List<byte[]> _cells = [];
    private readonly List<byte[]> _sst = [];

    /// <summary>The name of the workbook stream in the OLE2 directory (Excel writes <c>Workbook</c>).</summary>
    public string StreamName { get; init; } = "Workbook";

    /// <summary>Whether to write the bare BIFF8 stream, without its OLE2 container.</summary>
    public bool Bare { get; init; }

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
        var body = new byte[6]; // row, column, XF index 0
        Cell(body, row, column);
        _cells.Add(Record(0x0204, [.. body, (byte)text.Length, (byte)(text.Length >> 8), .. Characters(text)]));
        return this;
    }

    /// <summary>An XLUnicodeString's flags byte and characters: compressed (Latin-1) when every character fits, else UTF-16LE.</summary>
    private static byte[] Characters(string text) =>
        text.All(c => c <= '\u00FF') ? [0x00, .. Encoding.Latin1.GetBytes(text)] : [0x01, .. Encoding.Unicode.GetBytes(text)];

    /// <summary>A constant error cell (BOOLERR, fError = 1).</summary>
    public Biff8Builder Error(int row, int column, byte code)
    {
        var body = new byte[8];
        Cell(body, row, column);
        body[6] = code;
        body[7] = 1;
        _cells.Add(Record(0x0205, body));
        return this;
    }

    /// <summary>A formula (<c>=1/0</c>) whose cached result is the error <paramref name="code"/>.</summary>
    public Biff8Builder FormulaError(int row, int column, byte code)
    {
        byte[] formula = [0x1E, 0x01, 0x00, 0x1E, 0x00, 0x00, 0x06]; // ptgInt 1, ptgInt 0, ptgDiv
        var body = new byte[22 + formula.Length];
        Cell(body, row, column);
        body[6] = 2; // an error result
        body[8] = code;
        body[12] = 0xFF;
        body[13] = 0xFF;
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(20), (ushort)formula.Length);
        formula.CopyTo(body, 22);
        _cells.Add(Record(0x0006, body));
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
        byte[] formula = [0x01, (byte)row, (byte)(row >> 8), (byte)column, (byte)(column >> 8)]; // ptgExp: the array formula's anchor
        var body = new byte[22 + formula.Length];
        Cell(body, row, column);
        body[6] = 0; // a text result: in the STRING record that follows
        body[12] = 0xFF;
        body[13] = 0xFF;
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(20), (ushort)formula.Length);
        formula.CopyTo(body, 22);
        _cells.Add(Record(0x0006, body));
        foreach (var type in between)
        {
            // RefU (rows first..last, columns first..last) + 2 bytes of flags + 4 reserved + a one-token formula (ptgStr "x")
            byte[] range = [(byte)row, (byte)(row >> 8), (byte)row, (byte)(row >> 8), (byte)column, (byte)column, 0, 0, 0, 0, 0, 0, 4, 0, 0x17, 1, 0, (byte)'x'];
            _cells.Add(Record(type, range));
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
        foreach (var cell in _cells.Where(c => BinaryPrimitives.ReadUInt16LittleEndian(c) is 0x0204 or 0x0205 or 0x0006 or 0x00FD))
        {
            lastRow = Math.Max(lastRow, BinaryPrimitives.ReadUInt16LittleEndian(cell.AsSpan(4)) + 1);
            lastColumn = Math.Max(lastColumn, BinaryPrimitives.ReadUInt16LittleEndian(cell.AsSpan(6)) + 1);
        }

        var name = new byte[2 + sheetName.Length];
        name[0] = (byte)sheetName.Length;
        Encoding.Latin1.GetBytes(sheetName, name.AsSpan(2));
        var globals = new List<byte[]> { Bof(0x0005), Record(0x0042, [0xE4, 0x04]) }; // CODEPAGE 1252
        var boundSheet = new byte[6 + name.Length];
        name.CopyTo(boundSheet, 6);
        globals.Add(Record(0x0085, boundSheet));
        globals.AddRange(_sst);
        globals.Add(Record(0x000A, []));
        var sheetOffset = globals.Sum(r => r.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(globals[2].AsSpan(4), (uint)sheetOffset);

        var dimensions = new byte[14];
        BinaryPrimitives.WriteUInt32LittleEndian(dimensions.AsSpan(4), (uint)lastRow);
        BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(10), (ushort)lastColumn);
        var sheet = new List<byte[]> { Bof(0x0010), Record(0x0200, dimensions) };
        sheet.AddRange(_cells);
        sheet.Add(Record(0x000A, []));

        var stream = globals.Concat(sheet).SelectMany(r => r).ToList();
        while (!Bare && stream.Count < 4096 + 512)
        {
            stream.Add(0);
        }

        return Bare ? [.. stream] : Container([.. stream], StreamName);
    }

    private static void Cell(byte[] body, int row, int column)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)row);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)column);
    }

    private static byte[] Bof(ushort type)
    {
        var body = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 0x0600);
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
