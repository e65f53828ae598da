using System.Text;
using CsvHelper;
using Import.Sdk.Resources;

namespace Import.Sdk.Readers.Csv;

/// <summary>Reads CSV/TXT/TSV on CsvHelper 34's UTF-8 <see cref="CsvReader"/>; other encodings go through a transcoding stream.</summary>
internal sealed class CsvTabularReader : ITabularReader
{
    private const int HeadSize = 1 << 16;
    private readonly CsvReader _csv;
    private readonly CountingStream _counter;
    private readonly System.Globalization.CultureInfo _ui;
    private long _malformedRecord = -1;
    private CsvMalformedReason _malformedReason;

    private CsvTabularReader(CsvReader csv, CountingStream counter, SourceInfo info, IReadOnlyList<string> header, long? totalBytes, System.Globalization.CultureInfo ui)
    {
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

    public string? RowProblem { get; private set; }

    public long BytesRead => _counter.BytesRead;

    public long? TotalBytes { get; }

    public static async ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken)
    {
        var counter = new CountingStream(stream);
        try
        {
            var (encoding, encodingName, input) = await DetectEncodingAsync(stream, counter, options, cancellationToken).ConfigureAwait(false);
            CsvTabularReader? self = null;
            var csvOptions = CsvReaderOptions.Default with
            {
                Separator = options.Delimiter,
                SkipEmptyLines = false,
                MaxRecordSize = options.MaxRecordBytes,
                OnMalformedRecord = m => self?.OnMalformed(m),
            };
            var csv = CsvReader.Create(input, csvOptions, leaveOpen: false);
            try
            {
                await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                var header = csv.Headers.Select(h => h.Trim()).ToArray();
                if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
                {
                    throw new MalformedFileException(Messages.Format(options.UiCulture, Messages.EmptyFile)) { Row = 1 };
                }

                var delimiter = csv.Separator.ToString();
                var info = new SourceInfo("csv", encodingName, delimiter, null, []);
                self = new CsvTabularReader(csv, counter, info, header, totalBytes, options.UiCulture);
                _ = encoding;
                return self;
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

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            bool more;
            try
            {
                more = await _csv.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CsvFormatException ex)
            {
                throw new MalformedFileException(Messages.Format(_ui, Messages.RowUnreadable, RowNumber + 1, ex.Message), ex) { Row = RowNumber + 1 };
            }

            if (!more)
            {
                return false;
            }

            RowNumber = checked((int)_csv.RowNumber + 1);
            if (_csv.FieldCount == 0 || (_csv.FieldCount == 1 && _csv.GetSpan(0).IsEmpty))
            {
                continue; // an empty line: counted, not returned
            }

            RowProblem = _malformedRecord == RowNumber && _malformedReason == CsvMalformedReason.UnterminatedQuote
                ? Messages.Format(_ui, Messages.UnterminatedQuote)
                : null;
            return true;
        }
    }

    public string GetString(int index) => index < _csv.FieldCount ? _csv.GetString(index) : string.Empty;

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private static async ValueTask<(Encoding Encoding, string Name, Stream Input)> DetectEncodingAsync(Stream raw, CountingStream counter, ReaderOptions options, CancellationToken cancellationToken)
    {
        if (options.Encoding is { } forced)
        {
            return forced.CodePage == Encoding.UTF8.CodePage
                ? (forced, "utf-8", counter)
                : (forced, forced.WebName, Encoding.CreateTranscodingStream(counter, forced, Encoding.UTF8, leaveOpen: false));
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

        bool valid;
        if (raw.CanSeek)
        {
            var start = raw.Position;
            valid = await TextEncodingDetector.IsValidUtf8Async(raw, cancellationToken).ConfigureAwait(false);
            raw.Position = start;
        }
        else
        {
            var sample = new MemoryStream(head, 0, headLength, writable: false);
            valid = await TextEncodingDetector.IsValidUtf8Async(sample, cancellationToken).ConfigureAwait(false)
                || headLength == head.Length; // a sequence cut at the end of the sample is not an error
        }

        if (valid)
        {
            return (Encoding.UTF8, "utf-8", source);
        }

        var cp1252 = TextEncodingDetector.Windows1252;
        return (cp1252, "windows-1252", Encoding.CreateTranscodingStream(source, cp1252, Encoding.UTF8, leaveOpen: false));
    }

    private void OnMalformed(CsvMalformedRecord record)
    {
        _malformedRecord = record.RecordNumber;
        _malformedReason = record.Reason;
    }
}
