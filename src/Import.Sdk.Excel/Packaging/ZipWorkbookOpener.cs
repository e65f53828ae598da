using System.Globalization;
using Import.Sdk.Excel.Detection;
using Import.Sdk.Excel.Reading;
using Import.Sdk.Excel.Resources;
using Import.Sdk.Excel.Xlsb;
using Import.Sdk.Excel.Xlsx;

namespace Import.Sdk.Excel.Packaging;

/// <summary>
/// Opens a ZIP workbook by what it holds, whatever its name: the package's main relationship leads to an XML workbook
/// (XLSX, XLSM, Strict) or a binary one (XLSB); Apple Numbers documents and other ZIP files get one clear error.
/// </summary>
internal static class ZipWorkbookOpener
{
    public static async ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, ExcelReaderOptions limits, CancellationToken cancellationToken)
    {
        var ui = options.UiCulture;
        var input = await SeekableInput.EnsureAsync(stream, cancellationToken).ConfigureAwait(false);

        OpcPackage? package = null;
        try
        {
            try
            {
                package = new OpcPackage(input, new InflationBudget(limits.MaxUncompressedBytes, ui));
            }
            catch (Exception ex) when (ExcelThrow.IsFileDefect(ex))
            {
                await input.DisposeAsync().ConfigureAwait(false);
                throw ExcelThrow.Wrap(ui, ex, null);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var fileLength = totalBytes ?? package.InputLength;
            var reader = Open(package, fileLength, options, limits, cancellationToken);
            package = null; // owned by the reader
            return reader;
        }
        catch (Exception ex) when (ExcelThrow.IsFileDefect(ex))
        {
            throw ExcelThrow.Wrap(ui, ex, null);
        }
        finally
        {
            package?.Dispose();
        }
    }

    private static ITabularReader Open(OpcPackage package, long fileLength, ReaderOptions options, ExcelReaderOptions limits, CancellationToken cancellationToken)
    {
        var ui = options.UiCulture;
        var workbookPart = package.FindOfficeDocument();
        if (workbookPart is null)
        {
            ExcelThrow.Malformed(ui, package.PartNames.Any(ContainerSniffer.IsNumbersPart) ? ExcelMessages.AppleNumbers : ExcelMessages.NotAWorkbook);
        }

        if (workbookPart.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
        {
            var workbook = Step(ui, ExcelMessages.PartWorkbook, () => XlsbWorkbook.Load(package, workbookPart));
            var sheet = Choose(workbook.Sheets, options, ui, out var index);
            var strings = ReadStrings(limits, ui, table => workbook.ReadSharedStrings(table, options.MaxCellLength));
            try
            {
                var formats = Step(ui, ExcelMessages.PartStyles, workbook.ReadCellFormats);
                XlsbRowSource Rows(string part) => new(package.Open(part), package.DeclaredLength(part), fileLength, strings, formats, workbook.Date1904, options.MaxCellLength);
                return WorkbookTabularReader.Open(Rows(sheet), new Owner(package, strings), Info("xlsb", workbook.Sheets, index), fileLength, limits.MaxCells, options.MaxCellLength, ui, cancellationToken, OthersWithData(workbook.Sheets, index, Rows, limits, options));
            }
            catch
            {
                strings.Dispose();
                throw;
            }
        }
        else
        {
            var workbook = Step(ui, ExcelMessages.PartWorkbook, () => XlsxWorkbook.Load(package, workbookPart));
            if (workbook is null)
            {
                ExcelThrow.Malformed(ui, ExcelMessages.NotAWorkbook);
            }

            var sheet = Choose(workbook.Sheets, options, ui, out var index);
            var strings = ReadStrings(limits, ui, table => workbook.ReadSharedStrings(table, options.MaxCellLength));
            try
            {
                var formats = Step(ui, ExcelMessages.PartStyles, workbook.ReadCellFormats);
                XlsxRowSource Rows(string part) => new(package.Open(part), package.DeclaredLength(part), fileLength, strings, formats, workbook.Date1904, options.MaxCellLength);
                return WorkbookTabularReader.Open(Rows(sheet), new Owner(package, strings), Info("xlsx", workbook.Sheets, index), fileLength, limits.MaxCells, options.MaxCellLength, ui, cancellationToken, OthersWithData(workbook.Sheets, index, Rows, limits, options));
            }
            catch
            {
                strings.Dispose();
                throw;
            }
        }
    }

    /// <summary>Reads the shared strings into a new table, disposed (its temporary file deleted) when the reading fails.</summary>
    private static SharedStringTable ReadStrings(ExcelReaderOptions limits, CultureInfo ui, Func<SharedStringTable, SharedStringTable> read)
    {
        var table = new SharedStringTable(limits.MaxSharedStrings, limits.MaxSharedStringCharacters, ui, new PagedByteStore(memoryBudget: limits.SharedStringMemory, ui: ui, directory: limits.SharedStringFolder));
        try
        {
            return Step(ui, ExcelMessages.PartSharedStrings, () => read(table));
        }
        catch
        {
            table.Dispose();
            throw;
        }
    }

    /// <summary>Runs a step of the opening that reads <paramref name="part"/>: a parser's failure names that part.</summary>
    private static T Step<T>(CultureInfo ui, string part, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ExcelThrow.IsFileDefect(ex))
        {
            throw ExcelThrow.Wrap(ui, ex, ExcelThrow.Part(ui, part));
        }
    }

    private static string Choose(IReadOnlyList<SheetEntry> sheets, ReaderOptions options, CultureInfo ui, out int index)
    {
        index = SheetChooser.Choose(sheets, options.Sheet, ui);
        var part = sheets[index].Part;
        if (part is null)
        {
            ExcelThrow.Damaged(ui, ExcelMessages.Format(ui, ExcelMessages.SheetPartMissing, sheets[index].Name));
        }

        return part;
    }

    /// <summary>For the message of an empty sheet: the other sheets holding data (see <see cref="SheetChooser.SheetsWithData"/>).</summary>
    private static Func<IReadOnlyList<string>> OthersWithData(IReadOnlyList<SheetEntry> sheets, int index, Func<string, IRowSource> rows, ExcelReaderOptions limits, ReaderOptions options) =>
        () => SheetChooser.SheetsWithData(sheets, index, i => sheets[i].Part is { } part ? rows(part) : null, limits.MaxCells, options.MaxCellLength, options.UiCulture);

    private static SourceInfo Info(string format, IReadOnlyList<SheetEntry> sheets, int index) =>
        new(format, null, null, sheets[index].Name, sheets.Select(s => s.Name).ToArray());

    /// <summary>What a workbook's reader disposes with it: the package (and so the file) and the shared strings (and their temporary file).</summary>
    private sealed class Owner(OpcPackage package, SharedStringTable strings) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                strings.Dispose();
            }
            finally
            {
                package.Dispose();
            }
        }
    }
}
