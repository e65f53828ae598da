using System.Text;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Import.Sdk.Tests.Properties;

/// <summary>
/// The reader's law: a table written by CsvHelper 34's <see cref="CsvWriter"/> reads back through <see cref="FilePreview"/> cell for cell.
/// Precisely: the header reads back trimmed (header cells are trimmed by design); every data record that has at least one non-empty cell
/// reads back with exactly its cells (nothing trimmed, quotes, separators, CR, LF, CRLF, accents, emoji and spaces kept) and with row
/// number 2 + its index among all records written (a record on several lines is one row; skipped records still count); a record whose
/// cells are all empty is skipped. Excluded from the alphabet: U+0000 (a NUL byte makes the file binary, by design) and lone surrogates
/// (not representable in UTF-8). All-empty records of two cells or more are not generated: they are the subject of the failing
/// <c>CsvReaderPreviewTests.ReadAsync_LineOfSeparatorsOnly_IsSkippedButCounted</c> (the reader returns them).
/// </summary>
public class CsvRoundTripLawTests
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "é", "É", "ç", "ß", "œ", "€", "😀", "👍🏽", "中", " ", "  ", "\u00A0", "\u202F", "\t", ";", ",", "|", "\"", "\"\"", "'",
        "\r", "\n", "\r\n", "=", "+", "-", "@", "#", "0", "12,5", "\u0001", "\u001F", "\uFEFF", "sep=;", "\\",
    ];

    private static readonly Gen<string> Cell =
        Gen.Frequency(
            (1, Gen.Constant(string.Empty)),
            (6, Gen.Elements(Pieces).ArrayOf().Select(p => string.Concat(p.Take(8)))));

    private static readonly Gen<string> HeaderName =
        from first in Gen.Elements("Code", "Nom", "Société", "Prix €", "A;B", "Le \"X\"", "a,b", "x|y")
        from suffix in Gen.Choose(0, 99)
        select first + " " + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Gen<Table> Tables =
        from width in Gen.Choose(1, 5)
        from header in Gen.ListOf(HeaderName, width).Where(h => h.Distinct(StringComparer.Ordinal).Count() == width)
        from rows in Gen.ArrayOf(Gen.ArrayOf(Cell, width)).Select(r => r.Take(12).ToArray())
        from newLine in Gen.Elements("\r\n", "\n")
        select new Table([.. header], width == 1 ? rows : rows.Where(r => r.Any(c => c.Length > 0)).ToArray(), newLine);

    [Property(MaxTest = 300)]
    public Property ReadAsync_TableWrittenByCsvHelperWithSemicolons_ReadsBackCellForCell() =>
        Prop.ForAll(Tables.ToArbitrary(), table => AssertReadsBack(table, new ReaderOptions { Delimiter = ';' }));

    /// <summary>
    /// The same law with the separator detected, for tables of two columns or more whose header names hold no other candidate separator
    /// (a one-column file has no separator to detect; a header "a,b;c" is genuinely ambiguous). Data cells still hold anything.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property ReadAsync_TableWrittenByCsvHelperWithSemicolons_ReadsBackCellForCellWithTheSeparatorDetected() =>
        Prop.ForAll(
            Tables.Where(t => t.Header.Length >= 2 && t.Header.All(h => h.AsSpan().IndexOfAny(",|\t") < 0)).ToArbitrary(),
            table => AssertReadsBack(table, new ReaderOptions()));

    private static readonly Gen<Table> LargeTables =
        from header in Gen.Constant(new[] { "Code", "Nom", "Adresse" })
        from rows in Gen.ListOf(Gen.ArrayOf(Gen.Choose(1, 40).SelectMany(n => Gen.ListOf(Gen.Elements(Pieces), n)).Select(string.Concat), 3), 1500)
        from newLine in Gen.Elements("\r\n", "\n")
        select new Table(header, [.. rows], newLine);

    /// <summary>
    /// The law on files of 100 KiB and more (values straddle the 64 KiB detection head and the read buffers) in every Unicode encoding
    /// the reader detects, from bytes or from a non-seekable stream read in odd chunks.
    /// </summary>
    [Property(MaxTest = 20)]
    public Property ReadAsync_LargeTableInAnyUnicodeEncodingFromAnySource_ReadsBackCellForCell() =>
        Prop.ForAll(
            LargeTables.ToArbitrary(),
            Gen.Elements("utf-8", "utf-8-bom", "utf-16le", "utf-16be").ToArbitrary(),
            Gen.Choose(0, 9000).ToArbitrary(),
            (table, encoding, chunk) =>
            {
                var text = Encoding.UTF8.GetString(table.Write());
                var target = encoding switch
                {
                    "utf-16le" => Encoding.Unicode,
                    "utf-16be" => Encoding.BigEndianUnicode,
                    _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: encoding == "utf-8-bom"),
                };
                byte[] bytes = [.. target.GetPreamble(), .. target.GetBytes(text)];
                Assert.True(bytes.Length > 1 << 16);
                var source = chunk == 0 ? ImportSource.FromBytes(bytes, "t.csv") : ImportSource.FromStream(Support.NonSeekableStream.Of(bytes, chunk), "t.csv");

                var preview = FilePreview.ReadAsync(source, int.MaxValue).GetAwaiter().GetResult();

                Assert.Equal(encoding, preview.Source.Encoding);
                Assert.Equal(table.Header, preview.Header);
                Assert.Equal(table.Rows.Length, preview.Rows.Count);
                for (var i = 0; i < table.Rows.Length; i++)
                {
                    Assert.Equal(table.Rows[i], preview.Rows[i]);
                }
            });

    private static void AssertReadsBack(Table table, ReaderOptions options)
    {
        var bytes = table.Write();

        var preview = FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "table.csv"), int.MaxValue, options).GetAwaiter().GetResult();

        Assert.Equal(";", preview.Source.Delimiter);
        Assert.Equal(table.Header.Select(h => h.Trim()), preview.Header);
        var expected = table.Rows.Select((cells, index) => (Cells: cells, Row: index + 2)).Where(r => r.Cells.Any(c => c.Length > 0)).ToArray();
        Assert.Equal(expected.Select(r => r.Row), preview.RowNumbers);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Cells, preview.Rows[i]);
        }
    }

    internal sealed record Table(string[] Header, string[][] Rows, string NewLine)
    {
        public byte[] Write()
        {
            using var stream = new MemoryStream();
            using (var writer = CsvWriter.Create(stream, CsvWriterOptions.Default with { Separator = ';', NewLine = NewLine }, leaveOpen: true))
            {
                writer.WriteRecord(Header);
                foreach (var row in Rows)
                {
                    writer.WriteRecord(row);
                }

                writer.Flush();
            }

            return stream.ToArray();
        }

        public override string ToString() => Encoding.UTF8.GetString(Write()).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n\n", StringComparison.Ordinal);
    }
}
