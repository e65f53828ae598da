using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>The XLSX reader on workbooks written by the OpenXml DOM writer, one feature at a time.</summary>
public class XlsxReaderTests
{
    private static Task<SheetContent> ReadAsync(XlsxBuilder book, string? sheet = null, string name = "book.xlsx") =>
        SheetContent.ReadAsync(book.Build(), name, new ReaderOptions { Sheet = sheet, UiCulture = CultureInfo.GetCultureInfo("en-US") });

    [Fact]
    public async Task ReadAsync_SharedInlineAndRichStrings_ReadAsTheirText()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Text("Shared"), Inline("Inline"), Text("Rich"), Text("Inline rich"))
            .Row(2, Text("café ☕"), Inline("en ligne"), Rich("Bold ", "and", " plain"), InlineRich("Text", "1")));

        var data = await ReadAsync(book);

        Assert.Equal(["Shared", "Inline", "Rich", "Inline rich"], data.Header);
        Assert.Equal(["café ☕", "en ligne", "Bold and plain", "Text1"], data.Row(2).Cells);
        Assert.Equal(("xlsx", "S"), (data.Info.Format, data.Info.Sheet));
    }

    [Fact]
    public async Task ReadAsync_NumbersBooleansAndFormulaStrings_FollowTheCellTextContract()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Text("a"), Text("b"), Text("c"), Text("d"), Text("e"), Text("f"), Text("g"), Text("h"))
            .Row(2, Number(44.99), Number(1346269), Number(0.1 + 0.2), RawNumber("1.50"), RawNumber("1E-05"), Bool(true), Bool(false), FormulaText("A2&\"x\"", "1,"))
            .Row(3, Number(-7080.61, "#,##0.00 \"€\""), Number(0.5, "0.00%"), Number(12.5, "@"), RawNumber("1.23456789e+22"), Number(3.14159265358979), Number(-0.0), Number(1e15), Number(9583638582)));

        var data = await ReadAsync(book);

        Assert.Equal(["44.99", "1346269", "0.30000000000000004", "1.5", "0.00001", "TRUE", "FALSE", "1,"], data.Row(2).Cells);
        Assert.Equal(["-7080.61", "0.5", "12.5", "1.23456789E+22", "3.14159265358979", "0", "1000000000000000", "9583638582"], data.Row(3).Cells);
    }

    [Fact]
    public async Task ReadAsync_DateFormats_GiveIsoDatesTimesAndDurations()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Text("built-in"), Text("custom"), Text("date-time"), Text("time"), Text("duration"), Text("not a date"), Text("iso"), Text("text format"))
            .Row(2,
                Serial(new DateTime(2024, 2, 29), "14"),
                Serial(new DateTime(2023, 12, 31), "dd/mm/yyyy"),
                Serial(new DateTime(2009, 5, 7, 11, 1, 2), "yyyy-mm-dd hh:mm:ss"),
                Number(0.5, "h:mm AM/PM"),
                Number(1.5, "[h]:mm:ss"),
                Number(45000, "0.00\" days\""),
                IsoDate("2017-03-16T08:30:00"),
                Number(45000, "@"))
            .Row(3,
                Serial(new DateTime(1999, 2, 1), "d-mmm-yy"),
                Serial(new DateTime(2001, 12, 14, 14, 0, 1), "[$-40C]dddd d mmmm yyyy"),
                Number(0.45905092592592595, "mm:ss"),
                Number(2.25, "h:mm"),
                Number(1e12, "dd/mm/yyyy"),
                Number(45000, "[Red]0.00;[Blue]-0.00"),
                IsoDate("2017-03-16"),
                Number(45000, "0.00E+00")));

        var data = await ReadAsync(book);

        Assert.Equal(["2024-02-29", "2023-12-31", "2009-05-07T11:01:02", "12:00:00", "36:00:00", "45000", "2017-03-16T08:30:00", "45000"], data.Row(2).Cells);
        Assert.Equal(["1999-02-01", "2001-12-14T14:00:01", "11:01:02", "1900-01-02T06:00:00", "1000000000000", "45000", "2017-03-16", "45000"], data.Row(3).Cells);
    }

    [Theory]
    [InlineData(false, 1, "1900-01-01")]
    [InlineData(false, 59, "1900-02-28")]
    [InlineData(false, 60, "1900-02-28")] // Excel's fictitious 1900-02-29, read as ExcelDataReader does
    [InlineData(false, 61, "1900-03-01")]
    [InlineData(false, 0, "1899-12-31")]
    [InlineData(false, 45170, "2023-09-01")]
    [InlineData(true, 0, "1904-01-01")]
    [InlineData(true, 43708, "2023-09-01")]
    [InlineData(true, 1.5, "1904-01-02T12:00:00")]
    public async Task ReadAsync_DateSystems_ConvertSerialsLikeExcel(bool date1904, double serial, string expected)
    {
        var book = new XlsxBuilder { Date1904 = date1904 }.Sheet("S", s => s.Row(1, Text("date")).Row(2, Number(serial, "yyyy-mm-dd")));

        var data = await ReadAsync(book);

        Assert.Equal(expected, data.Cell("A2"));
    }

    [Fact]
    public async Task ReadAsync_ExcelErrors_KeepTheirTextWithACellErrorProblemNamingEveryErrorCell()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Text("a"), Text("b"), Text("c"))
            .Row(2, Text("ok"), Number(1), Text("fine"))
            .Row(7, Text("x"), Error("#N/A"), Number(3))
            .Row(8, Error("#DIV/0!"), Error("#VALUE!"), Text("y"))
            .Row(9, Error("#REF!")));

        var data = await ReadAsync(book);

        Assert.Null(data.Row(2).Problem);
        Assert.Equal(["x", "#N/A", "3"], data.Row(7).Cells); // the error text is the cell's text (preview shows it)
        Assert.Equal("The cell B7 holds the Excel error #N/A: correct the formula or clear the cell.", data.Row(7).Problem);
        Assert.Equal((IssueCodes.CellError, 1, "#N/A"), (data.Row(7).Detail!.Code, data.Row(7).Detail!.Column, data.Row(7).Detail!.Value));
        Assert.Equal([1], data.Row(7).Detail!.Columns);
        Assert.Equal(["#DIV/0!", "#VALUE!", "y"], data.Row(8).Cells);
        Assert.Equal("The cells A8 (#DIV/0!), B8 (#VALUE!) hold Excel errors: correct the formulas or clear the cells.", data.Row(8).Problem);
        Assert.Equal((IssueCodes.CellError, 0, "#DIV/0!"), (data.Row(8).Detail!.Code, data.Row(8).Detail!.Column, data.Row(8).Detail!.Value));
        Assert.Equal([0, 1], data.Row(8).Detail!.Columns);
        Assert.Equal(["#REF!", "", ""], data.Row(9).Cells); // a row of errors only is still a row: its problem is reported
        Assert.Contains("A9", data.Row(9).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ExcelError_IsReportedInFrenchForAFrenchUser()
    {
        var bytes = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("a"), Text("b")).Row(7, Text("x"), Error("#N/A"))).Build();

        var data = await SheetContent.ReadAsync(bytes, "book.xlsx", new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("fr-FR") });

        Assert.Equal("La cellule B7 contient l'erreur Excel #N/A : corrigez la formule ou videz la cellule.", data.Row(7).Problem);
    }

    [Fact]
    public async Task ReadAsync_GapsInReferences_PlaceCellsAtTheirColumn()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Text("A"), Text("C").At(2), Text("F").At(5))
            .Row(2, Number(1).At(1), Number(2).At(4))
            .Row(3, Text("far").At(27)));

        var data = await ReadAsync(book);

        Assert.Equal(["A", "", "C", "", "", "F"], data.Header);
        Assert.Equal(["", "1", "", "", "2", ""], data.Row(2).Cells);
        Assert.Equal("far", data.Cell("AB3"));
        Assert.Equal(28, data.Row(3).Cells.Count); // past the header: the row is wider
    }

    [Fact]
    public async Task ReadAsync_RowsAndCellsWithoutReferences_FollowThePreviousOnes()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .RowWithoutReference(Text("a"), Text("b"))
            .RowWithoutReference(Number(1), Number(2))
            .Row(5, Text("x"), Text("y"))
            .RowWithoutReference(Text("z")));

        var data = await ReadAsync(book);

        Assert.Equal(["a", "b"], data.Header);
        Assert.Equal([2, 5, 6], data.Rows.Select(r => r.Number));
        Assert.Equal(["1", "2"], data.Row(2).Cells);
        Assert.Equal("z", data.Cell("A6"));
    }

    [Fact]
    public async Task ReadAsync_LowerCaseReferences_AreColumnsToo()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Text("a").WithReference("a1"), Text("c").WithReference("c1"))
            .Row(2, Number(5).WithReference("b2")));

        var data = await ReadAsync(book);

        Assert.Equal(["a", "", "c"], data.Header);
        Assert.Equal("5", data.Cell("B2"));
    }

    [Fact]
    public async Task ReadAsync_EmptyLeadingRowsAndTrailingFormattedRows_HeaderIsTheFirstNonEmptyRowAndRowsKeepTheirNumbers()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Blank())
            .Row(2)
            .Row(4, Text("Code"), Text("Name"))
            .Row(5, Text("C1"), Text("Dupont"))
            .Row(6, Blank(), Blank())
            .Row(8, Text("C2"))
            .Row(9, Blank())
            .Row(65536, Blank()));

        var data = await ReadAsync(book);

        Assert.Equal(4, data.HeaderRow);
        Assert.Equal(["Code", "Name"], data.Header);
        Assert.Equal([5, 8], data.Rows.Select(r => r.Number));
        Assert.Equal(["C2", ""], data.Row(8).Cells); // as wide as the header: a missing cell is an empty cell
    }

    [Fact]
    public async Task ReadAsync_HeaderCells_AreTrimmedDataCellsAreNot()
    {
        var book = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("  Code  "), Text(" Name")).Row(2, Text("  C1 "), Text("x")));

        var data = await ReadAsync(book);

        Assert.Equal(["Code", "Name"], data.Header);
        Assert.Equal("  C1 ", data.Cell("A2"));
    }

    [Fact]
    public async Task ReadAsync_HiddenFirstSheet_ReadsTheFirstVisibleSheetAndListsThemAll()
    {
        var book = new XlsxBuilder()
            .Sheet("Hidden", s => s.Row(1, Text("hidden")), SheetStateValues.Hidden)
            .Sheet("VeryHidden", s => s.Row(1, Text("very hidden")), SheetStateValues.VeryHidden)
            .Sheet("Data", s => s.Row(1, Text("data")))
            .Sheet("Other", s => s.Row(1, Text("other")));

        var data = await ReadAsync(book);

        Assert.Equal(("Data", "data"), (data.Info.Sheet, data.Header[0]));
        Assert.Equal(["Hidden", "VeryHidden", "Data", "Other"], data.Info.Sheets);
    }

    [Theory]
    [InlineData("Other", "Other", "other")]
    [InlineData("other", "Other", "other")]
    [InlineData("1", "Hidden", "hidden")]
    [InlineData("2", "VeryHidden", "very hidden")]
    [InlineData("4", "Other", "other")]
    [InlineData("2024", "2024", "named like a number")]
    public async Task ReadAsync_SheetByNameOrIndex_ReadsThatSheet(string requested, string sheet, string header)
    {
        var book = new XlsxBuilder()
            .Sheet("Hidden", s => s.Row(1, Text("hidden")), SheetStateValues.Hidden)
            .Sheet("VeryHidden", s => s.Row(1, Text("very hidden")), SheetStateValues.VeryHidden)
            .Sheet("2024", s => s.Row(1, Text("named like a number")))
            .Sheet("Other", s => s.Row(1, Text("other")));

        var data = await ReadAsync(book, requested);

        Assert.Equal((sheet, header), (data.Info.Sheet, data.Header[0]));
    }

    [Fact]
    public async Task ReadAsync_UnknownSheet_ListsTheSheets()
    {
        var book = new XlsxBuilder().Sheet("Clients", s => s.Row(1, Text("a"))).Sheet("Factures", s => s.Row(1, Text("b")));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync(book, "Contacts"));

        Assert.Equal("The sheet 'Contacts' does not exist; the workbook's sheets are: 'Clients', 'Factures'.", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_UnknownSheetAmongMany_ListsTheFirstTwentyOnly()
    {
        // every name was listed: a workbook of thousands of sheets made a message of megabytes
        var book = new XlsxBuilder();
        for (var i = 1; i <= 30; i++)
        {
            book = book.Sheet($"S{i}", s => s.Row(1, Text("a")));
        }

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync(book, "Contacts"));

        var listed = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"'S{i}'"));
        Assert.Equal($"The sheet 'Contacts' does not exist; the workbook's sheets are: {listed}, ….", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptySheet_IsAClearError()
    {
        var book = new XlsxBuilder().Sheet("Vide", s => s.Row(1, Blank()).Row(3));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync(book));

        Assert.Equal("The sheet 'Vide' is empty: it has no header row.", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_EscapedCharactersAndWhiteSpace_ReadAsExcelShowsThem()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Text("a"), Text("b"), Text("c"), Text("d"))
            .Row(2, Text("line\r\nbreak"), Text("tab\there"), Text("_x0041_ literal"), Text("  padded  ")));

        var data = await ReadAsync(book);

        Assert.Equal(["line\r\nbreak", "tab\there", "_x0041_ literal", "  padded  "], data.Row(2).Cells);
    }

    [Fact]
    public async Task ReadAsync_XlsxNamedCsv_IsReadAsXlsx()
    {
        var bytes = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("Code")).Row(2, Text("C1"))).Build();

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "export.csv"), providers: ExcelReaders.Create());

        Assert.Equal("xlsx", preview.Source.Format);
        Assert.Equal(["Code"], preview.Header);
        Assert.Equal("C1", Assert.Single(preview.Rows)[0]);
    }

    [Fact]
    public async Task ReadAsync_CsvNamedXlsx_IsReadAsCsv()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("Code;Nom\r\nC1;Dupont\r\n");

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "clients.xlsx"), providers: ExcelReaders.Create());

        Assert.Equal(("csv", ";"), (preview.Source.Format, preview.Source.Delimiter));
        Assert.Equal(["C1", "Dupont"], Assert.Single(preview.Rows));
    }

    [Fact]
    public async Task ReadAsync_NonSeekableStream_IsReadThroughATemporaryCopy()
    {
        var bytes = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("Code")).Row(2, Text("C1")).Row(3, Text("C2"))).Build();
        await using var stream = new NonSeekableStream(bytes);

        var preview = await FilePreview.ReadAsync(ImportSource.FromStream(stream, "book.xlsx"), providers: ExcelReaders.Create());

        Assert.Equal([2, 3], preview.RowNumbers);
    }
}
