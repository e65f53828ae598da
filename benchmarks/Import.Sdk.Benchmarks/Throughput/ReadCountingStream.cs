using System.Globalization;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>Counts the reads made on a stream (diagnostic).</summary>
internal sealed class ReadCountingStream(Stream inner) : Stream
{
    public long Reads { get; private set; }

    public long BytesRequested { get; private set; }

    public long BytesReturned { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(count, inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer.Length, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(buffer.Length, await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Reads} reads, {BytesRequested / 1_048_576.0:N0} MiB asked, {BytesReturned / 1_048_576.0:N1} MiB returned");

    private int Count(int requested, int returned)
    {
        Reads++;
        BytesRequested += requested;
        BytesReturned += returned;
        return returned;
    }
}
