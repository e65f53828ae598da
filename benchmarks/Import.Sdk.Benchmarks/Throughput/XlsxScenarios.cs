using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ExcelDataReader;
using Import.Sdk.Excel;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>Which XLSX reader <see cref="XlsxScenario"/> measures.</summary>
internal enum XlsxReaderKind
{
    /// <summary>Our XLSX reader (<see cref="ExcelReaders.Create"/>, format <c>xlsx</c>): <c>ReadAsync</c> + <c>GetString</c> of every cell.</summary>
    Ours,

    /// <summary>ExcelDataReader 3.6: <c>ExcelReaderFactory.CreateReader</c> + <c>Read</c> + <c>GetValue(i)?.ToString()</c> of every cell.</summary>
    ExcelDataReader,

    /// <summary>The floor: a bare <see cref="ZipArchive"/> + <see cref="XmlReader"/> pass over the sheet, the text of every <c>&lt;v&gt;</c> and <c>&lt;t&gt;</c>.</summary>
    Floor,
}

/// <summary>
/// Reads the generated customers workbook (every cell as text) with our reader, ExcelDataReader or a bare zip + XML pass; with
/// <paramref name="format"/> <c>xls</c>, the XLS workbook with our XLS reader or ExcelDataReader.
/// </summary>
internal sealed class XlsxScenario(XlsxReaderKind kind, string format = "xlsx") : Scenario
{
    public override Task PrepareAsync(string file)
    {
        // ExcelDataReader asks for code pages on .NET (Core) even for some XLSX paths.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Task.CompletedTask;
    }

    public override Task<IScenarioRun> CreateRunAsync(string file, int run) => Task.FromResult<IScenarioRun>(new SimpleRun(kind switch
    {
        XlsxReaderKind.Ours => () => ReadOursAsync(file, format),
        XlsxReaderKind.ExcelDataReader => () => Task.FromResult(ReadExcelDataReader(file)),
        _ => () => Task.FromResult(ReadFloor(file)),
    }));

    private static async Task<RunOutcome> ReadOursAsync(string file, string format)
    {
        // The 1M-row workbook unzips to ~1 GB of sheet XML: within the default limit (4 GiB), which is what is measured.
        var provider = ExcelReaders.Create().Single(p => p.Format == format);
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await using var reader = await provider.OpenAsync(stream, stream.Length, new ReaderOptions(), CancellationToken.None);
        long rows = 0;
        long chars = 0;
        while (await reader.ReadAsync())
        {
            var width = reader.FieldCount;
            for (var i = 0; i < width; i++)
            {
                chars += reader.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars, {reader.Header.Count} columns"));
    }

    private static RunOutcome ReadExcelDataReader(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        long rows = -1; // the header row
        long chars = 0;
        while (reader.Read())
        {
            var width = reader.FieldCount;
            for (var i = 0; i < width; i++)
            {
                chars += reader.GetValue(i)?.ToString()?.Length ?? 0;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }

    private static RunOutcome ReadFloor(string file)
    {
        using var archive = ZipFile.OpenRead(file);
        var entry = archive.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = false, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
        var row = xml.NameTable.Add("row");
        var v = xml.NameTable.Add("v");
        var t = xml.NameTable.Add("t");
        long rows = -1; // the header row
        long chars = 0;
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                var name = xml.LocalName;
                if (ReferenceEquals(name, v) || ReferenceEquals(name, t))
                {
                    chars += xml.ReadElementContentAsString().Length;
                    continue;
                }

                if (ReferenceEquals(name, row))
                {
                    rows++;
                }
            }

            xml.Read();
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }
}
