using System.IO.Compression;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>
/// <c>preview</c> of a damaged workbook (issue 16 item 7): one line in the language of <c>--lang</c>, in our words, never the
/// text of .NET, XmlReader or ExcelDataReader.
/// </summary>
public sealed class PreviewDamagedWorkbookTests : IDisposable
{
    private static readonly string[] RuntimePhrases =
    [
        "Index was outside", "Data at the root level", "Object reference", "Specified argument", "Unable to read beyond",
        "DtdProcessing", "XmlReaderSettings", "Exception", "System.", "ExcelDataReader", "Invalid file signature",
        "Workbook Globals", "read past the end", "Central Directory", "hexadecimal value", "unexpected token",
    ];

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("dtd.xlsx", "fr", "erreur : le fichier ne peut pas être lu (malformed_file) : Le classeur est endommagé")]
    [InlineData("dtd.xlsx", "en", "error: the file cannot be read (malformed_file): The workbook is damaged")]
    [InlineData("cut.xlsx", "fr", "erreur : le fichier ne peut pas être lu (malformed_file) : Le classeur est endommagé")]
    [InlineData("cut.xls", "fr", "erreur : le fichier ne peut pas être lu (malformed_file) : Le classeur est endommagé")]
    [InlineData("cut.xls", "en", "error: the file cannot be read (malformed_file): The workbook is damaged")]
    public async Task Preview_DamagedWorkbook_RefusedInOurWordsInTheLanguageAsked(string file, string lang, string expected)
    {
        var book = Workbooks.Sheets(("Clients", [["Code", "Name"], ["C1", "Dupont"]]));
        _cli.WriteBytes("dtd.xlsx", WithSheet(book, """<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "y">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"""));
        _cli.WriteBytes("cut.xlsx", WithSheet(book, """<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>Code</t>"""));
        var xls = await File.ReadAllBytesAsync(CorpusFile("xls/edr_Test_git_issue_158.xls"));
        _cli.WriteBytes("cut.xls", xls[..(xls.Length / 2)]);

        var result = await _cli.RunAsync("preview", "--file", file, "--lang", lang);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.True(result.Err.Contains(expected, StringComparison.Ordinal), result.ToString());
        Assert.DoesNotContain(RuntimePhrases, p => result.Err.Contains(p, StringComparison.OrdinalIgnoreCase) || result.Out.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    private static byte[] WithSheet(byte[] book, string sheet)
    {
        using var buffer = new MemoryStream();
        using (var output = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var input = new ZipArchive(new MemoryStream(book), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                using var target = output.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "xl/worksheets/sheet1.xml")
                {
                    target.Write(System.Text.Encoding.UTF8.GetBytes(sheet));
                }
                else
                {
                    using var source = entry.Open();
                    source.CopyTo(target);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A file of the repository's spreadsheet corpus (tests/corpus/excel, beside Import.Sdk.sln).</summary>
    private static string CorpusFile(string relative) => Repository.PathOf("tests", "corpus", "excel", relative);
}
