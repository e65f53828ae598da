using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// The BIFF8 records our own XLS reader (<see cref="Biff8Workbook"/>) reads, and how it decodes their values exactly as
/// ExcelDataReader 3.6 does — so that a workbook read by either path gives the same cells: an XLUnicodeString (UTF-16 or
/// compressed), an RK number (×100 integers divided as a double), an OLE Automation date (its rounding to the millisecond).
/// </summary>
internal static class Biff8Records
{
    public const ushort Bof = 0x0809;
    public const ushort Eof = 0x000A;
    public const ushort FilePass = 0x002F;
    public const ushort CodePage = 0x0042;
    public const ushort DateMode = 0x0022;
    public const ushort BoundSheet = 0x0085;
    public const ushort Format = 0x041E;
    public const ushort Xf = 0x00E0;
    public const ushort Sst = 0x00FC;
    public const ushort Continue = 0x003C;
    public const ushort Dimensions = 0x0200;
    public const ushort Row = 0x0208;
    public const ushort DefaultRowHeight = 0x0225;
    public const ushort MergeCells = 0x00E5;
    public const ushort ColInfo = 0x007D;
    public const ushort Header = 0x0014;
    public const ushort Footer = 0x0015;
    public const ushort CodeName = 0x01BA;
    public const ushort Blank = 0x0201;
    public const ushort MulBlank = 0x00BE;
    public const ushort Number = 0x0203;
    public const ushort Rk = 0x027E;
    public const ushort MulRk = 0x00BD;
    public const ushort Label = 0x0204;
    public const ushort RString = 0x00D6;
    public const ushort LabelSst = 0x00FD;
    public const ushort BoolErr = 0x0205;
    public const ushort FormulaRecord = 0x0006;
    public const ushort StringRecord = 0x0207;
    public const ushort SharedFormula = 0x04BC;
    public const ushort ArrayRecord = 0x0221;
    public const ushort TableRecord = 0x0236;

    /// <summary>The largest record body of BIFF8.</summary>
    public const int MaxBody = 8224;

    private const double OADateMin = -657435.0;
    private const double OADateMax = 2958466.0;
    private const long MillisPerDay = 86_400_000;
    private const long DaysTo1899 = 693_593;
    private const long MaxMillis = 3_652_059 * MillisPerDay;

    /// <summary>Whether <paramref name="type"/> is a BIFF8 cell record (what ExcelDataReader takes for a cell).</summary>
    public static bool IsCell(ushort type) => type is Blank or MulBlank or Number or Rk or MulRk or Label or RString or LabelSst or BoolErr or FormulaRecord;

    /// <summary>
    /// Whether <paramref name="type"/> is a record this reader leaves to ExcelDataReader when met in a BIFF8 stream: a cell,
    /// format or row record of another BIFF version, a sheet-level date system, code page, format or XF, an encryption header.
    /// </summary>
    public static bool IsForeign(ushort type) => type is
        0x0000 or 0x0001 or 0x0002 or 0x0003 or 0x0004 or 0x0005 or 0x0007 or 0x0008 or 0x0025 or 0x001E or 0x0043 or 0x0044
        or 0x0202 or 0x0206 or 0x0243 or 0x0406 or 0x0443 or 0x00BC or FilePass or DateMode or CodePage or Format or Xf
        or 0x0009 or 0x0209 or 0x0409 or Bof;

    public static ushort U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);

    public static uint U32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);

    public static double F64(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadDoubleLittleEndian(data[at..]);

    /// <summary>Whether an XLUnicodeString (16-bit count, flags, characters) starting at <paramref name="at"/> lies within <paramref name="data"/>.</summary>
    public static bool FitsString(ReadOnlySpan<byte> data, int at)
    {
        if (data.Length < at + 2)
        {
            return false;
        }

        var count = U16(data, at);
        return count == 0 || (data.Length >= at + 3 && data.Length >= at + 3 + (count * ((data[at + 2] & 1) != 0 ? 2 : 1)));
    }

    /// <summary>The XLUnicodeString at <paramref name="at"/> (checked by <see cref="FitsString"/>): lone surrogates read as U+FFFD, as ExcelDataReader reads them.</summary>
    public static string ReadString(ReadOnlySpan<byte> data, int at)
    {
        var count = U16(data, at);
        if (count == 0)
        {
            return string.Empty;
        }

        return (data[at + 2] & 1) != 0
            ? Encoding.Unicode.GetString(data.Slice(at + 3, 2 * count))
            : Encoding.Latin1.GetString(data.Slice(at + 3, count)); // compressed UTF-16: the high bytes are zero
    }

    /// <summary>The number of an RK value: a 30-bit integer or the high 30 bits of a double, divided by 100 when its bit 0 says so.</summary>
    public static double RkNumber(uint rk)
    {
        double number = (rk & 2) != 0
            ? (int)((rk >> 2) | ((rk & 0x80000000) == 0 ? 0 : 0xC0000000))
            : BitConverter.Int64BitsToDouble((long)(rk & 0xFFFFFFFC) << 32);
        return (rk & 1) != 0 ? number / 100 : number;
    }

    /// <summary>
    /// The date ExcelDataReader makes of <paramref name="value"/> in a date format: serials 0–59 one day later in the 1900
    /// system (Excel's 1900-02-29), 1,462 days later in the 1904 system; <see langword="false"/> when it leaves the number as
    /// it is (outside the OLE Automation range).
    /// </summary>
    public static bool TryDate(double value, bool date1904, out DateTime date)
    {
        var adjusted = date1904 ? value + 1462.0 : value is >= 0.0 and < 60.0 ? value + 1 : value;
        date = default;
        if (!(adjusted > OADateMin && adjusted < OADateMax))
        {
            return false;
        }

        var millis = (long)((adjusted * MillisPerDay) + (adjusted >= 0 ? 0.5 : -0.5));
        if (millis < 0)
        {
            millis -= millis % MillisPerDay * 2;
        }

        millis += DaysTo1899 * MillisPerDay;
        if (millis < 0 || millis >= MaxMillis)
        {
            return false; // ExcelDataReader throws here: such a cell is left to its path (see Biff8SheetScan)
        }

        date = new DateTime(millis * TimeSpan.TicksPerMillisecond, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Whether ExcelDataReader's date conversion of <paramref name="value"/> would throw (a serial at the very end of the range).</summary>
    public static bool DateThrows(double value, bool date1904)
    {
        var adjusted = date1904 ? value + 1462.0 : value is >= 0.0 and < 60.0 ? value + 1 : value;
        return adjusted > OADateMin && adjusted < OADateMax && !TryDate(value, date1904, out _);
    }
}
