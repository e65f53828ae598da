using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Import.Sdk.Excel.Tests.Support;

/// <summary>Writes small XLSX workbooks with the OpenXml DOM writer (<see cref="SpreadsheetDocument.Create(Stream, SpreadsheetDocumentType)"/>).</summary>
internal sealed class XlsxBuilder
{
    private readonly List<(string Name, SheetStateValues? State, List<Row> Rows)> _sheets = [];
    private readonly List<SharedStringItem> _sharedStrings = [];
    private readonly List<string> _formats = [];

    public bool Date1904 { get; init; }

    /// <summary>Adds a sheet whose rows are built by <paramref name="rows"/>.</summary>
    public XlsxBuilder Sheet(string name, Action<SheetRows> rows, SheetStateValues? state = null)
    {
        var list = new List<Row>();
        rows(new SheetRows(this, list));
        _sheets.Add((name, state, list));
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheets = new Sheets();
            workbookPart.Workbook = Date1904 ? new Workbook(new WorkbookProperties { Date1904 = true }, sheets) : new Workbook(sheets);

            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = new SharedStringTable(_sharedStrings.Select(s => (SharedStringItem)s.CloneNode(true)))
            {
                Count = (uint)_sharedStrings.Count,
                UniqueCount = (uint)_sharedStrings.Count,
            };

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = BuildStylesheet();

            uint id = 1;
            foreach (var (name, state, rows) in _sheets)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                sheetPart.Worksheet = new Worksheet(new DocumentFormat.OpenXml.Spreadsheet.SheetData(rows.Select(r => (Row)r.CloneNode(true))));
                var sheet = new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = id++, Name = name };
                if (state is { } s)
                {
                    sheet.State = s;
                }

                sheets.Append(sheet);
            }
        }

        return stream.ToArray();
    }

    internal uint SharedString(SharedStringItem item)
    {
        _sharedStrings.Add(item);
        return (uint)(_sharedStrings.Count - 1);
    }

    /// <summary>The cell format index of a number format: a built-in id ("14") or a custom code.</summary>
    internal uint Style(string format)
    {
        var index = _formats.IndexOf(format);
        if (index < 0)
        {
            _formats.Add(format);
            index = _formats.Count - 1;
        }

        return (uint)index + 1; // 0 is General
    }

    private Stylesheet BuildStylesheet()
    {
        var numberFormats = new NumberingFormats();
        var xfs = new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
        uint custom = 164;
        foreach (var format in _formats)
        {
            uint id;
            if (uint.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var builtin))
            {
                id = builtin;
            }
            else
            {
                id = custom++;
                numberFormats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = format });
            }

            xfs.Append(new CellFormat { NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true });
        }

        numberFormats.Count = (uint)numberFormats.ChildElements.Count;
        xfs.Count = (uint)xfs.ChildElements.Count;
        return new Stylesheet(
            numberFormats,
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            xfs);
    }
}

/// <summary>Adds rows to a sheet.</summary>
internal sealed class SheetRows(XlsxBuilder book, List<Row> rows)
{
    private uint _last;

    /// <summary>A row numbered explicitly (<c>r</c>); its cells get references in that row, in order from column A unless placed with <see cref="XCell.At"/>.</summary>
    public SheetRows Row(uint number, params XCell[] cells) => Add(number, true, cells);

    /// <summary>A row without <c>r</c> (and cells without references unless placed): it follows the previous row.</summary>
    public SheetRows RowWithoutReference(params XCell[] cells) => Add(_last + 1, false, cells);

    /// <summary>The next row, numbered.</summary>
    public SheetRows Next(params XCell[] cells) => Row(_last + 1, cells);

    private SheetRows Add(uint number, bool withReference, XCell[] cells)
    {
        var row = withReference ? new Row { RowIndex = number } : new Row();
        var column = 0;
        foreach (var cell in cells)
        {
            column = cell.Column ?? column;
            row.Append(cell.ToCell(book, withReference || cell.Column is not null ? cell.Reference ?? ColumnName(column) + number.ToString(CultureInfo.InvariantCulture) : null));
            column++;
        }

        rows.Add(row);
        _last = number;
        return this;
    }

    internal static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}

/// <summary>A cell to write; see the factory methods.</summary>
internal sealed record XCell(Func<XlsxBuilder, Cell> Make)
{
    public int? Column { get; init; }

    public string? Reference { get; init; }

    /// <summary>A shared string (what Excel writes for text).</summary>
    public static XCell Text(string text) => new(b => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(b.SharedString(new SharedStringItem(T(text))).ToString(CultureInfo.InvariantCulture)) });

    /// <summary>A shared string made of formatted runs.</summary>
    public static XCell Rich(params string[] runs) => new(b => new Cell
    {
        DataType = CellValues.SharedString,
        CellValue = new CellValue(b.SharedString(new SharedStringItem(runs.Select(r => new Run(new RunProperties(new Bold()), T(r))))).ToString(CultureInfo.InvariantCulture)),
    });

    public static XCell Inline(string text) => new(_ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(T(text)) });

    public static XCell InlineRich(params string[] runs) => new(_ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(runs.Select(r => new Run(T(r)))) });

    public static XCell Number(double value, string? format = null) => new(b => Styled(new Cell { CellValue = new CellValue(value) }, b, format));

    /// <summary>A number written as the given raw text in <c>&lt;v&gt;</c>.</summary>
    public static XCell RawNumber(string raw, string? format = null) => new(b => Styled(new Cell { CellValue = new CellValue(raw) }, b, format));

    public static XCell Serial(DateTime value, string format = "14", bool date1904 = false) =>
        Number(value.ToOADate() - (date1904 ? 1462 : 0), format);

    public static XCell Bool(bool value) => new(_ => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") });

    public static XCell Error(string error) => new(_ => new Cell { DataType = CellValues.Error, CellValue = new CellValue(error) });

    public static XCell FormulaText(string formula, string cached) => new(_ => new Cell { DataType = CellValues.String, CellFormula = new CellFormula(formula), CellValue = new CellValue(cached) });

    public static XCell IsoDate(string iso) => new(_ => new Cell { DataType = CellValues.Date, CellValue = new CellValue(iso) });

    /// <summary>A cell element without a value (a formatted empty cell).</summary>
    public static XCell Blank() => new(_ => new Cell());

    /// <summary>Places the cell at a column (0-based).</summary>
    public XCell At(int column) => this with { Column = column };

    /// <summary>Writes the cell with this exact reference (lower case, say).</summary>
    public XCell WithReference(string reference) => this with { Reference = reference };

    internal Cell ToCell(XlsxBuilder book, string? reference)
    {
        var cell = Make(book);
        if (reference is not null)
        {
            cell.CellReference = reference;
        }

        return cell;
    }

    /// <summary>Text as Excel writes it: _xHHHH_ escapes for control characters and for literal "_xHHHH_", xml:space="preserve" when needed.</summary>
    internal static Text T(string text)
    {
        var encoded = ExcelEscape(text);
        var t = new Text(encoded);
        if (encoded.Length > 0 && (char.IsWhiteSpace(encoded[0]) || char.IsWhiteSpace(encoded[^1])))
        {
            t.Space = SpaceProcessingModeValues.Preserve;
        }

        return t;
    }

    internal static string ExcelEscape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
            {
                builder.Append("_x005F_");
            }
            else if ((c < 0x20 && c != '\t' && c != '\n') || c is '\uFFFE' or '\uFFFF')
            {
                builder.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static Cell Styled(Cell cell, XlsxBuilder book, string? format)
    {
        if (format is not null)
        {
            cell.StyleIndex = book.Style(format);
        }

        return cell;
    }
}
