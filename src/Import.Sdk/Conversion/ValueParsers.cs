using System.Globalization;

namespace Import.Sdk.Conversion;

// Over 400 lines (about 1,100 over its partial files), on purpose: one static class of span parsers that share their tables
// and helpers (trim, digits, separators); a file per kind of value (numbers, dates, text) keeps each part readable.

/// <summary>
/// Hot-path cell converters. Every method is allocation-free on the success path, never throws for
/// any input text and never uses exceptions for control flow: they run once per cell on files of
/// millions of rows.
/// </summary>
/// <remarks>
/// The parsing logic is split over several files: <c>ValueParsers.Numbers.cs</c>,
/// <c>ValueParsers.Dates.cs</c> and <c>ValueParsers.Text.cs</c>.
/// </remarks>
internal static partial class ValueParsers
{
    /// <summary>Above this length, scratch buffers come from the array pool instead of the stack.</summary>
    private const int StackBufferLength = 128;

    /// <summary>
    /// Picks the number style for a culture: cultures whose <see cref="NumberFormatInfo.NumberDecimalSeparator"/>
    /// is "," get <see cref="NumberStyleKind.French"/>, all others <see cref="NumberStyleKind.Invariant"/>.
    /// </summary>
    public static NumberStyleKind StyleFor(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return string.Equals(culture.NumberFormat.NumberDecimalSeparator, ",", StringComparison.Ordinal)
            ? NumberStyleKind.French
            : NumberStyleKind.Invariant;
    }

    /// <summary>
    /// Trims ASCII whitespace (space, tab, CR, LF, VT, FF), no-break space (U+00A0), narrow no-break
    /// space (U+202F) and a stray byte order mark (U+FEFF) at both ends. Returns a slice, never allocates.
    /// </summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || (IsPrintableAscii(text[0]) && IsPrintableAscii(text[^1])))
        {
            return text; // most cells: nothing to trim
        }

        int start = 0;
        int end = text.Length - 1;
        while (start <= end && IsTrimmable(text[start]))
        {
            start++;
        }

        while (end >= start && IsTrimmable(text[end]))
        {
            end--;
        }

        return text.Slice(start, end - start + 1);
    }

    /// <summary>Gets whether a non-empty text starts and ends with a printable ASCII character: <see cref="Trim"/> would return it whole.</summary>
    internal static bool NeedsNoTrim(string text) => IsPrintableAscii(text[0]) && IsPrintableAscii(text[^1]);

    private static bool IsPrintableAscii(char c) => (uint)(c - '!') <= '~' - '!';

    private static bool IsTrimmable(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u00A0' or '\u202F' or '\uFEFF';
}
