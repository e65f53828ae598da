using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Import.Sdk.Sqlite.Tests;

/// <summary>Several writers on one store file (issue 10, item 2): a key is never stored twice, and creating the tables is safe when they race.</summary>
public sealed class SqliteSinkConcurrencyTests : IDisposable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static readonly EntitySchema Regimes = EntitySchema.Create("tax-regimes")
        .Field("code", FieldType.Text)
        .Field("label", FieldType.Text)
        .Key("code")
        .Build();

    private static readonly EntitySchema MemberGroups = EntitySchema.Create("member-groups")
        .Field("code", FieldType.Text, f => f.Required())
        .Key("code")
        .Build();

    private static readonly EntitySchema Members = EntitySchema.Create("members")
        .Field("code", FieldType.Text, f => f.Label("Code", "Code"))
        .Field("name", FieldType.Text, f => f.Label("Nom", "Name"))
        .Field("group", FieldType.Text, f => f.Label("Groupe", "Group").References(new FieldReference(MemberGroups, "code", creation: ReferenceCreation.Always)))
        .Key("code")
        .Build();

    private readonly List<TempDatabase> _databases = [];

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }

    [Fact]
    public async Task WriteAsync_FirstWrite_PutsUniqueIndexOnTheKey()
    {
        var database = NewDatabase();
        await using (var sink = await OpenAsync(database))
        {
            await sink.WriteAsync([Insert(Regimes, "FR", 2)]);
        }

        Assert.Equal(["ux_tax_regimes__code"], await QueryAsync(database, "SELECT name FROM pragma_index_list('tax_regimes') WHERE \"unique\" = 1 AND origin = 'c'"));
        var ex = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(database, "INSERT INTO tax_regimes (code, label) VALUES ('FR', 'again')"));
        Assert.Equal(2067, ex.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_UNIQUE: the store itself refuses a second FR
    }

    [Fact]
    public async Task WriteAsync_KeyInsertedByAnotherSinkAfterLookup_FailsTheBatchClearlyAndStoresNoDuplicate()
    {
        var database = NewDatabase();
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);

        // Both look the keys up before either writes: both plan inserts (as two imports of one file started together do).
        Assert.Empty(await first.LookupAsync(Regimes, ["code"], ["FR", "BE"]));
        Assert.Empty(await second.LookupAsync(Regimes, ["code"], ["BE", "DE"]));
        await first.WriteAsync([Insert(Regimes, "FR", 2), Insert(Regimes, "BE", 3)]);

        var ex = await Assert.ThrowsAsync<ImportException>(() => second.WriteAsync([Insert(Regimes, "DE", 7), Insert(Regimes, "BE", 8)]).AsTask());

        Assert.Contains("Row 8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the key code 'BE' of 'tax-regimes' was written to the store by another import running at the same time", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rows 7 to 8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Run the import again", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("constraint", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["BE:1", "FR:1"], await QueryAsync(database, "SELECT code || ':' || COUNT(*) FROM tax_regimes GROUP BY code ORDER BY code"));

        // The second sink goes on: its next look-up sees the other's record.
        Assert.Equal("BE", Assert.Single(await second.LookupAsync(Regimes, ["code"], ["BE", "DE"])).Key);
    }

    [Fact]
    public async Task WriteAsync_CodeCreatedByImportInsertedByAnotherSinkAfterLookup_KeepsTheStoredOne()
    {
        var database = NewDatabase();
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);
        Assert.Empty(await second.LookupAsync(Regimes, ["code"], ["FR"]));
        await first.WriteAsync([Insert(Regimes, "FR", 0, "France")]);

        // Row 0: a record the import creates itself (an auto-created reference code). It exists now: kept as it is, the batch goes on.
        await second.WriteAsync([Insert(Regimes, "FR", 0, "auto"), Insert(Regimes, "DE", 5)]);

        Assert.Equal(["DE:DE", "FR:France"], await QueryAsync(database, "SELECT code || ':' || label FROM tax_regimes ORDER BY code"));
    }

    [Fact]
    public async Task WriteAsync_InsertFoundByAnotherFieldWhoseKeyIsTaken_FailsSayingSoAndStoresNoDuplicate()
    {
        var database = NewDatabase();
        await using var sink = await OpenAsync(database);
        await sink.WriteAsync([Insert(Regimes, "FR", 2, "France")]);

        // An import that finds records by label (a profile's keys) plans an insert for "Métropole", whose code FR is taken.
        var ex = await Assert.ThrowsAsync<ImportException>(() => sink.WriteAsync([new RecordChange(Regimes, ChangeKind.Insert, ["label"], ["FR", "Métropole"], 4)]).AsTask());

        Assert.StartsWith("Row 4: the store already holds a 'tax-regimes' record with the key code 'FR', which this import does not look records up by (it finds them by label).", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["FR:France"], await QueryAsync(database, "SELECT code || ':' || label FROM tax_regimes"));
    }

    [Fact]
    public async Task WriteAsync_TwoSinksCreatingTheTablesOfAFreshStoreAtOnce_BothSucceed()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var database = NewDatabase();
            var sinks = await Task.WhenAll(OpenAsync(database), OpenAsync(database));
            try
            {
                // Each learns that the tables do not exist yet, then both create them.
                foreach (var sink in sinks)
                {
                    Assert.Empty(await sink.LookupAsync(Members, ["code"], ["M0"]));
                    Assert.Empty(await sink.LookupAsync(MemberGroups, ["code"], ["G0"]));
                }

                await Task.WhenAll(sinks.Select((sink, s) => Task.Run(() => sink.WriteAsync(
                [
                    Insert(MemberGroups, ["G" + s], 0),
                    .. Enumerable.Range(0, 200).Select(i => new RecordChange(Members, ChangeKind.Insert, Members.KeyFields, ["S" + s + "-" + i, "n", "G" + s], i + 2)),
                ]).AsTask())));

                Assert.Equal(400, await sinks[0].CountAsync("members"));
                Assert.Equal(2, await sinks[1].CountAsync("member-groups"));
            }
            finally
            {
                foreach (var sink in sinks)
                {
                    await sink.DisposeAsync();
                }
            }

            Assert.Equal(["ux_member_groups__code", "ux_members__code"], await QueryAsync(database, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"));
        }
    }

    [Fact]
    public async Task ExecuteAsync_TwoPipelinesImportingOneFileIntoOneStoreAtOnce_NeverStoreADuplicate()
    {
        var csv = new StringBuilder("Code;Name;Group\n");
        for (var i = 0; i < 3_000; i++)
        {
            csv.Append("M").Append(i).Append(";Member ").Append(i).Append(";G").Append(i % 7).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var database = NewDatabase();
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var sink = await OpenAsync(database);
                var pipeline = new ImportPipelineBuilder()
                    .UseEntity(new ImportEntity(Members))
                    .UseSqliteSink(sink)
                    .UseOptions(o => o with { BatchSize = 250, UiCulture = English })
                    .Build();
                try
                {
                    var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(bytes, "members.csv")));
                    return report.IsSuccess ? null : "rows rejected";
                }
                catch (ImportException ex)
                {
                    return Messages(ex);
                }
            })));

            // Each run either imported the file or stopped with the sink's clear message; never both stored a member.
            Assert.All(outcomes, o => Assert.True(o is null || o.Contains("by another import running at the same time", StringComparison.Ordinal), o));
            Assert.Contains(outcomes, o => o is null);
            Assert.Empty(await QueryAsync(database, "SELECT code FROM members GROUP BY code HAVING COUNT(*) > 1"));
            Assert.Empty(await QueryAsync(database, "SELECT code FROM member_groups GROUP BY code HAVING COUNT(*) > 1"));
            Assert.Equal(["3000"], await QueryAsync(database, "SELECT CAST(COUNT(*) AS TEXT) FROM members"));
            Assert.Equal(["7"], await QueryAsync(database, "SELECT CAST(COUNT(*) AS TEXT) FROM member_groups"));
        }
    }

    [Fact]
    public async Task WriteAsync_StoreOfAnEarlierVersionWithoutDuplicates_GetsTheUniqueIndex()
    {
        var database = NewDatabase();
        await ExecuteAsync(database, "CREATE TABLE tax_regimes (_id INTEGER PRIMARY KEY, code TEXT, label TEXT); CREATE INDEX ix_tax_regimes__code ON tax_regimes (code); INSERT INTO tax_regimes (code, label) VALUES ('FR', 'France'), ('BE', 'Belgique');");
        await using (var sink = await OpenAsync(database))
        {
            await sink.WriteAsync([Insert(Regimes, "DE", 2)]);
        }

        Assert.Equal(["ux_tax_regimes__code"], await QueryAsync(database, "SELECT name FROM sqlite_master WHERE type = 'index'"));
        Assert.Equal(["FR", "BE", "DE"], await QueryAsync(database, "SELECT code FROM tax_regimes ORDER BY _id"));
    }

    [Fact]
    public async Task WriteAsync_StoreOfAnEarlierVersionWithDuplicates_FailsNamingThemAndWritesNothing()
    {
        var database = NewDatabase();
        await ExecuteAsync(database, "CREATE TABLE tax_regimes (_id INTEGER PRIMARY KEY, code TEXT, label TEXT); CREATE INDEX ix_tax_regimes__code ON tax_regimes (code); INSERT INTO tax_regimes (code, label) VALUES ('BE', 'x'), ('FR', 'first'), ('FR', 'second'), ('BE', 'y'), ('BE', 'z'), ('IT', 'i'), ('IT', 'j');");
        await using var sink = await OpenAsync(database);

        var ex = await Assert.ThrowsAsync<ImportException>(() => sink.WriteAsync([Insert(Regimes, "DE", 2)]).AsTask());

        Assert.Contains("holds 3 'tax-regimes' key(s) shared by several records", ex.Message, StringComparison.Ordinal);
        Assert.Contains("for instance code 'BE' (3 records) in the table \"tax_regimes\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["BE", "FR", "FR", "BE", "BE", "IT", "IT"], await QueryAsync(database, "SELECT code FROM tax_regimes ORDER BY _id"));
        Assert.Equal(["ix_tax_regimes__code"], await QueryAsync(database, "SELECT name FROM sqlite_master WHERE type = 'index'"));

        // Reading still works, as before: the first record written of a key.
        Assert.Equal("first", (await sink.LookupAsync(Regimes, ["code"], ["FR"]))["FR"][1]);
    }

    [Fact]
    public async Task WriteAsync_DuplicateKeysMessage_IsInFrenchByDefault()
    {
        var database = NewDatabase();
        await ExecuteAsync(database, "CREATE TABLE tax_regimes (_id INTEGER PRIMARY KEY, code TEXT, label TEXT); INSERT INTO tax_regimes (code, label) VALUES ('FR', 'a'), ('FR', 'b');");
        await using var sink = await SqliteSink.OpenAsync(database.Options);

        var ex = await Assert.ThrowsAsync<ImportException>(() => sink.WriteAsync([Insert(Regimes, "DE", 2)]).AsTask());

        Assert.Contains("par exemple code « FR » (2 enregistrements)", ex.Message, StringComparison.Ordinal);
    }

    private static string Messages(Exception ex)
    {
        var text = new StringBuilder();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            text.Append(e.Message).Append(" | ");
        }

        return text.ToString();
    }

    private static RecordChange Insert(EntitySchema schema, string code, int row, string? label = null) =>
        new(schema, ChangeKind.Insert, schema.KeyFields, [code, label ?? code], row);

    private static RecordChange Insert(EntitySchema schema, object?[] values, int row) => new(schema, ChangeKind.Insert, schema.KeyFields, values, row);

    private static Task<SqliteSink> OpenAsync(TempDatabase database) => SqliteSink.OpenAsync(database.Options with { UiCulture = English });

    private TempDatabase NewDatabase()
    {
        var database = new TempDatabase();
        _databases.Add(database);
        return database;
    }

    private static async Task ExecuteAsync(TempDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryAsync(TempDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.Options.ConnectionString);
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
