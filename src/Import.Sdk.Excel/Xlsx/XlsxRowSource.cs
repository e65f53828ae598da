// Why a plain XmlReader here, and not OpenXml's SAX reader (OpenXmlReader / SpreadsheetDocumentPartReader):
// on the 100k-row customers workbook of the throughput harness, iterating the sheet with OpenXmlReader alone — no cell
// logic — measured about 0.9 × ExcelDataReader's whole read, so no reader built on it could meet the target of
// ≥ 1.0 × ExcelDataReader (PERFORMANCE.md). A System.Xml.XmlReader pass with the same cell logic reached about 1.8 ×.
// So the package stays with the SDK's own layers — OpcPackage opens the ZIP, follows relationships and charges every
// inflated byte to the InflationBudget; the small workbook and styles parts are still read with OpenXml's SAX reader
// (XlsxWorkbook) — while the sheet XML (and the shared strings) are read here with a forward-only, streaming XmlReader over
// the part's budgeted stream: atomised names compared by reference, attributes walked with MoveToNextAttribute, values
// copied into a reused buffer and parsed in invariant culture, one string allocated per non-empty cell. Never a DOM.

using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Xml;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Packaging;
using Import.Sdk.Excel.Reading;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Xlsx;

// Over 400 lines, on purpose: the streamed sheet XML, its shared strings, styles and the cell-by-cell bounds are one XmlReader
// state walked once; split, each part would share that reader.

/// <summary>
/// Streams the rows of an XLSX worksheet (never the DOM): cells are placed at the column of their <c>r</c> reference (upper or
/// lower case; a missing or letterless reference follows the previous cell), rows without <c>r</c> follow the previous row,
/// and consecutive <c>&lt;row&gt;</c> elements with the same number are merged. A row whose end tag was read is always returned:
/// a failure met while looking for the next row (a cut file, the inflation limit) is thrown by the next call.
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    /// <summary>The number of rows of an Excel sheet.</summary>
    private const int MaxRows = 1 << 20;

    private readonly XlsxXmlReader _xml;
    private readonly XmlReader _reader;
    private readonly BudgetedStream _stream;
    private readonly SharedStringTable _sharedStrings;
    private readonly NumberFormatKind[] _formats;
    private readonly bool _date1904;
    private readonly long _declaredLength;
    private readonly long _fileLength;
    private readonly string _sheetData;
    private readonly string _row;
    private readonly string _c;
    private readonly string _v;
    private readonly string _is;
    private readonly string _r;
    private readonly string _s;
    private readonly string _t;
    private bool _inSheetData;
    private bool _done;
    private bool _pending;
    private bool _pendingEmpty;
    private int? _pendingNumber;
    private int _lastRow;
    private ExceptionDispatchInfo? _failure;

    public XlsxRowSource(BudgetedStream stream, long declaredLength, long fileLength, SharedStringTable sharedStrings, NumberFormatKind[] formats, bool date1904, int maxCellLength)
    {
        _stream = stream;
        _xml = new XlsxXmlReader(stream, maxCellLength);
        _reader = _xml.Reader;
        _sheetData = _xml.SheetData;
        _row = _xml.Row;
        _c = _xml.C;
        _v = _xml.V;
        _is = _xml.Is;
        _r = _xml.R;
        _s = _xml.S;
        _t = _xml.T;
        _declaredLength = declaredLength;
        _fileLength = fileLength;
        _sharedStrings = sharedStrings;
        _formats = formats;
        _date1904 = date1904;
    }

    /// <summary>The type of a cell, from its <c>t</c> attribute (ECMA-376 Part 1, 18.18.11 ST_CellType).</summary>
    private enum CellType
    {
        Number,
        SharedString,
        FormulaString,
        InlineString,
        Boolean,
        Error,
        Date,
        Unknown,
    }

    public long BytesRead => _fileLength > 0 && _declaredLength > 0
        ? (long)(_fileLength * Math.Min(1.0, (double)_stream.BytesRead / _declaredLength))
        : _stream.BytesRead;

    public bool TryReadRow(RowBuffer row)
    {
        _failure?.Throw(); // what followed the last row returned
        if (!_pending && !MoveToNextRow())
        {
            return false;
        }

        row.Clear();
        var number = _pendingNumber ?? _lastRow + 1;
        if (number > MaxRows)
        {
            // Excel's last row is 1,048,576 (and the number after int.MaxValue would be negative)
            ExcelThrow.Damaged(row.UiCulture, ExcelMessages.Format(row.UiCulture, ExcelMessages.RowOutOfRange, number));
        }

        row.RowNumber = number;
        while (true)
        {
            ReadCells(row);

            // The row's end tag was read: the row is whole. Looking for the next row (a row of the same number is merged) may hit
            // the end of a cut file or the inflation limit: that failure is kept for the next call, so this row is still returned.
            try
            {
                _pending = MoveToNextRow();
            }
            catch (Exception ex) when (ExcelThrow.IsFileDefect(ex) || ex is ImportException)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
                _pending = false;
                break;
            }

            if (!_pending || _pendingNumber != number)
            {
                break;
            }
        }

        _lastRow = number;
        return true;
    }

    public void Dispose() => _xml.Dispose();

    private static CellType Classify(ReadOnlySpan<char> type) => type.Length switch
    {
        1 => type[0] switch
        {
            'n' => CellType.Number,
            's' => CellType.SharedString,
            'b' => CellType.Boolean,
            'e' => CellType.Error,
            'd' => CellType.Date,
            _ => CellType.Unknown,
        },
        _ when type.SequenceEqual("inlineStr") => CellType.InlineString,
        _ when type.SequenceEqual("str") => CellType.FormulaString,
        _ => CellType.Unknown,
    };

    /// <summary>Moves to the next <c>&lt;row&gt;</c> start tag of <c>sheetData</c> and reads its number.</summary>
    private bool MoveToNextRow()
    {
        if (_done)
        {
            return false;
        }

        var reader = _reader;
        while (reader.Read())
        {
            var type = reader.NodeType;
            if (type == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (!_inSheetData)
                {
                    if (ReferenceEquals(name, _sheetData))
                    {
                        if (reader.IsEmptyElement)
                        {
                            break;
                        }

                        _inSheetData = true;
                    }

                    continue;
                }

                if (ReferenceEquals(name, _row))
                {
                    _pendingEmpty = reader.IsEmptyElement;
                    _pendingNumber = null;
                    while (reader.MoveToNextAttribute())
                    {
                        if (ReferenceEquals(reader.LocalName, _r))
                        {
                            _pendingNumber = int.TryParse(_xml.CopyAttributeValue(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;
                            break;
                        }
                    }

                    reader.MoveToElement();
                    return true;
                }

                if (ReferenceEquals(name, _c))
                {
                    throw Misplaced(reader); // a cell outside any row (or after a row nested in its row): never silently skipped
                }
            }
            else if (type == XmlNodeType.EndElement && _inSheetData && ReferenceEquals(reader.LocalName, _sheetData))
            {
                break;
            }
        }

        _done = true; // what follows sheetData is not read
        return false;
    }

    /// <summary>Reads the cells of the current row, from its start tag to its end tag.</summary>
    private void ReadCells(RowBuffer row)
    {
        if (_pendingEmpty)
        {
            return;
        }

        var reader = _reader;
        var column = -1;
        while (reader.Read())
        {
            var type = reader.NodeType;
            if (type == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (ReferenceEquals(name, _c))
                {
                    column = ReadCell(row, column);
                }
                else if (ReferenceEquals(name, _row))
                {
                    throw Misplaced(reader); // a row inside a row: its end tag would end the outer row early
                }
            }
            else if (type == XmlNodeType.EndElement && ReferenceEquals(reader.LocalName, _row))
            {
                return;
            }
        }
    }

    /// <summary>Reads one <c>&lt;c&gt;</c> into <paramref name="row"/>; leaves the reader on its end tag (or on it when empty).</summary>
    private int ReadCell(RowBuffer row, int previous)
    {
        var reader = _reader;
        var empty = reader.IsEmptyElement;
        var column = -1;
        var type = CellType.Number;
        var style = 0;
        while (reader.MoveToNextAttribute())
        {
            var name = reader.LocalName;
            if (ReferenceEquals(name, _r))
            {
                column = CellReference.ParseColumn(_xml.CopyAttributeValue());
            }
            else if (ReferenceEquals(name, _t))
            {
                type = Classify(_xml.CopyAttributeValue());
            }
            else if (ReferenceEquals(name, _s))
            {
                _ = int.TryParse(_xml.CopyAttributeValue(), NumberStyles.None, CultureInfo.InvariantCulture, out style);
            }
        }

        reader.MoveToElement();
        if (column < 0)
        {
            column = previous + 1;
        }

        // <v> is copied into the reader's buffer (and turned into a string only when the cell's text needs one); <f> and extLst are skipped.
        var hasValue = false;
        string? inline = null;
        (long Length, string Start)? tooLong = null; // a <v> or <is> longer than the limit: counted, never held
        (long Length, string Start)? pastRow = null; // an <is> that cannot fit in the row: never turned into a string
        if (!empty)
        {
            reader.Read();
            while (true)
            {
                var node = reader.NodeType;
                if (node == XmlNodeType.EndElement)
                {
                    break; // </c>: its children are all skipped or read to their end
                }

                if (node == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    if (ReferenceEquals(name, _v))
                    {
                        _xml.CopyElementText();
                        hasValue = !_xml.TooLong;
                        if (_xml.TooLong)
                        {
                            tooLong = (_xml.TooLongLength, _xml.TooLongStart);
                        }
                    }
                    else if (ReferenceEquals(name, _is))
                    {
                        if (hasValue && type != CellType.InlineString)
                        {
                            reader.Skip(); // the <v> decides (and is still in the reader's buffer, which the rich text would overwrite)
                            continue;
                        }

                        if (!_xml.ReadRichText())
                        {
                            tooLong = (_xml.TooLongLength, _xml.TooLongStart);
                        }
                        else if (_xml.Chars.Length > row.Room(column))
                        {
                            var chars = _xml.Chars;
                            pastRow = (chars.Length, new string(chars[..Math.Min(chars.Length, RowBuffer.QuotedLength)]));
                        }
                        else
                        {
                            inline = _xml.Chars.IsEmpty ? string.Empty : new string(_xml.Chars);
                        }
                    }
                    else
                    {
                        reader.Skip();
                        continue;
                    }
                }

                if (!reader.Read())
                {
                    break;
                }
            }
        }

        if (tooLong is { } text)
        {
            row.SetTooLong(column, text.Length, text.Start);
            return column;
        }

        if (pastRow is { } past && (!hasValue || type == CellType.InlineString))
        {
            row.SetPastRow(column, past.Length, past.Start); // the <is> is the cell's text, as below
            return column;
        }

        if (!hasValue && inline is not null)
        {
            row.Set(column, inline); // an <is> without <v>, whatever the cell's type says: its text is the cell's
            return column;
        }

        var value = hasValue ? _xml.Chars : [];
        switch (type)
        {
            case CellType.Number:
                row.Set(column, hasValue ? Number(value.Trim(), style) : null);
                break;
            case CellType.SharedString:
                if (hasValue && !value.Trim().IsEmpty)
                {
                    SharedString(value, row, column);
                }
                else
                {
                    row.Set(column, null); // <c t="s"/>, <v/>, <v></v>, <v> </v>: no index, an empty cell (as Excel and LibreOffice read it)
                }

                break;
            case CellType.FormulaString:
                SetText(row, column, hasValue, hasValue ? _xml.DecodeEscapes() : [], inline);
                break;
            case CellType.InlineString:
                SetText(row, column, hasValue && inline is null, value, inline);
                break;
            case CellType.Boolean:
                row.Set(column, hasValue ? Boolean(value) : null);
                break;
            case CellType.Error:
                row.SetError(column, hasValue ? new string(value.Trim()) : string.Empty);
                break;
            case CellType.Date:
                row.Set(column, hasValue ? CellText.IsoDate(new string(value)) : null);
                break;
            default:
                SetText(row, column, hasValue, value, inline);
                break;
        }

        return column;
    }

    /// <summary>A sheet whose rows and cells are not nested as SpreadsheetML says: reported as invalid XML at that place.</summary>
    private static XmlException Misplaced(XmlReader reader) => reader is IXmlLineInfo info
        ? new XmlException("misplaced row or cell", null, info.LineNumber, info.LinePosition)
        : new XmlException("misplaced row or cell");

    /// <summary>Sets a text cell from its <c>&lt;v&gt;</c> (in the reader's buffer: a text past the row is never built) or its <c>&lt;is&gt;</c>.</summary>
    private static void SetText(RowBuffer row, int column, bool fromValue, ReadOnlySpan<char> value, string? inline)
    {
        if (fromValue)
        {
            row.Set(column, value);
        }
        else
        {
            row.Set(column, inline);
        }
    }

    private static string Boolean(ReadOnlySpan<char> value) => value.Trim() switch
    {
        "1" or "true" or "TRUE" => CellText.True,
        "0" or "false" or "FALSE" => CellText.False,
        _ => new string(value),
    };

    private string Number(ReadOnlySpan<char> value, int style)
    {
        var kind = (uint)style < (uint)_formats.Length ? _formats[style] : NumberFormatKind.Number;
        if (kind != NumberFormatKind.Number
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && CellText.Serial(serial, _date1904, kind) is { } date)
        {
            return date;
        }

        return CellText.NumberLiteral(value);
    }

    private void SharedString(ReadOnlySpan<char> value, RowBuffer row, int column)
    {
        var index = uint.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var i) ? i : uint.MaxValue;
        _sharedStrings.SetCell(row, column, index, value.Trim());
    }
}
