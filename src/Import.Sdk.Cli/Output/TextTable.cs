using System.Text;

namespace Import.Sdk.Cli.Output;

/// <summary>A plain-text table with aligned columns, for output that is not a terminal (files, pipes, tests).</summary>
internal static class TextTable
{
    /// <summary>The widest a cell is shown; longer text is cut with "…".</summary>
    public const int MaxCellWidth = 40;

    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string indent = "", int maxCellWidth = MaxCellWidth)
    {
        var all = new List<string[]> { header.Select(c => Cell(c, maxCellWidth)).ToArray() };
        all.AddRange(rows.Select(r => r.Select(c => Cell(c, maxCellWidth)).ToArray()));
        var columns = all.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        for (var r = 0; r < all.Count; r++)
        {
            writer.WriteLine(Line(all[r], widths, indent));
            if (r == 0)
            {
                writer.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    /// <summary>A cell as shown: line breaks and tabs as spaces, other control characters escaped (<see cref="ConsoleText"/>), cut at <paramref name="maxWidth"/>.</summary>
    public static string Cell(string? text, int maxWidth = MaxCellWidth)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var flat = ConsoleText.Safe(text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '));
        return flat.Length <= maxWidth ? flat : string.Concat(flat.AsSpan(0, maxWidth - 1), "…");
    }

    private static string Line(string[] cells, int[] widths, string indent)
    {
        var builder = new StringBuilder(indent);
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            builder.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
        }

        return builder.ToString().TrimEnd();
    }
}
