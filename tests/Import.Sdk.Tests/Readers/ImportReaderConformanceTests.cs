using System.Globalization;

namespace Import.Sdk.Tests.Readers;

/// <summary>
/// The behaviour every <see cref="ITabularReader"/> must have, whatever its format. Each reader's test class inherits it and
/// says how to write a table in its format (<see cref="Write"/>); a host can run it against its own reader the same way.
/// </summary>
/// <remarks>
/// The contract, as the tests state it: row numbers are the file's (the header is the first non-empty row, usually row 1;
/// blank rows are skipped but counted); a missing or empty cell reads as an empty string, past the row's end too; header
/// cells are trimmed and kept as found (blank or repeated names included); a file without a header row is a
/// <see cref="MalformedFileException"/>; texts round-trip verbatim; a cancelled token gives <see cref="OperationCanceledException"/> only; the reader owns its stream and disposes it
/// (twice is fine, reading afterwards is an <see cref="ObjectDisposedException"/>); a damaged file is a
/// <see cref="MalformedFileException"/> whose message is ours, never a runtime's.
/// </remarks>
public abstract class ImportReaderConformanceTests
{
    /// <summary>The name of the one sheet a workbook format writes.</summary>
    protected const string SheetName = "Clients été";

    private static readonly string[] Header = ["Code", "Name", "City", "Amount"];

    /// <summary>Fragments of runtime exception messages that must never reach a user.</summary>
    private static readonly string[] RuntimeTexts =
    [
        "Index was outside", "Object reference", "Unable to read beyond", "Arithmetic operation", "Specified argument",
        "Exception of type", "Value cannot be null", "Nullable object", "Input string was not", "Sequence contains",
        "The given key", "Offset and length", "Non-negative number", "Unable to cast",
    ];

    /// <summary>Gets the provider under test.</summary>
    protected abstract ITabularReaderProvider Provider { get; }

    /// <summary>Gets the format the reader reports in <see cref="SourceInfo.Format"/>.</summary>
    protected abstract string Format { get; }

    /// <summary>Gets whether the format is a workbook (one sheet named <see cref="SheetName"/>), not a text file.</summary>
    protected abstract bool IsWorkbook { get; }

    /// <summary>Gets the options the readers are opened with (English messages).</summary>
    protected virtual ReaderOptions Options { get; } = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    /// <summary>
    /// Writes a table in the format: <paramref name="rows"/>[0] is the file's row 1, each row its cells from the first column
    /// (an empty string is an empty cell; a row without cells is a blank row). Workbooks write one sheet named <see cref="SheetName"/>.
    /// </summary>
    /// <returns>The file's content and a file name with the format's usual extension.</returns>
    protected abstract (byte[] Content, string FileName) Write(IReadOnlyList<string[]> rows);

    /// <summary>Damaged versions of a well-formed file of the format; by default the file cut short at a few places.</summary>
    protected virtual IEnumerable<(string Case, byte[] Content)> Damage(byte[] wellFormed)
    {
        foreach (var length in new[] { 64, wellFormed.Length / 2, wellFormed.Length - 8 })
        {
            yield return ($"cut at byte {length} of {wellFormed.Length}", wellFormed[..length]);
        }
    }

    [Fact]
    public async Task ReadAsync_Table_GivesTheHeaderThenEveryRowWithItsFileRowNumber()
    {
        var read = await ReadAllAsync(
            Header,
            ["C1", "Dupont", "Paris", "12.5"],
            ["C2", "Martin", "Lyon", "7"],
            ["C3", "Durand", "Nice", "0"]);

        Assert.Equal(Header, read.Header);
        Assert.Equal([2, 3, 4], read.Rows.Select(r => r.Number));
        Assert.Equal(["C2", "Martin", "Lyon", "7"], read.Rows[1].Cells);
        Assert.All(read.Rows, r => Assert.Null(r.Problem));
        Assert.All(read.Rows, r => Assert.Equal(Header.Length, r.FieldCount));
    }

    [Fact]
    public async Task ReadAsync_ManyRows_EachKeepsItsFileRowNumber()
    {
        // enough rows to cross the readers' buffers; every seventh row blank
        var rows = new List<string[]> { Header };
        for (var i = 2; i <= 3_000; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            rows.Add(i % 7 == 0 ? [] : ["C" + n, "Client n°" + n, "Ville " + n, n]);
        }

        var read = await ReadAllAsync([.. rows]);

        Assert.Equal(Enumerable.Range(2, 2_999).Where(i => i % 7 != 0), read.Rows.Select(r => r.Number));
        Assert.All(read.Rows, r => Assert.Equal("C" + r.Number.ToString(CultureInfo.InvariantCulture), r.Cells[0]));
        Assert.Equal(["C3000", "Client n°3000", "Ville 3000", "3000"], read.Rows[^1].Cells);
    }

    [Fact]
    public async Task ReadAsync_BlankRowsInTheMiddle_AreSkippedAndStillCounted()
    {
        var read = await ReadAllAsync(
            Header,
            ["C1", "Dupont", "Paris", "1"],
            [],
            ["C3", "Durand", "Nice", "3"],
            ["", "", "", ""],
            [],
            ["C7", "Petit", "Metz", "7"]);

        Assert.Equal([2, 4, 7], read.Rows.Select(r => r.Number));
        Assert.Equal(["C7", "Petit", "Metz", "7"], read.Rows[2].Cells);
    }

    [Fact]
    public async Task GetString_AfterTheEnd_IsEmpty()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"]]);
        await using var reader = await OpenAsync(content, name);
        Assert.True(await reader.ReadAsync());

        Assert.False(await reader.ReadAsync());

        Assert.Equal(string.Empty, reader.GetString(0));
        Assert.Null(reader.RowProblem);
    }

    [Fact]
    public async Task ReadAsync_TrailingEmptyRows_EndTheFileAfterTheLastRow()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"], [], ["", "", "", ""], ["", ""]]);
        await using var reader = await OpenAsync(content, name);

        Assert.True(await reader.ReadAsync());
        Assert.Equal(2, reader.RowNumber);
        Assert.False(await reader.ReadAsync());
        Assert.False(await reader.ReadAsync()); // and stays at the end
    }

    [Fact]
    public async Task GetString_EmptyCellsAtTheStartMiddleAndEnd_ReadAsEmpty()
    {
        var read = await ReadAllAsync(
            Header,
            ["", "Dupont", "Paris", "1"],
            ["C3", "", "", "3"],
            ["C4", "Martin", "Lyon", ""]);

        Assert.Equal([2, 3, 4], read.Rows.Select(r => r.Number));
        Assert.Equal(["", "Dupont", "Paris", "1"], read.Rows[0].Cells);
        Assert.Equal(["C3", "", "", "3"], read.Rows[1].Cells);
        Assert.Equal(["C4", "Martin", "Lyon"], read.Rows[2].Cells);
        Assert.All(read.Rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task GetString_RowShorterThanTheHeader_MissingCellsReadAsEmpty()
    {
        var (content, name) = Write([Header, ["C1", "Dupont"]]);
        await using var reader = await OpenAsync(content, name);

        Assert.True(await reader.ReadAsync());
        Assert.Equal(2, reader.RowNumber);
        Assert.Equal("Dupont", reader.GetString(1));
        Assert.Equal(string.Empty, reader.GetString(2));
        Assert.Equal(string.Empty, reader.GetString(3));
        Assert.Equal(string.Empty, reader.GetString(1000)); // past the last cell
        Assert.InRange(reader.FieldCount, 2, Header.Length); // CSV: as found (a ragged row); workbooks: at least the header's width
    }

    [Fact]
    public async Task GetString_CellBeyondTheHeader_IsReadAndCounted()
    {
        var read = await ReadAllAsync(Header, ["C1", "Dupont", "Paris", "1", "extra"], ["C2", "Martin", "Lyon", "2"]);

        Assert.Equal(["C1", "Dupont", "Paris", "1", "extra"], read.Rows[0].Cells);
        Assert.Equal(5, read.Rows[0].FieldCount);
        Assert.Equal(4, read.Rows[1].FieldCount);
    }

    [Fact]
    public async Task ReadAsync_LineBreaksOfEveryKindInCells_RoundTrip()
    {
        string[] cells = ["a\r\nb", "c\nd", "e\rf", "\n"];
        var read = await ReadAllAsync(Header, cells, ["C3", "after", "the", "breaks"]);

        Assert.Equal(cells, read.Rows[0].Cells);
        Assert.Equal([2, 3], read.Rows.Select(r => r.Number));
    }

    [Fact]
    public async Task Header_CellsTrimmed_DataCellsKeptAsFound()
    {
        var read = await ReadAllAsync(["  Code ", "Name  ", " City"], ["  C1 ", "Dupont  ", " Paris"]);

        Assert.Equal(["Code", "Name", "City"], read.Header);
        Assert.Equal(["  C1 ", "Dupont  ", " Paris"], read.Rows.Single().Cells);
    }

    [Fact]
    public async Task Header_BlankCell_IsAnEmptyNameAtItsPlace()
    {
        var read = await ReadAllAsync(["Code", "", "City"], ["C1", "Dupont", "Paris"]);

        Assert.Equal(["Code", "", "City"], read.Header);
        Assert.Equal(["C1", "Dupont", "Paris"], read.Rows.Single().Cells);
    }

    [Fact]
    public async Task Header_TrailingBlankCells_NameNoColumn()
    {
        var read = await ReadAllAsync(["Code", "Name", "", ""], ["C1", "Dupont", "", ""]);

        // a workbook has no cell there; a text file has the separators: empty names, if any, after the named columns
        Assert.Equal(["Code", "Name"], read.Header.Take(2));
        Assert.All(read.Header.Skip(2), name => Assert.Equal(string.Empty, name));
        Assert.Equal(["C1", "Dupont"], read.Rows.Single().Cells);
    }

    [Fact]
    public async Task Header_RepeatedNames_AreKeptAsFound()
    {
        var read = await ReadAllAsync(["Code", "Name", "Name", "code"], ["C1", "Dupont", "Jean", "x"]);

        Assert.Equal(["Code", "Name", "Name", "code"], read.Header);
        Assert.Equal(["C1", "Dupont", "Jean", "x"], read.Rows.Single().Cells);
    }

    [Fact]
    public async Task Header_AfterBlankRows_IsTheFirstNonEmptyRowAndRowsKeepTheirNumbers()
    {
        var (content, name) = Write([[], ["", "", ""], Header, ["C1", "Dupont", "Paris", "1"]]);
        await using var reader = await OpenAsync(content, name);

        Assert.Equal(Header, reader.Header);
        Assert.Equal(3, reader.RowNumber);
        Assert.True(await reader.ReadAsync());
        Assert.Equal(4, reader.RowNumber); // the rows keep the file's numbers
        Assert.Equal("Dupont", reader.GetString(1));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_GivesNoRow()
    {
        var (content, name) = Write([Header]);
        await using var reader = await OpenAsync(content, name);

        Assert.Equal(Header, reader.Header);
        Assert.Equal(1, reader.RowNumber);
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task ReadAsync_HeaderThenEmptyRowsOnly_GivesNoRow()
    {
        var (content, name) = Write([Header, [], ["", "", "", ""], []]);
        await using var reader = await OpenAsync(content, name);

        Assert.Equal(Header, reader.Header);
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task OpenAsync_NoRowAtAll_ThrowsMalformedFile()
    {
        var (content, name) = Write([]);

        await AssertMalformedAsync(content, name, "a file without rows");
    }

    [Fact]
    public async Task OpenAsync_NoRowAtAll_SaysSoInTheUiCulture()
    {
        var (content, name) = Write([]);

        var english = await Assert.ThrowsAsync<MalformedFileException>(async () => await Provider.OpenAsync(new MemoryStream(content), content.Length, Options with { UiCulture = CultureInfo.GetCultureInfo("en-US") }));
        var french = await Assert.ThrowsAsync<MalformedFileException>(async () => await Provider.OpenAsync(new MemoryStream(content), content.Length, Options with { UiCulture = CultureInfo.GetCultureInfo("fr-FR") }));

        Assert.NotEqual(english.Message, french.Message);
    }

    [Fact]
    public async Task OpenAsync_EmptyRowsOnly_ThrowsMalformedFile()
    {
        var (content, name) = Write([[], ["", "", ""], []]);

        await AssertMalformedAsync(content, name, "a file of empty rows");
    }

    [Fact]
    public async Task ReadAsync_UnicodeText_RoundTripsVerbatim()
    {
        string[][] rows =
        [
            ["Zoë Ærøskøbing", "Ünïcödé — “quoted” «guillemets»", "日本語 中文 한국어", "😀👍🏽 emoji"],
            ["l'œuf; \"dit\", ok", "tab\there", "ligne 1\nligne 2", "Ελληνικά Русский עברית العربية"],
        ];
        var read = await ReadAllAsync([Header, .. rows, ["C4", "after", "the", "lines"]]);

        Assert.Equal(rows[0], read.Rows[0].Cells);
        Assert.Equal(rows[1], read.Rows[1].Cells);
        Assert.Equal([2, 3, 4], read.Rows.Select(r => r.Number)); // a cell on two lines is still one row
    }

    [Fact]
    public async Task ReadAsync_LongText_RoundTripsVerbatim()
    {
        var longText = string.Concat(Enumerable.Range(0, 500).Select(i => i.ToString("D4", CultureInfo.InvariantCulture) + " été, "));
        var read = await ReadAllAsync(Header, ["C1", longText, "Paris", "1"], ["C2", "short", "Lyon", "2"]);

        Assert.Equal(5_000, longText.Length);
        Assert.Equal(longText, read.Rows[0].Cells[1]);
        Assert.Equal(["C2", "short", "Lyon", "2"], read.Rows[1].Cells);
    }

    [Fact]
    public async Task ReadAsync_TextThatLooksLikeNumbersOrDates_RoundTripsVerbatim()
    {
        string[] cells = ["007", "1e5", "3,14", "1 234,56", "-0", "2024-01-31", "31/01/2024", "TRUE", "=1+1", "0x1F", "12.50", "1E+308"];
        var read = await ReadAllAsync(cells.Select((_, i) => "H" + i.ToString(CultureInfo.InvariantCulture)).ToArray(), cells);

        Assert.Equal(cells, read.Rows.Single().Cells);
    }

    [Fact]
    public async Task OpenAsync_CancelledToken_ThrowsOperationCanceledAndDisposesTheStream()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"]]);
        var stream = new TrackedStream(content, seekable: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Provider.OpenAsync(stream, content.Length, Options, new CancellationToken(canceled: true)));
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task ReadAsync_CancelledTokenMidRead_ThrowsOperationCanceled()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"], ["C2", "Martin", "Lyon", "2"], ["C3", "Durand", "Nice", "3"]]);
        var stream = new TrackedStream(content, seekable: true);
        var reader = await Provider.OpenAsync(stream, content.Length, Options);
        Assert.True(await reader.ReadAsync());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(new CancellationToken(canceled: true)));

        await reader.DisposeAsync();
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task ReadAsync_CancelledTokenBeforeTheFirstRow_ThrowsOperationCanceled()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"]]);
        await using var reader = await OpenAsync(content, name);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task DisposeAsync_DisposesTheStream_EvenBeforeTheEnd()
    {
        var (content, _) = Write([Header, ["C1", "Dupont", "Paris", "1"], ["C2", "Martin", "Lyon", "2"]]);
        var stream = new TrackedStream(content, seekable: true);
        var reader = await Provider.OpenAsync(stream, content.Length, Options);
        Assert.True(await reader.ReadAsync());

        await reader.DisposeAsync();

        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task DisposeAsync_Twice_DoesNothingMore()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"]]);
        var reader = await OpenAsync(content, name);
        Assert.True(await reader.ReadAsync());

        await reader.DisposeAsync();
        await reader.DisposeAsync();
    }

    [Fact]
    public async Task ReadAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"], ["C2", "Martin", "Lyon", "2"]]);
        var reader = await OpenAsync(content, name);
        Assert.True(await reader.ReadAsync());
        await reader.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await reader.ReadAsync());
    }

    [Fact]
    public async Task OpenAsync_NonSeekableStream_ReadsTheSameRowsAndDisposesIt()
    {
        var (content, _) = Write([Header, ["C1", "Dupont", "Paris", "1"], [], ["C3", "Zoë", "Nice", "3"]]);
        var stream = new TrackedStream(content, seekable: false);

        var reader = await Provider.OpenAsync(stream, null, Options);
        var read = await ReadAllAsync(reader);

        Assert.Equal(Header, read.Header);
        Assert.Equal([2, 4], read.Rows.Select(r => r.Number));
        Assert.Equal(["C3", "Zoë", "Nice", "3"], read.Rows[1].Cells);
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task OpenAsync_DamagedFile_ThrowsMalformedFileWithOurMessage()
    {
        var (content, name) = Write([Header, .. Enumerable.Range(1, 40).Select(i => new[] { "C" + i.ToString(CultureInfo.InvariantCulture), "Client n°" + i.ToString(CultureInfo.InvariantCulture), "Paris", i.ToString(CultureInfo.InvariantCulture) })]);

        foreach (var (damage, damaged) in Damage(content))
        {
            await AssertMalformedAsync(damaged, name, damage);
        }
    }

    [Fact]
    public async Task Info_DescribesTheFormatAndSheets()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"]]);
        await using var reader = await OpenAsync(content, name);

        Assert.Equal(Format, reader.Info.Format);
        if (IsWorkbook)
        {
            Assert.Equal(SheetName, reader.Info.Sheet);
            Assert.Equal([SheetName], reader.Info.Sheets);
            Assert.Null(reader.Info.Encoding);
            Assert.Null(reader.Info.Delimiter);
        }
        else
        {
            Assert.Null(reader.Info.Sheet);
            Assert.Empty(reader.Info.Sheets);
            Assert.False(string.IsNullOrEmpty(reader.Info.Encoding));
            Assert.False(string.IsNullOrEmpty(reader.Info.Delimiter));
        }
    }

    [Fact]
    public async Task Options_Sheet_ChoosesByNameOrPositionAndAnUnknownSheetIsRefused()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"]]);
        if (!IsWorkbook)
        {
            // a text file has no sheets: the option does not apply
            await using var text = await Provider.OpenAsync(new MemoryStream(content), content.Length, Options with { Sheet = "Feuil2" });
            Assert.Null(text.Info.Sheet);
            Assert.True(await text.ReadAsync());
            return;
        }

        foreach (var sheet in new[] { SheetName, SheetName.ToUpperInvariant(), "1" })
        {
            await using var reader = await Provider.OpenAsync(new MemoryStream(content), content.Length, Options with { Sheet = sheet });
            Assert.Equal(SheetName, reader.Info.Sheet);
            Assert.True(await reader.ReadAsync());
            Assert.Equal("Dupont", reader.GetString(1));
        }

        var ex = await AssertMalformedAsync(content, name, "an unknown sheet", Options with { Sheet = "Feuil9" });
        Assert.Contains(SheetName, ex.Message, StringComparison.Ordinal); // the sheets there are
    }

    [Fact]
    public void CanRead_TheFormat_ByContentWhateverTheName()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"]]);
        var head = content.AsSpan(0, Math.Min(content.Length, 1 << 16));

        Assert.True(Provider.CanRead(head, name));
        Assert.True(Provider.CanRead(head, "export.dat"));
    }

    [Fact]
    public async Task BytesRead_AtTheEnd_IsPositiveAndNotPastTheTotal()
    {
        var (content, name) = Write([Header, ["C1", "Dupont", "Paris", "1"], ["C2", "Martin", "Lyon", "2"]]);
        await using var reader = await OpenAsync(content, name);
        while (await reader.ReadAsync())
        {
        }

        Assert.Equal(content.Length, reader.TotalBytes);
        Assert.InRange(reader.BytesRead, 1, content.Length);
    }

    /// <summary>Opens a reader on <paramref name="content"/> through <see cref="Provider"/>, which must claim the file.</summary>
    protected async Task<ITabularReader> OpenAsync(byte[] content, string name, CancellationToken cancellationToken = default)
    {
        Assert.True(Provider.CanRead(content.AsSpan(0, Math.Min(content.Length, 1 << 16)), name), $"The {Format} provider does not claim its own file.");
        return await Provider.OpenAsync(new MemoryStream(content, writable: false), content.Length, Options, cancellationToken);
    }

    private async Task<Table> ReadAllAsync(params string[][] rows)
    {
        var (content, name) = Write(rows);
        return await ReadAllAsync(await OpenAsync(content, name));
    }

    /// <summary>Reads every row (its cells up to the last non-empty one) and disposes the reader.</summary>
    private static async Task<Table> ReadAllAsync(ITabularReader reader)
    {
        await using (reader)
        {
            var rows = new List<TableRow>();
            while (await reader.ReadAsync())
            {
                var cells = Enumerable.Range(0, Math.Max(reader.FieldCount, reader.Header.Count)).Select(reader.GetString).ToList();
                while (cells.Count > 0 && cells[^1].Length == 0)
                {
                    cells.RemoveAt(cells.Count - 1);
                }

                rows.Add(new TableRow(reader.RowNumber, [.. cells], reader.RowProblem, reader.FieldCount));
            }

            return new Table([.. reader.Header], rows);
        }
    }

    /// <summary>Opening, or reading to the end, throws a <see cref="MalformedFileException"/> with a message of ours; the stream is disposed.</summary>
    private async Task<MalformedFileException> AssertMalformedAsync(byte[] content, string name, string what, ReaderOptions? options = null)
    {
        var stream = new TrackedStream(content, seekable: true);
        var ex = await Record.ExceptionAsync(async () =>
        {
            await using var reader = await Provider.OpenAsync(stream, content.Length, options ?? Options);
            while (await reader.ReadAsync())
            {
            }
        });

        Assert.True(ex is MalformedFileException, $"{Format}, {what}: expected a MalformedFileException, got {ex?.GetType().Name ?? "none"}: {ex}");
        Assert.False(string.IsNullOrWhiteSpace(ex!.Message), $"{Format}, {what}: the message is empty.");
        Assert.DoesNotContain(RuntimeTexts, t => ex.Message.Contains(t, StringComparison.OrdinalIgnoreCase));
        Assert.True(stream.Disposed, $"{Format}, {what}: the stream is left open.");
        return (MalformedFileException)ex;
    }

    private sealed record Table(string[] Header, List<TableRow> Rows);

    private sealed record TableRow(int Number, string[] Cells, ReadProblem? Problem, int FieldCount);

    /// <summary>A file in memory that tells whether it was disposed; seekable or not (an upload, a network stream).</summary>
    private sealed class TrackedStream(byte[] content, bool seekable) : Stream
    {
        private readonly MemoryStream _inner = new(content, writable: false);

        public bool Disposed { get; private set; }

        public override bool CanRead => !Disposed;

        public override bool CanSeek => seekable && !Disposed;

        public override bool CanWrite => false;

        public override long Length => seekable ? _inner.Length : throw new NotSupportedException();

        public override long Position
        {
            get => seekable ? _inner.Position : throw new NotSupportedException();
            set => _inner.Position = seekable ? value : throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => seekable ? _inner.Seek(offset, origin) : throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
