using Import.Sdk.Excel.Detection;
using Import.Sdk.Excel.Packaging;

namespace Import.Sdk.Excel.Xlsb;

/// <summary>XLSB: a ZIP whose local file headers (within the first 64 KiB) name a <c>workbook.bin</c> part.</summary>
internal sealed class XlsbReaderProvider(ExcelReaderOptions limits) : ITabularReaderProvider
{
    public string Format => "xlsb";

    public bool CanRead(ReadOnlySpan<byte> head, string fileName) =>
        ContainerSniffer.IsZip(head) && ContainerSniffer.Classify(ContainerSniffer.ZipEntryNames(head.ToArray())) == ContainerSniffer.ZipKind.Xlsb;

    public ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return ZipWorkbookOpener.OpenAsync(stream, totalBytes, options, limits, cancellationToken);
    }
}
