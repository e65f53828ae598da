using System.Buffers;
using System.Globalization;
using System.Text;

namespace Import.Sdk.Mapping;

/// <summary>
/// Folds header names and enum values to a comparable key: diacritics removed (é→e, ç→c, œ→oe,
/// æ→ae, ß→ss), lower-cased (invariant), only letters and digits kept.
/// "Raison sociale" → "raisonsociale", "Délai de paiement (jours)" → "delaidepaiementjours",
/// "CLIENT_CODE" → "clientcode", "N° SIRET" → "nsiret".
/// </summary>
/// <remarks>
/// Latin letters (U+0080–U+024F and U+1E00–U+1EFF) are folded through a built-in table, so the result does
/// not depend on ICU being available (it is the same under <c>InvariantGlobalization</c>). Other scripts
/// are lower-cased and, when ICU is present, stripped of their combining marks (Greek ά → α).
/// </remarks>
internal static class TextNormalizer
{
    private const int LatinStart = 0x80;
    private const int LatinEnd = 0x250; // Latin-1 Supplement, Latin Extended-A and -B.
    private const int LatinAdditionalStart = 0x1E00;
    private const int LatinAdditionalEnd = 0x1F00; // Latin Extended Additional (Vietnamese, Welsh...).
    private const int LatinAdditionalOffset = LatinEnd - LatinStart;
    private const int StackBufferLength = 256;

    /// <summary>Single-char fold of U+0080–U+024F, '\0' = dropped (two-char folds are in <see cref="TwoCharFold"/>).</summary>
    private const string LatinFold =
        "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" // U+0080
        + "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" // U+0090
        + "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" // U+00A0
        + "\0\0\0\0\0\u00B5\0\0\0\0\0\0\0\0\0\0" // U+00B0
        + "aaaaaa\0ceeeeiiii" // U+00C0
        + "dnooooo\0ouuuuy\0\0" // U+00D0
        + "aaaaaa\0ceeeeiiii" // U+00E0
        + "dnooooo\0ouuuuy\0y" // U+00F0
        + "aaaaaaccccccccdd" // U+0100
        + "ddeeeeeeeeeegggg" // U+0110
        + "gggghhhhiiiiiiii" // U+0120
        + "ii\0\0jjkk\u0138lllllll" // U+0130
        + "lllnnnnnn\u0149\u014B\u014Boooo" // U+0140
        + "oo\0\0rrrrrrssssss" // U+0150
        + "ssttttttuuuuuuuu" // U+0160
        + "uuuuwwyyyzzzzzzs" // U+0170
        + "\u0180\u0253\u0183\u0183\u0185\u0185\u0254\u0188\u0188\u0256\u0257\u018C\u018C\u018D\u01DD\u0259" // U+0180
        + "\u025B\u0192\u0192\u0260\u0263\u0195\u0269\u0268\u0199\u0199\u019A\u019B\u026F\u0272\u019E\u0275" // U+0190
        + "oo\u01A3\u01A3\u01A5\u01A5\u0280\u01A8\u01A8\u0283\u01AA\u01AB\u01AD\u01AD\u0288u" // U+01A0
        + "u\u028A\u028B\u01B4\u01B4\u01B6\u01B6\u0292\u01B9\u01B9\u01BA\u01BB\u01BD\u01BD\u01BE\u01BF" // U+01B0
        + "\u01C0\u01C1\u01C2\u01C3\u01C6\u01C6\u01C6\u01C9\u01C9\u01C9\u01CC\u01CC\u01CCaai" // U+01C0
        + "ioouuuuuuuuuu\u01DDaa" // U+01D0
        + "aa\0\0\u01E5\u01E5ggkkoooo\u0292\u0292" // U+01E0
        + "j\u01F3\u01F3\u01F3gg\u0195\u01BFnnaa\0\0oo" // U+01F0
        + "aaaaeeeeiiiioooo" // U+0200
        + "rrrruuuusstt\u021D\u021Dhh" // U+0210
        + "\u019E\u0221\u0223\u0223\u0225\u0225aaeeoooooo" // U+0220
        + "ooyy\u0234\u0235\u0236\u0237\u0238\u0239\u2C65\u023C\u023C\u019A\u2C66\u023F" // U+0230
        + "\u0240\u0242\u0242\u0180\u0289\u028C\u0247\u0247\u0249\u0249\u024B\u024B\u024D\u024D\u024F\u024F"; // U+0240

    /// <summary>Single-char fold of U+1E00–U+1EFF, '\0' = dropped (two-char folds are in <see cref="TwoCharFold"/>).</summary>
    private const string LatinAdditionalFold =
        "aabbbbbbccdddddd" // U+1E00
        + "ddddeeeeeeeeeeff" // U+1E10
        + "gghhhhhhhhhhiiii" // U+1E20
        + "kkkkkkllllllllmm" // U+1E30
        + "mmmmnnnnnnnnoooo" // U+1E40
        + "oooopppprrrrrrrr" // U+1E50
        + "sssssssssstttttt" // U+1E60
        + "ttuuuuuuuuuuvvvv" // U+1E70
        + "wwwwwwwwwwxxxxyy" // U+1E80
        + "zzzzzzhtwy\u1E9As\u1E9C\u1E9D\0\u1E9F" // U+1E90
        + "aaaaaaaaaaaaaaaa" // U+1EA0
        + "aaaaaaaaeeeeeeee" // U+1EB0
        + "eeeeeeeeiiiioooo" // U+1EC0
        + "oooooooooooooooo" // U+1ED0
        + "oooouuuuuuuuuuuu" // U+1EE0
        + "uuyyyyyyyy\u1EFB\u1EFB\u1EFD\u1EFD\u1EFF\u1EFF"; // U+1EF0

    /// <summary>
    /// Two chars per table entry (<see cref="LatinFold"/> then <see cref="LatinAdditionalFold"/>):
    /// the folded form, '\0'-padded; "\0\0" means the char is dropped.
    /// </summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Normalizes <paramref name="text"/> into a new string (empty when nothing is kept).</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        int needed = text.Length * 2;
        char[]? rented = null;
        Span<char> buffer = needed <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(needed));
        try
        {
            int written = Normalize(text, buffer);
            return written == 0 ? string.Empty : new string(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Normalizes <paramref name="text"/> into <paramref name="destination"/>, which must hold at least
    /// <c>text.Length * 2</c> chars (œ, æ, ß expand to two). Returns the number of chars written.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        int written = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < LatinStart)
            {
                if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
                {
                    destination[written++] = c;
                }
                else if (char.IsAsciiLetterUpper(c))
                {
                    destination[written++] = (char)(c | 0x20);
                }

                continue;
            }

            int entry = TableEntry(c);
            if (entry >= 0)
            {
                char first = FoldTable[entry];
                if (first != '\0')
                {
                    destination[written++] = first;
                    char second = FoldTable[entry + 1];
                    if (second != '\0')
                    {
                        destination[written++] = second;
                    }
                }

                continue;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var rune = new Rune(c, text[i + 1]);
                    i++;
                    if (Rune.IsLetterOrDigit(rune))
                    {
                        written += Rune.ToLowerInvariant(rune).EncodeToUtf16(destination[written..]);
                    }
                }

                continue;
            }

            if (FoldOther(c, out char folded))
            {
                destination[written++] = folded;
            }
        }

        return written;
    }

    /// <summary>
    /// Folds one char to a single lower-case, accent-free char (used by boolean parsing). False when the
    /// char is dropped by normalization (punctuation, spaces) or folds to two chars (œ, æ, ß).
    /// </summary>
    internal static bool TryFoldChar(char c, out char folded)
    {
        if (c < LatinStart)
        {
            folded = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            return char.IsAsciiLetterOrDigit(c);
        }

        int entry = TableEntry(c);
        if (entry >= 0)
        {
            folded = FoldTable[entry];
            return folded != '\0' && FoldTable[entry + 1] == '\0';
        }

        return FoldOther(c, out folded);
    }

    /// <summary>Index of <paramref name="c"/>'s entry in <see cref="FoldTable"/>, or -1 outside the tables.</summary>
    private static int TableEntry(char c)
    {
        if (c < LatinEnd)
        {
            return (c - LatinStart) * 2;
        }

        if (c >= LatinAdditionalStart && c < LatinAdditionalEnd)
        {
            return (c - LatinAdditionalStart + LatinAdditionalOffset) * 2;
        }

        return -1;
    }

    /// <summary>
    /// Folds a BMP char outside the tables: letters and digits are lower-cased, after dropping their
    /// combining marks when ICU can decompose them; anything else (symbols, spaces, marks, surrogates) is dropped.
    /// </summary>
    private static bool FoldOther(char c, out char folded)
    {
        folded = '\0';
        if (!char.IsLetterOrDigit(c))
        {
            return false;
        }

        char result = c;
        Span<char> decomposed = stackalloc char[8];
        if (new ReadOnlySpan<char>(in c).TryNormalize(decomposed, out int length, NormalizationForm.FormD)
            && length > 1
            && char.IsLetterOrDigit(decomposed[0])
            && AreAllMarks(decomposed[1..length]))
        {
            result = decomposed[0];
        }

        folded = char.ToLowerInvariant(result);
        return true;
    }

    private static bool AreAllMarks(ReadOnlySpan<char> chars)
    {
        foreach (char c in chars)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The folds that expand to two chars, or null.</summary>
    private static string? TwoCharFold(char c) => c switch
    {
        'œ' or 'Œ' => "oe",
        'æ' or 'Æ' or 'ǣ' or 'Ǣ' or 'ǽ' or 'Ǽ' => "ae",
        'ß' or 'ẞ' => "ss",
        'ĳ' or 'Ĳ' => "ij",
        'þ' or 'Þ' => "th",
        _ => null,
    };

    private static char[] BuildFoldTable()
    {
        var table = new char[(LatinFold.Length + LatinAdditionalFold.Length) * 2];
        Fill(table, LatinFold, LatinStart, 0);
        Fill(table, LatinAdditionalFold, LatinAdditionalStart, LatinAdditionalOffset);
        return table;

        static void Fill(char[] table, string singles, int firstCode, int firstEntry)
        {
            for (int i = 0; i < singles.Length; i++)
            {
                int k = (firstEntry + i) * 2;
                string? pair = TwoCharFold((char)(firstCode + i));
                if (pair is not null)
                {
                    table[k] = pair[0];
                    table[k + 1] = pair[1];
                }
                else
                {
                    table[k] = singles[i];
                }
            }
        }
    }
}
