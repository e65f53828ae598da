using System.Globalization;
using System.Xml;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Tests.Reading;

/// <summary>
/// What every workbook format shares (XLS through ExcelDataReader included): a parser failing part-way ends the sheet with our
/// own message, naming the first row not read, after every row read before it; the parser's text never reaches the user.
/// </summary>
public class WorkbookTabularReaderTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static TheoryData<string, Exception, string> Failures => new()
    {
        {
            "en", new InvalidOperationException("Object reference not set to an instance of an object (ExcelDataReader internals)"),
            "The workbook is damaged or incomplete at row 6 (the content of the sheet 'Data' cannot be decoded). Open it in Excel, save it again and import it again."
        },
        {
            "fr", new EndOfStreamException("Unable to read beyond the end of the stream."),
            "Le classeur est endommagé ou incomplet à la ligne 6 (la feuille « Data » s'arrête avant la fin de son contenu : le fichier est tronqué). Ouvrez-le dans Excel, enregistrez-le à nouveau puis importez-le."
        },
        {
            "en", new XmlException("For security reasons DTD is prohibited in this XML document. To enable DTD processing set the DtdProcessing property on XmlReaderSettings to Parse and pass the settings into XmlReader.Create method.", null, 2, 3),
            "The workbook is damaged or incomplete at row 6 (the sheet 'Data' contains a document type declaration (DTD), which Excel never writes and which is refused for security). Open it in Excel, save it again and import it again."
        },
        {
            "en", new InvalidDataException("Block length does not match with its complement."),
            "The workbook is damaged or incomplete at row 6 (the compressed data of the sheet 'Data' is damaged). Open it in Excel, save it again and import it again."
        },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task ReadAsync_ParserFailsPartWay_DeliversTheRowsReadThenOurOwnMessageNamingTheNextRow(string language, Exception failure, string message)
    {
        // rows 1 (header), 2, 3 and 5 (row 4 is absent), then the parser fails
        var source = new FailingSource([1, 2, 3, 5], failure);
        await using var reader = WorkbookTabularReader.Open(source, null, new SourceInfo("xls", null, null, "Data", ["Data"]), null, long.MaxValue, 1000, language == "fr" ? Fr : En, default);
        var rows = new List<int>();

        var ex = await Assert.ThrowsAsync<MalformedFileException>(async () =>
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.RowNumber);
            }
        });

        Assert.Equal([2, 3, 5], rows);
        Assert.Equal(6, ex.Row);
        Assert.Equal(message, ex.Message);
        Assert.Same(failure, ex.InnerException); // kept for the logs
    }

    [Fact]
    public void Open_ParserFailsBeforeTheHeader_NamesRow1WithOurOwnMessage()
    {
        var source = new FailingSource([], new XmlException("Unexpected end of file has occurred. The following elements are not closed: sheetData, worksheet. Line 1, position 80.", null, 1, 80));

        var ex = Assert.Throws<MalformedFileException>(() => WorkbookTabularReader.Open(source, null, new SourceInfo("xlsx", null, null, "Data", ["Data"]), null, long.MaxValue, 1000, En, default));

        Assert.Equal(1, ex.Row);
        Assert.Equal("The workbook is damaged or incomplete at row 1 (the XML of the sheet 'Data' is invalid or cut short (line 1, position 80)). Open it in Excel, save it again and import it again.", ex.Message);
        Assert.True(source.Disposed);
    }

    [Theory]
    [InlineData("en-US", "The workbook is damaged or incomplete and cannot be read (the content of the XLS file cannot be decoded): open it in Excel, save it again and import it again.")]
    [InlineData("fr-FR", "Le classeur est endommagé ou incomplet et ne peut pas être lu (le contenu de ce fichier XLS ne peut pas être décodé) : ouvrez-le dans Excel, enregistrez-le à nouveau puis importez-le.")]
    public async Task OpenAsync_TruncatedXls_GetsOurOwnMessageNotExcelDataReaders(string culture, string message)
    {
        var content = File.ReadAllBytes(Support.Corpus.File("xls/edr_Test_num_double_date_bool_string.xls"));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() =>
            Support.SheetContent.ReadAsync(content[..(content.Length / 2)], "cut.xls", new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo(culture) }));

        Assert.Equal(message, ex.Message); // ExcelDataReader says "The excel file may be corrupt or truncated. We've read past the end of the file."
    }

    [Theory]
    [InlineData(50)]
    [InlineData(90)]
    [InlineData(97)]
    [InlineData(99)]
    public async Task OpenAsync_BareBiffCutShort_IsRefusedAsTruncated(int percent)
    {
        // A BIFF2 file (no OLE2 container) cut short: ExcelDataReader read the rows after the cut as empty rows, without a word,
        // so they were lost silently (9 rows read as 1 at 90 %, as 7 at 97 %). The missing EOF record tells the cut; as no row
        // can be named as the first one missing, the file is refused whole.
        var content = File.ReadAllBytes(Support.Corpus.File("xls/edr_as3xls_BIFF2.xls"));
        var whole = await Support.SheetContent.ReadAsync(content, "whole.xls");
        Assert.Equal(9, whole.Rows.Count); // the whole file ends with its EOF record: no error

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() =>
            Support.SheetContent.ReadAsync(content[..(content.Length * percent / 100)], "cut.xls", new ReaderOptions { UiCulture = En }));

        Assert.Equal("The workbook is damaged or incomplete and cannot be read (the XLS file ends before its content does: the file is truncated): open it in Excel, save it again and import it again.", ex.Message);
    }

    private sealed class FailingSource(int[] rows, Exception failure) : IRowSource
    {
        private int _next;

        public long BytesRead => 0;

        public bool Disposed { get; private set; }

        public bool TryReadRow(RowBuffer row)
        {
            if (_next == rows.Length)
            {
                throw failure;
            }

            row.Clear();
            row.RowNumber = rows[_next++];
            row.Set(0, "r" + row.RowNumber.ToString(CultureInfo.InvariantCulture));
            return true;
        }

        public void Dispose() => Disposed = true;
    }
}
