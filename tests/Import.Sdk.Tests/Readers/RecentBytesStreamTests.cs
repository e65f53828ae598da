using Import.Sdk.Readers.Csv;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Readers;

/// <summary>The memory of the last bytes given to CsvHelper, from which a record too long to read is skipped.</summary>
public class RecentBytesStreamTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData(300_000L, false)]
    [InlineData(300_000L, true)]
    public async Task CopySince_AfterReadsOfAnySize_GivesTheLastBytesAsRead(long? expectedLength, bool seekable)
    {
        var content = new byte[300_000];
        new Random(3).NextBytes(content);
        content[123_456] = 0;
        var file = new MemoryStream([.. new byte[1000], .. content]) { Position = 1000 };
        using var stream = seekable
            ? new RecentBytesStream(new NonSeekableStream(file, chunk: 70_001), capacity: 100_000, expectedLength, rereadable: file, start: 1000)
            : new RecentBytesStream(NonSeekableStream.Of(content, chunk: 70_001), capacity: 100_000, expectedLength);
        var random = new Random(5);
        var read = 0;
        while (read < content.Length)
        {
            var buffer = new byte[random.Next(1, 150_000)];
            var n = await stream.ReadAsync(buffer);
            Assert.Equal(content.AsSpan(read, n), buffer.AsSpan(0, n));
            read += n;
            Assert.Equal(read, stream.Delivered);
            Assert.Equal(seekable ? 0 : Math.Max(0, read - 100_000), stream.Oldest);
            Assert.Equal(content[(int)stream.Oldest..read], await stream.CopySinceAsync(stream.Oldest, default));
            Assert.Equal(content[(read - Math.Min(read, 10))..read], await stream.CopySinceAsync(read - Math.Min(read, 10), default));
            Assert.Equal(read > 123_456, stream.NulUntil > 123_456);
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await stream.CopySinceAsync(stream.Oldest - 1, default));
    }
}
