namespace Import.Sdk.Excel.Cells;

/// <summary>A1-style cell references: column letters to 0-based index and back.</summary>
internal static class CellReference
{
    /// <summary>The number of columns of an Excel sheet (A to XFD).</summary>
    public const int MaxColumns = 16384;

    /// <summary>
    /// Reads the column of a reference such as <c>B7</c> or <c>b7</c> (letters then digits).
    /// Returns -1 when the reference has no letters (some writers put a bare number there: the cell then follows the previous one).
    /// Returns <see cref="int.MaxValue"/> for a column past any sane bound.
    /// </summary>
    public static int ParseColumn(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            int digit;
            if (c is >= 'A' and <= 'Z')
            {
                digit = c - 'A' + 1;
            }
            else if (c is >= 'a' and <= 'z')
            {
                digit = c - 'a' + 1;
            }
            else if (c == '$' && letters == 0)
            {
                continue;
            }
            else
            {
                break;
            }

            if (++letters > 4)
            {
                return int.MaxValue;
            }

            column = (column * 26) + digit;
        }

        return letters == 0 ? -1 : column - 1;
    }

    /// <summary>Writes the letters of a 0-based column (0 → A, 27 → AB).</summary>
    public static string ColumnName(int column)
    {
        Span<char> buffer = stackalloc char[8];
        var position = buffer.Length;
        var n = column + 1;
        while (n > 0 && position > 0)
        {
            var rem = (n - 1) % 26;
            buffer[--position] = (char)('A' + rem);
            n = (n - 1) / 26;
        }

        return new string(buffer[position..]);
    }
}
