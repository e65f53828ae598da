using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Import.Sdk.Excel.Templates;

/// <summary>Builds the template workbook with the OpenXml DOM (see <see cref="ExcelTemplate"/>).</summary>
internal static class TemplateWorkbook
{
    /// <summary>The name of the hidden sheet holding the lists too long to be written inline.</summary>
    public const string ListsSheetName = "Listes";

    /// <summary>The last row covered by the drop-down lists (the whole sheet below the header).</summary>
    public const int LastRow = 1_048_576;

    /// <summary>The longest list Excel accepts inline in a data validation formula.</summary>
    public const int MaxInlineListLength = 255;

    private const int MaxSheetNameLength = 31;
    private const double MinWidth = 10;
    private const double MaxWidth = 60;
    private const uint DecimalFormatId = 164;
    private const uint DateFormatId = 165;
    private const uint IntegerFormatId = 1; // built-in "0"
    private const uint TextFormatId = 49; // built-in "@"

    private static readonly string[] BooleanValues = ["oui", "non"];
    private static readonly DateOnly FirstExactSerialDate = new(1900, 3, 1);

    public static void Write(EntitySchema schema, IReadOnlyList<string?>? exampleRow, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();

        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = CreateStylesheet();
        styles.Stylesheet.Save();

        var strings = new SharedStrings();
        var fields = schema.Fields;
        var mainName = SheetName(schema.LabelFr, schema.Name);
        var listsName = string.Equals(mainName, ListsSheetName, StringComparison.OrdinalIgnoreCase) ? ListsSheetName + " (valeurs)" : ListsSheetName;

        // columns: format, width
        var columns = new Columns();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var example = exampleRow?[i] ?? string.Empty;
            var longest = Math.Max(field.LabelFr.Length, example.Length);
            foreach (var value in ListOf(field))
            {
                longest = Math.Max(longest, value.Length);
            }

            var column = (uint)(i + 1);
            columns.Append(new Column
            {
                Min = column,
                Max = column,
                Width = Math.Clamp(longest + 3, MinWidth, MaxWidth),
                CustomWidth = true,
                Style = (uint)ColumnStyle(field.Type),
            });
        }

        // header and example rows
        var sheetData = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < fields.Count; i++)
        {
            header.Append(strings.Cell(Reference(i, 1), fields[i].LabelFr, Style.Header));
        }

        sheetData.Append(header);
        if (exampleRow is not null)
        {
            var row = new Row { RowIndex = 2 };
            for (var i = 0; i < fields.Count; i++)
            {
                if (ExampleCell(fields[i], exampleRow[i], Reference(i, 2), strings) is { } cell)
                {
                    row.Append(cell);
                }
            }

            if (row.HasChildren)
            {
                sheetData.Append(row);
            }
        }

        // drop-down lists
        var validations = new DataValidations();
        var longLists = new List<(FieldDefinition Field, IReadOnlyList<string> Values)>();
        for (var i = 0; i < fields.Count; i++)
        {
            var values = ListOf(fields[i]);
            if (values.Count == 0)
            {
                continue;
            }

            string formula;
            if (CanBeInline(values))
            {
                formula = "\"" + string.Join(',', values) + "\"";
            }
            else
            {
                var listColumn = ColumnName(longLists.Count);
                longLists.Add((fields[i], values));
                formula = string.Create(CultureInfo.InvariantCulture, $"{QuoteSheet(listsName)}!${listColumn}$2:${listColumn}${values.Count + 1}");
            }

            var column = ColumnName(i);
            validations.Append(new DataValidation
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorStyle = DataValidationErrorStyleValues.Warning,
                ErrorTitle = "Valeur non prévue",
                Error = "Choisissez une valeur de la liste.",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Create(CultureInfo.InvariantCulture, $"{column}2:{column}{LastRow}") },
                Formula1 = new Formula1(formula),
            });
        }

        validations.Count = (uint)validations.ChildElements.Count;

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            sheetData);
        if (validations.HasChildren)
        {
            worksheet.Append(validations);
        }

        var sheets = new Sheets();
        var mainPart = workbookPart.AddNewPart<WorksheetPart>();
        mainPart.Worksheet = worksheet;
        mainPart.Worksheet.Save();
        sheets.Append(new Sheet { Name = mainName, SheetId = 1, Id = workbookPart.GetIdOfPart(mainPart) });

        if (longLists.Count > 0)
        {
            var listsPart = workbookPart.AddNewPart<WorksheetPart>();
            listsPart.Worksheet = ListsWorksheet(longLists, strings);
            listsPart.Worksheet.Save();
            sheets.Append(new Sheet { Name = listsName, SheetId = 2, Id = workbookPart.GetIdOfPart(listsPart), State = SheetStateValues.Hidden });
        }

        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        stringsPart.SharedStringTable = strings.Table;
        stringsPart.SharedStringTable.Save();

        workbookPart.Workbook.Append(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
        workbookPart.Workbook.Save();
    }

    /// <summary>The values of the drop-down list of a field: an enum's allowed values, <c>oui</c>/<c>non</c> for a boolean, none otherwise.</summary>
    public static IReadOnlyList<string> ListOf(FieldDefinition field) => field.Type switch
    {
        FieldType.Enum => field.AllowedValues,
        FieldType.Boolean => BooleanValues,
        _ => [],
    };

    /// <summary>The column letters of a zero-based column index (0 → A, 26 → AA).</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>A valid sheet name from a label: Excel's forbidden characters removed, 31 characters at most.</summary>
    public static string SheetName(string label, string fallback)
    {
        var chars = label.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']') && !char.IsControl(c)).ToArray();
        var name = new string(chars).Trim().Trim('\'').Trim();
        if (name.Length == 0)
        {
            name = string.IsNullOrWhiteSpace(fallback) ? "Modèle" : SheetName(fallback, "Modèle");
        }

        return name.Length > MaxSheetNameLength ? name[..MaxSheetNameLength].TrimEnd() : name;
    }

    private static bool CanBeInline(IReadOnlyList<string> values)
    {
        var length = values.Count - 1;
        foreach (var value in values)
        {
            if (value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal))
            {
                return false;
            }

            length += value.Length;
        }

        return length <= MaxInlineListLength;
    }

    private static string QuoteSheet(string name) =>
        name.All(char.IsAsciiLetterOrDigit) ? name : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Reference(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static Style ColumnStyle(FieldType type) => type switch
    {
        FieldType.Decimal => Style.Decimal,
        FieldType.Integer => Style.Integer,
        FieldType.Date => Style.Date,
        _ => Style.Text,
    };

    private static Cell? ExampleCell(FieldDefinition field, string? example, string reference, SharedStrings strings)
    {
        if (string.IsNullOrEmpty(example))
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Decimal when TemplateValues.TryParseNumber(example, out var number):
                return NumberCell(reference, number.ToString(CultureInfo.InvariantCulture), Style.Decimal);
            case FieldType.Integer when TemplateValues.TryParseInteger(example, out var integer):
                return NumberCell(reference, decimal.Truncate(integer).ToString(CultureInfo.InvariantCulture), Style.Integer);
            case FieldType.Date when TemplateValues.TryParseDate(example, out var date) && date >= FirstExactSerialDate:
                return NumberCell(reference, TemplateValues.Serial(date).ToString(CultureInfo.InvariantCulture), Style.Date);
            default:
                return strings.Cell(reference, example, Style.Text);
        }
    }

    private static Cell NumberCell(string reference, string value, Style style) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = (uint)style };

    private static Worksheet ListsWorksheet(List<(FieldDefinition Field, IReadOnlyList<string> Values)> lists, SharedStrings strings)
    {
        var columns = new Columns();
        var height = 1 + lists.Max(l => l.Values.Count);
        var rows = new Row[height];
        for (var r = 0; r < height; r++)
        {
            rows[r] = new Row { RowIndex = (uint)(r + 1) };
        }

        for (var c = 0; c < lists.Count; c++)
        {
            var (field, values) = lists[c];
            rows[0].Append(strings.Cell(Reference(c, 1), field.LabelFr, Style.Header));
            var longest = field.LabelFr.Length;
            for (var v = 0; v < values.Count; v++)
            {
                rows[v + 1].Append(strings.Cell(Reference(c, v + 2), values[v], Style.Text));
                longest = Math.Max(longest, values[v].Length);
            }

            var column = (uint)(c + 1);
            columns.Append(new Column { Min = column, Max = column, Width = Math.Clamp(longest + 3, MinWidth, MaxWidth), CustomWidth = true });
        }

        var sheetData = new SheetData();
        sheetData.Append(rows.Where(r => r.HasChildren));
        return new Worksheet(columns, sheetData);
    }

    private static Stylesheet CreateStylesheet()
    {
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DecimalFormatId, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" })
        { Count = 2 };
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };
        var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };

        // in the order of Style
        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = TextFormatId, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = TextFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DecimalFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = IntegerFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 6 };
        var cellStyles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };
        return new Stylesheet(numberFormats, fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles);
    }

    /// <summary>The cell formats of the stylesheet (indexes into <c>cellXfs</c>).</summary>
    private enum Style : uint
    {
        Default = 0,
        Header = 1,
        Text = 2,
        Decimal = 3,
        Integer = 4,
        Date = 5,
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private uint _references;

        public SharedStringTable Table { get; } = new();

        public Cell Cell(string reference, string text, Style style)
        {
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _indexes.Count;
                _indexes.Add(text, index);
                var item = new Text(text);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    item.Space = SpaceProcessingModeValues.Preserve;
                }

                Table.Append(new SharedStringItem(item));
            }

            Table.Count = ++_references;
            Table.UniqueCount = (uint)_indexes.Count;
            return new Cell
            {
                CellReference = reference,
                DataType = CellValues.SharedString,
                CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)),
                StyleIndex = (uint)style,
            };
        }
    }
}
