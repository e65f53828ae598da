using static Import.Sdk.Excel.Xls.Biff8Records;

namespace Import.Sdk.Excel.Xls;

/// <summary>
/// Looks over a BIFF8 sheet's records, before any row is read, for whether our own reader (<see cref="Biff8RowSource"/>) gives
/// exactly what ExcelDataReader 3.6 and the record pass give: a worksheet substream up to its EOF whose cell records come in
/// row order (ExcelDataReader gathers a row's cells wherever they are), each cell given once, each record as long as what is
/// read from it, the cached text of a formula in the STRING record after it (a shared, array or table formula's records
/// between), no chart or other substream inside, and no record of another BIFF version or of the workbook's globals (a
/// sheet-level date system, format, XF or code page). Also finds the sheet's width as ExcelDataReader does (its DIMENSIONS
/// and the first column of each cell record), past which it drops cells. Anything else: the workbook is read by
/// ExcelDataReader, as before.
/// </summary>
internal static class Biff8SheetScan
{
    /// <summary>Gets ExcelDataReader's field count of the sheet at <paramref name="offset"/>, or <see langword="null"/> when our reader does not read it.</summary>
    public static int? FieldCount(CompoundStream book, long offset, Biff8Formats formats, bool date1904, byte[] data)
    {
        var records = new XlsRecordReader(book, offset);
        if (!records.Next(data, out var type, out var size) || type != Bof || size < 4 || U16(data, 0) != 0x0600 || U16(data, 2) != 0x0010)
        {
            return null;
        }

        var dimensions = 0; // the last DIMENSIONS record's column count
        var fieldCount = 0; // one past the largest first column of a cell record
        var lastRow = 0;
        var seen = new XlsCellSet();
        var pending = false; // a formula whose cached result is text: its STRING record is to come
        while (records.Next(data, out type, out size))
        {
            var body = data.AsSpan(0, size);
            if (pending)
            {
                if (type == StringRecord)
                {
                    if (!FitsString(body, 0))
                    {
                        return null;
                    }

                    pending = false;
                    continue;
                }

                if (type is SharedFormula or ArrayRecord or TableRecord)
                {
                    continue;
                }

                return null; // ExcelDataReader would take this record for the STRING and lose it
            }

            if (type == Eof)
            {
                return Math.Max(dimensions, fieldCount);
            }

            if (IsForeign(type) || !Fits(type, body))
            {
                return null;
            }

            if (type == Dimensions)
            {
                dimensions = U16(body, 10);
                continue;
            }

            if (!IsCell(type))
            {
                continue;
            }

            int row = U16(body, 0);
            int column = U16(body, 2);
            if (row < lastRow || column >= 256)
            {
                return null; // out of row order, or past XLS's last column (IV): only a damaged or hand-made file
            }

            lastRow = row;
            fieldCount = Math.Max(fieldCount, column + 1);
            var last = type switch
            {
                MulRk => column + ((size - 6) / 6) - 1,
                MulBlank => column + ((size - 6) / 2) - 1,
                _ => column,
            };
            if (last >= 256)
            {
                return null;
            }

            for (var c = column; c <= last; c++)
            {
                if (!seen.Add(row, c))
                {
                    return null; // a cell given twice
                }
            }

            if (!NumbersConvert(type, body, formats, date1904))
            {
                return null;
            }

            pending = type == FormulaRecord && U16(body, 12) == 0xFFFF && body[6] == 0;
        }

        return null; // no EOF
    }

    /// <summary>Whether a record holds every byte ExcelDataReader reads from it.</summary>
    private static bool Fits(ushort type, ReadOnlySpan<byte> body) => type switch
    {
        Dimensions => body.Length >= 12,
        DefaultRowHeight => body.Length >= 4,
        Row => body.Length >= 16,
        MergeCells => body.Length >= 2 && body.Length >= 2 + (8 * U16(body, 0)),
        ColInfo => body.Length >= 10,
        Header or Footer => body.Length == 0 || FitsString(body, 0),
        CodeName => FitsString(body, 0),
        Blank => body.Length >= 6,
        BoolErr => body.Length >= 8,
        Number => body.Length >= 14,
        Rk or LabelSst => body.Length >= 10,
        Label or RString => body.Length >= 6 && FitsString(body, 6),
        FormulaRecord => body.Length >= 16,
        MulRk => body.Length >= 12 && (body.Length - 6) % 6 == 0 && U16(body, body.Length - 2) == U16(body, 2) + ((body.Length - 6) / 6) - 1,
        MulBlank => body.Length >= 8 && (body.Length - 6) % 2 == 0 && U16(body, body.Length - 2) == U16(body, 2) + ((body.Length - 6) / 2) - 1,
        _ => true,
    };

    /// <summary>
    /// Whether ExcelDataReader converts each number of a cell record without throwing: a serial at the very end of the date
    /// range in a date format, or a duration past <see cref="TimeSpan"/>'s range (or NaN), make it fail the whole block of rows.
    /// </summary>
    private static bool NumbersConvert(ushort type, ReadOnlySpan<byte> body, Biff8Formats formats, bool date1904)
    {
        switch (type)
        {
            case Number:
                return Converts(F64(body, 6), formats.Of(U16(body, 4)), date1904);
            case Rk:
                return Converts(RkNumber(U32(body, 6)), formats.Of(U16(body, 4)), date1904);
            case FormulaRecord when U16(body, 12) != 0xFFFF:
                return Converts(F64(body, 6), formats.Of(U16(body, 4)), date1904);
            case MulRk:
                for (var at = 4; at + 6 <= body.Length - 2; at += 6)
                {
                    if (!Converts(RkNumber(U32(body, at + 2)), formats.Of(U16(body, at)), date1904))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private static bool Converts(double value, Biff8Formats.CellFormat format, bool date1904) => format.Edr switch
    {
        Biff8Formats.EdrKind.Date => !DateThrows(value, date1904),
        Biff8Formats.EdrKind.Duration => !double.IsNaN(value) && Math.Abs(value) < 10_000_000,
        _ => true,
    };
}
