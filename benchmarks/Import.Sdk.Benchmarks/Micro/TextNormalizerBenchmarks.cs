using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Import.Sdk.Mapping;

namespace Import.Sdk.Benchmarks.Micro;

/// <summary>
/// Header and enum folding ("Délai de paiement (jours)" → "delaidepaiementjours"): the naive
/// <c>string.Normalize(FormD)</c> + filter (baseline) against <see cref="TextNormalizer.Normalize(ReadOnlySpan{char})"/>
/// and its allocation-free span overload (used per enum cell).
/// </summary>
public class TextNormalizerBenchmarks
{
    private readonly string _header = "Délai de paiement (jours)";
    private readonly string _enumCell = "Prélèvement";
    private readonly char[] _buffer = new char[64];

    [Benchmark(Baseline = true, Description = "naive FormD + filter, header")]
    public string NaiveHeader() => Naive(_header);

    [Benchmark(Description = "TextNormalizer.Normalize, header")]
    public string OursHeader() => TextNormalizer.Normalize(_header);

    [Benchmark(Description = "TextNormalizer.Normalize(span), enum cell")]
    public int OursEnumCellSpan() => TextNormalizer.Normalize(_enumCell, _buffer);

    private static string Naive(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
    }
}
