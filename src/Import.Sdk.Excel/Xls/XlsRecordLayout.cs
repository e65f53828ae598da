using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Where the records <see cref="XlsRecordPass"/> reads sit in each BIFF version, from the [MS-XLS] specification and
/// OpenOffice's "Microsoft Excel File Format" (BIFF2–BIFF8): the record numbers of BOF, BOOLERR, FORMULA, STRING, ARRAY and
/// TABLE, the offset of a BOOLERR's value and of a FORMULA's cached result (after the row, the column and the cell's format:
/// 3 attribute bytes in BIFF2, a 2-byte XF index after), and how sheet names and 8-bit texts are written (in the workbook's
/// code page before BIFF8).
/// </summary>
internal sealed class XlsRecordLayout
{
    private static readonly XlsRecordLayout Biff2 = new(2, bof: 0x0009, boolErr: 0x0005, boolErrValue: 7, formula: 0x0006, formulaResult: 7, text: 0x0007, array: 0x0021, table: 0x0036, table2: 0x0037);
    private static readonly XlsRecordLayout Biff3 = new(3, bof: 0x0209, boolErr: 0x0205, boolErrValue: 6, formula: 0x0206, formulaResult: 6, text: 0x0207, array: 0x0221, table: 0x0236, table2: 0x0236);
    private static readonly XlsRecordLayout Biff4 = new(4, bof: 0x0409, boolErr: 0x0205, boolErrValue: 6, formula: 0x0406, formulaResult: 6, text: 0x0207, array: 0x0221, table: 0x0236, table2: 0x0236);
    private static readonly XlsRecordLayout Biff5 = new(5, bof: 0x0809, boolErr: 0x0205, boolErrValue: 6, formula: 0x0006, formulaResult: 6, text: 0x0207, array: 0x0221, table: 0x0236, table2: 0x0236);
    private static readonly XlsRecordLayout Biff8 = new(8, bof: 0x0809, boolErr: 0x0205, boolErrValue: 6, formula: 0x0006, formulaResult: 6, text: 0x0207, array: 0x0221, table: 0x0236, table2: 0x0236);

    private readonly ushort _bof;
    private readonly ushort _table;
    private readonly ushort _table2;

    private XlsRecordLayout(int version, ushort bof, ushort boolErr, int boolErrValue, ushort formula, int formulaResult, ushort text, ushort array, ushort table, ushort table2)
    {
        Version = version;
        _bof = bof;
        BoolErr = boolErr;
        BoolErrValue = boolErrValue;
        Formula = formula;
        FormulaResult = formulaResult;
        String = text;
        Array = array;
        _table = table;
        _table2 = table2;
    }

    /// <summary>Gets the BIFF version: 2, 3, 4, 5 or 8.</summary>
    public int Version { get; }

    /// <summary>Gets the BOOLERR record's number.</summary>
    public ushort BoolErr { get; }

    /// <summary>Gets the offset of a BOOLERR's value in its body; its error flag is the next byte.</summary>
    public int BoolErrValue { get; }

    /// <summary>Gets the FORMULA record's number.</summary>
    public ushort Formula { get; }

    /// <summary>Gets the offset of a FORMULA's 8-byte cached result in its body.</summary>
    public int FormulaResult { get; }

    /// <summary>Gets the STRING record's number (a formula's cached text).</summary>
    public ushort String { get; }

    /// <summary>Gets the ARRAY record's number.</summary>
    public ushort Array { get; }

    /// <summary>
    /// The layout of the stream whose first record is <paramref name="type"/>, with the BOF body's first two words, or
    /// <see langword="null"/>: not a BOF this pass follows (BIFF4 workbooks of several sheets included).
    /// </summary>
    public static XlsRecordLayout? Of(ushort type, ushort version, ushort kind) => type switch
    {
        0x0809 when version == 0x0600 && kind == 0x0005 => Biff8,
        0x0809 when version == 0x0500 && kind == 0x0005 => Biff5,
        0x0409 when kind == 0x0010 => Biff4,
        0x0209 when kind == 0x0010 => Biff3,
        0x0009 when kind == 0x0010 => Biff2,
        _ => null,
    };

    /// <summary>Whether <paramref name="type"/> opens a substream (a sheet, or a chart embedded in it).</summary>
    public bool IsBof(ushort type) => type == _bof || (Version < 5 && type is 0x0009 or 0x0209 or 0x0409 or 0x0809);

    /// <summary>Whether <paramref name="type"/> is a data table's record.</summary>
    public bool IsTable(ushort type) => type == _table || type == _table2;

    /// <summary>
    /// The name of a BOUNDSHEET record's body from its name (after the offset and flags): a ShortXLUnicodeString in BIFF8
    /// (length, flags, 8-bit or UTF-16 characters), a length and 8-bit characters in the code page before.
    /// </summary>
    public string? SheetName(ReadOnlySpan<byte> text, int codePage)
    {
        if (text.Length < 1)
        {
            return null;
        }

        int length = text[0];
        if (Version < 8)
        {
            return text.Length < 1 + length ? null : Decode(text.Slice(1, length), codePage);
        }

        if (text.Length < 2)
        {
            return null;
        }

        var bytes = text[2..];
        if ((text[1] & 1) != 0)
        {
            return bytes.Length < 2 * length ? null : Encoding.Unicode.GetString(bytes[..(2 * length)]);
        }

        return bytes.Length < length ? null : Encoding.Latin1.GetString(bytes[..length]); // compressed UTF-16: the high bytes are zero
    }

    /// <summary>
    /// The text of a STRING record before BIFF8: a length (1 byte in BIFF2, 2 after) and 8-bit characters in the code page;
    /// <see langword="null"/> when the record is shorter than its length says.
    /// </summary>
    public string? ByteString(ReadOnlySpan<byte> record, int codePage)
    {
        var prefix = Version == 2 ? 1 : 2;
        if (record.Length < prefix)
        {
            return null;
        }

        var length = Version == 2 ? record[0] : BinaryPrimitives.ReadUInt16LittleEndian(record);
        return record.Length < prefix + length ? null : Decode(record.Slice(prefix, length), codePage);
    }

    /// <summary>8-bit text in a BIFF code page (CODEPAGE record): 32769 and unknown pages as Windows-1252, as ExcelDataReader.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes, int codePage)
    {
        var page = codePage switch
        {
            32768 => 10000, // Apple Roman
            32769 or 1200 => 1252,
            367 => 20127, // ASCII
            _ => codePage,
        };
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(page) ?? CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        return encoding.GetString(bytes);
    }
}
