using System.Text;

namespace Import.Sdk.Tests.Readers;

/// <summary>The reader conformance suite on CSV: semicolon-separated UTF-8 without a BOM, as the French Excel saves "CSV (;)".</summary>
public sealed class CsvReaderConformanceTests : DelimitedTextReaderConformanceTests
{
    protected override char Delimiter => ';';

    protected override Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    protected override string FileName => "clients.csv";
}
