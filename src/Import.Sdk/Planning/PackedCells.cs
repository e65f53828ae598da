using Import.Sdk.Pipeline;

namespace Import.Sdk.Planning;

/// <summary>
/// The cells of a row held in one string, each as its length (two characters: 32 bits) then its characters: one object per row
/// instead of an array and a string per cell, for the rows a document import holds until its documents are known complete
/// (<see cref="DocumentAssembler"/>). Unpacked only for a row rejected after all, for the errors file.
/// </summary>
internal static class PackedCells
{
    /// <summary>Packs the row's cells, wherever they are kept (strings, or the batch's characters).</summary>
    /// <param name="row">The row, its batch's characters still readable.</param>
    /// <param name="slots">Per column, its place among the columns kept as characters, or -1.</param>
    /// <returns>The packed cells.</returns>
    public static string Pack(RowState row, int[] slots)
    {
        var length = 0;
        for (var column = 0; column < row.Cells.Length; column++)
        {
            length += 2 + Cell(row, column, slots).Length;
        }

        return string.Create(length, (row, slots), static (span, state) =>
        {
            var (row, slots) = state;
            var at = 0;
            for (var column = 0; column < row.Cells.Length; column++)
            {
                var cell = Cell(row, column, slots);
                span[at++] = (char)(cell.Length >> 16);
                span[at++] = (char)(cell.Length & 0xFFFF);
                cell.CopyTo(span[at..]);
                at += cell.Length;
            }
        });
    }

    /// <summary>The cells packed by <see cref="Pack"/> (an empty or missing cell as an empty string).</summary>
    /// <param name="packed">The packed cells.</param>
    /// <returns>The cells.</returns>
    public static string[] Unpack(string packed)
    {
        var cells = new List<string>();
        for (var at = 0; at < packed.Length;)
        {
            var length = (packed[at] << 16) | packed[at + 1];
            cells.Add(packed.Substring(at + 2, length));
            at += 2 + length;
        }

        return [.. cells];
    }

    private static ReadOnlySpan<char> Cell(RowState row, int column, int[] slots) =>
        row.Cells[column] is { } text ? text
        : row.CellChars is not null && column < slots.Length && slots[column] >= 0 ? row.Cell(column, slots[column])
        : default;
}
