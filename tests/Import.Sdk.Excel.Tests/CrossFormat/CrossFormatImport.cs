using System.Globalization;
using System.Text;
using Import.Sdk.Commerce;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.CrossFormat;

/// <summary>Imports the same table as CSV and as XLSX (text cells) into identically seeded sinks and describes how the reports differ.</summary>
internal static class CrossFormatImport
{
    /// <summary>Writes a table as an XLSX workbook: header on row 1, data from row 2, every non-empty cell a text cell (shared and inline strings alternate), empty cells absent.</summary>
    public static byte[] ToXlsx(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows) =>
        new XlsxBuilder().Sheet("Clients", s =>
        {
            s.Row(1, [.. header.Select((h, c) => XCell.Text(h).At(c))]);
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r]
                    .Select((v, c) => (v, c))
                    .Where(x => x.v.Length > 0)
                    .Select(x => ((x.c + r) % 2 == 0 ? XCell.Text(x.v) : XCell.Inline(x.v)).At(x.c))
                    .ToArray();
                s.Row((uint)r + 2, cells);
            }
        }).Build();

    /// <summary>Writes a table as a <c>;</c> separated UTF-8 CSV file with CsvHelper.</summary>
    public static byte[] ToCsv(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = CsvHelper.CsvWriter.Create(stream, CsvHelper.CsvWriterOptions.Default with { Separator = ';' }, leaveOpen: true))
        {
            writer.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                writer.WriteRecord([.. row]);
            }

            writer.Flush();
        }

        return stream.ToArray();
    }

    public static InMemorySink SeededSink()
    {
        var sink = new InMemorySink();
        sink.Seed(CommerceEntities.TaxRegimes.Schema, new object?[] { "FR", "France", null });
        return sink;
    }

    public static async Task<ImportReport> ImportAsync(ImportSource source, InMemorySink sink, bool execute)
    {
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(CommerceEntities.Customers())
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("fr-FR") })
            .UseExcelReaders()
            .Build();
        var request = new ImportRequest(source);
        return execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request);
    }

    /// <summary>Every difference between two reports' totals and issues, or an empty string.</summary>
    public static string Differences(ImportReport csv, ImportReport xlsx)
    {
        var text = new StringBuilder();
        if (csv.Totals != xlsx.Totals)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"totals: csv {csv.Totals} / xlsx {xlsx.Totals}");
        }

        if (csv.IsFileRejected != xlsx.IsFileRejected)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"file rejected: csv {csv.IsFileRejected} / xlsx {xlsx.IsFileRejected}");
        }

        var onlyCsv = csv.Issues.Except(xlsx.Issues).ToList();
        var onlyXlsx = xlsx.Issues.Except(csv.Issues).ToList();
        foreach (var issue in onlyCsv)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"csv only:  {issue}");
        }

        foreach (var issue in onlyXlsx)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"xlsx only: {issue}");
        }

        if (onlyCsv.Count == 0 && onlyXlsx.Count == 0 && !csv.Issues.SequenceEqual(xlsx.Issues))
        {
            text.AppendLine("same issues, different order or multiplicity");
        }

        return text.ToString();
    }
}
