using System.Globalization;
using Import.Sdk.Resources;

namespace Import.Sdk.Reporting;

/// <summary>
/// Cuts a cell value (or a message built around one) to a readable length before it goes into an issue, a message, the
/// console, the JSON report or the errors column: whatever a cell's size, what the report quotes of it is small. The errors
/// file keeps the rejected rows' cells whole (its purpose); the readers bound those with <see cref="ReaderOptions.MaxCellLength"/>.
/// </summary>
internal static class DisplayText
{
    /// <summary>The characters of a value quoted in an issue's value or message.</summary>
    public const int MaxValueLength = 100;

    /// <summary>The characters of a message kept whole (a host rule's or a reader's message may quote a whole cell).</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>
    /// Returns <paramref name="value"/> when it is at most <paramref name="max"/> characters long; otherwise its first
    /// characters and "… (N characters)", in the UI culture. Never cuts a surrogate pair in two.
    /// </summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="ui">The culture of the messages.</param>
    /// <param name="max">The most characters kept whole.</param>
    /// <returns>The value, cut when it is long.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Cut(string? value, CultureInfo ui, int max = MaxValueLength) =>
        value is null || value.Length <= max ? value : CutLong(value.AsSpan(), ui, max);

    /// <summary>The same as <see cref="Cut(string?, CultureInfo, int)"/> for characters not yet made a string.</summary>
    /// <param name="value">The value.</param>
    /// <param name="ui">The culture of the messages.</param>
    /// <param name="max">The most characters kept whole.</param>
    /// <returns>The value as a string, cut when it is long.</returns>
    public static string Cut(ReadOnlySpan<char> value, CultureInfo ui, int max = MaxValueLength) =>
        value.Length <= max ? value.ToString() : CutLong(value, ui, max);

    private static string CutLong(ReadOnlySpan<char> value, CultureInfo ui, int max)
    {
        var keep = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Concat(value[..keep], Messages.Format(ui, Messages.ValueCut, value.Length.ToString("N0", ui)));
    }
}
