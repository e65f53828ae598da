using System.Text;
using System.Text.Unicode;

namespace Import.Sdk.Readers.Csv;

/// <summary>Detects the encoding of a text file: BOMs (UTF-8, UTF-16 LE/BE), UTF-16 without BOM, valid UTF-8, else Windows-1252.</summary>
internal static class TextEncodingDetector
{
    internal enum Kind
    {
        Utf8,
        Utf8Bom,
        Utf16Le,
        Utf16Be,
        Windows1252,
        Binary,
    }

    public static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? throw new InvalidOperationException("Windows-1252 is not available.");

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

        return Kind.Binary;
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

    /// <summary>Checks that a whole stream is valid UTF-8, block by block, without decoding it (vectorised).</summary>
    public static async ValueTask<bool> IsValidUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var carry = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(carry), cancellationToken).ConfigureAwait(false);
            var length = carry + read;
            if (read == 0)
            {
                return carry == 0 || Utf8.IsValid(buffer.AsSpan(0, carry));
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
                return false;
            }

            buffer.AsSpan(complete, back).CopyTo(buffer);
            carry = back;
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
