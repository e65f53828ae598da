using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Import.Sdk.Sqlite.Tests;

/// <summary>A read-only sink (a simulation) reads the store and writes nothing to it, not even a setting (issue 10, item 10); opening failures are clear (item 11).</summary>
public sealed class SqliteSinkReadOnlyTests : IDisposable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static readonly EntitySchema Regimes = EntitySchema.Create("tax-regimes")
        .Field("code", FieldType.Text)
        .Field("label", FieldType.Text)
        .Key("code")
        .Build();

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Options_ReadOnly_OpensTheFileReadOnly()
    {
        var builder = new SqliteConnectionStringBuilder(new SqliteSinkOptions("/tmp/x.db") { ReadOnly = true }.ConnectionString);

        Assert.Equal(SqliteOpenMode.ReadOnly, builder.Mode);
        Assert.Equal(SqliteOpenMode.ReadWriteCreate, new SqliteConnectionStringBuilder(new SqliteSinkOptions("/tmp/x.db").ConnectionString).Mode);
    }

    [Fact]
    public async Task OpenAsync_ReadOnlyOnARollbackJournalStore_ReadsItAndChangesNoByte()
    {
        await using (var writer = await _database.OpenAsync())
        {
            await writer.WriteAsync([Insert("FR", 2), Insert("BE", 3)]);
        }

        await ExecuteAsync("PRAGMA journal_mode=DELETE;"); // a store in rollback-journal mode, as a host's own database may be
        var before = Snapshot();

        await using (var sink = await SqliteSink.OpenAsync(_database.Options with { ReadOnly = true, UiCulture = English }))
        {
            Assert.Equal(["BE", "FR"], (await sink.LookupAsync(Regimes, ["code"], ["FR", "BE", "DE"])).Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
            Assert.Equal(2, await sink.CountAsync("tax-regimes"));
            Assert.Empty(await sink.LookupAsync(EntitySchema.Create("other").Field("code", FieldType.Text).Key("code").Build(), ["code"], ["x"]));

            var ex = await Assert.ThrowsAsync<ImportException>(() => sink.WriteAsync([Insert("DE", 4)]).AsTask());
            Assert.Contains("opened read-only", ex.Message, StringComparison.Ordinal);
            Assert.Contains(_database.Path, ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Snapshot());
        Assert.Equal(["delete"], await QueryAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task OpenAsync_ReadOnlyOnAMissingStore_ReadsAnEmptyStoreAndCreatesNothing()
    {
        await using (var sink = await SqliteSink.OpenAsync(_database.Options with { ReadOnly = true }))
        {
            Assert.Empty(await sink.LookupAsync(Regimes, ["code"], ["FR"]));
            Assert.Equal(0, await sink.CountAsync("tax-regimes"));
        }

        Assert.False(File.Exists(_database.Path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_database.Path)!, Path.GetFileName(_database.Path) + "*"));
    }

    [Theory]
    [InlineData(false, "code;label\nFR;France\n")]
    [InlineData(true, "code;label\nFR;France\n")]
    [InlineData(false, "x")]
    [InlineData(false, "SQLite format 2\0 and then some text that SQLite itself would refuse as not a database, long enough for its header check")]
    public async Task OpenAsync_NotASqliteFile_ThrowsAClearMessageAndLeavesTheFile(bool readOnly, string content)
    {
        await File.WriteAllTextAsync(_database.Path, content);

        var ex = await Assert.ThrowsAsync<ImportException>(() => SqliteSink.OpenAsync(_database.Options with { ReadOnly = readOnly, UiCulture = English }));

        Assert.Equal($"The file {_database.Path} is not a SQLite database (or it is damaged or encrypted): choose another file for the store, or move this one away.", ex.Message);
        Assert.Equal(content, await File.ReadAllTextAsync(_database.Path));
    }

    [Fact]
    public async Task OpenAsync_EmptyFile_BecomesTheStore()
    {
        await File.WriteAllBytesAsync(_database.Path, []);

        await using (var sink = await _database.OpenAsync())
        {
            await sink.WriteAsync([Insert("FR", 2)]);
        }

        Assert.Equal(["FR"], await QueryAsync("SELECT code FROM tax_regimes"));
    }

    [Fact]
    public async Task OpenAsync_FolderThatDoesNotExist_ThrowsAClearMessageInFrench()
    {
        var path = Path.Combine(Path.GetTempPath(), "import-sdk-missing-" + Guid.NewGuid().ToString("N"), "store.db");

        var ex = await Assert.ThrowsAsync<ImportException>(() => SqliteSink.OpenAsync(new SqliteSinkOptions(path)));

        Assert.Equal($"Le dossier du stockage {path} n'existe pas : créez-le, ou choisissez un autre chemin pour le stockage.", ex.Message);
        Assert.IsType<SqliteException>(ex.InnerException);
    }

    [Fact]
    public async Task OpenAsync_PathOfAFolder_ThrowsAClearMessage()
    {
        var ex = await Assert.ThrowsAsync<ImportException>(() => SqliteSink.OpenAsync(new SqliteSinkOptions(Path.GetTempPath()) { UiCulture = English }));

        Assert.Contains("is a folder, not a file", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unable to open", ex.Message, StringComparison.Ordinal);
    }

    private static RecordChange Insert(string code, int row) => new(Regimes, ChangeKind.Insert, Regimes.KeyFields, [code, code], row);

    /// <summary>The files of the store (the database and any -wal, -shm or -journal beside it): name, length, last write time, bytes.</summary>
    private List<string> Snapshot() => Directory.GetFiles(Path.GetDirectoryName(_database.Path)!, Path.GetFileName(_database.Path) + "*")
        .Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetFileName(f)} {File.GetLastWriteTimeUtc(f):O} {Convert.ToBase64String(File.ReadAllBytes(f))}")
        .ToList();

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
        await using var connection = new SqliteConnection((_database.Options with { ReadOnly = true }).ConnectionString);
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
