using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Packaging;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Xlsb;

/// <summary>The workbook part of an XLSB (sheets with their visibility, date system) and, on demand, its styles and shared strings.</summary>
internal sealed class XlsbWorkbook
{
    private readonly OpcPackage _package;
    private readonly string? _stylesPart;
    private readonly string? _sharedStringsPart;

    private XlsbWorkbook(OpcPackage package, IReadOnlyList<SheetEntry> sheets, bool date1904, string? stylesPart, string? sharedStringsPart)
    {
        _package = package;
        Sheets = sheets;
        Date1904 = date1904;
        _stylesPart = stylesPart;
        _sharedStringsPart = sharedStringsPart;
    }

    public IReadOnlyList<SheetEntry> Sheets { get; }

    public bool Date1904 { get; }

    public static XlsbWorkbook Load(OpcPackage package, string workbookPart)
    {
        var rels = package.ReadRelationships(workbookPart);
        var sheets = new List<SheetEntry>();
        var date1904 = false;
        using (var reader = new BiffRecordReader(package.Open(workbookPart)))
        {
            while (reader.Read())
            {
                var data = reader.Data;
                switch (reader.Type)
                {
                    case XlsbRecords.WbProp:
                        date1904 = (BiffRecordReader.UInt32(data, 0) & 1) != 0;
                        break;
                    case XlsbRecords.BundleSh:
                        var state = BiffRecordReader.UInt32(data, 0) & 0x3;
                        var offset = 8;
                        var id = BiffRecordReader.WideString(data, ref offset);
                        var name = BiffRecordReader.WideString(data, ref offset);
                        var target = rels.FirstOrDefault(r => r.Id == id)?.Target;
                        sheets.Add(new SheetEntry(name, state == 0, target is not null && package.Exists(target) ? target : null));
                        break;
                }
            }
        }

        var styles = rels.FirstOrDefault(r => r.Is("styles") && package.Exists(r.Target))?.Target;
        var strings = rels.FirstOrDefault(r => r.Is("sharedStrings") && package.Exists(r.Target))?.Target;
        return new XlsbWorkbook(package, sheets, date1904, styles, strings);
    }

    /// <summary>Reads the number format kind of every cell format (BrtXF inside BrtBeginCellXFs), indexed by the cells' style.</summary>
    public NumberFormatKind[] ReadCellFormats()
    {
        if (_stylesPart is null)
        {
            return [];
        }

        var codes = new Dictionary<int, string>();
        var xfs = new List<int>();
        var inCellXfs = false;
        using (var reader = new BiffRecordReader(_package.Open(_stylesPart)))
        {
            while (reader.Read())
            {
                var data = reader.Data;
                switch (reader.Type)
                {
                    case XlsbRecords.Fmt:
                        var offset = 2;
                        codes[BiffRecordReader.UInt16(data, 0)] = BiffRecordReader.WideString(data, ref offset);
                        break;
                    case XlsbRecords.BeginCellXfs:
                        inCellXfs = true;
                        break;
                    case XlsbRecords.EndCellXfs:
                        inCellXfs = false;
                        break;
                    case XlsbRecords.Xf when inCellXfs:
                        xfs.Add(BiffRecordReader.UInt16(data, 2));
                        break;
                }
            }
        }

        var kinds = new NumberFormatKind[xfs.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = NumberFormats.Classify(xfs[i], codes.GetValueOrDefault(xfs[i]));
        }

        return kinds;
    }

    /// <summary>
    /// Loads the shared strings once (BrtSSTItem: flags, then the text; formatting runs are not needed), within the limits of
    /// <paramref name="table"/>; a string longer than <paramref name="maxCellLength"/> is kept as its start only. Each text goes from
    /// the record to the table's UTF-8 pages without a string of its own.
    /// </summary>
    public SharedStringTable ReadSharedStrings(SharedStringTable table, int maxCellLength)
    {
        if (_sharedStringsPart is null)
        {
            return table;
        }

        using var reader = new BiffRecordReader(_package.Open(_sharedStringsPart));
        var chars = new char[256];
        while (reader.Read())
        {
            if (reader.Type != XlsbRecords.SstItem)
            {
                continue;
            }

            var offset = 1;
            var length = BiffRecordReader.WideStringLength(reader.Data, offset);
            if (length > maxCellLength)
            {
                table.AddTooLong(BiffRecordReader.WideStringStart(reader.Data, offset, RowBuffer.QuotedLength), length);
                continue;
            }

            var count = BiffRecordReader.WideStringChars(reader.Data, offset, ref chars); // chars may be grown: read it after
            table.Add(chars.AsSpan(0, count));
        }

        return table;
    }
}
