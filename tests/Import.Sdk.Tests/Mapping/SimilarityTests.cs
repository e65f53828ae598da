using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Mapping;

namespace Import.Sdk.Tests.Mapping;

public class SimilarityTests
{
    private static Arbitrary<string> SmallAlphabetStrings =>
        Gen.Elements('a', 'b', 'c', 'd').ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("ab", "ba", 1)]
    [InlineData("abcd", "acbd", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("raisonsociale", "raisonsocial", 1)]
    [InlineData("raisonsociale", "raisonscoiale", 1)]
    [InlineData("codeclient", "clientcode", 8)]
    [InlineData("siret", "siren", 1)]
    [InlineData("adresse", "adrese", 1)]
    [InlineData("telephone", "telpehone", 1)]
    public void Distance_KnownPairs_ReturnsOptimalStringAlignmentDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, Similarity.Distance(a, b));
        Assert.Equal(expected, Similarity.Distance(b, a));
    }

    [Theory]
    [InlineData("", "", 1.0)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abc", "", 0.0)]
    [InlineData("abcd", "abce", 0.75)]
    [InlineData("ab", "ba", 0.5)]
    [InlineData("abc", "xyz", 0.0)]
    public void Score_KnownPairs_ReturnsOneMinusRelativeDistance(string a, string b, double expected) =>
        Assert.Equal(expected, Similarity.Score(a, b), 10);

    [Fact]
    public void Score_TypoInHeader_ScoresHigherThanUnrelatedHeader()
    {
        string header = TextNormalizer.Normalize("Raison socaile");
        double typo = Similarity.Score(header, TextNormalizer.Normalize("Raison sociale"));
        double unrelated = Similarity.Score(header, TextNormalizer.Normalize("Code postal"));
        Assert.True(typo > 0.9, $"typo score {typo}");
        Assert.True(unrelated < 0.5, $"unrelated score {unrelated}");
    }

    [Fact]
    public void Distance_LongStrings_UsesPooledBuffer()
    {
        string a = new('a', 500);
        string b = "b" + new string('a', 498) + "c";
        Assert.Equal(2, Similarity.Distance(a, b));
        Assert.Equal(500, Similarity.Distance(a, new string('z', 500)));
        Assert.Equal(100, Similarity.Distance(new string('x', 100) + a, a));
    }

    [Property(MaxTest = 2000)]
    public Property Distance_SmallAlphabet_MatchesReferenceImplementation() =>
        Prop.ForAll(SmallAlphabetStrings, SmallAlphabetStrings, (a, b) =>
            (Similarity.Distance(a, b) == ReferenceDistance(a, b)).ToProperty().Label($"'{a}' vs '{b}'"));

    [Property(MaxTest = 1000)]
    public Property Distance_AnyStrings_IsAMetricLikeFunction() =>
        Prop.ForAll(SmallAlphabetStrings, SmallAlphabetStrings, (a, b) =>
        {
            int d = Similarity.Distance(a, b);
            return d == Similarity.Distance(b, a)
                && (d == 0) == (a == b)
                && d <= Math.Max(a.Length, b.Length)
                && d >= Math.Abs(a.Length - b.Length);
        });

    [Property(MaxTest = 1000)]
    public bool Score_AnyStrings_IsBetweenZeroAndOne(string? a, string? b)
    {
        double score = Similarity.Score(a ?? string.Empty, b ?? string.Empty);
        return score is >= 0.0 and <= 1.0;
    }

    /// <summary>Textbook full-matrix optimal string alignment distance.</summary>
    private static int ReferenceDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [Fact]
    public void Distance_ShortStrings_DoesNotAllocate()
    {
        Similarity.Distance("raisonsociale", "raisonscoiale");
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Similarity.Distance("raisonsociale", "raisonscoiale");
            Similarity.Score("delaidepaiementjours", "delaipaiement");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
