using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Tests.Support;

/// <summary>
/// Writes a minimal XLSB workbook of one sheet of text cells ([MS-XLSB]): the package relationships, a workbook part with one
/// BrtBundleSh, a shared-string part (BrtSSTItem) and a sheet part (BrtBeginSheetData, BrtRowHdr, BrtCellIsst for a text,
/// BrtCellBlank for an empty cell, BrtEndSheetData), as Excel writes them, without styles.
/// </summary>
internal sealed class XlsbBuilder(string sheetName)
{
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, List<(int Column, string? Text)>> _rows = [];

    /// <summary>A text cell (shared string) at the 0-based <paramref name="row"/> and <paramref name="column"/>.</summary>
    public XlsbBuilder Text(int row, int column, string text)
    {
        if (!_indexes.TryGetValue(text, out var index))
        {
            index = _strings.Count;
            _indexes.Add(text, index);
            _strings.Add(text);
        }

        Row(row).Add((column, text));
        return this;
    }

    /// <summary>A cell without value (formatted, as Excel writes the cells of an emptied row).</summary>
    public XlsbBuilder Blank(int row, int column)
    {
        Row(row).Add((column, null));
        return this;
    }

    public byte[] Build() => Zip.Create(
        ("[Content_Types].xml", Utf8("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/><Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/></Types>
            """)),
        ("_rels/.rels", Utf8($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.bin"/></Relationships>""")),
        ("xl/workbook.bin", Binary(Workbook())),
        ("xl/_rels/workbook.bin.rels", Utf8($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet1.bin"/><Relationship Id="rId2" Type="{OfficeRelationships}/sharedStrings" Target="sharedStrings.bin"/></Relationships>""")),
        ("xl/sharedStrings.bin", Binary(SharedStrings())),
        ("xl/worksheets/sheet1.bin", Binary(Sheet())));

    private List<(int Column, string? Text)> Row(int row)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            cells = [];
            _rows.Add(row, cells);
        }

        return cells;
    }

    private IEnumerable<byte[]> Workbook()
    {
        yield return Record(131, []); // BrtBeginBook
        yield return Record(143, []); // BrtBeginBundleShs
        yield return Record(156, [.. UInt32(0), .. UInt32(1), .. WideString("rId1"), .. WideString(sheetName)]); // BrtBundleSh: visible, tab 1
        yield return Record(144, []); // BrtEndBundleShs
        yield return Record(132, []); // BrtEndBook
    }

    private IEnumerable<byte[]> SharedStrings()
    {
        yield return Record(159, [.. UInt32((uint)_strings.Count), .. UInt32((uint)_strings.Count)]); // BrtBeginSst
        foreach (var text in _strings)
        {
            yield return Record(19, [0x00, .. WideString(text)]); // BrtSSTItem: no rich text, no phonetics
        }

        yield return Record(160, []); // BrtEndSst
    }

    private IEnumerable<byte[]> Sheet()
    {
        yield return Record(129, []); // BrtBeginSheet
        yield return Record(145, []); // BrtBeginSheetData
        foreach (var (row, cells) in _rows)
        {
            // BrtRowHdr: row, style, height (15 pt), flags, no column span
            yield return Record(0, [.. UInt32((uint)row), .. UInt32(0), 0x2C, 0x01, 0x00, 0x00, 0x00, .. UInt32(0)]);
            foreach (var (column, text) in cells)
            {
                yield return text is null
                    ? Record(1, [.. UInt32((uint)column), .. UInt32(0)]) // BrtCellBlank
                    : Record(7, [.. UInt32((uint)column), .. UInt32(0), .. UInt32((uint)_indexes[text])]); // BrtCellIsst
            }
        }

        yield return Record(146, []); // BrtEndSheetData
        yield return Record(130, []); // BrtEndSheet
    }

    private static Action<Stream> Utf8(string text) => s => s.Write(Encoding.UTF8.GetBytes(text));

    private static Action<Stream> Binary(IEnumerable<byte[]> records) => s =>
    {
        foreach (var record in records)
        {
            s.Write(record);
        }
    };

    /// <summary>A BIFF12 record: its type and size as 7-bit variable-length integers, then its data.</summary>
    private static byte[] Record(int type, byte[] data)
    {
        var record = new List<byte>();
        Varint(record, type);
        Varint(record, data.Length);
        record.AddRange(data);
        return [.. record];
    }

    private static void Varint(List<byte> target, int value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            target.Add(value > 0 ? (byte)(b | 0x80) : b);
        }
        while (value > 0);
    }

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>An XLWideString: its character count, then UTF-16LE.</summary>
    private static byte[] WideString(string text) => [.. UInt32((uint)text.Length), .. Encoding.Unicode.GetBytes(text)];
}
