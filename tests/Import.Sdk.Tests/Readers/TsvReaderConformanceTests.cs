using System.Text;

namespace Import.Sdk.Tests.Readers;

/// <summary>The reader conformance suite on TXT: tab-separated UTF-16LE with its BOM, as Excel saves "Unicode Text".</summary>
public sealed class TsvReaderConformanceTests : DelimitedTextReaderConformanceTests
{
    protected override char Delimiter => '\t';

    protected override Encoding Encoding { get; } = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);

    protected override string FileName => "clients.txt";
}
