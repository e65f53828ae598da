using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Mapping;

namespace Import.Sdk.Tests.Mapping;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Raison sociale", "raisonsociale")]
    [InlineData("Délai de paiement (jours)", "delaidepaiementjours")]
    [InlineData("CLIENT_CODE", "clientcode")]
    [InlineData("N° SIRET", "nsiret")]
    [InlineData("Nº SIRET", "nsiret")]
    [InlineData("client-code", "clientcode")]
    [InlineData("Code client", "codeclient")]
    [InlineData("codeClient", "codeclient")]
    [InlineData("L'adresse e-mail", "ladresseemail")]
    [InlineData("L\u2019adresse", "ladresse")]
    [InlineData("Façade", "facade")]
    [InlineData("ÉLÈVE À L'ÎLE", "elevealile")]
    [InlineData("Cœur", "coeur")]
    [InlineData("ŒUVRE", "oeuvre")]
    [InlineData("Lætitia", "laetitia")]
    [InlineData("ÆSOP", "aesop")]
    [InlineData("Straße", "strasse")]
    [InlineData("STRA\u1E9EE", "strasse")]
    [InlineData("Ñandú", "nandu")]
    [InlineData("Øresund", "oresund")]
    [InlineData("Łódź", "lodz")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Tiê\u0301ng Việt", "tiengviet")]
    [InlineData("e\u0301te\u0301", "ete")]
    [InlineData("Ελληνικά", "ελληνικα")]
    [InlineData("Код клиента", "кодклиента")]
    [InlineData("Montant TTC (€)", "montantttc")]
    [InlineData("Adresse\u00A0ligne\u202F2", "adresseligne2")]
    [InlineData("  Tab\tulé  ", "tabule")]
    [InlineData("123-456", "123456")]
    [InlineData("m²", "m")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("_-'()", "")]
    public void Normalize_Text_FoldsToLettersAndDigits(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Normalize_SpanOverload_WritesSameCharsAsStringOverload()
    {
        const string text = "Délai de paiement (jours) — Cœur ß";
        Span<char> destination = stackalloc char[text.Length * 2];
        int written = TextNormalizer.Normalize(text, destination);
        Assert.Equal(TextNormalizer.Normalize(text), destination[..written].ToString());
    }

    [Fact]
    public void Normalize_WorstCaseExpansion_FitsInTwiceTheLength()
    {
        string text = new('œ', 300);
        Span<char> destination = new char[text.Length * 2];
        Assert.Equal(600, TextNormalizer.Normalize(text, destination));
        Assert.Equal(string.Concat(Enumerable.Repeat("oe", 300)), TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_SurrogatePairs_KeepsLettersDropsSymbols()
    {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter; U+1F600 is an emoji.
        Assert.Equal("\U0001D400b", TextNormalizer.Normalize("\U0001D400-\U0001F600B"));
        Assert.Equal("ab", TextNormalizer.Normalize("a\uD800b\uDC00"));
    }

    [Fact]
    public void Normalize_LongText_UsesPooledBuffer()
    {
        string text = string.Concat(Enumerable.Repeat("Élément N° ", 100));
        Assert.Equal(string.Concat(Enumerable.Repeat("elementn", 100)), TextNormalizer.Normalize(text));
    }

    [Property(MaxTest = 1000)]
    public bool Normalize_AnyString_IsIdempotentAndOnlyLettersOrDigits(string? text)
    {
        string once = TextNormalizer.Normalize(text ?? string.Empty);
        return once == TextNormalizer.Normalize(once) && once.EnumerateRunes().All(System.Text.Rune.IsLetterOrDigit) && once.Length <= (text?.Length ?? 0) * 2;
    }

    [Property(MaxTest = 1000)]
    public Property Normalize_AnyBmpChar_NeverExpandsBeyondTwoChars() =>
        Prop.ForAll(Gen.Choose(0, 0xFFFF).Select(code => (char)code).ToArbitrary(), c =>
        {
            Span<char> destination = stackalloc char[2];
            int written = TextNormalizer.Normalize([c], destination);
            return written <= 2;
        });

    [Fact]
    public void Normalize_EveryBmpChar_NeverExpandsBeyondTwoCharsAndIsLowerCase()
    {
        Span<char> destination = stackalloc char[2];
        for (int code = 0; code <= 0xFFFF; code++)
        {
            char c = (char)code;
            int written = TextNormalizer.Normalize(new ReadOnlySpan<char>(in c), destination);
            Assert.InRange(written, 0, 2);
            for (int i = 0; i < written; i++)
            {
                Assert.True(char.IsLetterOrDigit(destination[i]), $"U+{code:X4} wrote U+{(int)destination[i]:X4}");
                Assert.Equal(char.ToLowerInvariant(destination[i]), destination[i]);
            }
        }
    }

    [Fact]
    public void Normalize_LatinTables_MatchRuntimeUnicodeDecomposition()
    {
        for (int code = 0x80; code <= 0x1EFF; code++)
        {
            if (code is >= 0x250 and < 0x1E00)
            {
                continue;
            }

            string text = ((char)code).ToString();
            Assert.True(Reference(text) == TextNormalizer.Normalize(text), $"U+{code:X4}: expected '{Reference(text)}', got '{TextNormalizer.Normalize(text)}'");
        }

        static string Reference(string text)
        {
            string? special = Special(text);
            if (special is not null)
            {
                return special;
            }

            string decomposed = text.Normalize(NormalizationForm.FormD);
            string baseChar = decomposed.Length > 1 && decomposed.Skip(1).All(c => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                ? decomposed[..1]
                : text;
            return Special(baseChar) ?? (char.IsLetterOrDigit(baseChar[0]) ? baseChar.ToLowerInvariant() : string.Empty);
        }

        static string? Special(string c) => c switch
        {
            "œ" or "Œ" => "oe",
            "æ" or "Æ" => "ae",
            "ß" or "ẞ" => "ss",
            "ĳ" or "Ĳ" => "ij",
            "þ" or "Þ" => "th",
            "ø" or "Ø" => "o",
            "đ" or "Đ" or "ð" or "Ð" => "d",
            "ł" or "Ł" or "ŀ" or "Ŀ" => "l",
            "ħ" or "Ħ" => "h",
            "ŧ" or "Ŧ" => "t",
            "ı" => "i",
            "ſ" => "s",
            "ª" or "º" => string.Empty,
            _ => null,
        };
    }

    [Fact]
    public void Normalize_SpanOverload_DoesNotAllocate()
    {
        const string text = "Délai de paiement (jours) — Cœur ß Việt";
        Span<char> destination = stackalloc char[text.Length * 2];
        TextNormalizer.Normalize(text, destination);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            TextNormalizer.Normalize(text, destination);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
