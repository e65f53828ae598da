using System.IO.Compression;
using System.Text;

namespace Import.Sdk.Excel.Tests.Support;

/// <summary>Builds and rewrites ZIP archives for the container tests.</summary>
internal static class Zip
{
    public static byte[] Create(params (string Name, string Content)[] entries) =>
        Create(entries.Select(e => (e.Name, (Action<Stream>)(s => s.Write(Encoding.UTF8.GetBytes(e.Content))))).ToArray());

    public static byte[] Create(params (string Name, Action<Stream> Write)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                write(stream);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Copies an archive, optionally putting new entries first and replacing the content of some.</summary>
    public static byte[] Rewrite(byte[] archive, (string Name, Action<Stream> Write)[]? first = null, Func<string, Action<Stream>?>? replace = null)
    {
        using var input = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        var entries = new List<(string, Action<Stream>)>(first ?? []);
        foreach (var entry in input.Entries)
        {
            var replacement = replace?.Invoke(entry.FullName);
            if (replacement is not null)
            {
                entries.Add((entry.FullName, replacement));
                continue;
            }

            using var source = entry.Open();
            var copy = new MemoryStream();
            source.CopyTo(copy);
            var bytes = copy.ToArray();
            entries.Add((entry.FullName, s => s.Write(bytes)));
        }

        return Create([.. entries]);
    }
}
