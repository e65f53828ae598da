namespace Import.Sdk.Excel.Tests.Corpus;

/// <summary>The oracle: one or more cases for every file of corpus/excel/xlsx, xlsb and xls, from SOURCES.md.</summary>
internal static class CorpusCases
{
    public const string PasswordProtected = "The workbook is password-protected: remove the password in Excel (File > Info > Protect Workbook) and save it again, then import it.";
    public const string NotAWorkbook = "The file is a ZIP archive but not an Excel workbook (it holds no workbook part): save it as .xlsx from Excel and import it again.";

    private static readonly (string, string)[] NumDoubleDateBoolString =
    [
        ("A1", "1"), ("A30", "1346269"), ("B1", "1.02"), ("B3", "4.08"), ("B30", "547608330.24"),
        ("C1", "2009-05-11"), ("C30", "2009-11-30"), ("D23", "TRUE"), ("E1", "next value is null"), ("E2", ""),
        ("F1", "2009-05-07T11:01:02"), ("F2", "2009-05-08T11:01:02"),
    ];

    private static readonly (string, string)[] EncodingFormulaDate =
    [
        ("A1", "Name"), ("B1", "Date"), ("E1", "Time"), ("A2", "John test"), ("B2", "2009-05-01"), ("C2", "1881.99"),
        ("A3", "Simon Hodgetts"), ("E3", "11:00:00"), ("E4", "12:00:00"), ("F4", "11:01:02"), ("A6", "Изображение дня"),
        ("A8", "librement réutilisable"), ("A9", "librement réutilisable"), ("E9", "10:00:00"),
    ];

    private static readonly (string, string)[] TenByTen = [("A1", "col1"), ("I1", "col9"), ("A2", "10x10"), ("J2", "10x19"), ("J10", "10x27")];

    private static readonly (string, string)[] Sheetjs1904 = [("A1", "1"), ("B1", "1904-01-02"), ("A2", "11"), ("B2", "1904-01-12"), ("A4", "1111"), ("B4", "1907-01-16"), ("B5", "1934-06-03")];

    private static readonly (string, string)[] WtfPath = [("A1", "1"), ("B1", "2"), ("A2", "TRUE"), ("B2", "FALSE"), ("D2", "sheetjs"), ("A3", "foo    bar")];

    private static readonly (string, string)[] StreamDateCell =
    [
        ("A1", "String"), ("B1", "てすと"), ("C1", "&'\";<>"), ("D1", "&amp;"), ("B2", "1"), ("D2", "-3"), ("C3", "0.3"),
        ("D3", "1.23456789E+22"), ("B4", "TRUE"), ("C4", "FALSE"), ("B5", "2014-02-14T08:27:48.765"), ("B7", "1900-01-01T12:00:00"),
        ("B8", "0.5"), ("B10", "36:00:00"), ("B11", "String1"),
    ];

    private static readonly (string, string)[] As3xls =
    [
        ("A1", "1"), ("B1", "Hi"), ("C1", "10.22"), ("D1", "14.754317602356753"), ("C2", "2007-02-22"), ("C3", "2002-01-19"),
        ("C4", "Saturday"), ("C5", "0.33"), ("C10", "1385729.234"),
    ];

    public static readonly CorpusCase[] All =
    [
        // ---------- XLSX / XLSM ----------
        new("xlsx/edr_Fillreport.xlsx")
        {
            Format = "xlsx", Header = ["Fills Reported as of 04/01/2016 12:55:42"], DataRows = 18, LastRow = 20,
            Cells = [("A2", "Account Number"), ("B2", "Trader"), ("J2", "Fill Time"), ("A3", "74085"), ("C3", "412735810"), ("I3", "0.7204"), ("J3", "03/01/2016 17:56:14")],
        },
        new("xlsx/edr_Format49_@.xlsx") { Header = ["2010-05-05", "1.1", "2.2", "123", "2,2"], DataRows = 0 },
        new("xlsx/edr_LowerCaseReferenceAttribute.xlsx")
        {
            Header = ["A1", "B1", "", "D1", "E1"], DataRows = 2, Cells = [("A2", "A2"), ("B2", ""), ("C2", "C2"), ("E2", "E2"), ("A3", "A3"), ("E3", "E3")],
        },
        new("xlsx/edr_NoDimensionOrCellReferenceAttribute.xlsx")
        {
            Sheets = ["Continent", "Country"], SheetRead = "Continent", DataRows = 6, LastRow = 7,
            Header = ["Date", "Name", "IndexGross", "PriceReturn", "DividendReturnGross", "TotalReturnGross", "Stocks", "PriceIndex"],
            Cells = [("A2", "2017-03-06"), ("B2", "GPR 250 EUR"), ("C2", "588.492524864606"), ("D2", "-0.00527418346560432"), ("G2", "249"), ("B7", "GPR 250 EUR OCE")],
        },
        new("xlsx/edr_NoDimensionOrCellReferenceAttribute.xlsx")
        {
            Sheet = "2", SheetRead = "Country", DataRows = 19, LastRow = 20, Cells = [("A1", "Date"), ("H1", "PriceIndex"), ("B2", "GPR 250 EUR AUS"), ("B20", "GPR 250 EUR BRA")],
        },
        new("xlsx/edr_Test_Encoding_Formula_Date_1520.xlsx") { DataRows = 8, Cells = [.. EncodingFormulaDate, ("D5", "179.02499999999998")] },
        new("xlsx/edr_Test_Issue_12667_GoogleExport_MissingColumns.xlsx")
        {
            Header = ["PK_Col1", "PK_Col2", "Data_Col1", "Data_Col2", "Data_Col3", "Data_Col4"], DataRows = 0,
        },
        new("xlsx/edr_Test_Issue_NoStyles_NoRAttribute.xlsx")
        {
            DataRows = 35, LastRow = 39, Cells = [("A1", "AddressLine1"), ("R1", "Zipcode"), ("E5", "ROW NUMBER 5"), ("H5", "s@gmail.com"), ("J39", "kishore")],
            Also = d => Assert.Equal(18, d.Header.Count),
        },
        new("xlsx/edr_Test_git_Issue_649_Date1904_Parsings.xlsx") { HeaderRow = 12, DataRows = 0, Cells = [("A12", ""), ("M12", "2023-09-01")] },
        new("xlsx/edr_Test_git_issue289.xlsx") { Format = "xlsx", Header = ["aaaaaaa"], DataRows = 0 },
        new("xlsx/edr_Test_git_issue319.xlsx") { Header = ["Text1"], DataRows = 0 },
        new("xlsx/edr_Test_git_issue_221.xlsx") { Header = ["2017-03-16"], DataRows = 0 },
        new("xlsx/edr_Test_git_issue_271_InvalidDimension.xlsx")
        {
            HeaderRow = 3, Header = ["qweqwerqwerqwerqwer"], DataRows = 6, LastRow = 9,
            Cells = [("A4", "clo 1"), ("B4", "col2"), ("C4", "col 3"), ("A5", "1"), ("B6", "3"), ("A9", "1"), ("B9", "2"), ("C9", "3")],
        },
        new("xlsx/edr_Test_git_issue_324.xlsx")
        {
            Header = ["London Metal Exchange"], DataRows = 19, LastRow = 20,
            Cells = [("A2", "XLME"), ("A3", "2018-03-02"), ("D20", "37")],
            Also = d => Assert.Equal(["", "", "Other", "191036.15", "194489.45", "66106.32", "37167.88", "102589.54", "57467.94", "130721.93", "150752.67", "76300.69", "67024.6"], d.Row(11).Cells),
        },
        new("xlsx/edr_Test_git_issue_425.xlsx")
        {
            Header = ["text"], // the header is trimmed like the CSV reader's; its raw cell is '   text    ' (see CorpusTests)
            DataRows = 2, Cells = [("A2", "text"), ("A3", "text    text")],
        },
        new("xlsx/edr_Test_git_issue_53_Cached_Formula_String_Type.xlsx")
        {
            Header = ["Value 1", "Value 2", "Formula", "Formula Cell Type", "Parses as double?"], DataRows = 3,
            Cells = [("C2", "3"), ("C3", "AB"), ("C4", "1,"), ("B4", ","), ("F4", "This is the case that needs to be handled")],
        },
        new("xlsx/edr_Test_git_issue_629.xlsx")
        {
            Header = ["BVI Excel Sheet_V7_1", "Futures_Options"], DataRows = 7, LastRow = 10,
            Cells = [("A2", "KVG Bic"), ("A10", "Transref. AM"), ("B10", "NEWM/CANC/MOD")],
            Also = d => Assert.True(d.Row(10).Cells.Count >= 40, $"row 10 has {d.Row(10).Cells.Count} cells"),
        },
        new("xlsx/edr_Test_git_issue_68_NullSheetPath.xlsm") { Format = "xlsx", Sheets = ["Sheet1", " "], SheetRead = "Sheet1", Header = ["1", "1"], DataRows = 0 },
        new("xlsx/edr_Test_git_issue_68_NullSheetPath.xlsm")
        {
            Sheet = "2",
            Error = "The workbook is damaged or incomplete and cannot be read (the content of the sheet ' ' is missing from the file): open it in Excel, save it again and import it again.",
        },
        new("xlsx/edr_Test_googlesourced.xlsx")
        {
            Header = ["UPC", "Special offer price", "Regular price", "Description", "Special offer start", "Special offer end"], DataRows = 4, LastRow = 5,
            Cells = [("A2", "9583638582"), ("B2", "49.99"), ("E2", "April 1st 2013"), ("A3", "9745683492"), ("A5", "1234"), ("B5", "")],
        },
        new("xlsx/edr_Test_num_double_date_bool_string.xlsx") { SheetRead = "Sheet1", DataRows = 29, LastRow = 30, Cells = NumDoubleDateBoolString },
        new("xlsx/edr_strict_Test10x10.xlsx") { DataRows = 9, LastRow = 10, Cells = TenByTen },
        new("xlsx/sheetjs_1904.xlsx") { DataRows = 4, Cells = Sheetjs1904 },
        new("xlsx/sheetjs_wtf_path.xlsx") { Sheets = ["SheetJS", "Hidden"], SheetRead = "SheetJS", Cells = WtfPath },
        new("xlsx/sheetjs_xlsx-stream-d-date-cell.xlsx") { DataRows = 12, Cells = StreamDateCell },

        // ---------- XLSB ----------
        new("xlsb/edr_CollapsedHide.xlsb")
        {
            Format = "xlsb", DataRows = 1, LastRow = 4,
            Header = ["This column is collapsed to zero width", "NOTE: Column A and row 4 have been collapsed using rclick->Hide"],
            Cells = [("A4", ""), ("B4", "This row is collapsed to zero height")],
        },
        new("xlsb/edr_EmptyZipFile.xlsb") { Error = NotAWorkbook },
        new("xlsb/edr_Test10x10.xlsb") { Format = "xlsb", DataRows = 9, LastRow = 10, Cells = TenByTen },
        new("xlsb/edr_Test10x10000.xlsb")
        {
            DataRows = 9999, LastRow = 10000, Cells = [("A1", "col1"), ("B2", "1x2"), ("J2", "1x10"), ("A10000", "1x1"), ("J10000", "1x10")],
        },
        new("xlsb/edr_Test255x10.xlsb")
        {
            DataRows = 9, LastRow = 10, Cells = [("IU1", "col255"), ("A2", "value"), ("B2", "one"), ("IU10", "1")],
            Also = d => Assert.Equal(255, d.Header.Count),
        },
        new("xlsb/edr_TestDoublePrecision.xlsb")
        {
            Header = ["To test numeric precision and negative numbers"], LastRow = 10,
            Cells = [("A3", "pi"), ("B3", "3.14159265358979"), ("B4", "-3.14159265358979"), ("B5", "3.14159265358979E-300"), ("B6", "-3.14159265358979E-300"), ("B9", "314159265358979"), ("B10", "-314159265358979")],
        },
        new("xlsb/edr_TestMultiSheet.xlsb") { Sheets = ["Sheet2", "Sheet1", "Sheet3"], SheetRead = "Sheet2", LastRow = 12, Cells = [("A12", "1"), ("D12", "1")] },
        new("xlsb/edr_TestMultiSheet.xlsb") { Sheet = "Sheet1", SheetRead = "Sheet1", LastRow = 12, Cells = [("D12", "2")], Also = d => Assert.Equal(4, d.Header.Count) },
        new("xlsb/edr_TestMultiSheet.xlsb") { Sheet = "sheet3", SheetRead = "Sheet3", LastRow = 5, Cells = [("B5", "3")], Also = d => Assert.Equal(2, d.Header.Count) },
        new("xlsb/edr_TestUnicodeChars.xlsb") { DataRows = 2, Cells = [("A1", "col1"), ("H1", "col8"), ("A2", "éЗ"), ("E2", "ЕЖЗ"), ("C3", "ةةلك")] },
        new("xlsb/edr_Test_BlankHeader.xlsb")
        {
            HeaderRow = 2, DataRows = 4, LastRow = 6, Cells = [("A2", "44.99"), ("B2", "2009 Samsara \"La Vina\" Pinot Noir"), ("D2", "91"), ("B6", "2009 Alban \"Patrina\" Syrah")],
        },
        new("xlsb/edr_Test_Decimal_1109.xlsb") { Header = ["3.14159", "-7080.61"], DataRows = 0 },
        new("xlsb/edr_Test_Encoding_Formula_Date_1520.xlsb") { DataRows = 8, Cells = EncodingFormulaDate },
        new("xlsb/edr_Test_Excel_Dataset.xlsb") { Sheets = ["test.csv", "Sheet2", "Sheet3"], SheetRead = "Sheet2", Header = ["somedata"] },
        new("xlsb/edr_Test_Excel_Dataset.xlsb")
        {
            Sheet = "test.csv", SheetRead = "test.csv", Header = ["column a", "column b", "column b", "", "column e", "column b"], DataRows = 33, LastRow = 34,
        },
        new("xlsb/edr_Test_Issue_11397.xlsb") { Header = ["Price"], Cells = [("A2", "$44.99"), ("A3", "44.99"), ("A4", "44.99")] },
        new("xlsb/edr_Test_Issue_11479_BlankSheet.xlsb") { Header = ["column a", "column b", "column b", "", "column e"], DataRows = 3 },
        new("xlsb/edr_Test_Issue_11479_BlankSheet.xlsb") { Sheet = "Sheet2", Error = "The sheet 'Sheet2' is empty: it has no header row. These sheets hold data: 'test.csv'. Choose the sheet to read (on the command line: --sheet 'test.csv')." },
        new("xlsb/edr_Test_Issue_11516_Single_Tab.xlsb")
        {
            LastRow = 260, Cells = [("A1", "Vendor"), ("B1", "Vendor Name"), ("A2", "0597"), ("A260", "G8814A")],
            Also = d => Assert.Equal(29, d.Header.Count),
        },
        new("xlsb/edr_Test_Issue_11573_BlankValues.xlsb") { Cells = [("A12", "L. P. "), ("A13", "1"), ("B13", "070202"), ("E13", "2.49")] },
        new("xlsb/edr_Test_Issue_4031_NullColumn.xlsb") { Header = ["", "a", "b", "", "d"], Cells = [("A2", ""), ("B2", ""), ("C2", "Test"), ("D2", ""), ("E2", "1")] },
        new("xlsb/edr_Test_Issue_7433_IllegalOleAutDate.xlsb")
        {
            // numbers without exponent below 1E+21: 3.10101195608231E+17 in Excel's display
            Header = ["310101195608231000"], Cells = [("A2", "B221055625"), ("A3", "412721197309241000")],
        },
        new("xlsb/edr_Test_Issue_8536.xlsb")
        {
            Cells = [("B3", "TRUE"), ("B4", "12345"), ("B5", "2012-12-01"), ("B6", "41244"), ("B7", "&#x26; "), ("B8", "1900-01-01")],
        },
        new("xlsb/edr_Test_Issue_BoolFormula.xlsb") { Cells = [("A1", "TRUE")], DataRows = 0 },
        new("xlsb/edr_Test_Issue_DateFormatButNotDate.xlsb")
        {
            Header = ["columna", "columnb", "columnc", "columnd", "columne"], DataRows = 2,
            Cells = [("A2", "1"), ("B2", "2"), ("C2", "3"), ("D2", "2013-12-10"), ("E2", "red"), ("E3", "yellow")],
        },
        new("xlsb/edr_Test_MergedCell.xlsb")
        {
            Cells = [("A2", "Merge Cell 1"), ("B2", ""), ("C2", "Merge Cell 2"), ("A4", "Merge Cell 3"), ("A7", "Merge Cell 4")],
        },
        new("xlsb/edr_Test_git_issue_14_InvalidOADate.xlsb") { Header = ["1000000000000"], DataRows = 0 },
        new("xlsb/edr_Test_git_issue_250_richtext.xlsb") { Header = ["Lorem ipsum dolor sit amet, ei pri verterem efficiantur, per id meis idque deterruisset."] },
        new("xlsb/edr_Test_git_issue_270.xlsb") { Header = ["Rows near 65536 have formatting but no data"], DataRows = 0 },
        new("xlsb/edr_Test_git_issue_283_TimeSpan.xlsb")
        {
            Cells =
            [
                ("A1", "00:00:00"), ("A2", "24:00:00"), ("A5", "1416:00:00"), ("C1", "1899-12-31"), ("C2", "1900-01-01"), ("C5", "1900-02-28"),
                ("C6", "1900-02-28"), ("C7", "1900-03-01"), ("D1", "0"), ("D6", "60"), ("D7", "61"),
            ],
        },
        new("xlsb/edr_Test_git_issue_329_error.xlsb") { Header = ["#DIV/0!", "#N/A", "#VALUE!"], DataRows = 0 }, // error values read as their error text, never as numbers
        new("xlsb/edr_Test_git_issue_532.xlsb")
        {
            Header = ["1", "2", "3"], DataRows = 1, Cells = [("A2", "a"), ("B2", "b"), ("C2", "c")], Also = d => Assert.Equal(3, d.Row(2).Cells.Count),
        },
        new("xlsb/edr_Test_num_double_date_bool_string.xlsb") { Format = "xlsb", DataRows = 29, LastRow = 30, Cells = NumDoubleDateBoolString },
        new("xlsb/edr_agile_AES128_SHA1_CBC_pwd_password.xlsb") { Error = PasswordProtected },
        new("xlsb/edr_roo_1900_base.xlsb") { Header = ["2009-06-15"], Cells = [("A2", "2013-04-19")] },
        new("xlsb/edr_roo_1904_base.xlsb") { Header = ["2009-06-15"], Cells = [("A2", "2013-04-19")] },
        new("xlsb/sheetjs_1904.xlsb") { DataRows = 4, Cells = Sheetjs1904 },
        new("xlsb/sheetjs_ErrorTypes.xlsb")
        {
            Header = ["Error", "Bang", "Que", "Non", "Val", "ErrType", "Type", "ISERR", "ISNA", "ErrTypeIsErr"], DataRows = 13,
            Cells = [("A2", "#NULL!"), ("E2", "1"), ("H2", "TRUE"), ("A8", "#N/A"), ("F9", "#N/A")],
            Also = d =>
            {
                string[] errors = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];
                for (var i = 0; i < errors.Length; i++)
                {
                    Assert.Contains($"A{i + 2} ({errors[i]})", d.Row(i + 2).Problem, StringComparison.Ordinal);
                }

                Assert.Equal("The cell F9 holds the Excel error #N/A: correct the formula or clear the cell.", d.Row(9).Problem);
            },
        },
        new("xlsb/sheetjs_RkNumber.xlsb")
        {
            Header = ["fX100", "fInt", "sample"], DataRows = 4, Cells = [("C2", "10000000"), ("C3", "1200455"), ("C4", "0.01"), ("C5", "12004.55")],
        },
        new("xlsb/sheetjs_crlf.xlsb")
        {
            Header = ["Normal", "abc\ndef"], Cells = [("A2", "Formula"), ("B2", "abc\r\ndef"), ("A3", "Test"), ("B3", "")],
        },
        new("xlsb/sheetjs_sushi.xlsb") { Header = ["\U0001F363"], DataRows = 0 },
        new("xlsb/sheetjs_text_and_numbers.xlsb")
        {
            Header = ["English", "Hello", "World"], DataRows = 2, LastRow = 4,
            Cells = [("A2", "Hebrew"), ("B2", "שלום"), ("C2", "עולם"), ("A4", "1337"), ("B4", "13.37"), ("C4", "1337")],
            Also = d => Assert.Equal([2, 4], d.Rows.Select(r => r.Number)),
        },
        new("xlsb/sheetjs_wtf_path.xlsb") { Sheets = ["SheetJS", "Hidden"], SheetRead = "SheetJS", Cells = WtfPath },
        new("xlsb/sheetjs_xlsx-stream-d-date-cell.xlsb") { DataRows = 12, Cells = StreamDateCell },

        // ---------- XLS ----------
        new("xls/edr_TestFail_Binary.xls")
        {
            // not OLE2 nor BIFF: the core CSV reader sees binary data
            Error = "The file is not a text file (it contains binary data). Save it as CSV (UTF-8, semicolon separated) or XLSX and import it again.",
        },
        new("xls/edr_Test_Encoding_Formula_Date_1520.xls") { Format = "xls", DataRows = 8, Cells = EncodingFormulaDate },
        new("xls/edr_Test_OpenOffice.xls")
        {
            Sheets = ["test.csv", "Sheet2", "Sheet3"], Header = ["column a", "column b", "column b", "", "column e", "column b"], DataRows = 33, LastRow = 34,
            Cells = [("A2", "2"), ("E2", " e "), ("D4", "2012-10-15"), ("F34", "39")],
        },
        new("xls/edr_Test_git_issue_111_NoRowRecords.xls")
        {
            Header = ["", "", "", "", "", "Barclay UCITS Index Historical Data"], Cells = [("B2", "Jan"), ("M2", "Dec"), ("N2", "YTD"), ("A3", "2010"), ("B3", "-0.0118")],
        },
        new("xls/edr_Test_git_issue_152.xls") { Sheets = ["åäöñ"], SheetRead = "åäöñ", Header = ["åäöñ"], DataRows = 0 },
        new("xls/edr_Test_git_issue_158.xls")
        {
            Header = ["Budapest Stock Exchange Historical data download"], Cells = [("A3", "Product"), ("C4", "2016-09-10"), ("D4", "2016-09-20"), ("A7", "2016-09-12"), ("C7", "1599.16191414219")],
        },
        new("xls/edr_Test_git_issue_231_NoCodePage.xls")
        {
            Header = ["id", "titolo", "editore", "fornitore", "volume", "autore", "prezzo", "isbn", "giacenti", "fuori_catalogo", "collana"], DataRows = 4, LastRow = 5,
            Cells = [("A2", "25250"), ("B2", "MAMMA OGGI CUCINO IO!"), ("G2", "14.9"), ("H2", "9788837089733"), ("J2", "2016-02-15")],
        },
        new("xls/edr_Test_git_issue_242_std_rc4_pwd_password.xls") { Error = PasswordProtected },
        new("xls/edr_Test_num_double_date_bool_string.xls") { Format = "xls", DataRows = 29, LastRow = 30, Cells = NumDoubleDateBoolString },
        new("xls/edr_Uncalculated.xls") { Header = ["A", "+", "B", "=", "C"], DataRows = 1, Cells = [("A2", "1"), ("C2", "3"), ("E2", "3")] },
        new("xls/edr_as3xls_BIFF2.xls") { Format = "xls", DataRows = 9, Cells = As3xls },
        new("xls/edr_as3xls_BIFF5.xls") { DataRows = 9, Cells = As3xls },
        new("xls/edr_as3xls_BIFF5.xls") { Sheet = "Sheet2", Error = "The sheet 'Sheet2' is empty: it has no header row. These sheets hold data: 'Sheet1'. Choose the sheet to read (on the command line: --sheet 'Sheet1')." },
        new("xls/edr_roo_1904_base.xls") { SheetRead = "A compléter", Header = ["2009-06-15"], Cells = [("A2", "2009-06-28")] },
    ];
}
