using System.Globalization;

namespace Import.Sdk.Tests.Readers;

/// <summary><see cref="ImportSource.FromReader"/>: a source that brings its own reader, its format not detected.</summary>
public class ImportSourceFromReaderTests
{
    private static readonly EntitySchema Codes = EntitySchema.Create("codes")
        .Field("code", FieldType.Text, f => f.Required())
        .Field("amount", FieldType.Decimal)
        .Key("code")
        .Build();

    [Fact]
    public async Task FromReader_Import_ReadsItsRowsWithTheImportsReaderOptions()
    {
        var sink = new InMemorySink();
        ReaderOptions? given = null;
        var source = ImportSource.FromReader("view.xml", null, (options, _) =>
        {
            given = options;
            return ValueTask.FromResult<ITabularReader>(new TableReader(["code", "amount"], [["A", "1.5"], ["B", "x"]]));
        });
        var pipeline = new ImportPipelineBuilder().UseEntity(new ImportEntity(Codes)).UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-GB") }).Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(source));

        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
        Assert.Equal(("view.xml", 3, IssueCodes.InvalidNumber), (report.File, report.Issues.Single().Row, report.Issues.Single().Code));
        Assert.Equal("en", given!.UiCulture.TwoLetterISOLanguageName);
        Assert.Equal(1.5m, sink.GetRecords("codes").Single()[1]);
    }

    [Fact]
    public async Task FromReader_ReaderThatCannotOpen_IsAMalformedFile()
    {
        var source = ImportSource.FromReader("bad.xml", 10, (_, _) => throw new MalformedFileException("cannot be read at line 1"));
        var pipeline = new ImportPipelineBuilder().UseEntity(new ImportEntity(Codes)).UseSink(new InMemorySink()).Build();

        var report = await pipeline.SimulateAsync(new ImportRequest(source));

        Assert.True(report.IsFileRejected);
        Assert.Equal((IssueCodes.MalformedFile, "cannot be read at line 1"), (report.Issues.Single().Code, report.Issues.Single().Message));
    }

    /// <summary>Rows in memory.</summary>
    private sealed class TableReader(string[] header, string[][] rows) : ITabularReader
    {
        private int _index = -1;

        public SourceInfo Info { get; } = new("table", null, null, null, []);

        public IReadOnlyList<string> Header => header;

        public int RowNumber => _index + 2;

        public int FieldCount => header.Length;

        public ReadProblem? RowProblem => null;

        public long BytesRead => 0;

        public long? TotalBytes => null;

        public ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(++_index < rows.Length);

        public string GetString(int index) => index < rows[_index].Length ? rows[_index][index] : string.Empty;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
