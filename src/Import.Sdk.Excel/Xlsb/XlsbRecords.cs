namespace Import.Sdk.Excel.Xlsb;

/// <summary>The BIFF12 record types the XLSB reader uses ([MS-XLSB] 2.3).</summary>
internal static class XlsbRecords
{
    public const int RowHdr = 0;
    public const int CellBlank = 1;
    public const int CellRk = 2;
    public const int CellError = 3;
    public const int CellBool = 4;
    public const int CellReal = 5;
    public const int CellSt = 6;
    public const int CellIsst = 7;
    public const int FmlaString = 8;
    public const int FmlaNum = 9;
    public const int FmlaBool = 10;
    public const int FmlaError = 11;
    public const int SstItem = 19;
    public const int Fmt = 44;
    public const int Xf = 47;
    public const int CellRString = 62;
    public const int BeginSheetData = 145;
    public const int EndSheetData = 146;
    public const int WbProp = 153;
    public const int BundleSh = 156;
    public const int BeginCellXfs = 617;
    public const int EndCellXfs = 618;

    /// <summary>The text of a BIFF12 error code ([MS-XLSB] 2.5.97.2).</summary>
    public static string ErrorText(byte code) => code switch
    {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => "#ERROR",
    };
}
