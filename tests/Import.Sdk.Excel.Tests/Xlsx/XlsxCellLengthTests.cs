using System.Globalization;
using System.IO.Compression;
using System.Text;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// <see cref="ReaderOptions.MaxCellLength"/> in XLSX: a longer cell — inline string, shared string, cached formula value — is
/// never held; its row is rejected with <c>too_long</c> (column, start of the value) and reading goes on.
/// </summary>
public class XlsxCellLengthTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly ReaderOptions Max10 = new() { UiCulture = CultureInfo.GetCultureInfo("en-US"), MaxCellLength = 10 };

    [Fact]
    public async Task ReadAsync_CellsLongerThanTheLimit_RejectTheirRowWithTooLongAndReadingGoesOn()
    {
        var strings = $"""
            <sst xmlns="{Main}" count="3" uniqueCount="3">
            <si><t>Name</t></si>
            <si><t>0123456789abcdefghij</t></si>
            <si><r><t>01234</t></r><r><t>56789</t></r><r><t>X</t></r></si>
            </sst>
            """;
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="s"><v>0</v></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>ok</t></is></c><c r="B2" t="inlineStr"><is><t>0123456789</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>c3</t></is></c><c r="B3" t="inlineStr"><is><t>0123456789A</t></is></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>c4</t></is></c><c r="B4" t="s"><v>1</v></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>c5</t></is></c><c r="B5" t="str"><f>REPT("x",12)</f><v>xxxxxxxxxxxx</v></c></row>
            <row r="6"><c r="A6" t="inlineStr"><is><t>c6</t></is></c><c r="B6" t="s"><v>1</v></c></row>
            <row r="7"><c r="A7" t="inlineStr"><is><t>c7</t></is></c><c r="B7" t="s"><v>2</v></c></row>
            <row r="8"><c r="A8" t="inlineStr"><is><t>c8</t></is></c><c r="B8"><v>123456789012</v></c></row>
            <row r="9"><c r="A9" t="inlineStr"><is><t>last</t></is></c><c r="B9" t="inlineStr"><is><t>   padded   </t></is></c></row>
            </sheetData></worksheet>
            """;

        var rows = await ReadProblemsAsync(XlsxBrokenSheetTests.Workbook(sheet, strings), Max10);

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], rows.Select(r => r.Number));
        Assert.Equal(["ok", "0123456789"], rows[0].Cells);
        Assert.Null(rows[0].Problem);
        Assert.Equal(["last", "padded"], rows[^1].Cells); // 12 characters in the file, 6 once trimmed as Excel does
        Assert.Null(rows[^1].Problem);
        foreach (var (row, length, value) in (ValueTuple<int, int, string>[])[
            (3, 11, "0123456789A"), (4, 20, "0123456789abcdefghij"), (5, 12, "xxxxxxxxxxxx"), (6, 20, "0123456789abcdefghij"), (7, 11, "0123456789X"), (8, 12, "123456789012")])
        {
            var read = rows.Single(r => r.Number == row);
            Assert.Equal(("c" + row.ToString(CultureInfo.InvariantCulture), string.Empty), (read.Cells[0], read.Cells[1]));
            var problem = read.Problem;
            Assert.NotNull(problem);
            Assert.Equal((IssueCodes.TooLong, 1), (problem.Code, problem.Column));
            Assert.Equal($"The cell B{row} holds {length} characters; at most 10 are accepted: shorten it or split it.", problem.Message);
            Assert.Equal(value, problem.Value);
        }
    }

    [Fact]
    public async Task ReadAsync_CellLongerThanTheLimit_QuotesItsFirst100Characters()
    {
        var text = string.Concat(Enumerable.Range(0, 30).Select(i => i.ToString("D4", CultureInfo.InvariantCulture))); // 120 characters
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>{text}</t></is></c></row>
            </sheetData></worksheet>
            """;

        var rows = await ReadProblemsAsync(XlsxBrokenSheetTests.Workbook(sheet), Max10 with { MaxCellLength = 50 });

        var problem = Assert.Single(rows).Problem;
        Assert.Equal((IssueCodes.TooLong, 0), (problem?.Code, problem?.Column));
        Assert.Equal(text[..100] + "…", problem?.Value);
    }

    [Fact]
    public async Task ReadAsync_HeaderCellLongerThanTheLimit_IsAMalformedFileAtTheHeaderRow()
    {
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="3"><c r="A3" t="inlineStr"><is><t>Code</t></is></c><c r="B3" t="inlineStr"><is><t>A header far too long</t></is></c></row>
            </sheetData></worksheet>
            """;

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadProblemsAsync(XlsxBrokenSheetTests.Workbook(sheet), Max10));

        Assert.Equal(3, ex.Row);
        Assert.Equal("The header cell B3 holds 21 characters; at most 10 are accepted: shorten it.", ex.Message);
    }

    /// <summary>Reads every row with its cells and its <see cref="ITabularReader.RowProblem"/>.</summary>
    internal static async Task<List<(int Number, string[] Cells, ReadProblem? Problem)>> ReadProblemsAsync(byte[] content, ReaderOptions options, string name = "book.xlsx")
    {
        var provider = ExcelReaders.Create().First(p => p.CanRead(content, name));
        await using var reader = await provider.OpenAsync(new MemoryStream(content), content.Length, options);
        var rows = new List<(int, string[], ReadProblem?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.RowNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray(), reader.RowProblem));
        }

        return rows;
    }
}

/// <summary>A genuinely large cell (tens of MB in a small XLSX) is counted, never held: memory does not depend on its size.</summary>
[Collection(MemoryCollection.Name)]
public class XlsxLargeCellMemoryTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const int Huge = 40 << 20; // 40 Mi characters: 80 MiB as a string

    [Fact]
    public async Task ReadAsync_40MiCharacterCells_AreRejectedInMemoryThatDoesNotDependOnTheirSize()
    {
        // one huge shared string (referred to by row 2), one huge inline string (row 3) and one huge formula (row 4, its cached
        // value read), with the default limit of 2 Mi characters
        var template = XlsxBrokenSheetTests.Workbook("<worksheet/>");
        var workbook = Zip.Rewrite(template, replace: name => name switch
        {
            _ when name.EndsWith("sheet1.xml", StringComparison.Ordinal) => s => Write(s, $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>A</t></is></c><c t=\"inlineStr\"><is><t>B</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>x</t></is></c><c t=\"s\"><v>0</v></c></row><row r=\"3\"><c t=\"inlineStr\"><is><t>y</t></is></c><c t=\"inlineStr\"><is><t>", "</t></is></c></row><row r=\"4\"><c t=\"inlineStr\"><is><t>z</t></is></c><c t=\"str\"><f>", "</f><v>ok</v></c></row></sheetData></worksheet>"),
            _ when name.EndsWith("sharedStrings.xml", StringComparison.Ordinal) => s => Write(s, $"<sst xmlns=\"{Main}\"><si><t>", "</t></si></sst>"),
            _ => null,
        });
        Assert.InRange(workbook.Length, 1, 2 << 20); // a small file (120 Mi characters of cells in it)

        var options = new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("en-US") };
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var rows = await XlsxCellLengthTests.ReadProblemsAsync(workbook, options);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal([2, 3, 4], rows.Select(r => r.Number));
        Assert.Equal([IssueCodes.TooLong, IssueCodes.TooLong, null], rows.Select(r => r.Problem?.Code));
        Assert.Equal(new string('a', 100) + "…", rows[0].Problem?.Value);
        Assert.Equal($"The cell B2 holds {Huge:N0} characters; at most 2,097,152 are accepted: shorten it or split it.", rows[0].Problem?.Message);
        Assert.Equal(["z", "ok"], rows[2].Cells); // a huge formula (skipped) costs no memory either

        // The text buffers of the shared strings' and the sheet's readers, each grown by doubling up to the limit (2 Mi characters:
        // about 8 MiB allocated each), and the ZIP and XML buffers: well below one copy of one cell (80 MiB), which materialising
        // the cell (XmlReader.Value, as before) allocates at least twice.
        Assert.True(allocated < 32L << 20, $"{allocated:N0} bytes allocated");
    }

    /// <summary>Writes the pieces with <see cref="Huge"/> characters between each two.</summary>
    private static void Write(Stream stream, params string[] pieces)
    {
        var chunk = Encoding.UTF8.GetBytes(new string('a', 1 << 16));
        for (var p = 0; p < pieces.Length; p++)
        {
            if (p > 0)
            {
                for (var i = 0; i < Huge / chunk.Length; i++)
                {
                    stream.Write(chunk);
                }
            }

            stream.Write(Encoding.UTF8.GetBytes(pieces[p]));
        }
    }
}
