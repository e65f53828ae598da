using System.Globalization;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Reading;
using static Import.Sdk.Excel.Xls.Biff8Records;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// A BIFF8 workbook (the <c>Workbook</c> or <c>Book</c> stream of an OLE2 file, not encrypted) read with our own record reader
/// instead of ExcelDataReader, like the XLSB one: its globals (worksheets with their names, visibility and offsets; the
/// shared strings, <see cref="Biff8SharedStrings"/>; the cell formats, <see cref="Biff8Formats"/>; the date system) and each
/// worksheet looked over (<see cref="Biff8SheetScan"/>) when the workbook is opened. <see cref="TryOpen"/> gives
/// <see langword="null"/> for anything it does not read exactly as ExcelDataReader and the record pass do (BIFF2–BIFF5, a bare
/// stream, encryption, a shared-string table needing repair, a sheet out of row order…): the caller then reads the workbook
/// with ExcelDataReader, unchanged. Decided once per workbook, before any row is read.
/// </summary>
internal sealed class Biff8Workbook
{
    private static readonly DateTime FirstDate1900 = new(1899, 12, 31); // serial 0 in the 1900 system

    private readonly CompoundStream _book;
    private readonly long[] _offsets;
    private readonly int[] _fieldCounts;

    private Biff8Workbook(CompoundStream book, SharedStringTable sharedStrings, long declared, Biff8Formats formats, bool date1904, List<(string Name, bool Visible, long Offset)> sheets)
    {
        _book = book;
        SharedStrings = sharedStrings;
        DeclaredSharedStrings = declared;
        Formats = formats;
        Date1904 = date1904;
        Sheets = sheets.Select(s => new SheetEntry(s.Name, s.Visible, null)).ToArray();
        _offsets = sheets.Select(s => s.Offset).ToArray();
        _fieldCounts = new int[sheets.Count];
    }

    /// <summary>Gets the worksheets, in the workbook's order (charts and macro sheets left out, as ExcelDataReader does).</summary>
    public IReadOnlyList<SheetEntry> Sheets { get; }

    public SharedStringTable SharedStrings { get; }

    /// <summary>Gets the number of unique strings the SST declares (and holds).</summary>
    public long DeclaredSharedStrings { get; }

    public Biff8Formats Formats { get; }

    /// <summary>Gets whether the workbook counts dates from 1904 (its DATEMODE record).</summary>
    public bool Date1904 { get; }

    /// <summary>
    /// Reads the globals of the OLE2 workbook <paramref name="input"/> and looks over each worksheet; <see langword="null"/> when
    /// the workbook is to be read by ExcelDataReader. Leaves <paramref name="input"/>'s position as it was.
    /// </summary>
    public static Biff8Workbook? TryOpen(Stream input, ExcelReaderOptions limits, int maxCellLength, CultureInfo ui)
    {
        if (!input.CanSeek || input.Length < 512)
        {
            return null;
        }

        var start = input.Position;
        try
        {
            var book = CompoundStream.Open(input);
            return book is null ? null : Read(book, limits, maxCellLength, ui);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
        finally
        {
            input.Position = start;
        }
    }

    /// <summary>The rows of worksheet <paramref name="index"/>.</summary>
    /// <param name="index">The sheet.</param>
    /// <param name="maxCellLength">The longest cell.</param>
    /// <param name="ownsWorkbook">Whether disposing the rows lets go of the workbook's shared strings (the chosen sheet's rows; not a probe's).</param>
    public Biff8RowSource Rows(int index, int maxCellLength, bool ownsWorkbook = false) =>
        new(_book, _offsets[index], new Biff8RowCells(this, _fieldCounts[index]), maxCellLength, ownsWorkbook ? SharedStrings : null);

    /// <summary>
    /// The text of a number in the cell format <paramref name="xf"/>, as the ExcelDataReader path makes it
    /// (<see cref="XlsRowSource"/>): ExcelDataReader's date or duration when its format parser says so, refined by our format
    /// kind; otherwise the number, or the date our rule sees in it (<see cref="XlsNumberCell"/>).
    /// </summary>
    public string NumberText(double value, int xf)
    {
        var format = Formats.Of(xf);
        if (format.Edr == Biff8Formats.EdrKind.Date && TryDate(value, Date1904, out var date))
        {
            return date < FirstDate1900 && !Date1904 ? CellText.Number(XlsRowSource.NegativeSerial(date)) : CellText.FromDateTime(date, format.Kind);
        }

        if (format.Edr == Biff8Formats.EdrKind.Duration)
        {
            return CellText.Elapsed(TimeSpan.FromDays(value));
        }

        return format.Kind != NumberFormatKind.Number && CellText.Serial(value, Date1904, format.Kind) is { } text ? text : CellText.Number(value);
    }

    /// <summary>Reads the globals into a new shared-string table, disposed unless the workbook is returned (it then owns it).</summary>
    private static Biff8Workbook? Read(CompoundStream book, ExcelReaderOptions limits, int maxCellLength, CultureInfo ui)
    {
        var strings = new SharedStringTable(limits.MaxSharedStrings, limits.MaxSharedStringCharacters, ui);
        Biff8Workbook? workbook = null;
        try
        {
            workbook = ReadGlobals(book, strings, limits, maxCellLength);
            return workbook;
        }
        finally
        {
            if (workbook is null)
            {
                strings.Dispose();
            }
        }
    }

    private static Biff8Workbook? ReadGlobals(CompoundStream book, SharedStringTable strings, ExcelReaderOptions limits, int maxCellLength)
    {
        var data = new byte[MaxBody];
        var records = new XlsRecordReader(book, 0);
        if (!records.Next(data, out var type, out var size) || type != Bof || size < 4 || U16(data, 0) != 0x0600 || U16(data, 2) != 0x0005)
        {
            return null; // not BIFF8 workbook globals
        }

        var sheets = new List<(string Name, bool Visible, long Offset)>();
        var names = new HashSet<string>(StringComparer.Ordinal); // of every sheet, charts and macro sheets included
        var xfs = new List<int>();
        var formats = new List<(int Id, string Code)>();
        var date1904 = false;
        long declared = 0;
        var sstSeen = false;
        while (true)
        {
            if (!records.Next(data, out type, out size))
            {
                return null;
            }

            var body = data.AsSpan(0, size);
            switch (type)
            {
                case Eof:
                    return WithSheets(book, strings, declared, new Biff8Formats(xfs, formats), date1904, sheets, data);
                case FilePass:
                    return null;
                case BoundSheet:
                    if (size < 8 || !FitsShortString(body, 6))
                    {
                        return null;
                    }

                    var name = ShortString(body, 6);
                    if (!names.Add(name))
                    {
                        return null; // two sheets of one name: the record pass might look into another sheet than ExcelDataReader
                    }

                    if (body[5] == 0)
                    {
                        sheets.Add((name, body[4] is not (1 or 2), U32(body, 0)));
                    }

                    break;
                case CodePage when size < 2 || U16(body, 0) is not (1200 or (>= 1250 and <= 1258)):
                    return null; // ExcelDataReader resolves the code page even in BIFF8: only the usual ones are read here
                case CodePage:
                    break;
                case DateMode when size < 2:
                    return null;
                case DateMode:
                    date1904 = U16(body, 0) == 1;
                    break;
                case Format:
                    if (size < 2 || !FitsString(body, 2) || formats.Exists(f => f.Id == U16(data, 0)))
                    {
                        return null;
                    }

                    formats.Add((U16(body, 0), ReadString(body, 2)));
                    break;
                case Xf when size < 4:
                    return null;
                case Xf:
                    xfs.Add(U16(body, 2));
                    break;
                case Sst when sstSeen:
                    return null;
                case Sst:
                    sstSeen = true;
                    declared = size >= 8 ? U32(body, 4) : 0;
                    if (!Biff8SharedStrings.TryRead(records, data, size, strings, limits, maxCellLength))
                    {
                        return null;
                    }

                    break;
                default:
                    if (type != Continue && (IsForeign(type) || IsCell(type) || type is Dimensions or Row or DefaultRowHeight or MergeCells or ColInfo))
                    {
                        return null; // not a record of BIFF8 workbook globals
                    }

                    break;
            }
        }
    }

    /// <summary>The workbook, once each worksheet has been looked over; <see langword="null"/> when one is not read here.</summary>
    private static Biff8Workbook? WithSheets(CompoundStream book, SharedStringTable strings, long declared, Biff8Formats formats, bool date1904, List<(string Name, bool Visible, long Offset)> sheets, byte[] data)
    {
        if (sheets.Count == 0)
        {
            return null;
        }

        var workbook = new Biff8Workbook(book, strings, declared, formats, date1904, sheets);
        for (var i = 0; i < sheets.Count; i++)
        {
            if (sheets[i].Offset >= book.Length || Biff8SheetScan.FieldCount(book, sheets[i].Offset, formats, date1904, data) is not { } fieldCount)
            {
                return null;
            }

            workbook._fieldCounts[i] = fieldCount;
        }

        return workbook;
    }

    /// <summary>Whether a ShortXLUnicodeString (8-bit count, flags, characters) at <paramref name="at"/> lies within <paramref name="data"/>.</summary>
    private static bool FitsShortString(ReadOnlySpan<byte> data, int at)
    {
        var count = data[at];
        return count == 0 || (data.Length >= at + 2 && data.Length >= at + 2 + (count * ((data[at + 1] & 1) != 0 ? 2 : 1)));
    }

    private static string ShortString(ReadOnlySpan<byte> data, int at)
    {
        var count = data[at];
        if (count == 0)
        {
            return string.Empty;
        }

        return (data[at + 1] & 1) != 0
            ? System.Text.Encoding.Unicode.GetString(data.Slice(at + 2, 2 * count))
            : System.Text.Encoding.Latin1.GetString(data.Slice(at + 2, count));
    }
}
