using System.Text;

namespace Import.Sdk.Readers.Csv;

/// <summary>A value as messages and reports quote it: at most 100 characters then "…", a NUL character shown as <c>\0</c>.</summary>
internal static class CellText
{
    public const int MaxLength = Reporting.DisplayText.MaxValueLength; // the pipeline keeps a value so cut as it is

    /// <summary>Cuts UTF-8 text, decoding only the bytes the cut text can come from.</summary>
    public static string Cut(ReadOnlySpan<byte> utf8)
    {
        var bytes = utf8[..Math.Min(utf8.Length, (4 * MaxLength) + 4)];
        return Cut(Encoding.UTF8.GetString(bytes), cut: bytes.Length < utf8.Length);
    }

    public static string Cut(string text) => Cut(text, cut: false);

    private static string Cut(string text, bool cut)
    {
        if (text.Length > MaxLength)
        {
            var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            text = text[..length];
            cut = true;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            text = text.Replace("\0", "\\0", StringComparison.Ordinal);
        }

        return cut ? text + "…" : text;
    }
}
