using System.Text;
using CsvHelper;
using Import.Sdk.Resources;

namespace Import.Sdk.Readers.Csv;

/// <summary>Reads CSV/TXT/TSV on CsvHelper 34's UTF-8 <see cref="CsvReader"/>; other encodings go through a transcoding stream.</summary>
internal sealed class CsvTabularReader : ITabularReader, IRowCellReader
{
    private const int HeadSize = 1 << 16;
    private readonly CsvReader _csv;
    private readonly CountingStream _counter;
    private readonly System.Globalization.CultureInfo _ui;
    private readonly MalformedTracker _malformed;

    private CsvTabularReader(CsvReader csv, CountingStream counter, SourceInfo info, IReadOnlyList<string> header, long? totalBytes, System.Globalization.CultureInfo ui, MalformedTracker malformed)
    {
        _malformed = malformed;
        _ui = ui;
        _csv = csv;
        _counter = counter;
        Info = info;
        Header = header;
        TotalBytes = totalBytes;
    }

    public SourceInfo Info { get; private set; }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber { get; private set; } = 1;

    public int FieldCount => _csv.FieldCount;

    public ReadProblem? RowProblem { get; private set; }

    public long BytesRead => _counter.BytesRead;

    public long? TotalBytes { get; }

    public static async ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken)
    {
        var counter = new CountingStream(stream);
        try
        {
            var (encoding, encodingName, input) = await DetectEncodingAsync(stream, counter, options, cancellationToken).ConfigureAwait(false);
            var malformed = new MalformedTracker();
            var csvOptions = CsvReaderOptions.Default with
            {
                Separator = options.Delimiter,
                SkipEmptyLines = false,
                MaxRecordSize = options.MaxRecordBytes,
                OnMalformedRecord = malformed.Record,

                // Fewer, larger reads: each asynchronous read of a file is a hop through the thread pool (64 KiB: ~3,000 per 190 MB).
                BufferSize = (int)Math.Clamp(totalBytes ?? 0, 1 << 16, 1 << 20),
            };
            var csv = CsvReader.Create(input, csvOptions, leaveOpen: false);
            try
            {
                await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                if (malformed.Reason == CsvMalformedReason.UnterminatedQuote && malformed.RecordNumber <= 1)
                {
                    throw new MalformedFileException(Messages.Format(options.UiCulture, Messages.UnterminatedQuote)) { Row = 1 };
                }

                var header = csv.Headers.Select(h => h.Trim()).ToArray();
                if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
                {
                    throw new MalformedFileException(Messages.Format(options.UiCulture, Messages.EmptyFile)) { Row = 1 };
                }

                var delimiter = csv.Separator.ToString();
                var info = new SourceInfo("csv", encodingName, delimiter, null, []);
                _ = encoding;
                return new CsvTabularReader(csv, counter, info, header, totalBytes, options.UiCulture, malformed);
            }
            catch
            {
                await csv.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (CsvFormatException ex)
        {
            await counter.DisposeAsync().ConfigureAwait(false);
            throw new MalformedFileException(Messages.Format(options.UiCulture, Messages.HeaderUnreadable, ex.Message), ex) { Row = 1 };
        }
        catch
        {
            await counter.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
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
                throw Unreadable(ex);
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
            throw Unreadable(ex);
        }

        if (!more)
        {
            return false;
        }

        return OnRecord() || await ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    private MalformedFileException Unreadable(CsvFormatException ex) =>
        new(Messages.Format(_ui, Messages.RowUnreadable, RowNumber + 1, ex.Message), ex) { Row = RowNumber + 1 };

    /// <summary>Takes the record CsvHelper has just read; false for an empty line, or separators only (an emptied Excel row): counted, not returned.</summary>
    private bool OnRecord()
    {
        RowNumber = checked((int)_csv.RowNumber + 1);
        if (AllCellsEmpty())
        {
            return false;
        }

        RowProblem = _malformed.RecordNumber == RowNumber && _malformed.Reason == CsvMalformedReason.UnterminatedQuote
            ? new ReadProblem(IssueCodes.MalformedFile, Messages.Format(_ui, Messages.UnterminatedQuote))
            : null;
        return true;
    }

    private bool AllCellsEmpty()
    {
        for (var i = 0; i < _csv.FieldCount; i++)
        {
            if (!_csv.GetSpan(i).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    public string GetString(int index) => index < _csv.FieldCount ? _csv.GetString(index) : string.Empty;

    public void CopyCells(string?[] cells, CellChars? chars, int[]? bounds)
    {
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

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

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

            // Not UTF-8: an ANSI (Windows-1252) or a DOS (CP850) export. The head decides when it holds enough evidence; else the
            // rest of the file is scored from the block where UTF-8 failed (every byte before it is ASCII or UTF-8, no evidence).
            oem = await TextEncodingDetector.PrefersOem850Async(raw, head.AsMemory(0, headLength), headIsWhole: headLength < head.Length, invalidAt, cancellationToken).ConfigureAwait(false);
        }
        else if (TextEncodingDetector.IsValidUtf8Head(head.AsSpan(0, headLength), complete: headLength < head.Length))
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

    /// <summary>Remembers the last malformed record CsvHelper reported (it reports while reading, the header included).</summary>
    private sealed class MalformedTracker
    {
        public long RecordNumber { get; private set; } = -1;

        public CsvMalformedReason Reason { get; private set; }

        public void Record(CsvMalformedRecord record)
        {
            RecordNumber = record.RecordNumber;
            Reason = record.Reason;
        }
    }
}
