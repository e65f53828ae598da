using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Import.Sdk.Tests.Documents.OrderDocuments;

namespace Import.Sdk.Tests.Documents;

/// <summary>
/// The laws of document imports over random header and lines files (valid and invalid rows, duplicates, orphans, lines in any
/// order) and stores: simulation = execution, degree 1 = degree N, re-import changes nothing, a document all or nothing.
/// </summary>
public class DocumentLawTests
{
    private static readonly string[] Numbers = ["O1", "O2", "O3", "O4", "O5"];

    private static Gen<DocumentCase> Cases { get; } =
        from headers in (from n in Gen.Elements(Numbers)
                         from d in Gen.Frequency((6, Gen.Elements("01/03/2025", "02/03/2025")), (1, Gen.Elements("bad", "")))
                         select $"{n};{d}").ListOf().Select(l => l.Take(8).ToArray())
        from lines in (from n in Gen.Frequency((8, Gen.Elements(Numbers)), (1, Gen.Elements("O9", "")))
                       from l in Gen.Elements("1", "2", "3")
                       from a in Gen.Frequency((8, Gen.Elements("10", "20,5", "0")), (1, Gen.Constant("x")))
                       select $"{n};{l};{a}").ListOf().Select(l => l.Take(14).ToArray())
        from stored in Gen.SubListOf(Numbers)
        from batchSize in Gen.Elements(1, 2, 3, 100)
        select new DocumentCase(headers, lines, [.. stored], batchSize);

    [Property(MaxTest = 100)]
    public Property SimulateAsync_DocumentReport_EqualsExecuteAsyncReportOnAnIdenticalStore() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var simulated = Run(c.RunAsync(c.NewStore(), execute: false, degree: 1)).Report;
            var executed = Run(c.RunAsync(c.NewStore(), execute: true, degree: 1)).Report;

            AssertSameReport(simulated, executed);
        });

    [Property(MaxTest = 60)]
    public Property ExecuteAsync_Documents_DoNotDependOnTheDegreeOfParallelism() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (sequential, sequentialStore) = Run(c.RunAsync(c.NewStore(), execute: true, degree: 1));
            var (parallel, parallelStore) = Run(c.RunAsync(c.NewStore(), execute: true, degree: 4));

            AssertSameReport(sequential, parallel);
            Assert.Equal(Stored(sequentialStore, Orders), Stored(parallelStore, Orders));
            Assert.Equal(Stored(sequentialStore, Lines), Stored(parallelStore, Lines));
        });

    [Property(MaxTest = 100)]
    public Property ExecuteAsync_SameFilesTwice_SecondRunChangesNothing() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var store = c.NewStore();
            var first = Run(c.RunAsync(store, execute: true, degree: 1)).Report.Totals;
            var writes = store.WriteCount;

            var second = Run(c.RunAsync(store, execute: true, degree: 1)).Report.Totals;

            Assert.Equal((0L, 0L), (second.Inserted, second.Updated));
            Assert.Equal(first.Inserted + first.Updated + first.Unchanged, second.Unchanged);
            Assert.Equal(writes, store.WriteCount);
        });

    [Property(MaxTest = 100)]
    public Property ExecuteAsync_EachDocument_AllOrNothing() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (report, store) = Run(c.RunAsync(c.NewStore(), execute: true, degree: 1));
            var rejectedHeaders = report.Files[0].Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Row).ToHashSet();
            var rejectedLines = report.Files[1].Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Row).ToHashSet();
            var firstHeader = c.Headers.Select((h, i) => (Number: h.Split(';')[0], Row: i + 2)).Where(h => h.Number.Length > 0).GroupBy(h => h.Number).ToDictionary(g => g.Key, g => g.First().Row);

            foreach (var (number, row) in firstHeader)
            {
                var lineRows = c.LineRows.Select((l, i) => (Number: l.Split(';')[0], Row: i + 2)).Where(l => l.Number == number).Select(l => l.Row).ToList();
                var accepted = !rejectedHeaders.Contains(row);
                Assert.All(lineRows, r => Assert.Equal(accepted, !rejectedLines.Contains(r))); // the header and its lines share one fate
            }

            var t = report.Totals;
            Assert.Equal(c.Headers.Length + c.LineRows.Length, t.Rows);
            Assert.Equal(t.Rows, t.Inserted + t.Updated + t.Unchanged + t.Rejected);
            Assert.Equal(c.Stored.Length + report.Files[0].Totals.Inserted, store.GetRecords("orders").Count);
        });

    private static void AssertSameReport(ImportReport a, ImportReport b)
    {
        Assert.Equal(a.Totals, b.Totals);
        Assert.Equal(a.Files.Count, b.Files.Count);
        for (var i = 0; i < a.Files.Count; i++)
        {
            Assert.Equal(a.Files[i].Totals, b.Files[i].Totals);
            Assert.Equal(a.Files[i].Issues, b.Files[i].Issues);
            Assert.Equal(ErrorsFile(a.Files[i]), ErrorsFile(b.Files[i]));
        }
    }

    private static T Run<T>(Task<T> task) => task.GetAwaiter().GetResult();

    internal sealed record DocumentCase(string[] Headers, string[] LineRows, string[] Stored, int BatchSize)
    {
        /// <summary>A store holding the stored orders, each with one line.</summary>
        public InMemorySink NewStore()
        {
            var sink = new InMemorySink();
            var changes = Stored.SelectMany(n => new[]
            {
                new RecordChange(Orders, ChangeKind.Insert, ["number"], [n, new DateOnly(2025, 3, 1)], 0),
                new RecordChange(Lines, ChangeKind.Insert, ["order", "line"], [n, 1L, 10m], 0),
            }).ToArray();
            sink.WriteAsync(changes).AsTask().GetAwaiter().GetResult();
            return sink;
        }

        public async Task<(ImportReport Report, InMemorySink Store)> RunAsync(InMemorySink store, bool execute, int degree)
        {
            var report = await OrderDocuments.RunAsync(store, Csv(OrdersHeader, Headers), Csv(LinesHeader, LineRows), execute, BatchSize, degree);
            return (report, store);
        }
    }
}
