namespace Import.Sdk.Readers.Csv;

/// <summary>
/// The UTF-8 input of CsvHelper. Can give back the last bytes it gave (enough for everything CsvHelper buffers, a record over
/// its limit included), so that the reader can skip a record CsvHelper gave up on and go on after it: by reading them again
/// when the input is a seekable file read as is (no copy on the way), else from a copy of the last <c>capacity</c> bytes.
/// Notes how far the blocks holding a NUL byte go, so that only the rows read from such a block are checked for NUL.
/// Per block read, not per row: one vectorised search (and the copy, when needed).
/// </summary>
/// <param name="inner">The UTF-8 input.</param>
/// <param name="capacity">The most bytes remembered.</param>
/// <param name="expectedLength">The size of the input when known: the memory is then taken at once, not grown block by block.</param>
/// <param name="rereadable">The seekable stream <paramref name="inner"/> reads as is, from <paramref name="start"/>, or <see langword="null"/>.</param>
/// <param name="start">The position in <paramref name="rereadable"/> of the first byte of <paramref name="inner"/>.</param>
internal sealed class RecentBytesStream(Stream inner, int capacity, long? expectedLength, Stream? rereadable = null, long start = 0) : Stream
{
    private byte[] _ring = rereadable is null ? new byte[(int)Math.Min(capacity, Math.Max(1 << 16, expectedLength ?? 0))] : [];

    /// <summary>Gets the number of bytes given so far (the offset of the next one).</summary>
    public long Delivered { get; private set; }

    /// <summary>Gets the offset of the end of the last block that holds a NUL byte (0 when none did): rows starting before it may hold one.</summary>
    public long NulUntil { get; private set; }

    /// <summary>
    /// Gets or sets whether blocks holding U+FFFD are noted (<see cref="ReplacementUntil"/>): set when the input was decoded
    /// from an encoding whose undecodable sequences become U+FFFD (UTF-16).
    /// </summary>
    public bool WatchReplacementCharacter { get; set; }

    /// <summary>Gets the offset of the end of the last block that holds (or may hold, cut at its end) U+FFFD; 0 when none did.</summary>
    public long ReplacementUntil { get; private set; }

    /// <summary>Gets the offset of the oldest byte still remembered.</summary>
    public long Oldest => rereadable is null ? Math.Max(0, Delivered - _ring.Length) : 0;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Delivered; set => throw new NotSupportedException(); }

    /// <summary>Copies the remembered bytes from <paramref name="offset"/> (at least <see cref="Oldest"/>) to <see cref="Delivered"/>.</summary>
    public async ValueTask<byte[]> CopySinceAsync(long offset, CancellationToken cancellationToken)
    {
        if (offset < Oldest || offset > Delivered)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        var copy = new byte[Delivered - offset];
        if (rereadable is not null)
        {
            var position = rereadable.Position;
            rereadable.Position = start + offset;
            await rereadable.ReadExactlyAsync(copy, cancellationToken).ConfigureAwait(false);
            rereadable.Position = position;
            return copy;
        }

        var at = (int)(offset % _ring.Length);
        var first = Math.Min(copy.Length, _ring.Length - at);
        _ring.AsSpan(at, first).CopyTo(copy);
        _ring.AsSpan(0, copy.Length - first).CopyTo(copy.AsSpan(first));
        return copy;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Remember(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Remember(buffer.Span[..n]);
        return n;
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

    private void Remember(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        var end = Delivered + bytes.Length;
        if (bytes.Contains((byte)0))
        {
            NulUntil = end;
        }

        if (WatchReplacementCharacter && (bytes.IndexOf("\uFFFD"u8) >= 0 || bytes[^1] == 0xEF || bytes.EndsWith((ReadOnlySpan<byte>)[0xEF, 0xBF])))
        {
            ReplacementUntil = end;
        }

        if (rereadable is not null)
        {
            Delivered = end;
            return;
        }

        if (end > _ring.Length && _ring.Length < capacity)
        {
            // Still filling: nothing has wrapped yet, the bytes are in place from 0.
            var bigger = new byte[(int)Math.Min(capacity, Math.Max(2L * _ring.Length, end))];
            _ring.AsSpan(0, (int)Delivered).CopyTo(bigger);
            _ring = bigger;
        }

        var start = Delivered;
        if (bytes.Length > _ring.Length)
        {
            start += bytes.Length - _ring.Length;
            bytes = bytes[^_ring.Length..];
        }

        var at = (int)(start % _ring.Length);
        var first = Math.Min(bytes.Length, _ring.Length - at);
        bytes[..first].CopyTo(_ring.AsSpan(at));
        bytes[first..].CopyTo(_ring);
        Delivered = end;
    }
}
