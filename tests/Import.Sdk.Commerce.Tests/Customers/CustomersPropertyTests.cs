using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.Customers;

/// <summary>The laws of a customers import, over random tables (valid identifiers, aliases, groups, forward references).</summary>
public class CustomersPropertyTests
{
    private static Arbitrary<(int Seed, int Rows, int BatchSize)> Tables =>
        Gen.Zip(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(1, 40)), Gen.Elements(1, 2, 3, 7, 2000))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2))
            .ToArbitrary();

    [Property(MaxTest = 60)]
    public Property Simulate_AnyTableAnyStore_ReportEqualsExecutionReport() =>
        Prop.ForAll(Tables, t =>
        {
            var table = CustomersTable.Generate(t.Seed, t.Rows, corrupt: true);
            var store = CommerceStore.WithDefaultRegime().WithGroups("Nord");

            // Some customers already exist (with other values): the import updates them.
            store.WithCustomers(table.Rows.Where(r => r.Id % 3 == 0).Select(r => Customer.Of(("code", r.Code), ("name", r.Name), ("city", "Ailleurs"), ("tax_regime", "FR"))).ToArray());
            var before = store.Customers.Count;

            var simulated = store.SimulateAsync(table.Csv, batchSize: t.BatchSize).GetAwaiter().GetResult();
            Assert.Equal(before, store.Customers.Count);
            Assert.Equal(["Nord"], store.Groups.Select(g => g["code"]));
            var executed = store.ExecuteAsync(table.Csv, batchSize: t.BatchSize).GetAwaiter().GetResult();

            Assert.True(simulated.Simulated);
            Assert.False(executed.Simulated);
            Assert.Equal(executed.Totals, simulated.Totals);
            Assert.Equal(executed.Issues, simulated.Issues);
        });

    [Property(MaxTest = 60)]
    public Property Execute_AnyValidTable_AllInsertedThenSecondImportAllUnchanged() =>
        Prop.ForAll(Tables, t =>
        {
            var table = CustomersTable.Generate(t.Seed, t.Rows, corrupt: false);
            var store = CommerceStore.WithDefaultRegime();

            var first = store.ExecuteAsync(table.Csv, batchSize: t.BatchSize).GetAwaiter().GetResult();
            ReportAssert.NoErrors(first);
            ReportAssert.Totals(first, rows: t.Rows, inserted: t.Rows);
            Assert.Equal(t.Rows, store.Customers.Count);
            var writes = store.Memory.WriteCount;

            var second = store.ExecuteAsync(table.Csv, batchSize: t.BatchSize).GetAwaiter().GetResult();
            ReportAssert.Totals(second, rows: t.Rows, unchanged: t.Rows);
            Assert.Empty(second.Issues);
            Assert.Equal(writes, store.Memory.WriteCount);
        });

    [Property(MaxTest = 60)]
    public Property Execute_AnyTable_RejectsExactlyTheInvalidRowsAndTheirSubsidiaries() =>
        Prop.ForAll(Tables, t =>
        {
            var table = CustomersTable.Generate(t.Seed, t.Rows, corrupt: true);
            var store = CommerceStore.WithDefaultRegime();
            var report = store.ExecuteAsync(table.Csv, batchSize: t.BatchSize).GetAwaiter().GetResult();

            var expected = table.ExpectedRejectedCodes;
            ReportAssert.Totals(report, rows: t.Rows, inserted: t.Rows - expected.Count, rejected: expected.Count);
            var rowOf = table.Rows.Select((r, i) => (r.Code, Row: i + 2)).ToDictionary(x => x.Code, x => x.Row);
            Assert.Equal(
                expected.Select(c => rowOf[c]).Order(),
                report.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Row).Order());
            Assert.All(report.Issues.Where(i => i.Severity == IssueSeverity.Error), i => Assert.Contains(i.Code, new[] { "invalid_siren", "unknown_parent" }));
            Assert.Equal(table.Rows.Select(r => r.Code).Except(expected).Order(), store.Customers.Select(c => (string)c["code"]!).Order());
        });

    [Property(MaxTest = 40)]
    public Property Execute_AnyTable_SameOutcomeWhateverTheBatchSize() =>
        Prop.ForAll(Tables, t =>
        {
            var table = CustomersTable.Generate(t.Seed, t.Rows, corrupt: true);
            var small = CommerceStore.WithDefaultRegime();
            var large = CommerceStore.WithDefaultRegime();
            var a = small.ExecuteAsync(table.Csv, batchSize: 1).GetAwaiter().GetResult();
            var b = large.ExecuteAsync(table.Csv, batchSize: 2000).GetAwaiter().GetResult();
            Assert.Equal(b.Totals, a.Totals);
            Assert.Equal(b.Issues.Select(i => (i.Row, i.Code, i.Value)), a.Issues.Select(i => (i.Row, i.Code, i.Value)).OrderBy(x => x.Row));
            Assert.Equal(large.Customers.Select(c => c.ToString()).Order(), small.Customers.Select(c => c.ToString()).Order());
            Assert.Equal(large.Groups.Select(g => g.ToString()).Order(), small.Groups.Select(g => g.ToString()).Order());
        });
}
