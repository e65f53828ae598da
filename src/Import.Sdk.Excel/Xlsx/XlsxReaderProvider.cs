using Import.Sdk.Excel.Detection;
using Import.Sdk.Excel.Packaging;

namespace Import.Sdk.Excel.Xlsx;

/// <summary>
/// XLSX/XLSM (also Strict Open XML): any ZIP file whose first entries do not show an XLSB, so that every ZIP gets a
/// precise answer from <see cref="OpenAsync"/> (an XLSB found further in, an Apple Numbers document, a ZIP that is no
/// workbook, a damaged archive) instead of "unknown format".
/// </summary>
internal sealed class XlsxReaderProvider(ExcelReaderOptions limits) : ITabularReaderProvider
{
    public string Format => "xlsx";

    public bool CanRead(ReadOnlySpan<byte> head, string fileName) =>
        ContainerSniffer.IsZip(head) && ContainerSniffer.Classify(ContainerSniffer.ZipEntryNames(head.ToArray())) != ContainerSniffer.ZipKind.Xlsb;

    public ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return ZipWorkbookOpener.OpenAsync(stream, totalBytes, options, limits, cancellationToken);
    }
}
