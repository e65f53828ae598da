using System.Globalization;
using System.Reflection;
using ExcelDataReader;
using Import.Sdk.Excel.Cells;
using Import.Sdk.Excel.Tests.Support;
using Import.Sdk.Excel.Xls;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Cells;

/// <summary>
/// Issue 16, item 3: the built-in East Asian date formats (27–36 and 50–58) are dates by one rule,
/// <see cref="NumberFormats.Classify"/>, in XLSX, XLSB and XLS. ExcelDataReader 3.6 knows no built-in format past 49 and
/// leaves such a number as a number: the XLS path then applies the same rule (<see cref="XlsNumberCell"/>).
/// </summary>
public class EastAsianDateFormatTests
{
    // 2024-03-15 12:00 in the 1900 system
    private const double Serial1900 = 45366.5;

    public static TheoryData<int> EastAsianIds => [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    public static TheoryData<int> Ids50To58 => [50, 51, 52, 53, 54, 55, 56, 57, 58];

    [Theory]
    [MemberData(nameof(EastAsianIds))]
    public void Classify_EastAsianBuiltinWithoutCode_IsADate(int id) =>
        Assert.Equal(NumberFormatKind.Date, NumberFormats.Classify(id, null));

    [Theory]
    [MemberData(nameof(Ids50To58))]
    public async Task ReadAsync_XlsxNumberInBuiltinFormat50To58_ReadsAsTheDate(int id)
    {
        var book = new XlsxBuilder()
            .Sheet("S", s => s.Row(1, Text("Date"), Text("N")).Row(2, Number(Serial1900, id.ToString(CultureInfo.InvariantCulture)), Number(Serial1900)))
            .Build();

        var data = await SheetContent.ReadAsync(book, "book.xlsx");

        Assert.Equal(["2024-03-15T12:00:00", "45366.5"], data.Row(2).Cells);
    }

    [Theory]
    [MemberData(nameof(Ids50To58))]
    public void Text_XlsNumberThatExcelDataReaderLeftInBuiltinFormat50To58_IsTheDateAsInXlsx(int id)
    {
        // what ExcelDataReader 3.6 gives for such a cell: a double, the format id, no format string
        var cell = new XlsNumberCell(FakeXls.Create(id, null), date1904: false);

        Assert.Equal("2024-03-15T12:00:00", cell.Text(Serial1900, 0));
        Assert.Equal(CellTextOf(Serial1900, id, date1904: false), cell.Text(Serial1900, 0));
    }

    [Fact]
    public void Text_XlsNumberInAnEastAsianFormat_FollowsTheWorkbooks1904System()
    {
        var cell = new XlsNumberCell(FakeXls.Create(50, null), date1904: true);

        Assert.Equal("2028-03-16T12:00:00", cell.Text(Serial1900, 0)); // 1,462 days later, as in XLSX
    }

    [Theory]
    [InlineData(0, null, "45366.5")]
    [InlineData(2, "0.00", "45366.5")]
    [InlineData(59, null, "45366.5")] // a Thai number format: a number in XLSX too
    [InlineData(164, "0.00\" d\"", "45366.5")]
    [InlineData(164, "yyyy\"年\"m\"月\"d\"日\"", "2024-03-15T12:00:00")] // a custom date code ExcelDataReader did not take for one
    public void Text_XlsNumberInOtherFormats_FollowsTheSameRuleAsXlsx(int id, string? code, string expected)
    {
        var cell = new XlsNumberCell(FakeXls.Create(id, code), date1904: false);

        Assert.Equal(expected, cell.Text(Serial1900, 0));
        Assert.Equal(CellTextOf(Serial1900, id, date1904: false, code), cell.Text(Serial1900, 0));
    }

    [Fact]
    public void Text_DateSystemUnknown_LeavesTheNumber() =>
        Assert.Equal("45366.5", new XlsNumberCell(FakeXls.Create(50, null), date1904: null).Text(Serial1900, 0));

    [Theory]
    [InlineData("xls/edr_roo_1904_base.xls", true)]
    [InlineData("xls/edr_Test_num_double_date_bool_string.xls", false)]
    public void IsDate1904_RealXlsWorkbooks_IsReadFromExcelDataReader(string file, bool expected)
    {
        // pins the one reflective read on the ExcelDataReader version in use: another version that hides it fails here
        using var stream = File.OpenRead(Support.Corpus.File(file));
        using var reader = ExcelReaderFactory.CreateReader(stream);

        Assert.Equal(expected, XlsNumberCell.IsDate1904(reader));
    }

    [Theory]
    [InlineData("xls/edr_Test_num_double_date_bool_string.xls", 14, 50, "C1", "2009-05-11")]
    [InlineData("xls/edr_Test_num_double_date_bool_string.xls", 14, 58, "C30", "2009-11-30")]
    [InlineData("xls/edr_roo_1904_base.xls", 165, 55, "A1", "2009-06-15")] // the 1904 date system
    [InlineData("xls/edr_roo_1904_base.xls", 166, 57, "A2", "2009-06-28")]
    public async Task ReadAsync_XlsWhoseDateCellsUseAnEastAsianBuiltinFormat_ReadsTheSameDatesAsBefore(string file, int from, int to, string cell, string expected)
    {
        // a real XLS whose date cells' format (XF records) is switched to a built-in East Asian date format, which
        // ExcelDataReader 3.6 does not know: the dates must read as they do in the original workbook (and as in XLSX)
        var original = File.ReadAllBytes(Support.Corpus.File(file));
        var patched = WithXfFormat(original, from, to);

        var before = await SheetContent.ReadAsync(original, "book.xls");
        var after = await SheetContent.ReadAsync(patched, "book.xls");

        Assert.StartsWith(expected, before.Cell(cell), StringComparison.Ordinal);
        Assert.Equal(before.Cell(cell), after.Cell(cell));
        Assert.Equal(before.Header, after.Header);
        Assert.Equal(before.Rows.Select(r => string.Join("|", r.Cells)), after.Rows.Select(r => string.Join("|", r.Cells)));
    }

    [Theory]
    [MemberData(nameof(Ids50To58))]
    public async Task ReadAsync_XlsbWhoseDateCellsUseBuiltinFormat50To58_ReadsTheSameDatesAsBefore(int id)
    {
        // the XLSB twin of the XLS workbook above: its format-14 date cells switched to an East Asian built-in date format
        var original = File.ReadAllBytes(Support.Corpus.File("xlsb/edr_Test_num_double_date_bool_string.xlsb"));
        var styles = Xlsb.XlsbBrokenSheetTests.Part(original, "xl/styles.bin");
        var changed = 0;
        foreach (var (type, _, data) in Xlsb.XlsbBrokenSheetTests.Records(styles))
        {
            if (type == 47 && BitConverter.ToUInt16(styles, data + 2) == 14) // BrtXF: ixfeParent, then iFmt
            {
                BitConverter.TryWriteBytes(styles.AsSpan(data + 2, 2), (ushort)id);
                changed++;
            }
        }

        Assert.True(changed > 0, "no XF record uses format 14");
        var patched = Zip.Rewrite(original, replace: name => name == "xl/styles.bin" ? s => s.Write(styles) : null);

        var before = await SheetContent.ReadAsync(original, "book.xlsb");
        var after = await SheetContent.ReadAsync(patched, "book.xlsb");

        Assert.StartsWith("2009-05-11", before.Cell("C1"), StringComparison.Ordinal);
        Assert.Equal(before.Header, after.Header);
        Assert.Equal(before.Rows.Select(r => string.Join("|", r.Cells)), after.Rows.Select(r => string.Join("|", r.Cells)));
    }

    /// <summary>Sets the number format of every BIFF8 XF record (type 0x00E0, 20 bytes) whose format is <paramref name="from"/>.</summary>
    private static byte[] WithXfFormat(byte[] xls, int from, int to)
    {
        var bytes = (byte[])xls.Clone();
        var changed = 0;
        for (var i = 0; i + 8 <= bytes.Length; i++)
        {
            if (bytes[i] == 0xE0 && bytes[i + 1] == 0 && bytes[i + 2] == 20 && bytes[i + 3] == 0 && BitConverter.ToUInt16(bytes, i + 6) == from)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 6, 2), (ushort)to);
                changed++;
            }
        }

        Assert.True(changed > 0, "no XF record uses the format");
        return bytes;
    }

    /// <summary>What XLSX gives for the same serial and format (the shared rule).</summary>
    private static string CellTextOf(double serial, int id, bool date1904, string? code = null)
    {
        var kind = NumberFormats.Classify(id, code);
        return kind != NumberFormatKind.Number && CellText.Serial(serial, date1904, kind) is { } date ? date : CellText.Number(serial);
    }

    /// <summary>An <see cref="IExcelDataReader"/> whose current cell is in one number format, as ExcelDataReader 3.6 reports it.</summary>
    public class FakeXls : DispatchProxy
    {
        private int _formatId;
        private string? _code;

        public static IExcelDataReader Create(int formatId, string? code)
        {
            var proxy = DispatchProxy.Create<IExcelDataReader, FakeXls>();
            var fake = (FakeXls)(object)proxy;
            (fake._formatId, fake._code) = (formatId, code);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "GetNumberFormatIndex" => _formatId,
            "GetNumberFormatString" => _code,
            "Dispose" => null,
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
