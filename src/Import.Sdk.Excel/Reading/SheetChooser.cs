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

        var list = string.Join(", ", names.Select(n => $"'{n}'"));
        throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.SheetNotFound, requested, list));
    }
}
