using CsvHelper;
using Import.Sdk.Resources;

namespace Import.Sdk.Readers.Csv;

/// <summary>
/// The header is the first line that holds text, as in a sheet: blank lines (or emptied rows, separators only) above it are
/// passed over and the rows keep the file's line numbers (the header on line 3, the first data row is row 4).
/// </summary>
internal sealed partial class CsvTabularReader
{
    /// <summary>Reads up to the header record and returns its row number in the file; a file without one is refused.</summary>
    private static async ValueTask<int> ReadHeaderAsync(CsvReader csv, System.Globalization.CultureInfo ui, CancellationToken cancellationToken)
    {
        var row = 1;
        try
        {
            await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            if (!IsBlank(csv.Headers))
            {
                return row;
            }

            while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                row++;
                if (!IsBlank(csv))
                {
                    await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false); // this record is the header
                    return row;
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw new MalformedFileException(Messages.Format(ui, Messages.HeaderUnreadable), ex) { Row = row };
        }

        throw new MalformedFileException(Messages.Format(ui, Messages.EmptyFile)) { Row = 1 };
    }

    private static bool IsBlank(IReadOnlyList<string> header)
    {
        foreach (var name in header)
        {
            if (!IsBlank(name.AsSpan()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the record holds no text: empty cells, or the DOS end-of-file mark (Ctrl+Z, 0x1A) alone, which DOS-era exports
    /// write on a line of its own after their last row (it was a row of one cell, rejected for its missing values).
    /// </summary>
    private static bool IsBlank(CsvReader csv)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var cell = csv.GetSpan(i);
            if (!cell.IsEmpty && !(cell.Length == 1 && cell[0] == '\u001A'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(ReadOnlySpan<char> cell) => cell.IsEmpty || (cell.Length == 1 && cell[0] == '\u001A');
}
