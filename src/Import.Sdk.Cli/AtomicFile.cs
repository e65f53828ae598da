namespace Import.Sdk.Cli;

/// <summary>Writes a file completely or not at all: into a temporary file beside it, then moved over the target.</summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // A short name whatever the target's: a target name near the file system's limit must still be writable.
        var temporary = Path.Combine(string.IsNullOrEmpty(folder) ? "." : folder, ".import-sdk-" + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream)
            {
                await write(stream, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public static Task WriteTextAsync(string path, string text, CancellationToken cancellationToken) =>
        WriteAsync(path, async (stream, ct) =>
        {
            var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            await stream.WriteAsync(bytes, ct);
        }, cancellationToken);
}
