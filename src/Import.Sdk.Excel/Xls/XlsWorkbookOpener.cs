using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Import.Sdk.Excel.Reading;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Opens an XLS workbook (BIFF2–BIFF8, in an OLE2 container or bare): a plain BIFF8 workbook with our own record reader
/// (<see cref="Biff8Workbook"/>), anything else with ExcelDataReader and the record pass. An OLE2 file may also hold an
/// encrypted OOXML workbook: ExcelDataReader opens those saved with Excel's default password; any other password gives
/// one clear "password-protected" error, as does an encrypted (RC4) XLS.
/// </summary>
internal static class XlsWorkbookOpener
{
    /// <remarks>
    /// A plain BIFF8 workbook (<see cref="Biff8Workbook.TryOpen"/>) is read with our own record reader unless
    /// <paramref name="ownBiff8Reader"/> is false (tests compare both paths); anything else with ExcelDataReader.
    /// </remarks>
    public static async ValueTask<ITabularReader> OpenAsync(Stream stream, long? totalBytes, ReaderOptions options, ExcelReaderOptions limits, CancellationToken cancellationToken, bool ownBiff8Reader = true)
    {
        var ui = options.UiCulture;
        var input = await SeekableInput.EnsureAsync(stream, cancellationToken).ConfigureAwait(false);

        IExcelDataReader? reader = null;
        var ownsInput = true;
        try
        {
            if (await IsBareBiffCutShortAsync(input, cancellationToken).ConfigureAwait(false))
            {
                ExcelThrow.Damaged(ui, ExcelMessages.Format(ui, ExcelMessages.DetailTruncated, ExcelThrow.Part(ui, ExcelMessages.PartXlsFile)));
            }

            if (ownBiff8Reader && Biff8Workbook.TryOpen(input, limits, options.MaxCellLength, ui) is { } own)
            {
                ownsInput = false; // the tabular reader disposes the input
                return OpenOwn(own, input, totalBytes, options, limits, cancellationToken);
            }

            Stream rows = input;
            try
            {
                reader = CreateReader(input);
                ownsInput = false; // the reader disposes the input
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                // a shared-string table ExcelDataReader cannot follow (a string's header cut by a CONTINUE record), which
                // LibreOffice and xlrd read: read the same workbook with that table rewritten well-formed (the rare path)
                var repaired = XlsSstRepair.TryRewrite(input, out var sharedStringsDamaged);
                if (repaired is null)
                {
                    if (sharedStringsDamaged)
                    {
                        throw ExcelThrow.DamagedException(ui, ExcelMessages.Format(ui, ExcelMessages.DetailSharedStrings), 0, ex);
                    }

                    throw;
                }

                reader = CreateReader(repaired);
                rows = repaired;
            }

            var sheets = new List<SheetEntry>();
            do
            {
                sheets.Add(new SheetEntry(reader.Name ?? string.Empty, reader.VisibleState is null or "visible", null));
            }
            while (reader.NextResult());

            var index = SheetChooser.Choose(sheets, options.Sheet, ui);
            reader.Reset();
            for (var i = 0; i < index; i++)
            {
                reader.NextResult();
            }

            var format = reader.GetType().Name.Contains("OpenXml", StringComparison.Ordinal) ? "xlsx" : "xls";
            var info = new SourceInfo(format, null, null, sheets[index].Name, sheets.Select(s => s.Name).ToArray());
            // read from the rewritten table when there is one: its count is the number of strings the table truly holds
            var errors = format == "xls" ? XlsRecordPass.Read(rows, sheets[index].Name, limits.MaxCells) : null;
            var source = new XlsRowSource(reader, rows, options.MaxCellLength, errors);
            var book = reader;
            reader = null; // owned by the source
            return WorkbookTabularReader.Open(source, null, info, totalBytes ?? (input.CanSeek ? input.Length : null), limits.MaxCells, options.MaxCellLength, ui, cancellationToken, OthersWithData(book, sheets, index, rows, limits, options));
        }
        catch (InvalidPasswordException ex)
        {
            throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.PasswordProtected), ex);
        }
        catch (ExcelReaderException ex) when (ex.Message.Contains("'Workbook'", StringComparison.Ordinal) && ex.Message.Contains("'Book'", StringComparison.Ordinal))
        {
            // ExcelDataReader: "Neither stream 'Workbook' nor 'Book' was found in file." — an OLE2 file of another application
            throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.NotAnXlsWorkbook), ex);
        }
        catch (Exception ex) when (ExcelThrow.IsFileDefect(ex))
        {
            throw ExcelThrow.Wrap(ui, ex, ExcelThrow.Part(ui, ExcelMessages.PartXlsFile));
        }
        finally
        {
            reader?.Dispose();
            if (ownsInput)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The chosen sheet of a workbook read with our own BIFF8 reader; other sheets probed the same way when it is empty.</summary>
    private static ITabularReader OpenOwn(Biff8Workbook book, Stream input, long? totalBytes, ReaderOptions options, ExcelReaderOptions limits, CancellationToken cancellationToken)
    {
        var ui = options.UiCulture;
        var sheets = book.Sheets;
        int index;
        try
        {
            index = SheetChooser.Choose(sheets, options.Sheet, ui);
        }
        catch
        {
            book.SharedStrings.Dispose();
            input.Dispose();
            throw;
        }

        var info = new SourceInfo("xls", null, null, sheets[index].Name, sheets.Select(s => s.Name).ToArray());
        IReadOnlyList<string> OthersWithData() => SheetChooser.SheetsWithData(sheets, index, i => book.Rows(i, options.MaxCellLength), limits.MaxCells, options.MaxCellLength, ui);
        return WorkbookTabularReader.Open(book.Rows(index, options.MaxCellLength, ownsWorkbook: true), input, info, totalBytes ?? input.Length, limits.MaxCells, options.MaxCellLength, ui, cancellationToken, OthersWithData);
    }

    private static IExcelDataReader CreateReader(Stream input) =>
        ExcelReaderFactory.CreateReader(input, new ExcelReaderConfiguration
        {
            FallbackEncoding = Encoding.GetEncoding(1252),
            LeaveOpen = false,
        });

    /// <summary>
    /// For the message of an empty sheet: the other sheets holding data (see <see cref="SheetChooser.SheetsWithData"/>). Only
    /// called when the chosen sheet was read to its end and the reader is about to be disposed: it rewinds the reader.
    /// </summary>
    private static Func<IReadOnlyList<string>> OthersWithData(IExcelDataReader book, IReadOnlyList<SheetEntry> sheets, int index, Stream input, ExcelReaderOptions limits, ReaderOptions options) => () =>
    {
        book.Reset();
        var at = 0;
        return SheetChooser.SheetsWithData(
            sheets,
            index,
            i =>
            {
                while (at < i)
                {
                    if (!book.NextResult())
                    {
                        return null;
                    }

                    at++;
                }

                // the same record pass as for the chosen sheet: a sheet of error cells or array-formula texts holds data too
                return new SheetProbe(new XlsRowSource(book, input, options.MaxCellLength, XlsRecordPass.Read(input, sheets[i].Name, limits.MaxCells)));
            },
            limits.MaxCells,
            options.MaxCellLength,
            options.UiCulture);
    };

    /// <summary>A sheet's rows read through the shared reader, which disposing must not close.</summary>
    private sealed class SheetProbe(IRowSource rows) : IRowSource
    {
        public long BytesRead => rows.BytesRead;

        public bool TryReadRow(RowBuffer row) => rows.TryReadRow(row);

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// Whether a bare BIFF2–BIFF5 stream (no OLE2 container) lacks its final EOF record (<c>0A 00 00 00</c>, maybe followed by
    /// zero padding): the file was cut short. ExcelDataReader then reads the rows after the cut as empty rows, without a word,
    /// so they would be lost silently and no row can be named as the first one missing: the file is refused whole. (An OLE2
    /// file cut short already fails to open.)
    /// </summary>
    private static async ValueTask<bool> IsBareBiffCutShortAsync(Stream input, CancellationToken cancellationToken)
    {
        if (!input.CanSeek || input.Length < 8)
        {
            return false;
        }

        var start = input.Position;
        try
        {
            var head = new byte[8];
            await input.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
            if (!Detection.ContainerSniffer.IsBareBiff(head))
            {
                return false;
            }

            var tail = new byte[(int)Math.Min(input.Length, 4096)];
            input.Position = input.Length - tail.Length;
            await input.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
            var end = tail.Length;
            while (end > 0 && tail[end - 1] == 0)
            {
                end--;
            }

            // the last non-zero byte is the EOF record's type (0x000A, little-endian), followed by its zero size
            return !(end > 0 && tail[end - 1] == 0x0A && tail.Length - end >= 3);
        }
        finally
        {
            input.Position = start;
        }
    }
}
