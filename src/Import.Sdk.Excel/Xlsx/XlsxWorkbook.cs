using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Packaging;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Xlsx;

/// <summary>
/// The workbook part of an XLSX (sheets, date system) and, on demand, its styles — small parts, read with OpenXml's SAX reader —
/// and its shared strings, read with <see cref="XlsxXmlReader"/> as the sheet is (see <see cref="XlsxRowSource"/>).
/// </summary>
internal sealed class XlsxWorkbook
{
    private readonly OpcPackage _package;
    private readonly string? _stylesPart;
    private readonly string? _sharedStringsPart;

    private XlsxWorkbook(OpcPackage package, IReadOnlyList<SheetEntry> sheets, bool date1904, string? stylesPart, string? sharedStringsPart)
    {
        _package = package;
        Sheets = sheets;
        Date1904 = date1904;
        _stylesPart = stylesPart;
        _sharedStringsPart = sharedStringsPart;
    }

    public IReadOnlyList<SheetEntry> Sheets { get; }

    public bool Date1904 { get; }

    /// <summary>Reads the workbook part; <see langword="null"/> when the main part is no workbook (a Word or PowerPoint file).</summary>
    public static XlsxWorkbook? Load(OpcPackage package, string workbookPart)
    {
        var rels = package.ReadRelationships(workbookPart);
        var sheets = new List<SheetEntry>();
        var date1904 = false;
        using (var reader = XlsxParts.Open(package, workbookPart))
        {
            while (reader.Read())
            {
                if (!reader.IsStartElement)
                {
                    continue;
                }

                if (reader.Depth == 0 && reader.LocalName != "workbook")
                {
                    return null;
                }

                // depth checks: extLst holds an x15:workbookPr of its own
                switch (reader.LocalName)
                {
                    case "workbookPr" when reader.Depth == 1:
                        date1904 = XlsxParts.IsTrue(XlsxParts.Attribute(reader, "date1904"));
                        break;
                    case "sheet" when reader.Depth == 2:
                        string? name = null, state = null, id = null;
                        foreach (var attribute in reader.Attributes)
                        {
                            switch (attribute.LocalName)
                            {
                                case "name":
                                    name = attribute.Value;
                                    break;
                                case "state":
                                    state = attribute.Value;
                                    break;
                                case "id" when attribute.NamespaceUri.Contains("relationships", StringComparison.Ordinal):
                                    id = attribute.Value;
                                    break;
                            }
                        }

                        var target = rels.FirstOrDefault(r => r.Id == id)?.Target;
                        var visible = state is null or "visible";
                        sheets.Add(new SheetEntry(name ?? string.Empty, visible, target is not null && package.Exists(target) ? target : null));
                        break;
                }
            }
        }

        var styles = rels.FirstOrDefault(r => r.Is("styles") && package.Exists(r.Target))?.Target;
        var strings = rels.FirstOrDefault(r => r.Is("sharedStrings") && package.Exists(r.Target))?.Target;
        return new XlsxWorkbook(package, sheets, date1904, styles, strings);
    }

    /// <summary>Reads the number format kind of every cell format (<c>cellXfs</c>), indexed by the cells' <c>s</c> attribute.</summary>
    public NumberFormatKind[] ReadCellFormats()
    {
        if (_stylesPart is null)
        {
            return [];
        }

        var codes = new Dictionary<int, string>();
        var xfs = new List<int>();
        var inCellXfs = false;
        using var reader = XlsxParts.Open(_package, _stylesPart);
        while (reader.Read())
        {
            var name = reader.LocalName;
            if (reader.IsEndElement)
            {
                if (name == "cellXfs")
                {
                    inCellXfs = false;
                }

                continue;
            }

            switch (name)
            {
                case "numFmt" when reader.Depth == 2: // not the numFmt of differential formats (dxfs)
                    if (int.TryParse(XlsxParts.Attribute(reader, "numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                    {
                        codes[id] = XlsxParts.Attribute(reader, "formatCode") ?? string.Empty;
                    }

                    break;
                case "cellXfs":
                    inCellXfs = true;
                    break;
                case "xf" when inCellXfs && reader.Depth == 2:
                    xfs.Add(int.TryParse(XlsxParts.Attribute(reader, "numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var format) ? format : 0);
                    break;
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
    /// Loads the shared strings once (memory grows with them, never with the rows), within the limits of <paramref name="table"/>,
    /// with the same streaming <see cref="XlsxXmlReader"/> as the sheet (the part can be as large as the sheet): a string longer
    /// than <paramref name="maxCellLength"/> is counted, never held. Each text goes from the reader's buffer to the table's UTF-8
    /// pages without a string of its own.
    /// </summary>
    public SharedStringTable ReadSharedStrings(SharedStringTable table, int maxCellLength)
    {
        if (_sharedStringsPart is null)
        {
            return table;
        }

        using var xml = new XlsxXmlReader(_package.Open(_sharedStringsPart), maxCellLength);
        var reader = xml.Reader;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (ReferenceEquals(reader.LocalName, xml.Si))
            {
                if (xml.ReadRichText())
                {
                    table.Add(xml.Chars);
                }
                else
                {
                    table.AddTooLong(xml.TooLongStart, xml.TooLongLength);
                }
            }
        }

        return table;
    }
}
