using System.Text;
using CsvHelper;
using Import.Sdk.Resources;

namespace Import.Sdk.Readers.Csv;

// Over 400 lines (with its partial file for the header), on purpose: CsvHelper's reading, the repairs it makes, the bounds per
// cell and record, and the row numbers all turn on one parser state; split, each part would reach into it.

/// <summary>
/// Reads CSV/TXT/TSV on CsvHelper 34's UTF-8 <see cref="CsvReader"/>; other encodings go through a transcoding stream. A row
/// CsvHelper had to repair (bad quotes), a row holding a NUL character, a cell over <see cref="ReaderOptions.MaxCellLength"/>
/// and a record over <see cref="ReaderOptions.MaxRecordBytes"/> are returned with a <see cref="RowProblem"/>, and reading goes on.
/// </summary>
internal sealed partial class CsvTabularReader : ITabularReader, IRowCellReader
{
    private const int HeadSize = 1 << 16;
    private readonly CountingStream _counter;
    private readonly RecentBytesStream _input;
    private readonly CsvReaderOptions _resumeOptions;
    private readonly System.Globalization.CultureInfo _ui;
    private readonly MalformedTracker _malformed;
    private readonly int _maxCellLength;
    private readonly int _maxRecordBytes;
    private readonly int _checkLengthAbove; // the smaller of the two limits
    private readonly byte _separator;
    private CsvReader _csv;
    private int _rowBase;          // RowNumber = _rowBase + CsvHelper's RowNumber
    private long _recordBase;      // the row of CsvHelper's record number n (the header is record 1) is _recordBase + n
    private long _offsetBase;      // the offset in the input of CsvHelper's byte offset 0
    private bool _special;         // positioned on a record too long to read, or past the end
    private bool _onSkippedRecord;
    private bool _atEnd;
    private int _rawColumn = -1;   // the cell of the current (malformed) row given as found in the file, not as CsvHelper repaired it

    private CsvTabularReader(CsvReader csv, CountingStream counter, RecentBytesStream input, CsvReaderOptions resumeOptions, SourceInfo info, IReadOnlyList<string> header, int headerRow, int rowBase, long? totalBytes, ReaderOptions options, MalformedTracker malformed)
    {
        RowNumber = headerRow;
        _rowBase = rowBase;
        _malformed = malformed;
        _ui = options.UiCulture;
        _maxCellLength = options.MaxCellLength;
        _maxRecordBytes = options.MaxRecordBytes;
        _checkLengthAbove = Math.Min(_maxCellLength, _maxRecordBytes);
        _csv = csv;
        _counter = counter;
        _input = input;
        _resumeOptions = resumeOptions;
        _separator = (byte)csv.Separator;
        Info = info;
        Header = header;
        TotalBytes = totalBytes;
    }

    public SourceInfo Info { get; private set; }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber { get; private set; }

    public int FieldCount => _onSkippedRecord ? Header.Count : _csv.FieldCount;

    public ReadProblem? RowProblem { get; private set; }

    public long BytesRead => _counter.BytesRead;

    public long? TotalBytes { get; }

    public static async ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken)
    {
        var counter = new CountingStream(stream);
        var start = stream.CanSeek ? stream.Position : 0;
        try
        {
            var (encoding, encodingName, decoded) = await DetectEncodingAsync(stream, counter, options, cancellationToken).ConfigureAwait(false);
            var malformed = new MalformedTracker();

            // Fewer, larger reads: each asynchronous read of a file is a hop through the thread pool (64 KiB: ~3,000 per 190 MB).
            var bufferSize = (int)Math.Clamp(totalBytes ?? 0, 1 << 16, 1 << 20);
            var rereadable = ReferenceEquals(decoded, counter) && stream.CanSeek ? stream : null; // a file read as is (UTF-8)
            var input = new RecentBytesStream(decoded, RecentCapacity(options.MaxRecordBytes, bufferSize), totalBytes, rereadable, start)
            {
                // the encodings whose undecodable sequences become U+FFFD (UTF-8 reads stray bytes as Windows-1252)
                WatchReplacementCharacter = encoding.CodePage is 1200 or 1201,
            };
            var csvOptions = CsvReaderOptions.Default with
            {
                Separator = options.Delimiter,
                SkipEmptyLines = false,
                MaxRecordSize = options.MaxRecordBytes,
                OnMalformedRecord = malformed.Record,
                BufferSize = bufferSize,
            };
            var csv = CsvReader.Create(input, csvOptions, leaveOpen: true);
            try
            {
                var headerRow = await ReadHeaderAsync(csv, options.UiCulture, cancellationToken).ConfigureAwait(false);
                CheckHeader(csv, input, malformed, headerRow, options.UiCulture);
                var header = csv.Headers.Select(h => h.Trim()).ToArray();
                if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
                {
                    throw new MalformedFileException(Messages.Format(options.UiCulture, Messages.EmptyFile)) { Row = headerRow };
                }

                var separator = csv.Separator;
                var info = new SourceInfo("csv", encodingName, separator.ToString(), null, []);
                var resume = csvOptions with { Separator = separator, HasHeader = false, DetectSeparatorHint = false };
                // CsvHelper numbers the data records after the header, counting the blank lines above a header found lower
                var rowBase = checked(headerRow - (int)csv.RowNumber);
                return new CsvTabularReader(csv, counter, input, resume, info, header, headerRow, rowBase, totalBytes, options, malformed);
            }
            catch
            {
                await csv.DisposeAsync().ConfigureAwait(false);
                await input.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            await counter.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What the input must remember to skip a record CsvHelper gives up on: all it buffers, about twice its limit.</summary>
    private static int RecentCapacity(int maxRecordBytes, int bufferSize) =>
        (int)Math.Min(Array.MaxLength, (2L * maxRecordBytes) + (2L * bufferSize) + (1 << 16));

    /// <summary>The header is no row that can be rejected: bad quotes or a NUL in it refuse the file.</summary>
    private static void CheckHeader(CsvReader csv, RecentBytesStream input, MalformedTracker malformed, int headerRow, System.Globalization.CultureInfo ui)
    {
        if (malformed.RecordNumber == headerRow)
        {
            throw new MalformedFileException(malformed.Reason == CsvMalformedReason.UnterminatedQuote
                ? Messages.Format(ui, Messages.UnterminatedQuote)
                : Messages.Format(ui, Messages.CsvHeaderQuoteMalformed, QuoteReason(ui, malformed.Reason), CellText.Cut(malformed.RawRecord))) { Row = headerRow };
        }

        if (input.NulUntil > 0)
        {
            var headers = csv.Headers;
            for (var i = 0; i < headers.Count; i++)
            {
                if (headers[i].Contains('\0', StringComparison.Ordinal))
                {
                    throw new MalformedFileException(Messages.Format(ui, Messages.CsvHeaderNul, i + 1, CellText.Cut(headers[i]))) { Row = headerRow };
                }
            }
        }
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        // CsvHelper returns buffered records without looking at the token: a cancelled import would go on to the next block
        cancellationToken.ThrowIfCancellationRequested();
        if (_special)
        {
            _onSkippedRecord = false;
            _special = _atEnd;
            RowProblem = null;
            if (_atEnd)
            {
                return new ValueTask<bool>(false);
            }
        }

        // CsvHelper completes synchronously while records are buffered: no state machine per row, only when it waits for bytes.
        while (true)
        {
            ValueTask<bool> pending;
            try
            {
                pending = _csv.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException ex)
            {
                return SkipRecordAsync(ex, cancellationToken);
            }

            if (!pending.IsCompletedSuccessfully)
            {
                return ReadSlowAsync(pending, cancellationToken);
            }

            if (!pending.Result)
            {
                return new ValueTask<bool>(false);
            }

            if (OnRecord())
            {
                return new ValueTask<bool>(true);
            }
        }
    }

    private async ValueTask<bool> ReadSlowAsync(ValueTask<bool> pending, CancellationToken cancellationToken)
    {
        bool more;
        try
        {
            more = await pending.ConfigureAwait(false);
        }
        catch (CsvFormatException ex)
        {
            return await SkipRecordAsync(ex, cancellationToken).ConfigureAwait(false);
        }

        if (!more)
        {
            return false;
        }

        return OnRecord() || await ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the record CsvHelper has just read; false for an empty line, separators only (an emptied Excel row) or a DOS end-of-file mark: counted, not returned.</summary>
    private bool OnRecord()
    {
        var csv = _csv;
        RowNumber = checked(_rowBase + (int)csv.RowNumber);
        _rawColumn = -1;
        if (_malformed.RecordNumber + _recordBase == RowNumber)
        {
            RowProblem = MalformedQuotes();
            return true;
        }

        if (IsBlank(csv))
        {
            return false;
        }

        // Cheap checks of the accepted path: a cell cannot hold more characters than its record has bytes, and NUL bytes
        // are only looked for in the rows read from a block that holds one.
        var length = csv.RawRecord.Length;
        RowProblem = length > _checkLengthAbove ? LongRecordOrCell(length) : null;
        if (RowProblem is null && _offsetBase + csv.ByteOffset < _input.NulUntil)
        {
            RowProblem = NulCharacter();
        }

        if (RowProblem is null && _offsetBase + csv.ByteOffset < _input.ReplacementUntil)
        {
            RowProblem = UndecodableCharacter();
        }

        return true;
    }

    public string GetString(int index)
    {
        if (RowProblem is not null)
        {
            return ProblemRowCell(index);
        }

        return index < _csv.FieldCount ? _csv.GetString(index) : string.Empty;
    }

    public void CopyCells(string?[] cells, CellChars? chars, int[]? bounds)
    {
        if (RowProblem is not null)
        {
            // A rejected row: every cell as a string (a cell over the limit cut short), none in the batch's characters.
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = ProblemRowCell(i);
            }

            return;
        }

        var csv = _csv;
        var count = Math.Min(cells.Length, csv.FieldCount);

        if (chars is null)
        {
            for (var i = 0; i < count; i++)
            {
                cells[i] = csv.GetString(i);
            }
        }
        else
        {
            var slots = chars.Slots;
            for (var i = 0; i < count; i++)
            {
                var slot = i < slots.Length ? slots[i] : -1;
                if (slot < 0)
                {
                    cells[i] = csv.GetString(i);
                }
                else
                {
                    bounds![2 * slot] = chars.Append(csv.GetSpan(i), out bounds[(2 * slot) + 1]);
                    cells[i] = null;
                }
            }
        }

        cells.AsSpan(count).Fill(string.Empty);
    }

    /// <summary>
    /// A cell of a rejected row, as the report keeps it: a cell over <see cref="ReaderOptions.MaxCellLength"/> cut short, the
    /// cell with bad quotes as found in the file (not as CsvHelper repaired it), none for a record over its limit.
    /// </summary>
    private string ProblemRowCell(int index)
    {
        var csv = _csv;
        if (_onSkippedRecord || index >= csv.FieldCount)
        {
            return string.Empty;
        }

        var cell = index == _rawColumn ? csv.GetRawSpan(index) : csv.GetSpan(index);
        if (cell.Length > _maxCellLength && Encoding.UTF8.GetCharCount(cell) > _maxCellLength)
        {
            return CellText.Cut(cell);
        }

        return index == _rawColumn ? Encoding.UTF8.GetString(cell) : csv.GetString(index);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync().ConfigureAwait(false);
        await _input.DisposeAsync().ConfigureAwait(false);
    }

    private static async ValueTask<(Encoding Encoding, string Name, Stream Input)> DetectEncodingAsync(Stream raw, CountingStream counter, ReaderOptions options, CancellationToken cancellationToken)
    {
        if (options.Encoding is { } forced)
        {
            return forced.CodePage == Encoding.UTF8.CodePage
                ? (forced, "utf-8", counter)
                : (forced, TextEncodingDetector.NameOf(forced), Encoding.CreateTranscodingStream(counter, forced, Encoding.UTF8, leaveOpen: false));
        }

        var head = new byte[HeadSize];
        var headLength = 0;
        Stream source = counter;
        if (raw.CanSeek)
        {
            var start = raw.Position;
            headLength = await raw.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            raw.Position = start;
        }
        else
        {
            headLength = await counter.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            source = new PrefixedStream(head, headLength, counter);
        }

        var kind = TextEncodingDetector.FromHead(head.AsSpan(0, headLength));
        switch (kind)
        {
            case TextEncodingDetector.Kind.Binary:
                throw new MalformedFileException(Messages.Format(options.UiCulture, Messages.NotText));
            case TextEncodingDetector.Kind.Utf8Bom:
                return (Encoding.UTF8, "utf-8-bom", source);
            case TextEncodingDetector.Kind.Utf16Le:
                return (Encoding.Unicode, "utf-16le", Encoding.CreateTranscodingStream(source, Encoding.Unicode, Encoding.UTF8, leaveOpen: false));
            case TextEncodingDetector.Kind.Utf16Be:
                return (Encoding.BigEndianUnicode, "utf-16be", Encoding.CreateTranscodingStream(source, Encoding.BigEndianUnicode, Encoding.UTF8, leaveOpen: false));
        }

        bool oem;
        if (raw.CanSeek)
        {
            var start = raw.Position;
            var invalidAt = await TextEncodingDetector.FindInvalidUtf8Async(raw, cancellationToken).ConfigureAwait(false);
            raw.Position = start;
            if (invalidAt < 0)
            {
                return (Encoding.UTF8, "utf-8", source);
            }

            var mostlyUtf8 = await TextEncodingDetector.IsMostlyUtf8Async(raw, cancellationToken).ConfigureAwait(false);
            raw.Position = start;
            if (mostlyUtf8)
            {
                // UTF-8 with a few stray bytes: each stray byte is read as its Windows-1252 character, the rest as UTF-8.
                var mixedUtf8 = TextEncodingDetector.Utf8WithWindows1252Fallback;
                return (mixedUtf8, "utf-8", Encoding.CreateTranscodingStream(source, mixedUtf8, Encoding.UTF8, leaveOpen: false));
            }

            // Not UTF-8: an ANSI (Windows-1252) or a DOS (CP850) export. The head decides when it holds enough evidence; else the
            // rest of the file is scored from the block where UTF-8 failed (every byte before it is ASCII or UTF-8, no evidence).
            oem = await TextEncodingDetector.PrefersOem850Async(raw, head.AsMemory(0, headLength), headIsWhole: headLength < head.Length, invalidAt, cancellationToken).ConfigureAwait(false);
        }
        else if (TextEncodingDetector.IsValidUtf8Head(head.AsSpan(0, headLength), complete: headLength < head.Length)
            || TextEncodingDetector.IsMostlyUtf8(head.AsSpan(0, headLength), complete: headLength < head.Length))
        {
            // The rest cannot be checked before reading: decode it as UTF-8, and read any byte that is not UTF-8 as Windows-1252
            // (a mostly UTF-8 export with a few ANSI characters), so that no character is lost.
            var mixed = TextEncodingDetector.Utf8WithWindows1252Fallback;
            return (mixed, "utf-8", Encoding.CreateTranscodingStream(source, mixed, Encoding.UTF8, leaveOpen: false));
        }
        else
        {
            // Only the head can be scored before reading.
            oem = TextEncodingDetector.PrefersOem850(head.AsSpan(0, headLength));
        }

        var (singleByte, name) = oem
            ? (TextEncodingDetector.Oem850, TextEncodingDetector.Oem850Name)
            : (TextEncodingDetector.Windows1252, TextEncodingDetector.Windows1252Name);
        return (singleByte, name, Encoding.CreateTranscodingStream(source, singleByte, Encoding.UTF8, leaveOpen: false));
    }

    /// <summary>Remembers the last malformed record CsvHelper reported (it reports it just before returning it, the header included).</summary>
    private sealed class MalformedTracker
    {
        public long RecordNumber { get; private set; } = -1;

        public CsvMalformedReason Reason { get; private set; }

        /// <summary>Gets the offset, in CsvHelper's input, of the problem.</summary>
        public long ByteOffset { get; private set; }

        public string RawRecord { get; private set; } = string.Empty;

        public void Record(CsvMalformedRecord record)
        {
            RecordNumber = record.RecordNumber;
            Reason = record.Reason;
            ByteOffset = record.ByteOffset;
            RawRecord = record.RawRecord;
        }

        /// <summary>Forgets the record numbers of a reader that is replaced.</summary>
        public void Reset() => RecordNumber = -1;
    }
}
