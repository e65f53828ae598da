using System.Globalization;
using System.Text;
using CsvHelper;
using Import.Sdk.Resources;

namespace Import.Sdk.Readers.Csv;

/// <summary>The problems of a row, found off the accepted path: bad quotes, a cell over the limit, a NUL character.</summary>
internal sealed partial class CsvTabularReader
{
    /// <summary>A record CsvHelper repaired (text after a closing quote, a stray quote, a quote never closed): rejected, never altered.</summary>
    private ReadProblem MalformedQuotes()
    {
        var csv = _csv;
        var column = ColumnAt(_malformed.ByteOffset - csv.ByteOffset);
        var raw = column < csv.FieldCount ? csv.GetRawSpan(column) : csv.RawRecord;
        _rawColumn = column;
        var value = CellText.Cut(raw);
        var message = _malformed.Reason == CsvMalformedReason.UnterminatedQuote
            ? Messages.Format(_ui, Messages.CsvQuoteUnterminated, ColumnName(column), raw.TrimEnd("\r\n"u8).Count((byte)'\n'), value)
            : Messages.Format(_ui, Messages.CsvQuoteMalformed, ColumnName(column), QuoteReason(_ui, _malformed.Reason), value);
        return new ReadProblem(IssueCodes.MalformedRow, message) { Column = column, Value = value };
    }

    /// <summary>The field of the current record that holds the byte at <paramref name="offset"/> from the record's start.</summary>
    private int ColumnAt(long offset)
    {
        var csv = _csv;
        long start = 0;
        for (var i = 0; i < csv.FieldCount - 1; i++)
        {
            start += csv.GetRawSpan(i).Length + 1; // the field and its separator
            if (offset < start)
            {
                return i;
            }
        }

        return Math.Max(0, csv.FieldCount - 1);
    }

    /// <summary>
    /// The record has more bytes than a cell may have characters, or than a record may have (CsvHelper reads such a record
    /// when it is already in its buffer): rejects a record over its limit as one too long to be read is, else finds a cell
    /// over its limit, if any.
    /// </summary>
    private ReadProblem? LongRecordOrCell(int recordLength)
    {
        var csv = _csv;
        if (recordLength > _maxRecordBytes)
        {
            var start = CellText.Cut(csv.RawRecord);
            _onSkippedRecord = true; // its cells are not given
            _special = true;
            return new ReadProblem(IssueCodes.TooLong, Messages.Format(_ui, Messages.CsvRecordTooLong, RowNumber, _maxRecordBytes, start)) { Value = start };
        }

        for (var i = 0; i < csv.FieldCount; i++)
        {
            var cell = csv.GetSpan(i);
            if (cell.Length <= _maxCellLength)
            {
                continue;
            }

            var length = Encoding.UTF8.GetCharCount(cell);
            if (length > _maxCellLength)
            {
                var value = CellText.Cut(cell);
                return new ReadProblem(IssueCodes.TooLong, Messages.Format(_ui, Messages.CsvCellTooLong, ColumnName(i), length, _maxCellLength, value)) { Column = i, Value = value };
            }
        }

        return null;
    }

    /// <summary>The record was read from a block holding a NUL byte: a NUL in a cell rejects the row, wherever it is in the file.</summary>
    private ReadProblem? NulCharacter()
    {
        var csv = _csv;
        if (!csv.RawRecord.Contains((byte)0))
        {
            return null;
        }

        for (var i = 0; i < csv.FieldCount; i++)
        {
            var cell = csv.GetSpan(i);
            if (cell.Contains((byte)0))
            {
                var value = CellText.Cut(cell);
                return new ReadProblem(IssueCodes.MalformedRow, Messages.Format(_ui, Messages.CsvNulCharacter, ColumnName(i), value)) { Column = i, Value = value };
            }
        }

        return null;
    }

    /// <summary>
    /// The record was read from a block holding U+FFFD, what the decoder puts for bytes it cannot decode (a UTF-16 file cut
    /// short or holding half a character): such a cell rejects its row instead of being
    /// stored altered.
    /// </summary>
    private ReadProblem? UndecodableCharacter()
    {
        var csv = _csv;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var cell = csv.GetSpan(i);
            if (cell.IndexOf("\uFFFD"u8) >= 0)
            {
                var value = CellText.Cut(cell);
                return new ReadProblem(IssueCodes.MalformedRow, Messages.Format(_ui, Messages.CsvUndecodableCharacter, ColumnName(i), value, Info.Encoding)) { Column = i, Value = value };
            }
        }

        return null;
    }

    /// <summary>A column as messages name it: its header, else its number.</summary>
    private string ColumnName(int column) =>
        column < Header.Count && Header[column].Length > 0 ? Header[column] : (column + 1).ToString(_ui);

    private static string QuoteReason(CultureInfo ui, CsvMalformedReason reason) => Messages.Format(ui, reason switch
    {
        CsvMalformedReason.TextAfterClosingQuote => Messages.CsvQuoteTextAfterClosing,
        CsvMalformedReason.StrayQuote => Messages.CsvQuoteStray,
        _ => Messages.CsvQuoteOther,
    });
}
