using System.Text;
using Import.Sdk.Excel.Detection;

namespace Import.Sdk.Excel.Xls;

/// <summary>XLS (BIFF2–BIFF8): an OLE2 compound file (which may also be an encrypted workbook) or a bare BIFF stream.</summary>
internal sealed class XlsReaderProvider : ITabularReaderProvider
{
    private readonly ExcelReaderOptions _options;

    /// <summary>
    /// Creates the provider and registers <see cref="CodePagesEncodingProvider"/> once for the process: ExcelDataReader needs
    /// the Windows code pages of old workbooks. The registration is process-wide and idempotent (registering the same
    /// provider instance again does nothing); it only adds encodings, it changes none.
    /// </summary>
    public XlsReaderProvider(ExcelReaderOptions options)
    {
        _options = options;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public string Format => "xls";

    /// <summary>
    /// Gets whether a plain BIFF8 workbook is read with our own record reader (<see cref="Biff8Workbook"/>) rather than
    /// ExcelDataReader: true but in the tests that compare both paths.
    /// </summary>
    internal bool OwnBiff8Reader { get; init; } = true;

    public bool CanRead(ReadOnlySpan<byte> head, string fileName) => ContainerSniffer.IsOle2(head) || ContainerSniffer.IsBareBiff(head);

    public ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return XlsWorkbookOpener.OpenAsync(stream, totalBytes, options, _options, cancellationToken, OwnBiff8Reader);
    }
}
