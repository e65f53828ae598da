namespace Import.Sdk.Readers;

/// <summary>Magic numbers of the containers a user may upload.</summary>
internal static class FileSignatures
{
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8);

    public static bool IsOle2(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>
    /// Whether a file starts like an image, a PDF, an archive, an executable, a media file or a database: never text, even when
    /// its head has few NUL bytes (a BMP of white pixels has almost none).
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
        || (head.StartsWith("MZ"u8) && head[2..Math.Min(head.Length, 64)].Contains((byte)0)) // Windows executable
        || (head.Length >= 26 && head.StartsWith("BM"u8) && head[6..10].IndexOfAnyExcept((byte)0) < 0) // BMP (its pixels may hold no zero)
        || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) // TIFF
        || (head.Length >= 12 && head.StartsWith("RIFF"u8) && (head[8..12].SequenceEqual("WAVE"u8) || head[8..12].SequenceEqual("AVI "u8) || head[8..12].SequenceEqual("WEBP"u8)))
        || (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) // MP4, MOV, HEIC
        || (head.Length >= 5 && head.StartsWith("ID3"u8) && head[3] is >= 2 and <= 4 && head[4] == 0) // MP3
        || head.StartsWith("OggS\0"u8)
        || head.StartsWith("SQLite format 3\0"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]); // Java class, Mach-O universal
}
