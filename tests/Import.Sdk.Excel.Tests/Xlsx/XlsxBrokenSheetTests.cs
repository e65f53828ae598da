using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Packaging;
using Import.Sdk.Excel.Reading;
using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Xlsx;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// A sheet that breaks part-way (cut short, or past the inflation limit): every complete row before the break is delivered,
/// then one <see cref="MalformedFileException"/> names the first row not read and says that nothing from it on was imported.
/// </summary>
public class XlsxBrokenSheetTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");
    private static readonly ReaderOptions English = new() { UiCulture = En };

    /// <summary>The sheet XML of rows 1 (header) to 5, each row "&lt;row r=N&gt;…&lt;/row&gt;" with cells A and B.</summary>
    private static readonly string FullSheet = $"<worksheet xmlns=\"{Main}\"><sheetData>"
        + string.Concat(Enumerable.Range(1, 5).Select(Row))
        + "</sheetData></worksheet>";

    public static TheoryData<string, int> CutsAfterRow4 => new()
    {
        { "</row>", 5 },                                           // cut right after row 4's end tag
        { "</row><row r=\"5\">", 5 },                              // after row 5's start tag
        { "</row><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>a", 5 }, // inside row 5's first cell
        { "</row><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>a5</t></is></c>", 5 }, // after a whole cell of row 5
        { "</row><ro", 5 },                                        // inside row 5's start tag
    };

    [Theory]
    [MemberData(nameof(CutsAfterRow4))]
    public async Task ReadAsync_SheetCutAfterACompleteRow_DeliversEveryCompleteRowThenNamesTheNext(string tail, int firstNotRead)
    {
        // the sheet up to the end of row 4 (its </row> included in `tail`), then `tail`'s remainder: no </sheetData>
        var upToRow4 = FullSheet[..(FullSheet.IndexOf("<row r=\"4\"", StringComparison.Ordinal) + Row(4).Length - "</row>".Length)];
        var (rows, ex) = await ReadUntilFailureAsync(Workbook(upToRow4 + tail));

        Assert.Equal([2, 3, 4], rows.Select(r => r.Number));
        Assert.Equal(["a4", "b4"], rows[^1].Cells);
        Assert.NotNull(ex);
        Assert.Equal(firstNotRead, ex.Row);
        Assert.StartsWith($"The workbook is damaged or incomplete at row {firstNotRead} (the XML of the sheet 'S' is invalid or cut short (line 1, position ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"). Open it in Excel, save it again and import it again.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SheetCutRightAfterItsLastRow_DeliversThatRow()
    {
        var cut = FullSheet[..(FullSheet.LastIndexOf("</row>", StringComparison.Ordinal) + "</row>".Length)];
        var (rows, ex) = await ReadUntilFailureAsync(Workbook(cut));

        Assert.Equal([2, 3, 4, 5], rows.Select(r => r.Number));
        Assert.Equal(6, ex?.Row);
    }

    [Fact]
    public async Task ReadAsync_SheetCutAfterTheHeader_ReadsTheHeaderAndNamesRow2()
    {
        var cut = FullSheet[..(FullSheet.IndexOf("<row r=\"2\"", StringComparison.Ordinal) + 3)];
        var (rows, ex) = await ReadUntilFailureAsync(Workbook(cut));

        Assert.Empty(rows);
        Assert.Equal(2, ex?.Row);
    }

    [Fact]
    public async Task ReadAsync_InflationLimitInTheMiddleOfTheSheet_DeliversEveryRowWithinTheLimitAndNamesTheNext()
    {
        // Exact: the limit falls on the byte that ends row k's "</row>" (row k is read, whole), or one byte before it (it is not).
        var sheet = Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{Main}\"><sheetData>" + string.Concat(Enumerable.Range(1, 3000).Select(Row)) + "</sheetData></worksheet>");
        var text = Encoding.UTF8.GetString(sheet);
        foreach (var k in (int[])[2, 7, 100, 1234, 2999])
        {
            var endOfRowK = text.IndexOf($"<row r=\"{k}\"", StringComparison.Ordinal) + Row(k).Length;
            foreach (var (limit, lastRead) in (ValueTuple<long, int>[])[(endOfRowK, k), (endOfRowK - 1, k - 1)])
            {
                var rows = new List<int>();
                await using var reader = WorkbookTabularReader.Open(
                    new XlsxRowSource(new BudgetedStream(new MemoryStream(sheet), new InflationBudget(limit, En)), 0, 0, new SharedStringTable(10, 100, En), [], false, 1000),
                    null, new SourceInfo("xlsx", null, null, "S", ["S"]), null, long.MaxValue, 1000, En, default);
                var ex = await Assert.ThrowsAsync<MalformedFileException>(async () =>
                {
                    while (await reader.ReadAsync())
                    {
                        Assert.Equal("a" + reader.RowNumber.ToString(CultureInfo.InvariantCulture), reader.GetString(0));
                        rows.Add(reader.RowNumber);
                    }
                });

                Assert.Equal(Enumerable.Range(2, lastRead - 1), rows);
                Assert.Equal(lastRead + 1, ex.Row);
                Assert.Equal(
                    $"Reading stopped at row {lastRead + 1}. The workbook expands to more than {limit:N0} bytes once unzipped: it is too large, or a malicious archive. Split it or save it as CSV.",
                    ex.Message);
            }
        }
    }

    [Fact]
    public async Task ExecuteAsync_SheetCutAfterACompleteRow_ImportsTheRowsBeforeAndReportsTheRestAsOneIssue()
    {
        var schema = EntitySchema.Create("things")
            .Field("a", FieldType.Text, f => f.Label("A", "A").Required())
            .Field("b", FieldType.Text, f => f.Label("B", "B"))
            .Key("a")
            .Build();
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(schema))
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = En })
            .UseExcelReaders()
            .Build();
        var cut = FullSheet[..(FullSheet.LastIndexOf("</row>", StringComparison.Ordinal) + "</row>".Length)];

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Workbook(cut), "cut.xlsx")));

        Assert.Equal(["a2", "a3", "a4", "a5"], sink.GetRecords("things").Select(r => (string?)r[0]).Order());
        var issue = Assert.Single(report.Issues);
        Assert.Equal((6, IssueCodes.MalformedFile), (issue.Row, issue.Code));
        Assert.Contains("Nothing was imported from row 6 on", issue.Message, StringComparison.Ordinal);
    }

    internal static string Row(int r)
    {
        var n = r.ToString(CultureInfo.InvariantCulture);
        return r == 1
            ? "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>B</t></is></c></row>"
            : $"<row r=\"{n}\"><c r=\"A{n}\" t=\"inlineStr\"><is><t>a{n}</t></is></c><c r=\"B{n}\" t=\"inlineStr\"><is><t>b{n}</t></is></c></row>";
    }

    /// <summary>The builder's workbook with its sheet XML replaced (and, when given, its shared strings XML).</summary>
    internal static byte[] Workbook(string sheetXml, string? sharedStringsXml = null)
    {
        var template = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("a"))).Build();
        return Zip.Rewrite(template, replace: name => name switch
        {
            _ when name.EndsWith("sheet1.xml", StringComparison.Ordinal) => Write(sheetXml),
            _ when name.EndsWith("sharedStrings.xml", StringComparison.Ordinal) && sharedStringsXml is not null => Write(sharedStringsXml),
            _ => null,
        });
        static Action<Stream> Write(string xml) => stream => stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>Reads a workbook's rows until the end or the first error, which is returned instead of thrown.</summary>
    internal static async Task<(List<SheetRow> Rows, MalformedFileException? Error)> ReadUntilFailureAsync(byte[] workbook, ReaderOptions? options = null, ExcelReaderOptions? limits = null)
    {
        var rows = new List<SheetRow>();
        var provider = ExcelReaders.Create(limits).First(p => p.CanRead(workbook, "book.xlsx"));
        try
        {
            await using var reader = await provider.OpenAsync(new MemoryStream(workbook), workbook.Length, options ?? English);
            while (await reader.ReadAsync())
            {
                rows.Add(new SheetRow(reader.RowNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray(), reader.RowProblem?.Message));
            }
        }
        catch (MalformedFileException ex)
        {
            return (rows, ex);
        }

        return (rows, null);
    }
}
