using Import.Sdk.Excel.Xls;
using Import.Sdk.Excel.Xlsb;
using Import.Sdk.Excel.Xlsx;

namespace Import.Sdk.Excel;

/// <summary>
/// The Excel formats, detected by content (a file named .csv that is an XLSX is read as XLSX, and the other way round):
/// XLSB, XLSX/XLSM (sheets streamed with <see cref="System.Xml.XmlReader"/>) and XLS (our own BIFF8 record reader, ExcelDataReader
/// for BIFF2–BIFF5 and what it leaves). Every ZIP or OLE2 file gets an answer from them: read, or one clear error
/// (password-protected workbook, Apple Numbers document, ZIP that is no workbook, damaged archive).
/// </summary>
/// <remarks>
/// Each sheet reads as text cells: the header is its first non-empty row (cells trimmed), rows keep the sheet's row
/// numbers, empty rows are skipped; numbers in invariant culture with Excel's 15 significant digits, dates in ISO 8601,
/// booleans <c>TRUE</c>/<c>FALSE</c>, Excel errors as empty cells plus a row problem. <see cref="SourceInfo.Sheets"/> lists
/// every sheet in workbook order, hidden and very hidden ones included; by default the first visible sheet is read.
/// Creating the providers registers <see cref="System.Text.CodePagesEncodingProvider"/> for the process (once, idempotent):
/// old XLS files need the Windows code pages.
/// </remarks>
public static class ExcelReaders
{
    /// <summary>Creates the Excel providers, for <see cref="FilePreview.ReadAsync(ImportSource, int, ReaderOptions?, IEnumerable{ITabularReaderProvider}?, CancellationToken)"/> or <see cref="ImportPipelineBuilder.UseReader"/>.</summary>
    /// <param name="options">The limits; the default ones when <see langword="null"/>.</param>
    /// <returns>The XLSB, XLSX and XLS providers, in the order they must be tried.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public static IReadOnlyList<ITabularReaderProvider> Create(ExcelReaderOptions? options = null)
    {
        options ??= new ExcelReaderOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxUncompressedBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxSharedStrings, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxCells, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxSharedStringCharacters, nameof(options));
        return [new XlsbReaderProvider(options), new XlsxReaderProvider(options), new XlsReaderProvider(options)];
    }
}
