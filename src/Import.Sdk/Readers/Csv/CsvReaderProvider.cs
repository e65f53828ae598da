namespace Import.Sdk.Readers.Csv;

/// <summary>The CSV/TXT/TSV format: any file that is not a ZIP or OLE2 container.</summary>
internal sealed class CsvReaderProvider : ITabularReaderProvider
{
    public string Format => "csv";

    public bool CanRead(ReadOnlySpan<byte> head, string fileName) => !FileSignatures.IsZip(head) && !FileSignatures.IsOle2(head);

    public ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken = default) =>
        CsvTabularReader.OpenAsync(stream, totalBytes, options, cancellationToken);
}
