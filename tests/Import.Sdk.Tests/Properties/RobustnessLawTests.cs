using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Properties;

/// <summary>
/// Law: no file makes the pipeline throw. Whatever the bytes, SimulateAsync returns a report (possibly with <c>malformed_file</c> or row
/// issues) whose totals add up, and InspectAsync returns an inspection (possibly with a problem). Fixed seeds: failures reproduce.
/// </summary>
public class RobustnessLawTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)!;

    private static readonly string ValidFile = Some.AccountsCsv(
        Some.Line("C1", "\"Dupont; fils\"", "a@b.fr", "30", "1 234,56", "29/02/2024", "oui", "virement", "Nord,Sud", "C3"),
        Some.Line("C2", "\"Le \"\"Grand\"\"\r\nCafé\"", "x", "trente", "12,5", "31/02/2024", "peut-être", "espèces", "Est", "ZZ"),
        Some.Line("C3", "Société Générale", "", "", "", "", "", "", "", ""),
        "",
        Some.Line("C1", "Doublon", "", "", "", "", "", "", "", "C2"));

    [Property(MaxTest = 300, Replay = "(42,4243)")]
    public void SimulateAsync_ArbitraryBytes_ReturnsAReport(byte[] bytes) => AssertNeverThrows(bytes);

    [Property(MaxTest = 300, Replay = "(7,4247)")]
    public void SimulateAsync_ArbitraryTextInAnyEncoding_ReturnsAReport(string? text, bool withHeader, byte encoding)
    {
        var content = (withHeader ? Some.Header + "\r\n" : string.Empty) + (text ?? string.Empty);
        var bytes = (encoding % 5) switch
        {
            0 => Encoding.UTF8.GetBytes(content),
            1 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(content)],
            2 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(content)],
            3 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(content)],
            _ => Windows1252.GetBytes(content),
        };

        AssertNeverThrows(bytes);
    }

    /// <summary>A deterministic fuzz: 1,500 mutations (byte flips, inserted quotes, separators, newlines, NUL, 0xFF, BOMs, truncation) of a valid file.</summary>
    [Fact]
    public void SimulateAsync_MutatedFiles_ReturnAReport()
    {
        var random = new Random(42);
        var original = Encoding.UTF8.GetBytes(ValidFile);
        byte[] specials = [(byte)'"', (byte)';', (byte)',', (byte)'\t', (byte)'|', (byte)'\r', (byte)'\n', 0, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0xC3, 0xE9, 0x80, (byte)' '];
        for (var i = 0; i < 1500; i++)
        {
            var bytes = new List<byte>(original);
            var mutations = random.Next(1, 8);
            for (var m = 0; m < mutations && bytes.Count > 0; m++)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(5))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.Insert(at, specials[random.Next(specials.Length)]);
                        break;
                    case 2:
                        bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 20)));
                        break;
                    case 3:
                        bytes.RemoveRange(at, bytes.Count - at); // truncated upload
                        break;
                    default:
                        bytes.InsertRange(0, (byte[])[0xFF, 0xFE]); // a wrong BOM
                        break;
                }
            }

            AssertNeverThrows([.. bytes], nonSeekable: i % 3 == 0);
        }
    }

    [Fact]
    public void SimulateAsync_HugeUnterminatedQuote_ReportsAMalformedRowWithoutThrowing()
    {
        var bytes = Encoding.UTF8.GetBytes(Some.Header + "\r\nC1;\"" + new string('x', 5 << 20) + "\r\nC2;Dupont\r\n");

        var report = AssertNeverThrows(bytes);

        Assert.Contains(report.Issues, i => i.Code == IssueCodes.MalformedRow && i.Row == 2);
    }

    private static ImportReport AssertNeverThrows(byte[] bytes, bool nonSeekable = false)
    {
        ImportSource Source() => nonSeekable ? ImportSource.FromStream(NonSeekableStream.Of(bytes, 1000), "fuzz.csv") : ImportSource.FromBytes(bytes, "fuzz.csv");
        var pipeline = Some.Pipeline(new InMemorySink(), options: o => o with { BatchSize = 2 });

        var report = pipeline.SimulateAsync(new ImportRequest(Source())).GetAwaiter().GetResult();
        var executed = Some.Pipeline(new InMemorySink(), options: o => o with { BatchSize = 2 }).ExecuteAsync(new ImportRequest(Source())).GetAwaiter().GetResult();
        var inspection = pipeline.InspectAsync(new InspectRequest(Source())).GetAwaiter().GetResult();

        Assert.NotNull(report);
        Assert.NotNull(inspection);
        var t = report.Totals;
        Assert.Equal(t.Rows, t.Inserted + t.Updated + t.Unchanged + t.Rejected);
        Assert.All(report.Issues, i => Assert.InRange(i.Row, 0, int.MaxValue));
        Assert.Equal(report.Totals, executed.Totals);
        Assert.Equal(report.Issues, executed.Issues);
        _ = report.ToJson();
        return report;
    }
}
