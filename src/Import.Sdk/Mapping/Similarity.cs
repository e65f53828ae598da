using System.Buffers;

namespace Import.Sdk.Mapping;

/// <summary>
/// Fuzzy matching of header names and enum values. Both methods compare the chars as given (ordinal):
/// pass them strings already folded by <see cref="TextNormalizer.Normalize(ReadOnlySpan{char})"/>.
/// </summary>
internal static class Similarity
{
    private const int StackBufferLength = 256;

    /// <summary>
    /// Damerau-Levenshtein distance in its optimal string alignment variant: the minimum number of
    /// insertions, deletions, substitutions and transpositions of two adjacent chars (no substring
    /// edited twice). Allocation-free for strings up to ~80 chars.
    /// </summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // A common prefix or suffix never changes the distance.
        int prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        while (!a.IsEmpty && !b.IsEmpty && a[^1] == b[^1])
        {
            a = a[..^1];
            b = b[..^1];
        }

        // Rows are as long as the shorter string.
        if (a.Length < b.Length)
        {
            ReadOnlySpan<char> swap = a;
            a = b;
            b = swap;
        }

        if (b.IsEmpty)
        {
            return a.Length;
        }

        int columns = b.Length + 1;
        int needed = columns * 3;
        int[]? rented = null;
        Span<int> buffer = needed <= StackBufferLength
            ? stackalloc int[StackBufferLength]
            : (rented = ArrayPool<int>.Shared.Rent(needed));
        try
        {
            Span<int> previousPrevious = buffer.Slice(0, columns);
            Span<int> previous = buffer.Slice(columns, columns);
            Span<int> current = buffer.Slice(columns * 2, columns);
            for (int j = 0; j < columns; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                char ca = a[i - 1];
                current[0] = i;
                for (int j = 1; j < columns; j++)
                {
                    char cb = b[j - 1];
                    int cost = ca == cb ? 0 : 1;
                    int distance = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == cb)
                    {
                        distance = Math.Min(distance, previousPrevious[j - 2] + 1);
                    }

                    current[j] = distance;
                }

                Span<int> recycled = previousPrevious;
                previousPrevious = previous;
                previous = current;
                current = recycled;
            }

            return previous[b.Length];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Similarity in [0, 1]: <c>1 - Distance(a, b) / max(a.Length, b.Length)</c>; 1 for two empty strings.
    /// </summary>
    public static double Score(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int longest = Math.Max(a.Length, b.Length);
        if (longest == 0)
        {
            return 1.0;
        }

        return 1.0 - ((double)Distance(a, b) / longest);
    }
}
