using System.Globalization;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Reading;

/// <summary>
/// Chooses the sheet to read from <see cref="ReaderOptions.Sheet"/>: its exact name, else its name ignoring case, else a
/// 1-based index; by default the first visible sheet (the first sheet when all are hidden).
/// </summary>
internal static class SheetChooser
{
    public static int Choose(IReadOnlyList<SheetEntry> sheets, string? requested, CultureInfo ui)
    {
        var names = sheets.Select(s => s.Name).ToArray();
        if (names.Length == 0)
        {
            ExcelThrow.Malformed(ui, ExcelMessages.NoSheets);
        }

        if (string.IsNullOrEmpty(requested))
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (sheets[i].Visible)
                {
                    return i;
                }
            }

            return 0;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], requested, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i].Trim(), requested.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        if (int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && index <= names.Length)
        {
            return index - 1;
        }

        throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.SheetNotFound, requested, List(names)));
    }

    /// <summary>The most rows read in each other sheet to find out whether it holds data.</summary>
    public const int ProbeRows = 1000;

    /// <summary>The most other sheets looked into.</summary>
    public const int ProbeSheets = 50;

    /// <summary>
    /// The names of the sheets other than <paramref name="chosen"/> that hold data: a non-empty row within their first
    /// <see cref="ProbeRows"/> rows (at most <see cref="ProbeSheets"/> sheets looked into). A sheet that cannot be opened or
    /// read is left out: this only serves to tell the user where the data may be.
    /// </summary>
    /// <param name="sheets">The workbook's sheets.</param>
    /// <param name="chosen">The index of the sheet found empty.</param>
    /// <param name="open">Opens a sheet's rows, or <see langword="null"/> when it cannot.</param>
    /// <param name="maxCells">The cell limit of a row buffer.</param>
    /// <param name="maxCellLength">The longest cell.</param>
    /// <param name="ui">The culture of messages.</param>
    public static IReadOnlyList<string> SheetsWithData(IReadOnlyList<SheetEntry> sheets, int chosen, Func<int, IRowSource?> open, long maxCells, int maxCellLength, CultureInfo ui)
    {
        var found = new List<string>();
        var looked = 0;
        for (var i = 0; i < sheets.Count && looked < ProbeSheets; i++)
        {
            if (i == chosen)
            {
                continue;
            }

            looked++;
            try
            {
                using var source = open(i);
                if (source is not null && HasData(source, new RowBuffer(maxCells, maxCellLength, ui)))
                {
                    found.Add(sheets[i].Name);
                }
            }
            catch (Exception ex) when (ExcelThrow.IsFileDefect(ex) || ex is ImportException)
            {
                // a damaged sheet is no advice: left out
            }
        }

        return found;
    }

    /// <summary>The message of an empty sheet: the sheets holding data named, and how to choose one, when there are any.</summary>
    public static string EmptySheetMessage(string sheet, IReadOnlyList<string> withData, CultureInfo ui) =>
        withData.Count == 0
            ? ExcelMessages.Format(ui, ExcelMessages.EmptySheet, sheet)
            : ExcelMessages.Format(ui, ExcelMessages.EmptySheetOthersHoldData, sheet, List(withData), withData[0]);

    /// <summary>The most sheets a message lists, and the longest name it quotes whole (Excel's names have at most 31 characters).</summary>
    private const int ListedSheets = 20;

    private const int ListedNameLength = 100;

    /// <summary>
    /// Quotes sheet names for a message: the first <see cref="ListedSheets"/>, then "…", each cut at <see cref="ListedNameLength"/>
    /// characters, so that a workbook of thousands of sheets (or of one huge name) does not make a message of megabytes.
    /// </summary>
    private static string List(IReadOnlyList<string> names)
    {
        var quoted = names.Take(ListedSheets).Select(n => n.Length > ListedNameLength ? $"'{n[..ListedNameLength]}…'" : $"'{n}'");
        return string.Join(", ", names.Count > ListedSheets ? quoted.Append("…") : quoted);
    }

    private static bool HasData(IRowSource source, RowBuffer row)
    {
        for (var read = 0; read < ProbeRows && source.TryReadRow(row); read++)
        {
            if (!row.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
