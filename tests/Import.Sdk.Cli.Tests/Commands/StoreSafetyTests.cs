using System.Text;
using Import.Sdk.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>
/// The store under <c>run</c> and <c>simulate</c> (issue 10): two imports at once never store a key twice (item 2), a simulation
/// writes nothing to the store (item 10), and a store that cannot be opened gets a clear message (item 11).
/// </summary>
public sealed class StoreSafetyTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_TwoImportsOfOneFileIntoOneNewStoreAtOnce_StoreEveryKeyOnce()
    {
        var csv = new StringBuilder("code;label\n");
        for (var i = 0; i < 4_000; i++)
        {
            csv.Append('R').Append(i).Append(";Régime ").Append(i).Append('\n');
        }

        _cli.WriteText("regimes.csv", csv.ToString());
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var db = "sqlite:" + _cli.PathOf("race" + attempt + ".db");

            var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _cli.RunAsync("run", "--entity", "tax-regimes", "--file", "regimes.csv", "--db", db))));

            AssertEachImportedOrStoppedClearly(results);
            Assert.Empty(await QueryAsync(_cli.PathOf("race" + attempt + ".db"), "SELECT code FROM tax_regimes GROUP BY code HAVING COUNT(*) > 1"));
            Assert.Equal(["4000"], await QueryAsync(_cli.PathOf("race" + attempt + ".db"), "SELECT CAST(COUNT(*) AS TEXT) FROM tax_regimes"));
        }
    }

    [Fact]
    public async Task Run_TwoImportsOfCustomersWithAutoCreatedGroupsAtOnce_StoreEveryKeyOnce()
    {
        await _cli.SeedTaxRegimesAsync();
        var csv = new StringBuilder("Code client;Raison sociale;Groupes\n");
        for (var i = 0; i < 3_000; i++)
        {
            csv.Append('C').Append(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append(";Client ").Append(i).Append(";G").Append(i % 13).Append('\n');
        }

        _cli.WriteText("clients.csv", csv.ToString());

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db))));

        AssertEachImportedOrStoppedClearly(results);
        Assert.Empty(await QueryAsync(_cli.DbPath, "SELECT code FROM customers GROUP BY code HAVING COUNT(*) > 1"));
        Assert.Empty(await QueryAsync(_cli.DbPath, "SELECT code FROM customer_groups GROUP BY code HAVING COUNT(*) > 1"));
        Assert.Equal(["3000"], await QueryAsync(_cli.DbPath, "SELECT CAST(COUNT(*) AS TEXT) FROM customers"));
        Assert.Equal(["13"], await QueryAsync(_cli.DbPath, "SELECT CAST(COUNT(*) AS TEXT) FROM customer_groups"));
    }

    [Fact]
    public async Task Simulate_StoreInRollbackJournalMode_ChangesNothingOfTheStore()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        await ExecuteAsync(_cli.DbPath, "PRAGMA journal_mode=DELETE;");
        var before = StoreFiles();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_cli.DbPath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead); // 0444 (root ignores it: the bytes below prove it)
        }

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("insérées : 2", result.Out);
        Assert.Equal(before, StoreFiles());
        Assert.Equal(["delete"], await QueryAsync(_cli.DbPath, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Simulate_StoreInWalMode_ChangesNoByteOfTheDatabase()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        var before = Describe(_cli.DbPath);

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(before, Describe(_cli.DbPath));
        Assert.Equal(0, await _cli.CountAsync("customers"));
    }

    [Fact]
    public async Task Simulate_StoreInWalMode_LeavesNoWalNorShmFileBehind()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        Assert.Equal(2, File.ReadAllBytes(_cli.DbPath)[18]); // the header's write version: WAL
        Assert.False(File.Exists(_cli.DbPath + "-wal"));
        var before = Describe(_cli.DbPath);

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.False(File.Exists(_cli.DbPath + "-wal"), "the simulation left store.db-wal");
        Assert.False(File.Exists(_cli.DbPath + "-shm"), "the simulation left store.db-shm");
        Assert.Equal(before, Describe(_cli.DbPath));
    }

    [Fact]
    public async Task Simulate_WhileAnotherConnectionHoldsTheStore_LeavesItsWalAndShmFiles()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.DbPath, Pooling = false }.ToString());
        await other.OpenAsync();
        await using (var read = other.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM sqlite_master;";
            await read.ExecuteScalarAsync();
        }

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(File.Exists(_cli.DbPath + "-shm"), "the -shm file of a connection still open was removed");
        await using var check = other.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM sqlite_master;";
        Assert.True((long)(await check.ExecuteScalarAsync())! > 0);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("simulate")]
    public async Task Import_DbIsANamedPipe_Exit2WithoutOpeningIt(string command)
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        var fifo = _cli.PathOf("store.db");
        Posix.MakeFifo(fifo);

        var run = Task.Run(() => _cli.RunAsync(command, "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--lang", "en"));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)));
        if (finished != run)
        {
            // Release the command waiting for a writer, then fail.
            new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose();
        }

        Assert.True(finished == run, "the command waits on the named pipe");
        var result = await run;
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains($"--db names {fifo}, which is not a regular file (a named pipe, a socket or a device)", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "/dev/null")]
    [InlineData("simulate", "/dev/null")]
    [InlineData("run", "/dev/full")]
    public async Task Import_DbIsADevice_Exit2(string command, string device)
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync(command, "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:" + device, "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains($"--db names {device}, which is not a regular file", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Run_DbEndsWithASlash_Exit2AndNoFolderCreated()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:nouvelle-base/", "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("--db names a folder, not a file", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("nouvelle-base")));
    }

    [Fact]
    public async Task Run_LearnedMatchingsFolderIsAFile_WarnsInTheLanguageAskedAndImports()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        Directory.Delete(_cli.DbPath + ".profiles", recursive: true);
        File.WriteAllText(_cli.DbPath + ".profiles", "x");

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"({_cli.DbPath}.profiles est un fichier, pas un dossier) ; le prochain import reconnaîtra à nouveau les colonnes.", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", result.Err, StringComparison.Ordinal);
        Assert.Equal(2, await _cli.CountAsync("customers"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_NewStoreAndAFileThatCannotBeRead_Exit2AndNoStoreNorFolderCreated(bool withReport)
    {
        string[] more = withReport ? ["--report", "rapport.json", "--json"] : [];
        _cli.WriteBytes("clients.csv", [0x00, 0x01, 0x02, 0x00, 0x00, 0x9F, 0x00, 0x41, 0x00, 0x00, 0x07, 0x00, 0x1B, 0x00, 0x00, 0x00]);

        var result = await _cli.RunAsync(["run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:nouvelle/base.db", "--lang", "en", .. more]);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("error: the file cannot be imported, nothing was written.", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("nouvelle")), "the store's folder was created");
        if (withReport)
        {
            using var report = _cli.ReadJson("rapport.json");
            Assert.False(report.RootElement.GetProperty("simulated").GetBoolean());
            Assert.Equal("malformed_file", report.RootElement.GetProperty("issues")[0].GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData("run", "")]
    [InlineData("run", "  ")]
    [InlineData("simulate", "")]
    public async Task Import_DbGivenEmpty_Exit2AndNoDefaultStoreCreated(string command, string db)
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync(command, "--entity", "customers", "--file", "clients.csv", "--db", db, "--lang", "en");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("error: --db is empty: give sqlite:PATH, or leave --db out for the default store (sqlite:import.db).", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("import.db")));
        Assert.False(Directory.Exists(_cli.PathOf("import.db.profiles")));
    }

    [Fact]
    public async Task Simulate_NoProfile_SavesNoLearnedMatchingBesideTheStore()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        var profiles = _cli.DbPath + ".profiles";
        var before = Directory.GetFiles(profiles).Order(StringComparer.Ordinal).ToList();

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", _cli.Db);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(before, Directory.GetFiles(profiles).Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain("Correspondance enregistrée", result.Out);
    }

    [Fact]
    public async Task Simulate_NoProfileAndAStoreInAFolderThatDoesNotExist_CreatesNoFolder()
    {
        _cli.WriteText("clients.csv", Files.TwoCustomers);

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:absent/store.db");

        Assert.True(result.Exit == 1, result.ToString()); // the tax regime FR is not in an empty store
        Assert.False(Directory.Exists(_cli.PathOf("absent")));
    }

    [Fact]
    public async Task Simulate_StoreInAFolderThatDoesNotExist_ReadsAnEmptyStoreAndCreatesNothing()
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");

        var result = await _cli.RunAsync("simulate", "--entity", "tax-regimes", "--file", "regimes.csv", "--db", "sqlite:missing/sub/store.db");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("insérées : 1", result.Out);
        Assert.False(File.Exists(_cli.PathOf("missing/sub/store.db")));
    }

    [Theory]
    [InlineData("run", "fr", "n'est pas une base SQLite")]
    [InlineData("simulate", "fr", "n'est pas une base SQLite")]
    [InlineData("run", "en", "is not a SQLite database")]
    public async Task Import_DbIsNotASqliteFile_Exit2WithAClearMessageAndTheFileUntouched(string command, string lang, string expected)
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");
        var notes = _cli.WriteText("notes.txt", "these are my notes, not a database\n");

        var result = await _cli.RunAsync(command, "--entity", "tax-regimes", "--file", "regimes.csv", "--db", "sqlite:notes.txt", "--lang", lang);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains(notes, result.Err);
        Assert.Contains(expected, result.Err);
        Assert.Contains("--db", result.Err);
        Assert.DoesNotContain("SQLite Error", result.Err);
        Assert.DoesNotContain("file is not a database", result.Err);
        Assert.Equal("these are my notes, not a database\n", await File.ReadAllTextAsync(notes));
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Run_DbFolderCannotBeCreated_Exit2WithAClearMessage()
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");
        _cli.WriteText("blocker", "a file where the store's folder should be\n");

        var result = await _cli.RunAsync("run", "--entity", "tax-regimes", "--file", "regimes.csv", "--db", "sqlite:blocker/store.db");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("le dossier du stockage --db ne peut pas être créé : " + _cli.PathOf("blocker"), result.Err);
        Assert.DoesNotContain("unable to open", result.Err);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Run_DbInAFolderThatDoesNotExist_CreatesIt()
    {
        _cli.WriteText("regimes.csv", "code;label\nFR;France\n");

        var result = await _cli.RunAsync("run", "--entity", "tax-regimes", "--file", "regimes.csv", "--db", "sqlite:new/folder/store.db");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(["FR"], await QueryAsync(_cli.PathOf("new/folder/store.db"), "SELECT code FROM tax_regimes"));
    }

    /// <summary>Each run either imported the whole file (exit 0) or stopped with the sink's clear message about the other import.</summary>
    private static void AssertEachImportedOrStoppedClearly(CliResult[] results)
    {
        Assert.All(results, r => Assert.True(r.Exit == 0 || r.Err.Contains("par un autre import en cours au même moment", StringComparison.Ordinal), r.ToString()));
        Assert.Contains(results, r => r.Exit == 0);
    }

    private List<string> StoreFiles() => Directory.GetFiles(_cli.Folder, "store.db*")
        .Order(StringComparer.Ordinal)
        .Select(Describe)
        .ToList();

    private static string Describe(string file) => $"{Path.GetFileName(file)} {File.GetLastWriteTimeUtc(file):O} {Convert.ToBase64String(File.ReadAllBytes(file))}";

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
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
