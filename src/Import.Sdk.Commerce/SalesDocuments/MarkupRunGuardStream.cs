namespace Import.Sdk.Commerce.SalesDocuments;

/// <summary>
/// Bounds what an <see cref="System.Xml.XmlReader"/> holds at once: it reads a tag (with its attributes) or a text whole, so a
/// hostile file could make it hold one attribute of gigabytes. This stream counts the bytes since the last <c>&lt;</c> or
/// <c>&gt;</c> (which cannot appear raw in an attribute value) and fails past a limit, naming the line where the overlong run
/// started (or a line of it): no tag or text is longer. Byte-level, so it
/// works under the XML declaration's encoding (an UTF-16 <c>&lt;</c> holds the byte 0x3C too; another character holding it only
/// restarts the count).
/// </summary>
internal sealed class MarkupRunGuardStream(Stream inner, long limit, Func<long, Exception> tooLong) : Stream
{
    private long _run;
    private long _newLines; // read so far: the line of a run too long is named


    /// <summary>Gets the bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        var position = 0;
        while (true)
        {
            var marker = read[position..].IndexOfAny((byte)'<', (byte)'>');
            _run += marker < 0 ? read.Length - position : marker;
            if (_run > limit)
            {
                throw tooLong(_newLines + read[..position].Count((byte)'\n') + 1);
            }

            if (marker < 0)
            {
                break;
            }

            _run = 0;
            position += marker + 1;
        }

        BytesRead += read.Length;
        _newLines += read.Count((byte)'\n');
        return read.Length;
    }
}
