namespace Import.Sdk.Readers;

/// <summary>Magic numbers of the containers a user may upload.</summary>
internal static class FileSignatures
{
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8);

    public static bool IsOle2(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>
    /// Whether a file starts like an image, a PDF, an archive or an executable: never text, even when its head has few NUL bytes.
    /// </summary>
    public static bool IsKnownBinary(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) // PNG
        || head.StartsWith("%PDF-"u8)
        || head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) // JPEG
        || head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) // gzip
        || head.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) // 7-Zip
        || head.StartsWith("Rar!\u001A\u0007"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) // ELF
        || (head.StartsWith("MZ"u8) && head[2..Math.Min(head.Length, 64)].Contains((byte)0)); // Windows executable
}
