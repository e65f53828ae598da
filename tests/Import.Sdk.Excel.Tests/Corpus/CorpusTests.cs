using System.Globalization;
using Import.Sdk.Excel.Packaging;
using Import.Sdk.Excel.Reading;
using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Xlsx;

namespace Import.Sdk.Excel.Tests.Corpus;

/// <summary>Every workbook of the shared corpus reads to the values SOURCES.md documents, or fails with one clear error.</summary>
public class CorpusTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    public static TheoryData<CorpusCase> Cases => [.. CorpusCases.All];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadAsync_CorpusFile_GivesTheDocumentedValues(CorpusCase expected)
    {
        var path = Support.Corpus.File(expected.File);
        var options = English with { Sheet = expected.Sheet };

        if (expected.Error is { } error)
        {
            var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadFileAsync(path, options));
            Assert.Equal(error, ex.Message);
            return;
        }

        var data = await SheetContent.ReadFileAsync(path, options);

        if (expected.Format is { } format)
        {
            Assert.Equal(format, data.Info.Format);
        }

        Assert.Null(data.Info.Encoding);
        Assert.Null(data.Info.Delimiter);
        if (expected.Sheets is { } sheets)
        {
            Assert.Equal(sheets, data.Info.Sheets);
        }

        if (expected.SheetRead is { } sheet)
        {
            Assert.Equal(sheet, data.Info.Sheet);
        }

        Assert.Equal(expected.HeaderRow, data.HeaderRow);
        if (expected.Header is { } header)
        {
            Assert.Equal(header, data.Header);
        }

        foreach (var (cell, text) in expected.Cells)
        {
            Assert.True(text == data.Cell(cell), $"{cell}: expected '{text}', read '{data.Cell(cell)}'");
        }

        if (expected.DataRows is { } count)
        {
            Assert.Equal(count, data.Rows.Count);
        }

        if (expected.LastRow is { } last)
        {
            Assert.Equal(last, data.Rows.Count == 0 ? data.HeaderRow : data.Rows[^1].Number);
        }

        Assert.True(data.Rows.Select(r => r.Number).SequenceEqual(data.Rows.Select(r => r.Number).Order()), "row numbers go up");
        Assert.All(data.Rows, r => Assert.True(r.Number > data.HeaderRow));
        Assert.All(data.Rows, r => Assert.True(r.Cells.Count >= data.Header.Count));
        expected.Also?.Invoke(data);
    }

    [Fact]
    public void Cases_CoverEveryWorkbookOfTheCorpus()
    {
        var files = new[] { "xlsx", "xlsb", "xls" }
            .SelectMany(dir => Directory.GetFiles(Path.Combine(Support.Corpus.Directory, dir)).Select(f => dir + "/" + Path.GetFileName(f)))
            .Order(StringComparer.Ordinal);
        var covered = CorpusCases.All.Select(c => c.File).ToHashSet(StringComparer.Ordinal);

        var uncovered = files.Where(f => !covered.Contains(f)).ToArray();
        var missing = covered.Where(f => !File.Exists(Path.Combine(Support.Corpus.Directory, f))).ToArray();
        Assert.True(uncovered.Length == 0, "corpus files without a case: " + string.Join(", ", uncovered));
        Assert.True(missing.Length == 0, "cases without a corpus file: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("xlsx/edr_Test_num_double_date_bool_string.xlsx", "xlsb/edr_Test_num_double_date_bool_string.xlsb", "xls/edr_Test_num_double_date_bool_string.xls")]
    [InlineData("xlsb/edr_Test10x10.xlsb", "xlsx/edr_strict_Test10x10.xlsx")]
    [InlineData("xlsx/sheetjs_1904.xlsx", "xlsb/sheetjs_1904.xlsb")]
    [InlineData("xlsx/sheetjs_wtf_path.xlsx", "xlsb/sheetjs_wtf_path.xlsb")]
    [InlineData("xlsx/sheetjs_xlsx-stream-d-date-cell.xlsx", "xlsb/sheetjs_xlsx-stream-d-date-cell.xlsb")]
    [InlineData("xlsb/edr_roo_1900_base.xlsb", "xlsb/edr_roo_1904_base.xlsb")]
    public async Task ReadAsync_SameWorkbookInSeveralFormats_ReadsCellForCell(params string[] files)
    {
        var reads = new List<SheetContent>();
        foreach (var file in files)
        {
            reads.Add(await SheetContent.ReadFileAsync(Support.Corpus.File(file), English));
        }

        var first = reads[0];
        foreach (var other in reads.Skip(1))
        {
            Assert.Equal(first.Header, other.Header);
            Assert.Equal(first.Rows.Select(r => r.Number), other.Rows.Select(r => r.Number));
            for (var i = 0; i < first.Rows.Count; i++)
            {
                Assert.Equal(first.Rows[i].Cells, other.Rows[i].Cells);
            }
        }
    }

    [Fact]
    public async Task ReadAsync_SharedStringWithXmlSpacePreserve_KeepsItsWhiteSpace()
    {
        // The header is trimmed (as in CSV); the raw cell A1 keeps the spaces xml:space="preserve" protects.
        var path = Support.Corpus.File("xlsx/edr_Test_git_issue_425.xlsx");
        var ui = CultureInfo.InvariantCulture;
        using var package = new OpcPackage(File.OpenRead(path), new InflationBudget(1 << 30, ui));
        var workbook = XlsxWorkbook.Load(package, package.FindOfficeDocument()!)!;
        var sheet = workbook.Sheets[0].Part!;
        using var source = new XlsxRowSource(package.Open(sheet), 0, 0, workbook.ReadSharedStrings(new SharedStringTable(100, 1 << 20, ui), 1 << 20), workbook.ReadCellFormats(), workbook.Date1904, 1 << 20);
        var row = new RowBuffer(1000, 1 << 20, ui);

        Assert.True(source.TryReadRow(row));
        Assert.Equal((1, "   text    "), (row.RowNumber, row.Get(0)));
    }
}
