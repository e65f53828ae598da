using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Packaging;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Xlsx;

/// <summary>
/// Streams the rows of an XLSX worksheet with OpenXml's SAX reader (never the DOM): cells are placed at the column of
/// their <c>r</c> reference (upper or lower case; a missing or letterless reference follows the previous cell), rows
/// without <c>r</c> follow the previous row, and consecutive <c>&lt;row&gt;</c> elements with the same number are merged.
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    private readonly OpenXmlReader _reader;
    private readonly BudgetedStream _stream;
    private readonly IReadOnlyList<string> _sharedStrings;
    private readonly NumberFormatKind[] _formats;
    private readonly bool _date1904;
    private readonly long _declaredLength;
    private readonly long _fileLength;
    private readonly StringBuilder _builder = new();
    private bool _inSheetData;
    private bool _done;
    private bool _pending;
    private int? _pendingNumber;
    private int _lastRow;

    public XlsxRowSource(BudgetedStream stream, long declaredLength, long fileLength, IReadOnlyList<string> sharedStrings, NumberFormatKind[] formats, bool date1904)
    {
        _stream = stream;
        _reader = XlsxParts.Open(stream);
        _declaredLength = declaredLength;
        _fileLength = fileLength;
        _sharedStrings = sharedStrings;
        _formats = formats;
        _date1904 = date1904;
    }

    public long BytesRead => _fileLength > 0 && _declaredLength > 0
        ? (long)(_fileLength * Math.Min(1.0, (double)_stream.BytesRead / _declaredLength))
        : _stream.BytesRead;

    public bool TryReadRow(RowBuffer row)
    {
        if (!_pending && !MoveToNextRow())
        {
            return false;
        }

        row.Clear();
        var number = _pendingNumber ?? _lastRow + 1;
        row.RowNumber = number;
        while (true)
        {
            ReadCells(row);
            _pending = MoveToNextRow();
            if (!_pending || _pendingNumber != number)
            {
                break;
            }
        }

        _lastRow = number;
        return true;
    }

    public void Dispose() => _reader.Dispose();

    private bool MoveToNextRow()
    {
        if (_done)
        {
            return false;
        }

        while (_reader.Read())
        {
            var name = _reader.LocalName;
            if (!_inSheetData)
            {
                if (_reader.IsStartElement && name == "sheetData")
                {
                    _inSheetData = true;
                }

                continue;
            }

            if (_reader.IsStartElement && name == "row")
            {
                _pendingNumber = int.TryParse(XlsxParts.Attribute(_reader, "r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;
                return true;
            }

            if (_reader.IsEndElement && name == "sheetData")
            {
                break;
            }
        }

        _done = true; // what follows sheetData is not read
        return false;
    }

    private void ReadCells(RowBuffer row)
    {
        var column = -1;
        while (_reader.Read())
        {
            if (_reader.IsEndElement)
            {
                if (_reader.LocalName == "row")
                {
                    return;
                }

                continue;
            }

            if (_reader.IsStartElement && _reader.LocalName == "c")
            {
                column = ReadCell(row, column);
            }
        }
    }

    private int ReadCell(RowBuffer row, int previous)
    {
        string? reference = null, type = null;
        var style = 0;
        var attributes = _reader.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            switch (attribute.LocalName)
            {
                case "r":
                    reference = attribute.Value;
                    break;
                case "t":
                    type = attribute.Value;
                    break;
                case "s":
                    _ = int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out style);
                    break;
            }
        }

        var column = reference is null ? -1 : CellReference.ParseColumn(reference);
        if (column < 0)
        {
            column = previous + 1;
        }

        string? value = null, inline = null;
        while (_reader.Read())
        {
            var name = _reader.LocalName;
            if (_reader.IsEndElement)
            {
                if (name == "c")
                {
                    break;
                }

                continue;
            }

            if (name == "v")
            {
                value = _reader.GetText();
            }
            else if (name == "is")
            {
                inline = XlsxParts.ReadRichText(_reader, "is", _builder);
            }
        }

        switch (type)
        {
            case null or "n":
                row.Set(column, value is null ? null : Number(value, style));
                break;
            case "s":
                row.Set(column, SharedString(value, row));
                break;
            case "str":
                row.Set(column, value is null ? inline : XlsxParts.DecodeEscapes(value));
                break;
            case "inlineStr":
                row.Set(column, inline ?? value);
                break;
            case "b":
                row.Set(column, value is null ? null : value.Trim() switch
                {
                    "1" or "true" or "TRUE" => CellText.True,
                    "0" or "false" or "FALSE" => CellText.False,
                    _ => value,
                });
                break;
            case "e":
                row.SetError(column, value?.Trim() ?? string.Empty);
                break;
            case "d":
                row.Set(column, value is null ? null : CellText.IsoDate(value));
                break;
            default:
                row.Set(column, value ?? inline);
                break;
        }

        return column;
    }

    private string Number(string value, int style)
    {
        var kind = (uint)style < (uint)_formats.Length ? _formats[style] : NumberFormatKind.Number;
        if (kind != NumberFormatKind.Number
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && CellText.Serial(serial, _date1904, kind) is { } date)
        {
            return date;
        }

        return CellText.NumberLiteral(value.Trim());
    }

    private string? SharedString(string? value, RowBuffer row)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count)
        {
            return _sharedStrings[index];
        }

        ExcelThrow.Damaged(row.UiCulture, string.Create(CultureInfo.InvariantCulture, $"shared string {value} does not exist"), row.RowNumber);
        return null;
    }
}
