using System.Globalization;
using Import.Sdk.Excel.Reading;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// The cells of one row are bounded in all (<see cref="RowBuffer.MaxRowCharacters"/>), not only each one: a 120 KB XLSX whose
/// row held 60 cells of 2 million characters (each under the cell limit) once cost some 300 MB (issue 16, "peak memory under
/// 150 MiB for any workbook"). The cell that takes the row past it is not held: the row is rejected with <c>too_long</c>.
/// </summary>
public class XlsxRowLengthTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const int Long = 2_000_000; // under the default cell limit (2,097,152)
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    private static string Cells(int count, char letter) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => $"<c t=\"inlineStr\"><is><t>{new string(letter, Long)}</t></is></c>"));

    [Fact]
    public async Task ReadAsync_RowPastItsCharacters_IsRejectedWithTooLongNamingTheCellThatWentPast()
    {
        var header = string.Concat(Enumerable.Range(0, 6).Select(i => $"<c t=\"inlineStr\"><is><t>h{i}</t></is></c>"));
        var sheet = $"""<worksheet xmlns="{Main}"><sheetData><row r="1">{header}</row><row r="2">{Cells(5, 'a')}<c><v>6</v></c></row><row r="3">{Cells(4, 'b')}</row></sheetData></worksheet>""";

        var rows = await XlsxCellLengthTests.ReadProblemsAsync(XlsxBrokenSheetTests.Workbook(sheet), English);

        // 4 × 2,000,000 characters fit in 8,388,608; the fifth cell would not
        Assert.Equal(IssueCodes.TooLong, rows[0].Problem?.Code);
        Assert.Equal(4, rows[0].Problem?.Column);
        Assert.Equal("The cells of the row hold more than 8,388,608 characters in all (the cell E2 goes past that): shorten them or split the row.", rows[0].Problem?.Message);
        Assert.Equal(string.Empty, rows[0].Cells[4]);
        Assert.Null(rows[1].Problem); // the next row starts afresh
        Assert.Equal(Long, rows[1].Cells[3].Length);
    }

    [Fact]
    public async Task ReadAsync_HeaderPastItsCharacters_IsRefusedInFrench()
    {
        var sheet = $"""<worksheet xmlns="{Main}"><sheetData><row r="1">{Cells(5, 'h')}</row><row r="2"><c><v>1</v></c></row></sheetData></worksheet>""";

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(XlsxBrokenSheetTests.Workbook(sheet), "book.xlsx", new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("fr-FR") }));

        Assert.StartsWith("Les cellules d'en-tête contiennent plus de 8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(la cellule E1 dépasse cette limite)", ex.Message, StringComparison.Ordinal);
    }
}
