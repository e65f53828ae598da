using System.Text;
using Import.Sdk.Readers.Csv;

namespace Import.Sdk.Tests.Readers;

/// <summary>The reader conformance suite for delimited text: each table written as Excel saves it (cells quoted when needed, CRLF).</summary>
public abstract class DelimitedTextReaderConformanceTests : ImportReaderConformanceTests
{
    /// <summary>Gets the field separator the files are written with.</summary>
    protected abstract char Delimiter { get; }

    /// <summary>Gets the encoding the files are written in (its preamble, if any, first).</summary>
    protected abstract Encoding Encoding { get; }

    /// <summary>Gets the file name the files are given.</summary>
    protected abstract string FileName { get; }

    protected override ITabularReaderProvider Provider { get; } = new CsvReaderProvider();

    protected override string Format => "csv";

    protected override bool IsWorkbook => false;

    protected override (byte[] Content, string FileName) Write(IReadOnlyList<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(Delimiter, row.Select(Quote)).Append("\r\n");
        }

        return ([.. Encoding.GetPreamble(), .. Encoding.GetBytes(text.ToString())], FileName);
    }

    /// <summary>A file that is no text (an image), and a header whose quote is never closed: no row can be read.</summary>
    protected override IEnumerable<(string Case, byte[] Content)> Damage(byte[] wellFormed)
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', .. new byte[512]];
        yield return ("binary content (a PNG image)", png);
        yield return ("a header whose quote is never closed", [.. Encoding.GetPreamble(), .. Encoding.GetBytes("Code" + Delimiter + "\"Name" + Delimiter + "City\r\nC1" + Delimiter + "Dupont" + Delimiter + "Paris\r\n")]);
    }

    private string Quote(string cell) =>
        cell.IndexOfAny([Delimiter, '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
