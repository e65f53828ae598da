using CsvHelper;
using Import.Sdk.Resources;

namespace Import.Sdk.Readers.Csv;

/// <summary>
/// A record over <see cref="ReaderOptions.MaxRecordBytes"/>: CsvHelper stops for good, so the reader finds the record's end
/// itself, in bounded memory, returns the record as a rejected row, and reads on with a new CsvHelper reader after it.
/// </summary>
internal sealed partial class CsvTabularReader
{
    private async ValueTask<bool> SkipRecordAsync(CsvFormatException ex, CancellationToken cancellationToken)
    {
        var row = checked((int)(_recordBase + ex.RecordNumber));
        var start = _offsetBase + ex.ByteOffset;
        if (ex.RecordNumber <= 0 || start < _input.Oldest || _input.Delivered - start < _maxRecordBytes)
        {
            // Not a record over the limit, or one whose start is not remembered: nothing can be read from there on.
            throw new MalformedFileException(Messages.Format(_ui, Messages.RowUnreadable, Math.Max(row, RowNumber + 1)), ex) { Row = Math.Max(row, RowNumber + 1) };
        }

        var seen = await _input.CopySinceAsync(start, cancellationToken).ConfigureAwait(false);
        var value = CellText.Cut(seen);
        var finder = new RecordEndFinder(_separator);
        var end = finder.Feed(seen);
        byte[]? rest = end >= 0 ? seen[end..] : null;
        long lines = rest is null ? seen.AsSpan().TrimEnd("\r\n"u8).Count((byte)'\n') : 0; // of a record that runs to the end
        var endsWithLineBreak = seen.Length > 0 && seen[^1] == (byte)'\n';
        seen = [];
        if (rest is null)
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await _input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                end = finder.Feed(buffer.AsSpan(0, read));
                if (end >= 0)
                {
                    rest = buffer[end..read];
                    break;
                }

                var block = buffer.AsSpan(0, read);
                lines += (endsWithLineBreak ? 1 : 0) + block.TrimEnd("\r\n"u8).Count((byte)'\n');
                endsWithLineBreak = block[^1] == (byte)'\n';
            }
        }

        await _csv.DisposeAsync().ConfigureAwait(false);
        _malformed.Reset();
        if (rest is null)
        {
            _atEnd = true; // the record runs to the end of the file
        }
        else
        {
            _offsetBase = _input.Delivered - rest.Length;
            _rowBase = row;
            _recordBase = row;
        }

        var prefix = rest ?? [];
        _csv = CsvReader.Create(new PrefixedStream(prefix, prefix.Length, _input), _resumeOptions, leaveOpen: true); // _input is disposed with the reader
        _onSkippedRecord = true;
        _special = true;
        _rawColumn = -1;
        RowNumber = row;
        // A quote never closed is the cause, as in a shorter record (malformed_row); else the record is just too long.
        RowProblem = rest is null && finder.InQuotes
            ? new ReadProblem(IssueCodes.MalformedRow, Messages.Format(_ui, Messages.CsvRecordTooLongToEnd, row, _maxRecordBytes, value, lines)) { Value = value }
            : new ReadProblem(IssueCodes.TooLong, Messages.Format(_ui, Messages.CsvRecordTooLong, row, _maxRecordBytes, value)) { Value = value };
        return true;
    }
}
