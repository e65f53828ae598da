using Import.Sdk.Readers.Csv;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Readers;

/// <summary>The memory of the last bytes given to CsvHelper, from which a record too long to read is skipped.</summary>
public class RecentBytesStreamTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(300_000L)]
    public async Task CopySince_AfterReadsOfAnySize_GivesTheLastBytesAsRead(long? expectedLength)
    {
        var content = new byte[300_000];
        new Random(3).NextBytes(content);
        content[123_456] = 0;
        using var stream = new RecentBytesStream(NonSeekableStream.Of(content, chunk: 70_001), capacity: 100_000, expectedLength);
        var random = new Random(5);
        var read = 0;
        while (read < content.Length)
        {
            var buffer = new byte[random.Next(1, 150_000)];
            var n = await stream.ReadAsync(buffer);
            Assert.Equal(content.AsSpan(read, n), buffer.AsSpan(0, n));
            read += n;
            Assert.Equal(read, stream.Delivered);
            Assert.Equal(Math.Max(0, read - 100_000), stream.Oldest);
            Assert.Equal(content[(int)stream.Oldest..read], stream.CopySince(stream.Oldest));
            Assert.Equal(content[(read - Math.Min(read, 10))..read], stream.CopySince(read - Math.Min(read, 10)));
            Assert.Equal(read > 123_456, stream.NulUntil > 123_456);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => stream.CopySince(stream.Oldest - 1));
    }
}
