namespace Import.Sdk;

/// <summary>A file format the pipeline can read: detects its files by content and opens readers on them.</summary>
public interface ITabularReaderProvider
{
    /// <summary>Gets the format name (<c>csv</c>, <c>xlsx</c>…).</summary>
    string Format { get; }

    /// <summary>Tells whether the file is in this format, from its first bytes (and, as a hint only, its name).</summary>
    /// <param name="head">Up to the first 64 KiB of the file.</param>
    /// <param name="fileName">The file name.</param>
    /// <returns><see langword="true"/> when this provider reads the file.</returns>
    bool CanRead(ReadOnlySpan<byte> head, string fileName);

    /// <summary>Opens a reader and reads the header.</summary>
    /// <param name="stream">The file, positioned at its start; the reader owns it.</param>
    /// <param name="totalBytes">The size of the file, when known.</param>
    /// <param name="options">The reader options.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The reader, positioned before the first data row.</returns>
    /// <exception cref="MalformedFileException">The file cannot be read.</exception>
    ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken = default);
}
