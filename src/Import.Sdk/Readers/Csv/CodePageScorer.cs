using System.Buffers;
using System.Text;

namespace Import.Sdk.Readers.Csv;

/// <summary>
/// Tells a Windows-1252 text from an OEM code page 850 (DOS) text, for a file that is not UTF-8, by which reading makes its bytes
/// 0x80–0xFF look like the letters of words.
/// </summary>
/// <remarks>
/// <para>
/// The two code pages put French letters in different places. CP850 puts the accented lowercase letters in 0x80–0x9F
/// (é 0x82, è 0x8A, à 0x85, ç 0x87, ê 0x88…), where Windows-1252 has punctuation (‚ … ‡ ˆ Š…); Windows-1252 puts them in
/// 0xE0–0xFF, where CP850 has mostly uppercase letters and symbols (é 0xE9 reads Ú, è 0xE8 Þ, à 0xE0 Ó). So the right reading
/// gives letters that sit inside words with the case of their neighbours; the wrong one gives punctuation inside words
/// ("Soci‚t‚") or capitals inside lowercase words ("SociÚtÚ").
/// </para>
/// <para>
/// Each byte 0x80–0xFF is read both ways and scored against its ASCII neighbours (<c>+1</c> a letter next to a letter, in a
/// plausible case: "Soci<b>é</b>", "<b>É</b>cole", "CR<b>É</b>TEIL"; <c>−1</c> a capital after a lowercase letter or before a
/// lowercase letter after a capital ("Soci<b>Ú</b>", "D<b>Ú</b>lai"), a lowercase letter before a capital, a symbol between
/// two letters ("Soci<b>‚</b>t"), or a byte the code page leaves undefined (Windows-1252's 0x81, 0x8D, 0x8F, 0x90, 0x9D, which
/// CP850 reads ü ì Å É Ø); <c>0</c> otherwise). The florin sign ƒ (0x83, â in CP850) counts as a symbol, not a letter. The bytes of UTF-8 sequences are skipped (a mostly UTF-8 file with a few
/// ANSI characters stays Windows-1252). The eight bytes that Windows-1252 uses for the ellipsis, curly quotes, bullet and dashes
/// (0x85, 0x91–0x97) sit next to words without being part of them, so their letter reading in CP850 (à æ Æ ô ö ò û ù) only counts
/// inside a word ("H<b>ô</b>tel"), never next to one ("<b>“</b>client<b>”</b>").
/// </para>
/// <para>
/// CP850 is chosen only when it is clearly better: a positive score and more than twice Windows-1252's; ties and weak
/// evidence keep Windows-1252, the usual encoding of French Windows exports. CP437 French text reads the same in CP850 for its
/// letters (both put é è à ç ê â ô û ù î ï ë É Ç at the same bytes), so it is reported as <c>ibm850</c>.
/// </para>
/// </remarks>
internal sealed class CodePageScorer
{
    /// <summary>The number of scored bytes after which more reading would not change the choice.</summary>
    public const int EnoughEvidence = 512;

    private const byte Other = 0;
    private const byte Lower = 1;
    private const byte Upper = 2;
    private const byte Unassigned = 3;

    private readonly byte[] _ansi = Classes(TextEncodingDetector.Windows1252);
    private readonly byte[] _oem = Classes(TextEncodingDetector.Oem850);
    private byte _previous;
    private byte[] _held = [];
    private bool _hasDeferred;
    private byte _deferred;
    private byte _deferredPrevious;

    /// <summary>Gets the number of bytes 0x80–0xFF scored (outside UTF-8 sequences).</summary>
    public int ScoredBytes { get; private set; }

    /// <summary>Gets the score of the Windows-1252 reading.</summary>
    public int AnsiScore { get; private set; }

    /// <summary>Gets the score of the CP850 reading.</summary>
    public int OemScore { get; private set; }

    /// <summary>Gets whether CP850 reads the bytes scored so far clearly better than Windows-1252.</summary>
    public bool PrefersOem850 => OemScore > 0 && OemScore > 2 * AnsiScore;

    /// <summary>Scores the next bytes of the text (contiguous with the bytes given before, if any).</summary>
    public void Add(ReadOnlySpan<byte> block)
    {
        if (block.IsEmpty)
        {
            return;
        }

        if (_held.Length == 0)
        {
            Scan(block, final: false);
            return;
        }

        byte[] joined = [.. _held, .. block];
        _held = [];
        Scan(joined, final: false);
    }

    /// <summary>Ends a run of contiguous bytes: the last bytes are scored as the end of the text; the next <see cref="Add"/> starts afresh.</summary>
    public void EndRun()
    {
        if (_held.Length > 0)
        {
            var held = _held;
            _held = [];
            Scan(held, final: true); // a UTF-8 sequence cut by the end of the text is not UTF-8
        }

        if (_hasDeferred)
        {
            _hasDeferred = false;
            Score(_deferred, _deferredPrevious, 0);
        }

        _previous = 0;
    }

    private void Scan(ReadOnlySpan<byte> block, bool final)
    {
        if (_hasDeferred)
        {
            _hasDeferred = false;
            Score(_deferred, _deferredPrevious, block[0]);
        }

        var i = 0;
        while (i < block.Length)
        {
            var next = block[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (next < 0)
            {
                break;
            }

            i += next;
            var status = Rune.DecodeFromUtf8(block[i..], out _, out var length);
            if (status == OperationStatus.Done)
            {
                i += length; // a UTF-8 sequence: not evidence either way
                continue;
            }

            if (status == OperationStatus.NeedMoreData && !final)
            {
                // The start of a UTF-8 sequence cut by the end of the block: read again with the next block.
                _previous = i > 0 ? block[i - 1] : _previous;
                _held = block[i..].ToArray();
                return;
            }

            var previous = i > 0 ? block[i - 1] : _previous;
            if (i + 1 < block.Length)
            {
                Score(block[i], previous, block[i + 1]);
            }
            else
            {
                (_hasDeferred, _deferred, _deferredPrevious) = (true, block[i], previous); // its next byte is in the next block
            }

            i++;
        }

        _previous = block[^1];
    }

    private void Score(byte b, byte previous, byte next)
    {
        ScoredBytes++;
        var insideWord = IsAsciiLetter(previous) && IsAsciiLetter(next);

        // Windows-1252's ellipsis, curly quotes, bullet and dashes: next to words, never inside them.
        var punctuationIn1252 = b == 0x85 || b is >= 0x91 and <= 0x97;
        AnsiScore += Score(_ansi[b - 0x80], previous, next, insideWord, letterOnlyInsideWord: false);
        OemScore += Score(_oem[b - 0x80], previous, next, insideWord, letterOnlyInsideWord: punctuationIn1252);
    }

    private static int Score(byte kind, byte previous, byte next, bool insideWord, bool letterOnlyInsideWord)
    {
        if (kind == Unassigned)
        {
            return -1; // a byte the code page leaves undefined: never in a text written in it
        }

        if (kind == Other)
        {
            return insideWord ? -1 : 0; // "Soci‚t‚"
        }

        if (kind == Lower ? IsAsciiUpper(next) : (IsAsciiLower(previous) || (IsAsciiUpper(previous) && IsAsciiLower(next))))
        {
            return -1; // "ôHDMI", "SociÚtÚ", "DÚlai"
        }

        if (letterOnlyInsideWord)
        {
            return insideWord ? 1 : 0;
        }

        return IsAsciiLetter(previous) || IsAsciiLetter(next) ? 1 : 0;
    }

    private static bool IsAsciiLetter(byte b) => IsAsciiLower(b) || IsAsciiUpper(b);

    private static bool IsAsciiLower(byte b) => b is >= (byte)'a' and <= (byte)'z';

    private static bool IsAsciiUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';

    /// <summary>The case of the character each byte 0x80–0xFF reads as in a single-byte code page.</summary>
    private static byte[] Classes(Encoding encoding)
    {
        Span<byte> bytes = stackalloc byte[128];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(0x80 + i);
        }

        Span<char> chars = stackalloc char[128];
        var count = encoding.GetChars(bytes, chars);
        var classes = new byte[128];
        for (var i = 0; i < count && i < classes.Length; i++)
        {
            var c = chars[i];
            classes[i] = c == '\u0192' ? Other // ƒ: the florin sign of Windows-1252, a letter only for Unicode
                : char.IsControl(c) ? Unassigned // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined
                : char.IsLower(c) ? Lower
                : char.IsUpper(c) ? Upper
                : Other;
        }

        return classes;
    }
}
