using System.Text;
using System.Text.Unicode;
using Import.Sdk.Readers;

namespace Import.Sdk.Readers.Csv;

/// <summary>
/// Detects the encoding of a text file: BOMs (UTF-8, UTF-16 LE/BE), UTF-16 without BOM, valid UTF-8, else Windows-1252 or
/// OEM code page 850 (DOS exports), told apart by <see cref="CodePageScorer"/>.
/// </summary>
internal static class TextEncodingDetector
{
    internal enum Kind
    {
        Utf8,
        Utf8Bom,
        Utf16Le,
        Utf16Be,
        Binary,
    }

    /// <summary>The name reported for Windows-1252 (its web name).</summary>
    public const string Windows1252Name = "windows-1252";

    /// <summary>The name reported for OEM code page 850 (its web name).</summary>
    public const string Oem850Name = "ibm850";

    public static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? throw new InvalidOperationException("Windows-1252 is not available.");

    /// <summary>OEM code page 850, "DOS Latin 1": the TXT exports of DOS-era ERPs.</summary>
    public static Encoding Oem850 => CodePagesEncodingProvider.Instance.GetEncoding(850) ?? throw new InvalidOperationException("Code page 850 is not available.");

    /// <summary>The stable name reported for an encoding: its web name in lowercase (<c>utf-8</c>, <c>windows-1252</c>, <c>ibm850</c>, <c>utf-16be</c>).</summary>
    public static string NameOf(Encoding encoding) => encoding.WebName.ToLowerInvariant();

    /// <summary>
    /// Chooses between Windows-1252 and CP850 for a seekable stream that is not UTF-8: scores the head already read, then, when
    /// it holds too little evidence, the rest of the stream from <paramref name="resumeAt"/> until the evidence is enough or the
    /// stream ends. The stream's position is restored.
    /// </summary>
    public static async ValueTask<bool> PrefersOem850Async(Stream stream, ReadOnlyMemory<byte> head, bool headIsWhole, long resumeAt, CancellationToken cancellationToken)
    {
        var scorer = new CodePageScorer();
        scorer.Add(head.Span);
        if (headIsWhole || scorer.ScoredBytes >= CodePageScorer.EnoughEvidence)
        {
            scorer.EndRun();
            return scorer.PrefersOem850;
        }

        var start = stream.Position;
        var contiguous = resumeAt <= head.Length;
        if (!contiguous)
        {
            scorer.EndRun();
        }

        stream.Position = start + Math.Max(resumeAt, head.Length);
        var buffer = new byte[1 << 16];
        try
        {
            int read;
            while (scorer.ScoredBytes < CodePageScorer.EnoughEvidence
                   && (read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                scorer.Add(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            stream.Position = start;
        }

        scorer.EndRun();
        return scorer.PrefersOem850;
    }

    /// <summary>Chooses between Windows-1252 and CP850 from a sample of a text that is not UTF-8 (the head of a non-seekable stream).</summary>
    public static bool PrefersOem850(ReadOnlySpan<byte> sample)
    {
        var scorer = new CodePageScorer();
        scorer.Add(sample);
        scorer.EndRun();
        return scorer.PrefersOem850;
    }

    /// <summary>Classifies the head of a file (BOM and binary checks only).</summary>
    public static Kind FromHead(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Kind.Utf8Bom;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Kind.Utf16Le;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Kind.Utf16Be;
        }

        if (FileSignatures.IsKnownBinary(head))
        {
            return Kind.Binary;
        }

        var nul = head.Count((byte)0);
        if (nul == 0)
        {
            return Kind.Utf8;
        }

        // UTF-16 without BOM: text whose every other byte is zero.
        int evenZero = 0, oddZero = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0)
            {
                evenZero++;
            }

            if (head[i + 1] == 0)
            {
                oddZero++;
            }
        }

        var pairs = head.Length / 2;
        if (pairs > 0 && oddZero > pairs * 0.6 && evenZero < pairs * 0.05)
        {
            return Kind.Utf16Le;
        }

        if (pairs > 0 && evenZero > pairs * 0.6 && oddZero < pairs * 0.05)
        {
            return Kind.Utf16Be;
        }

        // One NUL, or a few, is damaged text: the rows holding one are rejected, wherever they are. Only a head that is
        // clearly not text (many NUL and control bytes, as in images, archives and executables) refuses the file.
        return IsMostlyControlBytes(head) ? Kind.Binary : Kind.Utf8;
    }

    /// <summary>
    /// Whether at least 5% (and 8) of the bytes are NUL or control characters that text never holds. NUL bytes ending the head
    /// are not counted: a text file padded with NULs after its last row (a copy or a crash that left the file's allocated size)
    /// is text whose padding is a row rejected for its NUL characters, as it is when the padding starts past the head.
    /// </summary>
    internal static bool IsMostlyControlBytes(ReadOnlySpan<byte> head)
    {
        if (head.Length > 0 && head.TrimEnd((byte)0).IsEmpty)
        {
            return true; // nothing but NUL bytes
        }

        head = head.TrimEnd((byte)0);
        var control = 0;
        foreach (var b in head)
        {
            // Tab, LF, VT, FF, CR, the DOS end-of-file mark (0x1A), ESC and the information separators (0x1C-0x1F, field
            // separators of some ERP exports) appear in text exports; NUL and the rest of C0 do not.
            if (b < 0x20 && b is not ((>= 0x09 and <= 0x0D) or >= 0x1A))
            {
                control++;
            }
        }

        return control >= 8 && control * 20L >= head.Length;
    }

    /// <summary>UTF-8 whose invalid bytes are read as Windows-1252 characters instead of U+FFFD.</summary>
    public static Encoding Utf8WithWindows1252Fallback => Encoding.GetEncoding(Encoding.UTF8.CodePage, EncoderFallback.ReplacementFallback, new Windows1252DecoderFallback());

    /// <summary>Checks the first bytes of a file: valid UTF-8, ignoring a sequence cut at the end when the sample is not the whole file.</summary>
    public static bool IsValidUtf8Head(ReadOnlySpan<byte> head, bool complete)
    {
        if (complete)
        {
            return Utf8.IsValid(head);
        }

        var end = head.Length;
        var back = 0;
        while (back < 4 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80)
        {
            back++;
        }

        if (end - back - 1 >= 0 && head[end - back - 1] >= 0xC0)
        {
            back++;
        }

        return Utf8.IsValid(head[..(end - back)]);
    }

    /// <summary>
    /// Checks that a whole stream is valid UTF-8, block by block, without decoding it (vectorised): -1 when it is, else the offset,
    /// from the stream's position, of the block holding the first invalid byte (every byte before it is valid UTF-8).
    /// </summary>
    public static async ValueTask<long> FindInvalidUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var carry = 0;
        long offset = 0; // of buffer[0] in the stream
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(carry), cancellationToken).ConfigureAwait(false);
            var length = carry + read;
            if (read == 0)
            {
                return carry == 0 || Utf8.IsValid(buffer.AsSpan(0, carry)) ? -1 : offset;
            }

            // Validate up to the start of the last (possibly incomplete) sequence; carry its bytes over.
            var end = length;
            var back = 0;
            while (back < 4 && end - back - 1 >= 0 && (buffer[end - back - 1] & 0xC0) == 0x80)
            {
                back++;
            }

            if (end - back - 1 >= 0 && buffer[end - back - 1] >= 0xC0)
            {
                back++;
            }

            var complete = length - back;
            if (!Utf8.IsValid(buffer.AsSpan(0, complete)))
            {
                return offset;
            }

            buffer.AsSpan(complete, back).CopyTo(buffer);
            carry = back;
            offset += complete;
        }
    }

    /// <summary>
    /// Whether a text that is not valid UTF-8 is still UTF-8 with a few stray bytes (a row pasted from an ANSI export, a file
    /// cut inside a character): it holds more than twice as many valid multi-byte UTF-8 characters as invalid bytes. A Windows-1252
    /// or CP850 export almost never forms a valid multi-byte sequence (an accented letter followed by ASCII is invalid), so its
    /// invalid bytes outnumber them; decoding a UTF-8 file whole as Windows-1252 would turn every accented letter into two
    /// characters ("é" read as "Ã©"). Reads from the stream's position, stopping early once the answer is clear (the rare path:
    /// only files that are not valid UTF-8 come here).
    /// </summary>
    public static async ValueTask<bool> IsMostlyUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var counts = new Utf8Evidence();
        var carry = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(carry), cancellationToken).ConfigureAwait(false);
            var length = carry + read;
            carry = counts.Add(buffer.AsSpan(0, length), final: read == 0);
            if (read == 0 || counts.Clear is not null)
            {
                return counts.Clear ?? counts.MostlyUtf8;
            }

            buffer.AsSpan(length - carry, carry).CopyTo(buffer);
        }
    }

    /// <summary>Whether <paramref name="sample"/> (a whole head that is not valid UTF-8) is UTF-8 with a few stray bytes.</summary>
    public static bool IsMostlyUtf8(ReadOnlySpan<byte> sample, bool complete)
    {
        var counts = new Utf8Evidence();
        counts.Add(sample, complete);
        return counts.Clear ?? counts.MostlyUtf8;
    }

    /// <summary>Counts valid multi-byte UTF-8 characters and invalid bytes.</summary>
    private struct Utf8Evidence
    {
        private long _valid;
        private long _invalid;

        public readonly bool MostlyUtf8 => _valid > 2 * _invalid;

        /// <summary>Gets the answer once it is clear (many bytes of one kind), else <see langword="null"/>.</summary>
        public readonly bool? Clear => _invalid >= 256 && _valid <= 2 * _invalid ? false
            : _valid >= 256 && _valid > 8 * _invalid ? true
            : null;

        /// <summary>Counts <paramref name="bytes"/>; returns how many bytes at its end begin a character cut by the block's end.</summary>
        public int Add(ReadOnlySpan<byte> bytes, bool final)
        {
            var i = 0;
            while (i < bytes.Length)
            {
                var next = bytes[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                if (next < 0)
                {
                    break;
                }

                i += next;
                var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
                if (status == System.Buffers.OperationStatus.NeedMoreData && !final)
                {
                    return bytes.Length - i;
                }

                if (status == System.Buffers.OperationStatus.Done)
                {
                    _valid++;
                }
                else
                {
                    _invalid++;
                }

                i += Math.Max(1, consumed);
            }

            return 0;
        }
    }

    /// <summary>Reads each byte that is not valid UTF-8 as its Windows-1252 character.</summary>
    private sealed class Windows1252DecoderFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private readonly char[] _chars = new char[8];
            private int _count;
            private int _position;

            public override int Remaining => _count - _position;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _count = Windows1252.GetChars(bytesUnknown, 0, Math.Min(bytesUnknown.Length, _chars.Length), _chars, 0);
                _position = 0;
                return _count > 0;
            }

            public override char GetNextChar() => _position < _count ? _chars[_position++] : '\0';

            public override bool MovePrevious()
            {
                if (_position == 0)
                {
                    return false;
                }

                _position--;
                return true;
            }

            public override void Reset()
            {
                _count = 0;
                _position = 0;
            }
        }
    }
}
