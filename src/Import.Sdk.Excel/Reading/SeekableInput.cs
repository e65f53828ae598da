namespace Import.Sdk.Excel.Reading;

/// <summary>Workbook containers (ZIP, OLE2) are read by random access: a non-seekable input is first copied to a temporary file.</summary>
internal static class SeekableInput
{
    /// <summary>Returns a seekable stream with the input's content; the input is disposed when it is replaced or when this fails.</summary>
    public static async ValueTask<Stream> EnsureAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var path = Path.Combine(Path.GetTempPath(), "import-sdk-" + Guid.NewGuid().ToString("N") + ".tmp");
        var copy = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await stream.CopyToAsync(copy, 1 << 16, cancellationToken).ConfigureAwait(false);
            copy.Position = 0;
            await stream.DisposeAsync().ConfigureAwait(false);
            return copy;
        }
        catch
        {
            await copy.DisposeAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
