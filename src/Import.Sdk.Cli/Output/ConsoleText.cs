using System.Globalization;
using System.Text;

namespace Import.Sdk.Cli.Output;

/// <summary>
/// Makes text that comes from a file (headers, cells, values and messages quoting them, sheet and file names) safe to print on a
/// terminal: a control character (ESC, CR, BEL… C0, DEL, C1) or a bidirectional override is shown as an escape (<c>\r</c>,
/// <c>\n</c>, <c>\t</c>, <c>\u001B</c>) instead of acting on the terminal. Human-readable output only: JSON escapes on its own.
/// </summary>
internal static class ConsoleText
{
    /// <summary>The text with every unsafe character escaped; the same instance when there is none (the usual case).</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text with every unsafe character escaped but its line breaks and tabs, for a message laid out on several lines (a
    /// command-line parser's list of allowed values) that may quote what was typed.
    /// </summary>
    public static string SafeLines(string? text) =>
        string.Join('\n', (text ?? string.Empty).Split('\n').Select(line => string.Join('\t', line.Split('\t').Select(Safe))));

    /// <summary>Whether a character acts on a terminal instead of being shown: a control character or a bidirectional override.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
