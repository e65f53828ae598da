using System.Globalization;
using System.IO.Compression;
using System.Text;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Detection;

/// <summary>The limits against hostile files stop reading with one clear malformed_file error, early, in bounded memory.</summary>
public class LimitsTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    [Fact]
    public async Task ReadAsync_PartInflatingPastTheLimit_StopsAtTheLimit()
    {
        // 32 MiB of sheet XML that deflates to a few hundred KiB: a (mild) ZIP bomb against a 1 MiB budget.
        const int rows = 400_000;
        var bomb = Zip.Rewrite(
            new XlsxBuilder().Sheet("S", s => s.Row(1, Text("a"))).Build(),
            replace: name => name.EndsWith("sheet1.xml", StringComparison.Ordinal) ? WriteHugeSheet(rows) : null);
        var limits = new ExcelReaderOptions { MaxUncompressedBytes = 1 << 20 };
        var provider = ExcelReaders.Create(limits).First(p => p.Format == "xlsx");

        var rowsRead = 0;
        var ex = await Assert.ThrowsAsync<MalformedFileException>(async () =>
        {
            await using var reader = await provider.OpenAsync(new MemoryStream(bomb), bomb.Length, English);
            while (await reader.ReadAsync())
            {
                rowsRead++;
            }
        });

        Assert.Equal(
            $"Reading stopped at row {ex.Row}. The workbook expands to more than 1,048,576 bytes once unzipped: it is too large, or a malicious archive. Split it or save it as CSV.",
            ex.Message);
        Assert.InRange(rowsRead, 1, rows / 10); // stopped near the limit, long before the end
        Assert.Equal(rowsRead + 2, ex.Row); // the header is row 1: every row before the one named was delivered
    }

    [Fact]
    public void ExcelReaderOptions_DefaultInflationLimit_LeavesRoomForAFullSheet()
    {
        // 1,048,576 rows of 16 inline-string and number columns (the benchmark's customers layout) unzip to ~1.1 GB of sheet XML:
        // more than the former default of 1 GiB. The limit still stops a ZIP bomb in bounded memory (see the test above).
        Assert.Equal(4L * 1024 * 1024 * 1024, new ExcelReaderOptions().MaxUncompressedBytes);
    }

    [Fact]
    public async Task ReadAsync_MoreSharedStringsThanTheLimit_IsRejected()
    {
        var book = new XlsxBuilder().Sheet("S", s =>
        {
            s.Row(1, Text("a"));
            for (uint r = 2; r <= 12; r++)
            {
                s.Row(r, Text("text " + r.ToString(CultureInfo.InvariantCulture)));
            }
        });

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() =>
            SheetContent.ReadAsync(book.Build(), "strings.xlsx", English, new ExcelReaderOptions { MaxSharedStrings = 10 }));

        Assert.Equal("The workbook holds more than 10 distinct texts: split it or save it as CSV.", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_MoreCellsThanTheLimit_IsRejectedAtTheRowReached()
    {
        var book = new XlsxBuilder().Sheet("S", s => s
            .Row(1, Text("a"), Text("b"), Text("c"))
            .Row(2, Number(1), Number(2), Number(3))
            .Row(3, Number(4), Number(5), Number(6)));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() =>
            SheetContent.ReadAsync(book.Build(), "cells.xlsx", English, new ExcelReaderOptions { MaxCells = 7 }));

        Assert.Equal("Reading stopped at row 3. The sheet holds more than 7 cells: split it or save it as CSV.", ex.Message);
        Assert.Equal(3, ex.Row);
    }

    [Fact]
    public async Task ReadAsync_ReferenceBeyondColumnXfd_IsADamagedWorkbook()
    {
        var book = new XlsxBuilder().Sheet("S", s => s.Row(1, Text("a")).Row(2, Text("far").WithReference("XFE2")));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(book.Build(), "wide.xlsx", English));

        Assert.Equal(2, ex.Row);
        Assert.Contains("column 16385", ex.Message, StringComparison.Ordinal);
    }

    private static Action<Stream> WriteHugeSheet(int rows) => stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 1; r <= rows; r++)
        {
            writer.Write("<row r=\"");
            writer.Write(r.ToString(CultureInfo.InvariantCulture));
            writer.Write("\"><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>");
        }

        writer.Write("</sheetData></worksheet>");
    };
}
