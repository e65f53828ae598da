using System.Globalization;
using System.Text;

namespace Import.Sdk;

/// <summary>Options of the readers. Edit with <c>with</c>.</summary>
public sealed record ReaderOptions
{
    /// <summary>Gets the sheet to read, by name or 1-based index; the default is the first visible sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>Gets the field separator of a text file; the default (<see langword="null"/>) detects it among <c>;</c> <c>,</c> <c>|</c> and tab.</summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// Gets the encoding of a text file; the default (<see langword="null"/>) detects it: BOMs, UTF-16, UTF-8, else Windows-1252 or,
    /// when the accented letters only make sense so, the DOS code page 850 of old ERP exports. Code pages other than UTF-8, UTF-16
    /// and Latin-1 need <see cref="CodePagesEncodingProvider"/> (for example <c>CodePagesEncodingProvider.Instance.GetEncoding(437)</c>).
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Gets the culture of the messages readers write (French or English).</summary>
    /// <value>The default value is fr-FR; the pipeline passes its <see cref="ImportOptions.UiCulture"/>.</value>
    public CultureInfo UiCulture { get; init; } = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// Gets the largest record, in bytes, a text reader accepts. A longer record is not kept: its row is rejected with
    /// <see cref="IssueCodes.TooLong"/> (its start quoted cut short) and the import goes on with the next record, in memory
    /// that does not depend on the record (about twice this limit at most).
    /// </summary>
    /// <value>The default value is 4 MiB.</value>
    public int MaxRecordBytes { get; init; } = 4 << 20;

    /// <summary>
    /// Gets the longest cell, in characters, any reader accepts. A longer cell is not kept: its row is rejected with
    /// <see cref="IssueCodes.TooLong"/> (the value quoted cut short) and the import goes on, in memory that does not depend on the cell.
    /// </summary>
    /// <value>The default value is 2,097,152 characters (4 MiB in memory); Excel itself stops at 32,767.</value>
    public int MaxCellLength { get; init; } = 1 << 21;
}
