namespace Import.Sdk.Tests.Support;

/// <summary>A read-only, forward-only stream (as an HTTP upload is): CanSeek is false, Length and Position throw, reads return at most <c>chunk</c> bytes.</summary>
internal sealed class NonSeekableStream(Stream inner, int chunk = 4096) : Stream
{
    public static NonSeekableStream Of(byte[] content, int chunk = 4096) => new(new MemoryStream(content, writable: false), chunk);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, chunk));

    public override int Read(Span<byte> buffer) => inner.Read(buffer[..Math.Min(buffer.Length, chunk)]);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);

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
}
