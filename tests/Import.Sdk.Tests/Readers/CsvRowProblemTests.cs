using System.Globalization;
using System.Text;
using Import.Sdk.Readers.Csv;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Readers;

/// <summary>
/// The CSV reader alone, on rows it cannot give as found: bad quotes, NUL characters, cells and records over their limits.
/// Such a row comes with a <see cref="ITabularReader.RowProblem"/> (code, column, raw text) and reading goes on.
/// </summary>
public class CsvRowProblemTests
{
    private static readonly ReaderOptions French = new();
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    /// <summary>
    /// Regression (issue 10, item 3): CsvHelper repairs bad quotes (<c>"Dupont"SA</c> read as <c>DupontSA</c>) and the reader
    /// only acted on an unterminated quote, so the altered value was imported. The papaparse cases and two French examples.
    /// </summary>
    [Theory]
    [InlineData("a,b,c,d\r\na,\"b\"c,d\r\ne,f,g,h\r\n", 1, "\"b\"c")]
    [InlineData("a,b,c\r\na,\"b,\"c\r\ne,f,g\r\n", 1, "\"b,\"c")]
    [InlineData("a,b,c\r\n\"a,\"b,c\"\r\ne,f,g\r\n", 0, "\"a,\"b")]
    [InlineData("a,b,c,d\r\na,\"b,c\r\nd\"e,f,g\r\ne,f,g,h\r\n", 1, "\"b,c\r\nd\"e")]
    [InlineData("Code;Raison sociale;Ville\r\nC1;\"Dupont\"SA;Paris\r\ne;f;g\r\n", 1, "\"Dupont\"SA")]
    [InlineData("Code;Raison sociale;Ville\r\n\"Martin, \"Fils;C1;Paris\r\ne;f;g\r\n", 0, "\"Martin, \"Fils")]
    public async Task ReadAsync_MalformedQuotes_GivesAMalformedRowProblemWithColumnAndRawTextThenReadsOn(string csv, int column, string raw)
    {
        var rows = await ReadAllAsync(csv);

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        var problem = Assert.IsType<ReadProblem>(rows[0].Problem);
        Assert.Equal((IssueCodes.MalformedRow, column, raw), (problem.Code, problem.Column, problem.Value));
        Assert.Contains(raw, problem.Message, StringComparison.Ordinal);
        Assert.Equal(raw, rows[0].Cells[column]); // as found in the file, not as CsvHelper repaired it
        Assert.Null(rows[1].Problem);
        Assert.Equal(["e", "f", "g"], rows[1].Cells.Take(3));
    }

    [Fact]
    public async Task ReadAsync_StrayQuote_IsAMalformedRowAndTheMessageSaysWhatToDo()
    {
        var rows = await ReadAllAsync("Code;Nom\r\nC1;ab\"c\r\nC2;ok\r\n", English);

        var problem = rows[0].Problem!;
        Assert.Equal((IssueCodes.MalformedRow, 1, "ab\"c"), (problem.Code, problem.Column, problem.Value));
        Assert.Equal("The quotes of column 'Nom' are malformed (a quote inside a value that does not start with one): 'ab\"c'. The row is not imported: check its quotes; a value that holds the separator, a quote or a line break must be wholly enclosed in quotes, each quote inside it doubled (\"\").", problem.Message);
        Assert.Null(rows[1].Problem);
    }

    [Fact]
    public async Task ReadAsync_TextAfterClosingQuote_MessageIsFrenchByDefaultAndEnglishOnRequest()
    {
        const string csv = "Code;Raison sociale\r\nC1;\"Dupont\"SA\r\n";

        var french = (await ReadAllAsync(csv, French))[0].Problem!.Message;
        var english = (await ReadAllAsync(csv, English))[0].Problem!.Message;

        Assert.StartsWith("Les guillemets de la colonne « Raison sociale » sont mal placés (du texte suit le guillemet fermant) : « \"Dupont\"SA ».", french, StringComparison.Ordinal);
        Assert.StartsWith("The quotes of column 'Raison sociale' are malformed (text after the closing quote): '\"Dupont\"SA'.", english, StringComparison.Ordinal);
    }

    /// <summary>Regression (issue 10, item 3): an unterminated quote was a <c>malformed_file</c> problem on its row; it is a malformed row, as the other quote errors.</summary>
    [Fact]
    public async Task ReadAsync_UnterminatedQuote_IsAMalformedRowNamingTheColumnAndTheLinesItSwallowed()
    {
        var rows = await ReadAllAsync("Code;Raison sociale\r\nC1;Dupont\r\nC2;\"Martin\r\nC3;Durand\r\nC4;Petit\r\n", English);

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        var problem = rows[1].Problem!;
        Assert.Equal((IssueCodes.MalformedRow, 1, "\"Martin\r\nC3;Durand\r\nC4;Petit\r\n"), (problem.Code, problem.Column, problem.Value));
        Assert.Equal(["C2", "\"Martin\r\nC3;Durand\r\nC4;Petit\r\n"], rows[1].Cells);
        Assert.StartsWith("The quote opened in column 'Raison sociale' is never closed: the 2 line(s) after it, up to the end of the file, were read as this one value, so nothing after this row was imported.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnterminatedQuoteInALastRowOfEmptyCells_IsStillAMalformedRow()
    {
        var rows = await ReadAllAsync("Code;Nom\r\nC1;A\r\n;\"");

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        Assert.Equal((IssueCodes.MalformedRow, 1), (rows[1].Problem!.Code, rows[1].Problem!.Column));
    }

    [Fact]
    public async Task ReadAsync_MalformedRowAfterMultiLineRecordsAndEmptyLines_CarriesItsSpreadsheetRow()
    {
        // Spreadsheet rows: 1 header, 2 the record on three lines, 3 empty, 4 C2, 5 the malformed one, 6 C4.
        var rows = await ReadAllAsync("Code;Nom\r\nC1;\"a\r\nb\r\nc\"\r\n\r\nC2;B\r\nC3;\"x\"y\r\nC4;D\r\n");

        Assert.Equal([2, 4, 5, 6], rows.Select(r => r.Row));
        Assert.Equal([null, null, IssueCodes.MalformedRow, null], rows.Select(r => r.Problem?.Code));
    }

    [Fact]
    public async Task OpenAsync_MalformedQuotesInTheHeader_RefusesTheFileOnRowOne()
    {
        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAllAsync("\"Code\"x;Nom\r\nC1;A\r\n", English));

        Assert.Equal(1, ex.Row);
        Assert.Equal("The header row cannot be read: its quotes are malformed (text after the closing quote): '\"Code\"x;Nom'. Check the quotes of the first line and import the file again.", ex.Message);
    }

    /// <summary>Regression (issue 10, item 6): <see cref="ReaderOptions.MaxCellLength"/> did not apply to CSV: a longer cell was imported whole.</summary>
    [Fact]
    public async Task ReadAsync_CellOverMaxCellLength_IsTooLongWithTheColumnAndACutValue()
    {
        var options = English with { MaxCellLength = 150 };
        var csv = "Code;Nom;Ville\r\nC1;" + new string('a', 500) + ";Paris\r\nC2;" + new string('é', 150) + ";Lyon\r\n";

        var rows = await ReadAllAsync(csv, options);

        var problem = rows[0].Problem!;
        Assert.Equal((IssueCodes.TooLong, 1, new string('a', 100) + "…"), (problem.Code, problem.Column, problem.Value));
        Assert.Equal("Column 'Nom' holds 500 characters; a cell may hold at most 150: the row is not imported. The value starts with '" + new string('a', 100) + "…'.", problem.Message);
        Assert.Equal(["C1", new string('a', 100) + "…", "Paris"], rows[0].Cells);
        Assert.Null(rows[1].Problem); // 150 characters in 300 bytes: at the limit, not over
        Assert.Equal(new string('é', 150), rows[1].Cells[1]);
    }

    [Fact]
    public async Task ReadAsync_UnterminatedQuoteSwallowingMoreThanMaxCellLength_GivesTheCellCut()
    {
        var rows = await ReadAllAsync("Code;Nom\r\nC1;\"" + CsvReaderPreviewTests.AsciiRows(1_000), French with { MaxCellLength = 1_000 });

        var row = Assert.Single(rows);
        Assert.Equal(IssueCodes.MalformedRow, row.Problem!.Code);
        Assert.Equal("\"C000001;Client 000001\r\n", row.Cells[1][..24]);
        Assert.Equal(101, row.Cells[1].Length);
    }

    /// <summary>
    /// Regression (issue 10, item 4): a record over <see cref="ReaderOptions.MaxRecordBytes"/> made CsvHelper stop for good: the
    /// rows after it were neither read nor counted. It is a rejected row, and the rows after it are read, with their numbers.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task ReadAsync_RecordOverMaxRecordBytes_IsATooLongRowAndTheRowsAfterItAreRead(bool quotedWithLineBreaks, bool seekable)
    {
        var big = quotedWithLineBreaks ? "\"" + string.Concat(Enumerable.Repeat("ligne \"\"x\"\";\r\n", 30_000)) + "\"" : new string('x', 300_000);
        var csv = "Code;Nom\r\nC1;A\r\nC2;B\r\nC3;" + big + "\r\nC4;D\r\nC5;\"x\"y\r\n" + CsvReaderPreviewTests.AsciiRows(10_000);

        // Seekable: the record is read again from the file; else from the copy of the last bytes read.
        var rows = await ReadAllAsync(csv, English with { MaxRecordBytes = 100_000 }, nonSeekable: !seekable, lengthUnknown: true);

        Assert.Equal(Enumerable.Range(2, 10_005), rows.Select(r => r.Row));
        var problem = rows[2].Problem!;
        Assert.Equal((IssueCodes.TooLong, -1), (problem.Code, problem.Column));
        Assert.Equal("C3;" + big[..97] + "…", problem.Value);
        Assert.StartsWith("Row 4 is longer than 100,000 bytes, the most a row may have: it is not imported, and the import went on with the next row.", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["", ""], rows[2].Cells);
        Assert.Equal((null, "D"), (rows[3].Problem, rows[3].Cells[1]));
        Assert.Equal(IssueCodes.MalformedRow, rows[4].Problem!.Code); // the malformed rows after it are still found
        Assert.Equal(["C010000", "Client 010000"], rows[^1].Cells);
        Assert.All(rows.Where(r => r.Row != 4 && r.Row != 6), r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task ReadAsync_TwoRecordsOverMaxRecordBytesAmongEmptyLines_KeepTheSpreadsheetRowNumbers()
    {
        // Spreadsheet rows: 2 C1, 3 empty, 4 too long, 5 C3, 6 empty, 7 too long (quoted, on many lines), 8 C5.
        var quoted = "\"" + string.Concat(Enumerable.Repeat("abc\r\n", 50_000)) + "\"";
        var csv = "Code;Nom\r\nC1;A\r\n\r\nC2;" + new string('x', 200_000) + "\r\nC3;B\r\n\r\nC4;" + quoted + "\rC5;C";

        var rows = await ReadAllAsync(csv, French with { MaxRecordBytes = 100_000 }, lengthUnknown: true);

        Assert.Equal([2, 4, 5, 7, 8], rows.Select(r => r.Row));
        Assert.Equal([null, IssueCodes.TooLong, null, IssueCodes.TooLong, null], rows.Select(r => r.Problem?.Code));
        Assert.Equal(["C5", "C"], rows[^1].Cells);
    }

    [Fact]
    public async Task ReadAsync_RecordOverMaxRecordBytesWhoseQuoteNeverCloses_IsAMalformedLastRowAndSaysSo()
    {
        var csv = "Code;Nom\r\nC1;A\r\nC2;\"" + new string('x', 300_000) + "\r\nC3;C\r\n" + CsvReaderPreviewTests.AsciiRows(20_000);

        var rows = await ReadAllAsync(csv, English with { MaxRecordBytes = 100_000 }, nonSeekable: true);

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        Assert.Equal(IssueCodes.MalformedRow, rows[1].Problem!.Code); // as an unterminated quote in a shorter record
        Assert.StartsWith("Row 3 is longer than 100,000 bytes, the most a row may have: a quote opened in it is never closed, so the 20,001 line(s) after it, up to the end of the file, were read as part of it and nothing after it was imported.", rows[1].Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RecordOverMaxRecordBytesAlreadyInTheBuffer_IsRejectedAsWell()
    {
        var csv = "Code;Nom\r\nC1;A\r\nC2;" + new string('x', 3_000) + "\r\nC3;C\r\n";

        var rows = await ReadAllAsync(csv, French with { MaxRecordBytes = 1_000 });

        Assert.Equal([2, 3, 4], rows.Select(r => r.Row));
        Assert.Equal((IssueCodes.TooLong, -1), (rows[1].Problem!.Code, rows[1].Problem!.Column));
        Assert.StartsWith("La ligne 3 dépasse 1 000 octets", rows[1].Problem!.Message.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Null(rows[2].Problem);
    }

    /// <summary>
    /// Regression (issue 11): a NUL byte refused the whole file when it was in the first 64 KiB ("not text") and was imported
    /// when it was further. Now the row holding it is rejected, wherever it is.
    /// </summary>
    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public async Task ReadAsync_NulCharacterInACell_IsAMalformedRowWhereverItIs(int at)
    {
        var (csv, row) = FileWithNulAt(at);

        var rows = await ReadAllAsync(csv, English);

        var rejected = Assert.Single(rows, r => r.Problem is not null);
        Assert.Equal(row, rejected.Row);
        Assert.Equal((IssueCodes.MalformedRow, 1, "Du\\0pont"), (rejected.Problem!.Code, rejected.Problem.Column, rejected.Problem.Value));
        Assert.Equal("Column 'Nom' holds a NUL character (shown as \\0): 'Du\\0pont'. The row is not imported: the file is probably damaged, or not a text export; export the data again as CSV.", rejected.Problem.Message);
        Assert.Equal(rows.Count, rows[^1].Row - 1);
    }

    [Fact]
    public async Task OpenAsync_NulCharacterInTheHeader_RefusesTheFile()
    {
        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAllAsync("Code;N\0m\r\nC1;A\r\n"));

        Assert.Equal(1, ex.Row);
        Assert.StartsWith("La ligne d'en-tête contient un caractère NUL (montré \\0) dans la colonne 2 : « N\\0m ».", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A file with one NUL byte at <paramref name="at"/> (in "Du\0pont", the code before it padded to put it there), and the row holding it.</summary>
    internal static (string Csv, int Row) FileWithNulAt(int at)
    {
        var sb = new StringBuilder("Code;Nom\r\n");
        var row = 2;
        while (sb.Length + "C0000000;Client\r\n".Length + "C0000000;Du".Length <= at)
        {
            sb.Append(CultureInfo.InvariantCulture, $"C{row:0000000};Client\r\n");
            row++;
        }

        var pad = at - sb.Length - "C0000000;Du".Length;
        sb.Append(CultureInfo.InvariantCulture, $"C{row:0000000}").Append('x', pad).Append(";Du");
        Assert.Equal(at, sb.Length);
        sb.Append("\0pont\r\n").Append(CsvReaderPreviewTests.AsciiRows(100));
        return (sb.ToString(), row);
    }

    /// <summary>Reads a whole file; <paramref name="lengthUnknown"/> makes CsvHelper read it by 64 KiB (and a seekable one starts at position 7).</summary>
    internal static async Task<List<(int Row, ReadProblem? Problem, string[] Cells)>> ReadAllAsync(string csv, ReaderOptions? options = null, bool nonSeekable = false, bool lengthUnknown = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        Stream stream = nonSeekable ? NonSeekableStream.Of(bytes, 10_000)
            : lengthUnknown ? new MemoryStream([.. "garbage"u8, .. bytes]) { Position = 7 }
            : new MemoryStream(bytes);
        var reader = await new CsvReaderProvider().OpenAsync(stream, nonSeekable || lengthUnknown ? null : bytes.Length, options ?? French);
        await using (reader)
        {
            var rows = new List<(int, ReadProblem?, string[])>();
            while (await reader.ReadAsync())
            {
                var cells = new string?[Math.Max(reader.FieldCount, reader.Header.Count)];
                ((IRowCellReader)reader).CopyCells(cells, null, null);
                Assert.Equal(cells, Enumerable.Range(0, cells.Length).Select(reader.GetString));
                rows.Add((reader.RowNumber, reader.RowProblem, cells.Select(c => c!).ToArray()));
            }

            return rows;
        }
    }
}
