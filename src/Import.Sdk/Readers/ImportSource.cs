using System.Globalization;
using Import.Sdk.Resources;

namespace Import.Sdk;

/// <summary>Where the rows of an import come from: a file or a stream, with its name (the extension is only a hint: formats are detected by content).</summary>
public sealed class ImportSource
{
    private readonly Func<CultureInfo, CancellationToken, ValueTask<Stream>> _open;

    private ImportSource(string name, long? length, Func<CultureInfo, CancellationToken, ValueTask<Stream>> open)
    {
        Name = name;
        Length = length;
        _open = open;
    }

    /// <summary>Gets the file name shown in reports.</summary>
    public string Name { get; }

    /// <summary>Gets the length in bytes when known.</summary>
    public long? Length { get; }

    /// <summary>Gets the reader of a source that brings its own (<see cref="FromReader"/>), or <see langword="null"/>.</summary>
    internal Func<ReaderOptions, CancellationToken, ValueTask<ITabularReader>>? Reader { get; private init; }

    /// <summary>
    /// A source that opens its own reader instead of having its format detected: a view of a file that is not a table, such as the
    /// documents or the lines of a sales documents XML file. Each import of the source calls <paramref name="open"/> once.
    /// </summary>
    /// <param name="name">The file name shown in reports.</param>
    /// <param name="length">The length in bytes when known (for the progress).</param>
    /// <param name="open">
    /// Opens the reader, positioned before the first data row, for the reader options of the import (their
    /// <see cref="ReaderOptions.UiCulture"/> is the language of its messages); a file that cannot be read is a
    /// <see cref="MalformedFileException"/>.
    /// </param>
    /// <returns>The source.</returns>
    public static ImportSource FromReader(string name, long? length, Func<ReaderOptions, CancellationToken, ValueTask<ITabularReader>> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(open);
        return new ImportSource(name, length, (_, _) => throw new InvalidOperationException("The source opens its own reader.")) { Reader = open };
    }

    /// <summary>A file on disk.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The source.</returns>
    public static ImportSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        return new ImportSource(info.Name, info.Exists ? info.Length : null, (ui, _) =>
        {
            if (!File.Exists(path))
            {
                throw new MalformedFileException(Messages.Format(ui, Messages.FileMissing, path));
            }

            try
            {
                return ValueTask.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Locked by another program (Excel keeps the files it has open), no read permission, a network share gone.
                throw new MalformedFileException(Messages.Format(ui, Messages.FileUnopenable, path, ex.Message), ex);
            }
        });
    }

    /// <summary>A stream, read once from its current position. The caller keeps ownership of the stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="name">The file name (for reports and as a format hint).</param>
    /// <returns>The source.</returns>
    public static ImportSource FromStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        long? length = stream.CanSeek ? stream.Length - stream.Position : null;
        return new ImportSource(name, length, (_, _) => ValueTask.FromResult<Stream>(new NonClosingStream(stream)));
    }

    /// <summary>Bytes in memory.</summary>
    /// <param name="content">The file content.</param>
    /// <param name="name">The file name (for reports and as a format hint).</param>
    /// <returns>The source.</returns>
    public static ImportSource FromBytes(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ImportSource(name, content.Length, (_, _) => ValueTask.FromResult<Stream>(new MemoryStream(content, writable: false)));
    }

    /// <summary>Opens the source; a file that cannot be opened is a <see cref="MalformedFileException"/> in <paramref name="uiCulture"/>.</summary>
    internal ValueTask<Stream> OpenAsync(CultureInfo uiCulture, CancellationToken cancellationToken) => _open(uiCulture, cancellationToken);

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
