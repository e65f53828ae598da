using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Import.Sdk.Benchmarks.Data;

/// <summary>
/// Writes the customers workbook (.xls, BIFF8 in an OLE2 compound file) of the XLS throughput scenarios from the cached
/// customers CSV, as Excel 97–2003 lays it out: the texts in the shared-string table (SST + CONTINUE records, each string
/// whole in one record), LABELSST cells, the payment terms and credit limits as NUMBER cells, the creation date as a
/// serial number with the built-in date format 14. An XLS sheet holds at most 65,536 rows: the first 65,535 customers of the
/// CSV (plus the header row) are written, in a version-3 compound file (512-byte sectors, a DIFAT past 109 FAT sectors).
/// </summary>
/// <remarks>Deterministic (the CSV is, and the date is a function of the row number); cached next to the CSV.</remarks>
internal static class CustomerXlsGenerator
{
    /// <summary>The version of the workbook layout; part of the cached file name.</summary>
    public const int Version = 2;

    /// <summary>The most data rows an XLS sheet holds below its header row.</summary>
    public const int MaxRows = 65535;

    private const int MaxBody = 8224;
    private const int SectorSize = 512;
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>Returns the path of the cached workbook made from <paramref name="csv"/>, generating it first when missing.</summary>
    public static async Task<string> GetOrCreateAsync(string csv, Action<string>? log = null)
    {
        var path = Path.Combine(Path.GetDirectoryName(csv)!, Path.GetFileNameWithoutExtension(csv) + string.Create(CultureInfo.InvariantCulture, $"-b{Version}.xls"));
        if (File.Exists(path))
        {
            return path;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (stream, rows) = await WriteStreamAsync(csv);
        var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        await File.WriteAllBytesAsync(temporary, Container(stream));
        File.Move(temporary, path, overwrite: true);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"generated {path} ({new FileInfo(path).Length / 1_048_576.0:F1} MiB, {rows:N0} rows) in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        return path;
    }

    /// <summary>The number of data rows the workbook made from a CSV of <paramref name="csvRows"/> rows holds.</summary>
    public static int RowsFor(int csvRows) => Math.Min(csvRows, MaxRows);

    private static async Task<(byte[] Stream, int Rows)> WriteStreamAsync(string csv)
    {
        var registry = ImportPipelineBuilder.CreateRegistry([]);
        await using var reader = await registry.OpenAsync(ImportSource.FromFile(csv), new ReaderOptions(), CancellationToken.None);
        var width = reader.Header.Count;
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        long stringCells = 0;
        var cells = new MemoryStream();

        int Index(string text)
        {
            stringCells++;
            if (!strings.TryGetValue(text, out var index))
            {
                index = order.Count;
                strings.Add(text, index);
                order.Add(text);
            }

            return index;
        }

        for (var c = 0; c < width; c++)
        {
            LabelSst(cells, 0, c, Index(reader.Header[c]));
        }

        LabelSst(cells, 0, width, Index("Date de création"));
        var rows = 0;
        while (rows < MaxRows && await reader.ReadAsync())
        {
            rows++;
            for (var c = 0; c < width; c++)
            {
                var text = reader.GetString(c);
                if (text.Length == 0)
                {
                    continue;
                }

                if (c is 11 or 13 && TryNumber(text, out var value))
                {
                    Number(cells, rows, c, 0, value);
                }
                else
                {
                    LabelSst(cells, rows, c, Index(text));
                }
            }

            var date = new DateOnly(2015, 1, 1).AddDays((int)(rows * 37L % 3650));
            Number(cells, rows, width, 1, date.DayNumber - Epoch.DayNumber);
        }

        var globals = new MemoryStream();
        Record(globals, 0x0809, Bof(0x0005));
        Record(globals, 0x0042, [0xB0, 0x04]); // CODEPAGE 1200 (UTF-16)
        Record(globals, 0x0031, [0xC8, 0, 0, 0, 0x90, 0x01, 0, 0, 0, 0, 0, 0, 5, 0, (byte)'A', 0, (byte)'r', 0, (byte)'i', 0, (byte)'a', 0, (byte)'l']); // FONT
        Record(globals, 0x00E0, Xf(0)); // XF 0: General
        Record(globals, 0x00E0, Xf(14)); // XF 1: the built-in date format 14
        var boundSheet = globals.Position;
        Record(globals, 0x0085, [0, 0, 0, 0, 0, 0, 7, 0, .. Encoding.Latin1.GetBytes("Clients")]);
        Sst(globals, order, stringCells);
        Record(globals, 0x000A, []);

        var sheet = new MemoryStream();
        Record(sheet, 0x0809, Bof(0x0010));
        var dimensions = new byte[14];
        BinaryPrimitives.WriteUInt32LittleEndian(dimensions.AsSpan(4), (uint)(rows + 1));
        BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(10), (ushort)(width + 1));
        Record(sheet, 0x0200, dimensions);
        cells.Position = 0;
        cells.CopyTo(sheet);
        Record(sheet, 0x000A, []);

        var stream = new byte[globals.Length + sheet.Length];
        globals.ToArray().CopyTo(stream, 0);
        sheet.ToArray().CopyTo(stream, globals.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(stream.AsSpan((int)boundSheet + 4), (uint)globals.Length);
        return (stream, rows);
    }

    private static byte[] Bof(ushort kind)
    {
        var body = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 0x0600);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), kind);
        return body;
    }

    private static byte[] Xf(ushort format)
    {
        var body = new byte[20];
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), format);
        return body;
    }

    private static void LabelSst(Stream output, int row, int column, int index)
    {
        Span<byte> body = stackalloc byte[10];
        Cell(body, row, column, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(body[6..], (uint)index);
        Record(output, 0x00FD, body);
    }

    private static void Number(Stream output, int row, int column, ushort xf, double value)
    {
        Span<byte> body = stackalloc byte[14];
        Cell(body, row, column, xf);
        BinaryPrimitives.WriteDoubleLittleEndian(body[6..], value);
        Record(output, 0x0203, body);
    }

    private static void Cell(Span<byte> body, int row, int column, ushort xf)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)row);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], (ushort)column);
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], xf);
    }

    /// <summary>The SST and its CONTINUE records: each string whole in one record (UTF-16 when it needs it), as Excel may write.</summary>
    private static void Sst(Stream output, List<string> strings, long total)
    {
        var body = new byte[MaxBody];
        BinaryPrimitives.WriteUInt32LittleEndian(body, (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)strings.Count);
        var used = 8;
        ushort type = 0x00FC;
        foreach (var text in strings)
        {
            var wide = text.Any(c => c > 0xFF);
            var size = 3 + (wide ? 2 * text.Length : text.Length);
            if (used + size > MaxBody)
            {
                Record(output, type, body.AsSpan(0, used));
                type = 0x003C;
                used = 0;
            }

            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(used), (ushort)text.Length);
            body[used + 2] = wide ? (byte)1 : (byte)0;
            if (wide)
            {
                Encoding.Unicode.GetBytes(text, body.AsSpan(used + 3));
            }
            else
            {
                Encoding.Latin1.GetBytes(text, body.AsSpan(used + 3));
            }

            used += size;
        }

        Record(output, type, body.AsSpan(0, used));
    }

    private static void Record(Stream output, ushort type, ReadOnlySpan<byte> body)
    {
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(header, type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)body.Length);
        output.Write(header);
        output.Write(body);
    }

    /// <summary>
    /// A version-3 compound file (512-byte sectors, as Excel writes) holding <paramref name="stream"/> as its <c>Workbook</c>
    /// stream: the FAT's sectors first, the DIFAT sectors listing those past the header's 109, the directory, the stream.
    /// </summary>
    private static byte[] Container(byte[] stream)
    {
        const uint Free = 0xFFFFFFFF;
        const uint EndOfChain = 0xFFFFFFFE;
        const int PerSector = SectorSize / 4;
        var data = (stream.Length + SectorSize - 1) / SectorSize;
        int fatSectors = 1, difatSectors = 0;
        while (fatSectors * PerSector < fatSectors + difatSectors + 1 + data)
        {
            fatSectors++;
            difatSectors = Math.Max(0, (fatSectors - 109 + PerSector - 2) / (PerSector - 1));
        }

        var directorySector = fatSectors + difatSectors;
        var first = directorySector + 1;
        var file = new byte[SectorSize * (1 + first + data)];
        var header = file.AsSpan(0, 512);
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], (uint)directorySector);
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], difatSectors > 0 ? (uint)fatSectors : EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[72..], (uint)difatSectors);
        Span<byte> Sector(int index) => file.AsSpan(SectorSize * (1 + index), SectorSize);

        // the FAT sectors' numbers: 109 in the header, the rest in the DIFAT sectors (127 each, then the next one's number)
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], i < fatSectors ? (uint)i : Free);
        }

        for (var d = 0; d < difatSectors; d++)
        {
            var sector = Sector(fatSectors + d);
            for (var i = 0; i < PerSector - 1; i++)
            {
                var fatIndex = 109 + (d * (PerSector - 1)) + i;
                BinaryPrimitives.WriteUInt32LittleEndian(sector[(4 * i)..], fatIndex < fatSectors ? (uint)fatIndex : Free);
            }

            BinaryPrimitives.WriteUInt32LittleEndian(sector[(SectorSize - 4)..], d == difatSectors - 1 ? EndOfChain : (uint)(fatSectors + d + 1));
        }

        var fat = new uint[fatSectors * PerSector];
        Array.Fill(fat, Free);
        for (var i = 0; i < fatSectors; i++)
        {
            fat[i] = 0xFFFFFFFD; // a FAT sector
        }

        for (var d = 0; d < difatSectors; d++)
        {
            fat[fatSectors + d] = 0xFFFFFFFC; // a DIFAT sector
        }

        fat[directorySector] = EndOfChain;
        for (var s = 0; s < data; s++)
        {
            fat[first + s] = s == data - 1 ? EndOfChain : (uint)(first + s + 1);
        }

        for (var i = 0; i < fat.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SectorSize + (4 * i)), fat[i]);
        }

        var directory = Sector(directorySector);
        for (var e = 0; e < SectorSize / 128; e++)
        {
            var entry = directory.Slice(128 * e, 128);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], Free);
        }

        Entry(directory[..128], "Root Entry", 5, EndOfChain, 0, child: 1);
        Entry(directory.Slice(128, 128), "Workbook", 2, (uint)first, (uint)stream.Length, child: Free);
        stream.CopyTo(file, SectorSize * (1 + first));
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type, uint start, uint size, uint child)
    {
        Encoding.Unicode.GetBytes(name, entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)((name.Length + 1) * 2));
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], size);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}
