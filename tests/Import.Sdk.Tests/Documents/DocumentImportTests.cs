using Import.Sdk.Tests.Support;
using static Import.Sdk.Tests.Documents.OrderDocuments;

namespace Import.Sdk.Tests.Documents;

/// <summary>
/// Document imports (issue 11 item 3): a header file and a lines file in one run, each document (a header and its lines) all or
/// nothing, in a simulation as in an execution.
/// </summary>
public class DocumentImportTests
{
    private static readonly string TwoOrders = Csv(OrdersHeader, "O1;01/03/2025", "O2;02/03/2025");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_AllValid_EveryRowAcceptedAndEachFileReported(bool execute)
    {
        var sink = new InMemorySink();

        var report = await RunAsync(sink, TwoOrders, Csv(LinesHeader, "O1;1;10", "O2;1;30", "O1;2;20"), execute);

        Assert.Equal(new ImportTotals(5, 5, 0, 0, 0), report.Totals);
        Assert.True(report.IsSuccess);
        Assert.Collection(
            report.Files,
            f => Assert.Equal(("orders", "orders.csv", new ImportTotals(2, 2, 0, 0, 0)), (f.Entity, f.File, f.Totals)),
            f => Assert.Equal(("order-lines", "order-lines.csv", new ImportTotals(3, 3, 0, 0, 0)), (f.Entity, f.File, f.Totals)));
        Assert.Equal(execute ? ["O1", "O2"] : [], Stored(sink, Orders));
        Assert.Equal(execute ? ["O1/1", "O1/2", "O2/1"] : [], Stored(sink, Lines));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_RejectedHeader_RejectsEachOfItsLinesNamingTheHeaderAndItsRow(bool execute)
    {
        var sink = new InMemorySink();

        var report = await RunAsync(sink, Csv(OrdersHeader, "O1;01/03/2025", "O2;not a date"), Csv(LinesHeader, "O2;1;30", "O1;1;10", "O2;2;40"), execute);

        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Files[0].Totals);
        Assert.Equal(new ImportTotals(3, 1, 0, 0, 2), report.Files[1].Totals);
        Assert.Equal([(IssueCodes.UnknownParent, 2), (IssueCodes.UnknownParent, 4)], Errors(report.Files[1]));
        var issue = report.Files[1].Issues[0];
        Assert.Equal(("order", "O2"), (issue.Field, issue.Value));
        Assert.Contains("'O2'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("row 3", issue.Message, StringComparison.Ordinal);
        Assert.Equal(execute ? ["O1"] : [], Stored(sink, Orders));
        Assert.Equal(execute ? ["O1/1"] : [], Stored(sink, Lines));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_RejectedLine_RejectsItsHeaderAndSiblingsWithIncompleteDocument(bool execute)
    {
        var sink = new InMemorySink();

        var report = await RunAsync(sink, TwoOrders, Csv(LinesHeader, "O1;1;10", "O2;1;30", "O1;2;not a number", "O1;3;5"), execute);

        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Files[0].Totals);
        Assert.Equal(new ImportTotals(4, 1, 0, 0, 3), report.Files[1].Totals);
        Assert.Equal(new ImportTotals(6, 2, 0, 0, 4), report.Totals);
        Assert.Equal([(IssueCodes.IncompleteDocument, 2)], Errors(report.Files[0]));
        Assert.Equal([(IssueCodes.IncompleteDocument, 2), (IssueCodes.InvalidNumber, 4), (IssueCodes.IncompleteDocument, 5)], Errors(report.Files[1]));
        var header = report.Files[0].Issues.Single();
        Assert.Equal(("number", "number", "O1"), (header.Column, header.Field, header.Value));
        Assert.Equal("The document 'O1' is not imported, neither its header nor any of its lines: its line at row 4 of the lines file is rejected.", header.Message);
        Assert.Equal(("order", "O1"), (report.Files[1].Issues[0].Field, report.Files[1].Issues[0].Value));
        Assert.Equal(execute ? ["O2"] : [], Stored(sink, Orders));
        Assert.Equal(execute ? ["O2/1"] : [], Stored(sink, Lines));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_LineWhoseHeaderIsNotInTheHeaderFile_IsAnOrphanEvenWhenStored(bool execute)
    {
        var sink = new InMemorySink();
        await RunAsync(sink, Csv(OrdersHeader, "O9;01/01/2025"), Csv(LinesHeader, "O9;1;1"), execute: true);

        var report = await RunAsync(sink, TwoOrders, Csv(LinesHeader, "O1;1;10", "O9;2;30", "O3;1;5"), execute);

        Assert.Equal([(IssueCodes.OrphanLine, 3), (IssueCodes.OrphanLine, 4)], Errors(report.Files[1]));
        Assert.Equal(("order", "O9"), (report.Files[1].Issues[0].Field, report.Files[1].Issues[0].Value));
        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Files[0].Totals); // an orphan line rejects no document
        Assert.Equal(execute ? ["O1", "O2", "O9"] : ["O9"], Stored(sink, Orders));
        Assert.Equal(execute ? ["O1/1", "O9/1"] : ["O9/1"], Stored(sink, Lines));
    }

    [Theory]
    [InlineData(false, "before")]
    [InlineData(true, "before")]
    [InlineData(false, "after")]
    [InlineData(true, "after")]
    [InlineData(false, "interleaved")]
    [InlineData(true, "interleaved")]
    public async Task Documents_LinesInAnyOrder_SameOutcome(bool execute, string order)
    {
        // "before": the lines of the last header first; "after": in header order; "interleaved": alternating documents.
        string[] lines = order switch
        {
            "before" => ["O3;1;7", "O3;2;8", "O2;1;5", "O1;1;1", "O1;2;x"],
            "after" => ["O1;1;1", "O1;2;x", "O2;1;5", "O3;1;7", "O3;2;8"],
            _ => ["O2;1;5", "O1;1;1", "O3;1;7", "O1;2;x", "O3;2;8"],
        };
        var sink = new InMemorySink();

        var report = await RunAsync(sink, Csv(OrdersHeader, "O1;01/03/2025", "O2;02/03/2025", "O3;03/03/2025"), Csv(LinesHeader, lines), execute);

        Assert.Equal(new ImportTotals(3, 2, 0, 0, 1), report.Files[0].Totals);
        Assert.Equal(new ImportTotals(5, 3, 0, 0, 2), report.Files[1].Totals);
        Assert.Equal(execute ? ["O2", "O3"] : [], Stored(sink, Orders));
        Assert.Equal(execute ? ["O2/1", "O3/1", "O3/2"] : [], Stored(sink, Lines));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_HeaderWithoutLines_IsAcceptedAlone(bool execute)
    {
        var sink = new InMemorySink();

        var report = await RunAsync(sink, TwoOrders, Csv(LinesHeader, "O1;1;10"), execute);

        Assert.Equal(new ImportTotals(3, 3, 0, 0, 0), report.Totals);
        Assert.Equal(execute ? ["O1", "O2"] : [], Stored(sink, Orders));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_DuplicateHeaderKey_LaterHeaderRejectedAndTheLinesGoToTheFirst(bool execute)
    {
        var sink = new InMemorySink();

        var report = await RunAsync(sink, Csv(OrdersHeader, "O1;01/03/2025", "O1;05/03/2025"), Csv(LinesHeader, "O1;1;10", "O1;2;20"), execute);

        Assert.Equal([(IssueCodes.DuplicateKey, 3)], Errors(report.Files[0]));
        Assert.Equal(new ImportTotals(2, 2, 0, 0, 0), report.Files[1].Totals);
        Assert.Equal(execute ? ["O1"] : [], Stored(sink, Orders));
        Assert.Equal(execute ? ["O1/1", "O1/2"] : [], Stored(sink, Lines));
        if (execute)
        {
            Assert.Equal(new DateOnly(2025, 3, 1), sink.GetRecords("orders")[0][Orders["date"].Index]);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_LineWithADuplicateKey_RejectsItsDocument(bool execute)
    {
        var sink = new InMemorySink();

        var report = await RunAsync(sink, TwoOrders, Csv(LinesHeader, "O1;1;10", "O2;1;5", "O1;1;11"), execute);

        Assert.Equal([(IssueCodes.IncompleteDocument, 2)], Errors(report.Files[0]));
        Assert.Equal([(IssueCodes.IncompleteDocument, 2), (IssueCodes.DuplicateKey, 4)], Errors(report.Files[1]));
        Assert.Contains("row 4", report.Files[0].Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal(execute ? ["O2"] : [], Stored(sink, Orders));
        Assert.Equal(execute ? ["O2/1"] : [], Stored(sink, Lines));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_EveryRowOfBothFiles_HasExactlyOneOutcome(bool execute)
    {
        var report = await RunAsync(
            new InMemorySink(),
            Csv(OrdersHeader, "O1;01/03/2025", "O2;bad", "O3;03/03/2025", "O1;04/03/2025", ";05/03/2025", "O4;06/03/2025"),
            Csv(LinesHeader, "O1;1;1", "O2;1;2", "O3;1;x", "O3;2;3", "O5;1;4", "O4;1;5", "O4;1;6", ";1;1", "O1;2;2"),
            execute);

        foreach (var file in report.Files)
        {
            var t = file.Totals;
            Assert.Equal(t.Rows, t.Inserted + t.Updated + t.Unchanged + t.Rejected);
            Assert.Equal(t.Rejected, file.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Row).Distinct().Count());
            Assert.Equal(file.Issues.OrderBy(i => i.Row).Select(i => i.Row), file.Issues.Select(i => i.Row));
        }

        Assert.Equal(new ImportTotals(6, 1, 0, 0, 5), report.Files[0].Totals); // O1 accepted; O2 bad; O3, O4 incomplete; duplicate O1; no key
        Assert.Equal(new ImportTotals(9, 2, 0, 0, 7), report.Files[1].Totals);
        Assert.Equal(report.Files[0].Totals.Rows + report.Files[1].Totals.Rows, report.Totals.Rows);
    }

    [Fact]
    public async Task ExecuteAsync_Documents_EachDocumentInOneWriteCallHeaderThenItsLines()
    {
        var sink = new CountingSink();
        var orders = Csv(OrdersHeader, [.. Enumerable.Range(1, 7).Select(i => $"O{i};01/03/2025")]);
        var lines = Csv(LinesHeader, [.. Enumerable.Range(1, 3).SelectMany(n => Enumerable.Range(1, 7).Reverse().Select(i => $"O{i};{n};{n}"))]);

        var report = await RunAsync(sink, orders, lines, execute: true, batchSize: 5);

        Assert.Equal(new ImportTotals(28, 28, 0, 0, 0), report.Totals);
        Assert.True(sink.Writes.Count > 1);
        foreach (var call in sink.Writes)
        {
            // whole documents: each header then its three lines (in the lines file's order), about the batch size per call
            Assert.Equal(0, call.Length % 4);
            for (var d = 0; d < call.Length; d += 4)
            {
                var number = (string)call[d].Values[0]!;
                Assert.Equal("orders", call[d].Schema.Name);
                Assert.Equal([(number, 1L), (number, 2L), (number, 3L)], call.Skip(d + 1).Take(3).Select(c => ((string)c.Values[0]!, (long)c.Values[1]!)));
            }
        }

        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"O{i}"), sink.Writes.SelectMany(w => w).Where(c => c.Schema.Name == "orders").Select(c => (string)c.Values[0]!));
    }

    [Fact]
    public async Task ExecuteAsync_SinkFailsInTheSecondCall_EarlierDocumentsWrittenNoneOfThatCall()
    {
        var inner = new InMemorySink();
        var sink = new FailingSink(inner, failingCall: 2);
        var orders = Csv(OrdersHeader, [.. Enumerable.Range(1, 6).Select(i => $"O{i};01/03/2025")]);
        var lines = Csv(LinesHeader, [.. Enumerable.Range(1, 6).Select(i => $"O{i};1;{i}"), "O3;2;x"]);

        var ex = await Assert.ThrowsAsync<ImportInterruptedException>(() => RunAsync(sink, orders, lines, execute: true, batchSize: 4));

        // Documents of two rows (O3 is incomplete): O1, O2 in the first call; O4, O5 in the second, which fails; O6 never written.
        Assert.Equal(["O1", "O2"], Stored(inner, Orders));
        Assert.Equal(["O1/1", "O2/1"], Stored(inner, Lines));
        var report = ex.Report;
        Assert.Equal(new ImportTotals(3, 2, 0, 0, 1), report.Files[0].Totals);
        Assert.Equal(new ImportTotals(4, 2, 0, 0, 2), report.Files[1].Totals);
        var failed = Assert.Single(report.Files[0].Issues, i => i.Code == IssueCodes.WriteFailed);
        Assert.Equal(5, failed.Row); // O4's header row: from this document on, nothing was imported
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_RevisedRows_AreInEachFilesErrorsFileAsInTheSource(bool execute)
    {
        var report = await RunAsync(new InMemorySink(), TwoOrders, Csv(LinesHeader, "O1;1;10", "O2;1;30", "O1;2;oops"), execute);

        var ordersErrors = ErrorsFile(report.Files[0]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, ordersErrors.Length);
        Assert.StartsWith("number;date;", ordersErrors[0], StringComparison.Ordinal);
        Assert.StartsWith("O1;01/03/2025;number: The document 'O1' is not imported", ordersErrors[1], StringComparison.Ordinal);
        var linesErrors = ErrorsFile(report.Files[1]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, linesErrors.Length);
        Assert.StartsWith("O1;1;10;order: The document 'O1' is not imported", linesErrors[1], StringComparison.Ordinal);
        Assert.StartsWith("O1;2;oops;", linesErrors[2], StringComparison.Ordinal);
        Assert.Equal(ErrorsFile(report.Files[0]), ErrorsFile(report)); // the report's own errors file is the header file's
    }

    [Fact]
    public async Task Documents_SameFilesTwice_SecondRunChangesNothing()
    {
        var sink = new InMemorySink();
        var lines = Csv(LinesHeader, "O1;1;10", "O2;1;30", "O1;2;20", "O3;1;1");
        await RunAsync(sink, TwoOrders, lines, execute: true);
        var writes = sink.WriteCount;

        var second = await RunAsync(sink, TwoOrders, lines, execute: true);

        Assert.Equal(new ImportTotals(6, 0, 0, 5, 1), second.Totals);
        Assert.Equal(writes, sink.WriteCount);
    }

    [Fact]
    public async Task Documents_UpdatedLine_UpdatesTheDocument()
    {
        var sink = new InMemorySink();
        await RunAsync(sink, TwoOrders, Csv(LinesHeader, "O1;1;10", "O2;1;30"), execute: true);

        var report = await RunAsync(sink, TwoOrders, Csv(LinesHeader, "O1;1;11", "O2;1;30", "O2;2;1"), execute: true);

        Assert.Equal(new ImportTotals(2, 0, 0, 2, 0), report.Files[0].Totals);
        Assert.Equal(new ImportTotals(3, 1, 1, 1, 0), report.Files[1].Totals);
        Assert.Equal(11m, sink.GetRecords("order-lines").Single(r => (string)r[0]! == "O1")[2]);
    }

    [Fact]
    public async Task Documents_LinesProfile_MapsTheLinesFileOnly()
    {
        var sink = new InMemorySink();
        var profile = new ImportProfile { Entity = "order-lines", Columns = new Dictionary<string, string> { ["Commande"] = "order", ["N°"] = "line", ["Montant HT"] = "amount" } };
        var request = Request(TwoOrders, Csv("Commande;N°;Montant HT", "O1;1;10", "O2;1;5")) with { LinesProfile = profile };

        var report = await OrderDocuments.Pipeline(sink).ExecuteAsync(request);

        Assert.Equal(new ImportTotals(4, 4, 0, 0, 0), report.Totals);
        Assert.Equal(["O1/1", "O2/1"], Stored(sink, Lines));
    }

    [Fact]
    public async Task Documents_LinesFileWithoutItsRequiredColumn_NoDocumentIsWritten()
    {
        var sink = new InMemorySink();

        var report = await RunAsync(sink, TwoOrders, Csv("order;amount", "O1;10"), execute: true);

        Assert.True(report.Files[1].IsFileRejected);
        Assert.Equal([(IssueCodes.IncompleteDocument, 2), (IssueCodes.IncompleteDocument, 3)], Errors(report.Files[0]));
        Assert.Contains("the lines file could not be used", report.Files[0].Issues[0].Message, StringComparison.Ordinal);
        Assert.Empty(Stored(sink, Orders));
    }

    [Fact]
    public async Task Documents_HeaderFileWithoutItsRequiredColumn_EveryLineIsAnOrphanAndNothingIsWritten()
    {
        var sink = new InMemorySink();

        var report = await RunAsync(sink, Csv("number", "O1"), Csv(LinesHeader, "O1;1;10", "O1;2;20"), execute: true);

        Assert.True(report.Files[0].IsFileRejected);
        Assert.Equal([(IssueCodes.OrphanLine, 2), (IssueCodes.OrphanLine, 3)], Errors(report.Files[1]));
        Assert.Empty(sink.GetRecords("orders"));
        Assert.Empty(sink.GetRecords("order-lines"));
    }

    [Fact]
    public async Task ExecuteAsync_SinkFailsWhileTheLinesArePlanned_NothingWrittenAndNoDocumentCounted()
    {
        var inner = new InMemorySink();
        var sink = new LookupFailingSink(inner, "order-lines");

        var ex = await Assert.ThrowsAsync<ImportInterruptedException>(() => RunAsync(sink, TwoOrders, Csv(LinesHeader, "O1;1;10", "O2;1;5"), execute: true));

        Assert.Empty(inner.GetRecords("orders"));
        Assert.Equal(new ImportTotals(0, 0, 0, 0, 0), ex.Report.Totals);
        Assert.Equal(IssueCodes.WriteFailed, Assert.Single(ex.Report.Files[1].Issues).Code);
    }

    [Fact]
    public async Task ExecuteAsync_Documents_ProgressCountsTheRowsOfBothFiles()
    {
        var progress = new RecordingProgress();
        var lines = Csv(LinesHeader, [.. Enumerable.Range(1, 9).Select(i => $"O{(i % 2) + 1};{i};1")]);

        await OrderDocuments.Pipeline(new InMemorySink(), batchSize: 2).ExecuteAsync(Request(TwoOrders, lines), progress);

        var rows = progress.Reports.Select(r => r.RowsDone).ToList();
        Assert.Equal(rows.Order(), rows);
        Assert.Equal(11, rows[^1]);
    }

    [Fact]
    public async Task ExecuteAsync_LinesAsAChildSet_ReimportReplacesEachWrittenDocumentsLinesOnly()
    {
        var lines = EntitySchema.Create("order-lines")
            .Field("order", FieldType.Text, f => f.Required().References(new FieldReference(Orders, "number", isParent: true)))
            .Field("line", FieldType.Integer, f => f.Required())
            .Field("amount", FieldType.Decimal)
            .Key("order", "line")
            .ChildSetOf("order")
            .Build();
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder().UseEntity(new ImportEntity(Orders).WithLines(new ImportEntity(lines))).UseSink(sink).Build();
        await pipeline.ExecuteAsync(Request(TwoOrders, Csv(LinesHeader, "O1;1;10", "O1;2;20", "O2;1;5", "O2;2;6")));

        // O1 now has one line; O2's new lines include a rejected one: O2 is not written, its stored lines stay.
        var report = await pipeline.ExecuteAsync(Request(TwoOrders, Csv(LinesHeader, "O2;3;7", "O1;3;30", "O2;4;x")));

        Assert.Equal([(IssueCodes.IncompleteDocument, 3)], Errors(report.Files[0]));
        Assert.Equal(["O1/3", "O2/1", "O2/2"], Stored(sink, lines));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_LineTheReaderCannotRead_NoDocumentIsKnownCompleteNothingWritten(bool execute)
    {
        var sink = new InMemorySink();
        var request = Request(TwoOrders, Csv(LinesHeader, "O1;1;10", "O2;1;" + new string('9', 200), "O2;2;40")) with { Reader = new ReaderOptions { MaxRecordBytes = 100 } };

        var pipeline = OrderDocuments.Pipeline(sink);
        var report = execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request);

        Assert.Equal([(IssueCodes.TooLong, 3)], Errors(report.Files[1]).Where(e => e.Code != IssueCodes.IncompleteDocument));
        Assert.Equal([(IssueCodes.IncompleteDocument, 2), (IssueCodes.IncompleteDocument, 3)], Errors(report.Files[0]));
        Assert.Contains("the line at row 3 of the lines file could not be read", report.Files[0].Issues[0].Message, StringComparison.Ordinal);
        Assert.Empty(Stored(sink, Orders));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_LineWithACellTooLong_RejectsItsDocumentOnly(bool execute)
    {
        var sink = new InMemorySink();
        var request = Request(TwoOrders, Csv(LinesHeader, "O1;1;10", "O2;1;" + new string('9', 200), "O2;2;40")) with { Reader = new ReaderOptions { MaxCellLength = 100 } };

        var pipeline = OrderDocuments.Pipeline(sink);
        var report = execute ? await pipeline.ExecuteAsync(request) : await pipeline.SimulateAsync(request);

        Assert.Equal([(IssueCodes.IncompleteDocument, 3)], Errors(report.Files[0]));
        Assert.Equal(execute ? ["O1"] : [], Stored(sink, Orders));
    }

    [Fact]
    public void WithLines_LinesWithoutAParentReference_Throws()
    {
        var lines = new ImportEntity(EntitySchema.Create("loose").Field("order", FieldType.Text).Key("order").Build());

        Assert.Throws<ArgumentException>(() => new ImportEntity(Orders).WithLines(lines));
    }

    [Fact]
    public async Task ExecuteAsync_LinesGivenToAnEntityWithoutLines_Throws()
    {
        var pipeline = new ImportPipelineBuilder().UseEntity(new ImportEntity(Orders)).UseSink(new InMemorySink()).Build();

        await Assert.ThrowsAsync<ArgumentException>(() => pipeline.ExecuteAsync(Request(TwoOrders, Csv(LinesHeader))));
    }

    [Fact]
    public async Task ToJson_DocumentReport_HasTheTotalsAndOneSectionPerFile()
    {
        var report = await RunAsync(new InMemorySink(), TwoOrders, Csv(LinesHeader, "O1;1;10", "O3;1;1"), execute: false);

        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal(["simulated", "totals", "files"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, root.GetProperty("totals").GetProperty("rows").GetInt32());
        var files = root.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(["orders", "order-lines"], files.Select(f => f.GetProperty("entity").GetString()));
        Assert.Equal(["entity", "file", "totals", "issues"], files[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("orphan_line", files[1].GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.Equal("order-lines.csv", files[1].GetProperty("file").GetString());
    }

    /// <summary>A sink whose look-ups of one entity fail.</summary>
    private sealed class LookupFailingSink(IImportSink inner, string entity) : IImportSink
    {
        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            schema.Name == entity ? throw new IOException("connection lost") : inner.LookupAsync(schema, keyFields, keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);
    }

    /// <summary>
    /// A sink whose n-th write (1-based) fails in the inner sink after its changes: the call's changes plus an update of a record
    /// that does not exist, which the sink refuses once it has applied the others (it must undo them all).
    /// </summary>
    internal sealed class FailingSink(IImportSink inner, int failingCall) : IImportSink
    {
        private int _calls;

        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            inner.LookupAsync(schema, keyFields, keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default) =>
            ++_calls == failingCall
                ? inner.WriteAsync([.. changes, new RecordChange(Orders, ChangeKind.Update, ["number"], ["missing", new DateOnly(2025, 1, 1)], 0)], cancellationToken)
                : inner.WriteAsync(changes, cancellationToken);
    }
}
