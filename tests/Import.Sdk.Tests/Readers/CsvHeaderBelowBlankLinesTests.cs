using System.Globalization;
using System.Text;
using Import.Sdk.Readers.Csv;

namespace Import.Sdk.Tests.Readers;

/// <summary>
/// Regression (issue 11, item 7, found by the reader conformance suite): a CSV whose first line is blank was refused as "empty:
/// no header row", and one whose first line held separators only took that line as a header of unnamed columns (its real header
/// became a data row), where a workbook reads the same sheet with its header on the first non-empty row. The header is now the
/// first line holding text, and the rows keep the file's line numbers.
/// </summary>
public class CsvHeaderBelowBlankLinesTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Theory]
    [InlineData("\r\n\r\nCode;Nom\r\nC1;A\r\n\r\nC2;B\r\n")]
    [InlineData(";;\r\n;\r\nCode;Nom\r\nC1;A\r\n;\r\nC2;B\r\n")]
    [InlineData("\u001A\r\n\r\nCode;Nom\r\nC1;A\r\n\r\nC2;B")]
    public async Task OpenAsync_BlankLinesAboveTheHeader_HeaderIsTheFirstLineWithTextAndRowsKeepTheirLines(string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        await using var reader = await new CsvReaderProvider().OpenAsync(new MemoryStream(bytes), bytes.Length, English);

        Assert.Equal(["Code", "Nom"], reader.Header);
        Assert.Equal(3, reader.RowNumber);
        Assert.Equal(";", reader.Info.Delimiter);
        Assert.True(await reader.ReadAsync());
        Assert.Equal((4, "A"), (reader.RowNumber, reader.GetString(1)));
        Assert.True(await reader.ReadAsync());
        Assert.Equal((6, "B"), (reader.RowNumber, reader.GetString(1)));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task ReadAsync_RowProblemsBelowALowerHeader_NameTheRowsOfTheFile()
    {
        // line 1 blank, 2 header, 3 C1, 4 bad quotes, 5 too long, 6 C4
        var csv = "\r\nCode;Nom\r\nC1;A\r\nC2;\"x\"y\r\nC3;" + new string('x', 200_000) + "\r\nC4;D\r\n";

        var rows = await CsvRowProblemTests.ReadAllAsync(csv, English with { MaxRecordBytes = 100_000 }, lengthUnknown: true);

        Assert.Equal([3, 4, 5, 6], rows.Select(r => r.Row));
        Assert.Equal([null, IssueCodes.MalformedRow, IssueCodes.TooLong, null], rows.Select(r => r.Problem?.Code));
        Assert.StartsWith("Row 5 ", rows[2].Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(["C4", "D"], rows[3].Cells);
    }

    [Fact]
    public async Task OpenAsync_BadQuotesInALowerHeader_IsRefusedNamingItsLine()
    {
        var bytes = Encoding.UTF8.GetBytes("\r\n;\r\nCode;\"Nom\"x\r\nC1;A\r\n");

        var ex = await Assert.ThrowsAsync<MalformedFileException>(async () => await new CsvReaderProvider().OpenAsync(new MemoryStream(bytes), bytes.Length, English));

        Assert.Equal(3, ex.Row);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData(";;\r\n;\r\n\r\n")]
    public async Task OpenAsync_BlankLinesOnly_IsAnEmptyFile(string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);

        var ex = await Assert.ThrowsAsync<MalformedFileException>(async () => await new CsvReaderProvider().OpenAsync(new MemoryStream(bytes), bytes.Length, English));

        Assert.Equal("The file is empty: it has no header row.", ex.Message);
    }
}
