using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Detection;

/// <summary>Formats are told apart by content, and every ZIP or OLE2 file that is not a readable workbook gets one clear error.</summary>
public class ContainerDetectionTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    private static byte[] SmallXlsx() => new XlsxBuilder().Sheet("S", s => s.Row(1, Text("Code")).Row(2, Text("C1"))).Build();

    private static ITabularReaderProvider? Chosen(byte[] content, string name) =>
        ExcelReaders.Create().FirstOrDefault(p => p.CanRead(content.AsSpan(0, Math.Min(content.Length, 1 << 16)), name));

    [Fact]
    public void CanRead_EachContainer_IsClaimedByItsProvider()
    {
        Assert.Equal("xlsx", Chosen(SmallXlsx(), "a.bin")?.Format);
        Assert.Equal("xlsb", Chosen(File.ReadAllBytes(Support.Corpus.File("xlsb/edr_Test10x10.xlsb")), "a.xlsx")?.Format);
        Assert.Equal("xls", Chosen(File.ReadAllBytes(Support.Corpus.File("xls/edr_Uncalculated.xls")), "a.csv")?.Format);
        Assert.Equal("xls", Chosen(File.ReadAllBytes(Support.Corpus.File("xls/edr_as3xls_BIFF2.xls")), "a.txt")?.Format); // bare BIFF2, no OLE2
        Assert.Null(Chosen(Encoding.UTF8.GetBytes("Code;Nom\r\nC1;Dupont\r\n"), "clients.xlsx"));
        Assert.Null(Chosen(File.ReadAllBytes(Support.Corpus.File("xls/edr_TestFail_Binary.xls")), "image.xls"));
    }

    [Fact]
    public void Create_InvalidLimits_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExcelReaders.Create(new ExcelReaderOptions { MaxCells = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExcelReaders.Create(new ExcelReaderOptions { MaxSharedStrings = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImportPipelineBuilder().UseExcelReaders(new ExcelReaderOptions { MaxUncompressedBytes = 0 }));
    }

    [Fact]
    public async Task ReadAsync_XlsbWhoseWorkbookPartLiesPast64KiB_IsStillReadAsXlsb()
    {
        var padding = new byte[200_000];
        new Random(7).NextBytes(padding);
        var xlsb = Zip.Rewrite(File.ReadAllBytes(Support.Corpus.File("xlsb/edr_Test10x10.xlsb")), first: [("docProps/thumbnail.jpeg", s => s.Write(padding))]);

        var data = await SheetContent.ReadAsync(xlsb, "book.xlsx", English);

        Assert.Equal("xlsb", data.Info.Format);
        Assert.Equal("10x27", data.Cell("J10"));
    }

    [Theory]
    [InlineData("Index/Document.iwa")]
    [InlineData("Index.zip")]
    public async Task ReadAsync_AppleNumbersDocument_AsksForAnExcelExport(string marker)
    {
        var numbers = Zip.Create((marker, "binary"), ("Metadata/Properties.plist", "<plist/>"), ("preview.jpg", "jpeg"));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(ImportSource.FromBytes(numbers, "budget.numbers"), options: English, providers: ExcelReaders.Create()));

        Assert.Equal("Apple Numbers files cannot be read: in Numbers, use File > Export To > Excel and import the .xlsx.", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_AppleNumbersDocument_IsExplainedInFrench()
    {
        var numbers = Zip.Create(("Index/Document.iwa", "binary"));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(numbers, "budget.xlsx", new ReaderOptions()));

        Assert.Equal("Les fichiers Apple Numbers ne peuvent pas être lus : dans Numbers, choisissez Fichier > Exporter vers > Excel et importez le fichier .xlsx.", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_ZipThatIsNoWorkbook_SaysSo()
    {
        var docx = Zip.Create(
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));
        var plain = Zip.Create(("readme.txt", "hello"));
        var empty = Zip.Create(Array.Empty<(string, string)>());

        foreach (var zip in new[] { docx, plain, empty })
        {
            var ex = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(ImportSource.FromBytes(zip, "file.xlsx"), options: English, providers: ExcelReaders.Create()));
            Assert.Equal(Corpus.CorpusCases.NotAWorkbook, ex.Message);
        }
    }

    [Fact]
    public async Task ReadAsync_PasswordProtectedWorkbook_IsExplainedInFrench()
    {
        var bytes = File.ReadAllBytes(Support.Corpus.File("xlsb/edr_agile_AES128_SHA1_CBC_pwd_password.xlsb"));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(bytes, "chiffré.xlsx", new ReaderOptions()));

        Assert.Equal("Le classeur est protégé par un mot de passe : retirez le mot de passe dans Excel (Fichier > Informations > Protéger le classeur), enregistrez-le à nouveau puis importez-le.", ex.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task ReadAsync_TruncatedArchive_IsADamagedWorkbook(int fraction)
    {
        var whole = SmallXlsx();
        var cut = whole.AsSpan(0, whole.Length - (whole.Length / fraction)).ToArray();

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(cut, "cut.xlsx", English));

        Assert.StartsWith("The workbook is damaged or incomplete and cannot be read (", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("): open it in Excel, save it again and import it again.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Ole2FileThatIsNoWorkbook_IsADamagedWorkbook()
    {
        var ole2 = new byte[4096];
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(ole2);

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => SheetContent.ReadAsync(ole2, "old.xls", English));

        Assert.StartsWith("The workbook is damaged or incomplete and cannot be read (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Ole2DocumentOfAnotherApplication_SaysItIsNoExcelWorkbook()
    {
        var doc = CompoundFile.WithStream("WordDocument");

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => FilePreview.ReadAsync(ImportSource.FromBytes(doc, "lettre.xls"), options: English, providers: ExcelReaders.Create()));

        Assert.Equal("The file is an OLE2 document (such as a Word .doc or an Outlook .msg) but not an Excel workbook: save it as .xlsx from Excel and import it again.", ex.Message);
    }

    /// <summary>Fuzz with a fixed seed: a damaged workbook is read or rejected with malformed_file, never another exception, never a hang.</summary>
    [Theory]
    [InlineData("xlsx/edr_Test_num_double_date_bool_string.xlsx")]
    [InlineData("xlsb/edr_Test_num_double_date_bool_string.xlsb")]
    [InlineData("xls/edr_Test_num_double_date_bool_string.xls")]
    [InlineData("xlsx/sheetjs_wtf_path.xlsx")]
    public async Task ReadAsync_CorruptedBytesOrTruncation_NeverCrash(string file)
    {
        var original = File.ReadAllBytes(Support.Corpus.File(file));
        var random = new Random(20240229);
        for (var i = 0; i < 60; i++)
        {
            var bytes = (byte[])original.Clone();
            if (i % 3 == 0)
            {
                bytes = bytes.AsSpan(0, random.Next(1, bytes.Length)).ToArray();
            }
            else
            {
                for (var flips = random.Next(1, 8); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                }
            }

            try
            {
                await SheetContent.ReadAsync(bytes, Path.GetFileName(file), English);
            }
            catch (MalformedFileException)
            {
                // rejected with one clear error: fine
            }
        }
    }
}
