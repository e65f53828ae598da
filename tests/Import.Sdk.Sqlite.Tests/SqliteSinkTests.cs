using Microsoft.Data.Sqlite;

namespace Import.Sdk.Sqlite.Tests;

public sealed class SqliteSinkTests : IDisposable
{
    private static readonly EntitySchema Customers = EntitySchema.Create("customers")
        .Field("code", FieldType.Text)
        .Field("name", FieldType.Text)
        .Field("credit_limit", FieldType.Decimal)
        .Field("created_on", FieldType.Date)
        .Field("employees", FieldType.Integer)
        .Field("is_active", FieldType.Boolean)
        .Key("code")
        .AlternateKey("name")
        .Build();

    private static readonly EntitySchema TaxRegimes = EntitySchema.Create("tax-regimes")
        .Field("code", FieldType.Text)
        .Field("label", FieldType.Text)
        .Key("code")
        .Build();

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task LookupAsync_NoTable_CreatesNoTable()
    {
        await using (var sink = await _database.OpenAsync())
        {
            Assert.Empty(await sink.LookupAsync(Customers, ["code"], ["C1"]));
            Assert.Empty(await sink.LookupAsync(Customers, ["name"], ["Acme"]));
            Assert.Equal(0, await sink.CountAsync("customers"));
            Assert.Empty(await ToListAsync(sink.ReadAllAsync(Customers)));
        }

        Assert.Empty(await QueryAsync("SELECT name FROM sqlite_master"));
    }

    [Fact]
    public async Task WriteAsync_FirstWrite_CreatesTypedTableAndKeyIndexes()
    {
        await using (var sink = await _database.OpenAsync())
        {
            await sink.WriteAsync([Insert(Customers, Customer("C1", "Acme", 1234.56m, new DateOnly(2024, 2, 29), 12L, true), 2), Insert(TaxRegimes, ["FR", "France"], 0)]);
        }

        var columns = await QueryAsync("SELECT name || ' ' || type FROM pragma_table_info('customers') ORDER BY cid");
        Assert.Equal(["_id INTEGER", "code TEXT", "name TEXT", "credit_limit TEXT", "created_on TEXT", "employees INTEGER", "is_active INTEGER"], columns);
        Assert.Equal(["ix_customers__name", "ux_customers__code", "ux_tax_regimes__code"], await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"));
        Assert.Equal(["customers", "tax_regimes"], await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        var stored = await QueryAsync("SELECT typeof(credit_limit) || ' ' || credit_limit || ' ' || created_on || ' ' || typeof(employees) || ' ' || employees || ' ' || is_active FROM customers");
        Assert.Equal(["text 1234.56 2024-02-29 integer 12 1"], stored);
    }

    [Fact]
    public async Task WriteAsync_CustomField_AddsColumnAndReadsOldRecordsWithNull()
    {
        var extended = Customers.Extend(b => b.Field("loyalty_level", FieldType.Integer).Field("segment", FieldType.Text));
        await using var sink = await _database.OpenAsync();
        await sink.WriteAsync([Insert(Customers, Customer("C1", "Acme", null, null, null, null), 2)]);

        Assert.Empty(await sink.LookupAsync(extended, ["loyalty_level"], [new RecordKey(3L)]));
        await sink.WriteAsync([Insert(extended, [.. Customer("C2", "Beta", null, null, null, null), 3L, "retail"], 3)]);

        Assert.Equal(["loyalty_level INTEGER", "segment TEXT"], await QueryAsync("SELECT name || ' ' || type FROM pragma_table_info('customers') WHERE cid > 6 ORDER BY cid"));
        Assert.Empty(await sink.LookupAsync(extended, ["loyalty_level"], ["3"])); // typed keys: the text "3" is no Integer
        var byLevel = await sink.LookupAsync(extended, ["loyalty_level"], [new RecordKey(3L)]);
        Assert.Equal("C2", Assert.Single(byLevel).Value[0]);
        var old = (await sink.LookupAsync(extended, ["code"], ["C1"]))["C1"];
        Assert.Equal(8, old.Length);
        Assert.Null(old[extended["loyalty_level"].Index]);
        var all = await ToListAsync(sink.ReadAllAsync(extended));
        Assert.Equal(["C1", "C2"], all.Select(r => (string)r[0]!));
        Assert.Equal([null, 3L], all.Select(r => r[extended["loyalty_level"].Index]));
        var viaBase = await ToListAsync(sink.ReadAllAsync(Customers));
        Assert.All(viaBase, r => Assert.Equal(6, r.Length));
    }

    [Fact]
    public async Task OpenAsync_ExistingFile_KeepsDataAcrossReopening()
    {
        var acme = Customer("C1", "Acme", 0.1m, new DateOnly(1999, 12, 31), long.MaxValue, false);
        await using (var sink = await _database.OpenAsync())
        {
            await sink.WriteAsync([Insert(Customers, acme, 2), Insert(TaxRegimes, ["FR", "France"], 0)]);
        }

        await using (var reopened = await _database.OpenAsync())
        {
            Assert.Equal(1, await reopened.CountAsync("customers"));
            Assert.Equal(1, await reopened.CountAsync("tax-regimes"));
            Assert.Equal(acme, (await reopened.LookupAsync(Customers, ["code"], ["C1"]))["C1"]);
            var updated = Customer("C1", "Acme SA", 0.10m, null, 1L, true);
            await reopened.WriteAsync([Update(Customers, updated, 3)]);
            Assert.Equal(updated, Assert.Single(await ToListAsync(reopened.ReadAllAsync(Customers))));
        }
    }

    [Fact]
    public async Task WriteAsync_TenThousandRowsWithFailingLastChange_LeavesNoRow()
    {
        await using var sink = await _database.OpenAsync();
        var changes = Enumerable.Range(0, 10_000).Select(i => Insert(Customers, Customer("C" + i, "Name " + i, i, null, i, null), i + 2)).ToList();
        changes.Add(Update(Customers, Customer("missing", "x", null, null, null, null), 10_002));

        var ex = await Assert.ThrowsAsync<ImportException>(() => sink.WriteAsync(changes).AsTask());

        Assert.Contains("customers", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'missing'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("row 10002", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await sink.CountAsync("customers"));
        Assert.Empty(await QueryAsync("SELECT name FROM sqlite_master"));
    }

    [Fact]
    public async Task WriteAsync_InsertRefusedBySqlite_NamesTheRowAndSqlitesReasonAndRollsTheBatchBack()
    {
        await using (var sink = await _database.OpenAsync())
        {
            await sink.WriteAsync([Insert(Customers, Customer("C0", "First", null, null, null, null), 2)]);
        }

        // A host rule inside the store: SQLite itself refuses the third insert of the batch.
        await ExecuteAsync("CREATE TRIGGER refuse_blocked BEFORE INSERT ON customers WHEN NEW.name = 'Blocked' BEGIN SELECT RAISE(ABORT, 'blocked customers are refused'); END;");
        await using (var sink = await _database.OpenAsync())
        {
            var changes = new[]
            {
                Insert(Customers, Customer("C1", "Société Générale ☕ 𝄞", 1.5m, new DateOnly(2024, 2, 29), 3L, false), 3),
                Insert(Customers, Customer("C2", "Ok", null, null, null, null), 4),
                Insert(Customers, Customer("C3", "Blocked", null, null, null, null), 5),
            };

            var ex = await Assert.ThrowsAsync<ImportException>(() => sink.WriteAsync(changes).AsTask());

            Assert.Contains("row 5", ex.Message, StringComparison.Ordinal);
            Assert.Contains("blocked customers are refused", ex.Message, StringComparison.Ordinal);
            Assert.Contains("rolled back", ex.Message, StringComparison.Ordinal);
            Assert.IsType<SqliteException>(ex.InnerException);
            Assert.Equal(["C0"], await QueryAsync("SELECT code FROM customers ORDER BY _id"));

            // The same connection goes on: the next batch (text beyond the BMP included) is written and reads back exactly.
            await sink.WriteAsync(changes[..2]);
            Assert.Equal(["C0|First", "C1|Société Générale ☕ 𝄞", "C2|Ok"], await QueryAsync("SELECT code || '|' || name FROM customers ORDER BY _id"));
            Assert.Equal(1.5m, (await sink.LookupAsync(Customers, ["code"], ["C1"]))["C1"][2]);
        }
    }

    [Fact]
    public async Task WriteAsync_TenThousandRows_CommitsOneTransaction()
    {
        await using var sink = await _database.OpenAsync();
        var changes = Enumerable.Range(0, 10_000).Select(i => Insert(Customers, Customer("C" + i, "Name " + i, i / 100m, new DateOnly(2024, 1, 1).AddDays(i % 365), i, i % 2 == 0), i + 2)).ToArray();

        await sink.WriteAsync(changes);

        Assert.Equal(10_000, await sink.CountAsync("customers"));
        var all = await ToListAsync(sink.ReadAllAsync(Customers));
        Assert.Equal(10_000, all.Count);
        Assert.Equal(changes.Select(c => c.Values[0]), all.Select(r => r[0]));
        var found = await sink.LookupAsync(Customers, ["code"], Enumerable.Range(0, 10_000).Select(i => (RecordKey)("C" + i)).ToArray());
        Assert.Equal(10_000, found.Count);
        Assert.Equal(99.99m, found["C9999"][2]);
    }

    [Fact]
    public async Task WriteAsync_SameKeyTwiceInOneBatch_FailsAndWritesNothing()
    {
        await using var sink = await _database.OpenAsync();

        var ex = await Assert.ThrowsAsync<ImportException>(() => sink.WriteAsync([Insert(Customers, Customer("C1", "First", null, null, 1L, null), 2), Insert(Customers, Customer("C1", "Second", null, null, 2L, null), 3)]).AsTask());

        Assert.Contains("Ligne 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("« C1 »", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await sink.CountAsync("customers"));
    }

    [Fact]
    public async Task LookupAsync_IntegerAndBooleanKeys_UseStoredNumbers()
    {
        var lines = EntitySchema.Create("lines")
            .Field("order_no", FieldType.Integer)
            .Field("line_no", FieldType.Integer)
            .Field("is_gift", FieldType.Boolean)
            .Field("label", FieldType.Text)
            .Key("order_no", "line_no", "is_gift")
            .Build();
        await using var sink = await _database.OpenAsync();
        await sink.WriteAsync([Insert(lines, [10L, 1L, true, "a"], 2), Insert(lines, [10L, 2L, false, "b"], 3), Insert(lines, [-5L, 1L, false, "c"], 4)]);

        var found = await sink.LookupAsync(lines, lines.KeyFields, [new(10L, 1L, true), new(10L, 2L, false), new(-5L, 1L, false), new(10L, 1L, false), new("10", 1L, true), new(10L, "1", true), new RecordKey(10L)]);

        Assert.Equal(["-5/1/false", "10/1/true", "10/2/false"], found.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal("c", found[new RecordKey(-5L, 1L, false)][3]);
    }

    [Fact]
    public async Task LookupAsync_CompositeOfNonKeyFields_FindsRecordsWithoutIndex()
    {
        await using var sink = await _database.OpenAsync();
        await sink.WriteAsync(Enumerable.Range(0, 1_000).Select(i => Insert(Customers, Customer("C" + i, "Name " + (i % 10), null, new DateOnly(2024, 1, 1).AddDays(i % 7), i, i % 3 == 0), i + 2)).ToArray());
        string[] fields = ["name", "created_on", "is_active"];

        var found = await sink.LookupAsync(Customers, fields, [new("Name 3", new DateOnly(2024, 1, 4), true), new("Name 4", new DateOnly(2024, 1, 5), false), new("Name 3", new DateOnly(2024, 1, 4), false), new("Name 99", new DateOnly(2024, 1, 4), true)]);

        // The first written of each key: C3 (name 3, day 3, 3 % 3 == 0) and C4 (name 4, day 4, 4 % 3 != 0); C73 is the first "Name 3 / 2024-01-04 / false".
        Assert.Equal(["C3", "C4", "C73"], found.Values.Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
        Assert.Equal("C3", found[new RecordKey("Name 3", new DateOnly(2024, 1, 4), true)][0]);
    }

    [Fact]
    public async Task LookupAsync_CompositeKeyAfterReopening_FindsRecordsThroughIndex()
    {
        var lines = EntitySchema.Create("order-lines")
            .Field("order_no", FieldType.Text)
            .Field("line_no", FieldType.Integer)
            .Field("amount", FieldType.Decimal)
            .Key("order_no", "line_no")
            .Build();
        await using (var sink = await _database.OpenAsync())
        {
            await sink.WriteAsync(Enumerable.Range(0, 500).Select(i => Insert(lines, ["O" + (i / 5), (long)(i % 5), i / 4m], i + 2)).ToArray());
        }

        await using var reopened = await _database.OpenAsync();
        var found = await reopened.LookupAsync(lines, lines.KeyFields, [new("O7", 3L), new("O7", 3L), new("O99", 4L), new("O100", 0L), new("O7", "03")]);

        Assert.Equal(["O7/3", "O99/4"], found.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(38 / 4m, found[new RecordKey("O7", 3L)][2]);
        Assert.Equal(["ux_order_lines__order_no__line_no"], await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'index'"));
    }

    [Fact]
    public async Task WriteAsync_InsertThenUpdateInSameBatch_AppliesInListOrder()
    {
        await using var sink = await _database.OpenAsync();
        var updated = Customer("C1", "Acme updated", 5m, null, 2L, true);

        await sink.WriteAsync([Insert(TaxRegimes, ["FR", "France"], 0), Insert(Customers, Customer("C1", "Acme", null, null, 1L, null), 2), Update(Customers, updated, 3)]);

        Assert.Equal(updated, Assert.Single(await ToListAsync(sink.ReadAllAsync(Customers))));
        Assert.Equal(1, await sink.CountAsync("tax-regimes"));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentBatches_RunOneAtATimeAndAllCommit()
    {
        var sink = await _database.OpenAsync();
        var writes = Enumerable.Range(0, 8).Select(w => Task.Run(() => sink.WriteAsync(Enumerable.Range(0, 500).Select(i => Insert(TaxRegimes, ["T" + w + "-" + i, "x"], 0)).ToArray()).AsTask())).ToArray();
        await Task.WhenAll(writes);
        Assert.Equal(4_000, await sink.CountAsync("tax-regimes"));

        await sink.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sink.LookupAsync(TaxRegimes, ["code"], ["T0-0"]).AsTask());
    }

    [Fact]
    public async Task UseSqliteSink_Builder_ReturnsSameBuilder()
    {
        await using var sink = await _database.OpenAsync();
        var builder = new ImportPipelineBuilder();

        Assert.Same(builder, builder.UseSqliteSink(sink));
    }

    [Fact]
    public async Task WriteAsync_ValueOfWrongType_ThrowsAndWritesNothing()
    {
        await using var sink = await _database.OpenAsync();

        var ex = await Assert.ThrowsAsync<ImportException>(() => sink.WriteAsync([Insert(Customers, Customer("C1", "Acme", null, null, null, null), 2), Insert(Customers, Customer("C2", "Beta", "12.5", null, null, null), 3)]).AsTask());

        Assert.Contains("credit_limit", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await sink.CountAsync("customers"));
    }

    [Fact]
    public async Task OpenAsync_MemoryDatabase_WorksForTheSinkLifetime()
    {
        await using var sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(":memory:"));
        await sink.WriteAsync([Insert(TaxRegimes, ["FR", "France"], 0)]);

        Assert.Equal(1, await sink.CountAsync("tax-regimes"));
    }

    [Fact]
    public async Task DisposeAsync_ReleasesFile()
    {
        var sink = await _database.OpenAsync();
        await sink.WriteAsync([Insert(TaxRegimes, ["FR", "France"], 0)]);

        await sink.DisposeAsync();
        await sink.DisposeAsync();

        File.Delete(_database.Path);
        Assert.False(File.Exists(_database.Path));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sink.CountAsync("tax-regimes"));
    }

    [Fact]
    public void Options_ConnectionString_DisablesPooling()
    {
        var builder = new SqliteConnectionStringBuilder(new SqliteSinkOptions("/tmp/x.db").ConnectionString);

        Assert.Equal("/tmp/x.db", builder.DataSource);
        Assert.False(builder.Pooling);
    }

    private static object?[] Customer(string code, string? name, object? creditLimit, object? createdOn, object? employees, object? isActive) =>
        [code, name, creditLimit is int i ? (decimal)i : creditLimit, createdOn, employees is int n ? (long)n : employees, isActive];

    private static RecordChange Insert(EntitySchema schema, object?[] values, int row) => new(schema, ChangeKind.Insert, schema.KeyFields, values, row);

    private static RecordChange Update(EntitySchema schema, object?[] values, int row) => new(schema, ChangeKind.Update, schema.KeyFields, values, row);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        // A second connection, as another process would see the file (the sink's own connection may still be open: WAL allows it).
        await using var connection = new SqliteConnection(_database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
