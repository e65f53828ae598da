namespace Import.Sdk.Tests.Support;

/// <summary>A reader of <c>.fake</c> files: reads CSV (<c>;</c>, CRLF) but gives up after <paramref name="rows"/> data rows with a <see cref="MalformedFileException"/>.</summary>
public sealed class GivingUpReaderProvider(int rows) : ITabularReaderProvider
{
    public string Format => "fake";

    public bool CanRead(ReadOnlySpan<byte> head, string fileName) => fileName.EndsWith(".fake", StringComparison.Ordinal);

    public async ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        using var text = new StreamReader(stream);
        var lines = (await text.ReadToEndAsync(cancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return new GivingUpReader([.. lines.Select(l => l.Split(';'))], rows, totalBytes);
    }

    private sealed class GivingUpReader(string[][] lines, int rows, long? totalBytes) : ITabularReader
    {
        private int _index;

        public SourceInfo Info { get; } = new("fake", null, ";", null, []);

        public IReadOnlyList<string> Header => lines[0];

        public int RowNumber => _index + 1;

        public int FieldCount => lines[_index].Length;

        public ReadProblem? RowProblem => null;

        public long BytesRead => _index;

        public long? TotalBytes => totalBytes;

        public ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
        {
            if (_index == rows)
            {
                throw new MalformedFileException($"no more rows after {rows}") { Row = rows + 2 };
            }

            _index++;
            return new ValueTask<bool>(_index < lines.Length);
        }

        public string GetString(int index) => index < lines[_index].Length ? lines[_index][index] : string.Empty;

        public ValueTask DisposeAsync() => default;
    }
}
