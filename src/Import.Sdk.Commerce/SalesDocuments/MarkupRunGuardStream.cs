namespace Import.Sdk.Commerce.SalesDocuments;

/// <summary>
/// Bounds what an <see cref="System.Xml.XmlReader"/> holds at once: it reads a tag (with its attributes), a text, a comment or a
/// CDATA section whole, so a hostile file could make it hold one attribute of gigabytes. This stream counts the bytes since the last
/// <c>&lt;</c> (which cannot appear raw in an attribute value or a text), or since the start of a comment or CDATA section (where it
/// can), and fails past a limit, naming the line where the count stands: no tag, text, comment or section is longer. Byte-level, so
/// it works under the XML declaration's encoding (in UTF-16 the comments and sections are not told apart: a <c>&lt;</c> in them
/// restarts the count).
/// </summary>
internal sealed class MarkupRunGuardStream(Stream inner, long limit, Func<long, Exception> tooLong) : Stream
{
    private long _run;
    private ulong _window; // the last 8 bytes
    private State _state;
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
        for (var i = 0; i < read.Length; i++)
        {
            var b = read[i];
            _window = (_window << 8) | b;
            _run++;
            switch (_state)
            {
                case State.Markup when b == (byte)'<':
                    _run = 0;
                    break;
                case State.Markup when b == (byte)'-' && (uint)_window == 0x3C212D2Du: // "<!--"
                    _state = State.Comment;
                    break;
                case State.Markup when b == (byte)'[' && _window == 0x215B43444154415BUL: // "![CDATA["
                    _state = State.CData;
                    break;
                case State.Comment when b == (byte)'>' && (_window & 0xFFFFFF) == 0x2D2D3E: // "-->"
                case State.CData when b == (byte)'>' && (_window & 0xFFFFFF) == 0x5D5D3E: // "]]>"
                    _state = State.Markup;
                    _run = 0;
                    break;
            }

            if (_run > limit)
            {
                throw tooLong(_newLines + read[..i].Count((byte)'\n') + 1);
            }
        }

        BytesRead += read.Length;
        _newLines += read.Count((byte)'\n');
        return read.Length;
    }

    private enum State
    {
        Markup,
        Comment,
        CData,
    }
}
