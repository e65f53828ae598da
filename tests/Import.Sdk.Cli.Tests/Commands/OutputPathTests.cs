using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>
/// --report and --errors are checked before anything is read or written (issue 10, item 1): never one of the inputs (the file, the
/// profile, the store, its side files, its learned matchings) under any spelling, never each other, and always writable.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string[], string> SameFileAsAnInput => new()
    {
        { ["--report", "store.db"], "--report et --db désignent le même fichier" },
        { ["--report", "./store.db"], "--report et --db désignent le même fichier" },
        { ["--report", "sous-dossier/../store.db"], "--report et --db désignent le même fichier" },
        { ["--report", "lien-vers-la-base.db"], "--report et --db désignent le même fichier" },
        { ["--report", "lien-dur.db"], "--report et --db désignent le même fichier" },
        { ["--report", "lien-vers-le-dossier/store.db"], "--report et --db désignent le même fichier" },
        { ["--report", "clients.csv"], "--report et --file désignent le même fichier" },
        { ["--errors", "./sous-dossier/../clients.csv"], "--errors et --file désignent le même fichier" },
        { ["--report", "profil.json", "--profile", "profil.json"], "--report et --profile désignent le même fichier" },
        { ["--report", "erreurs.csv", "--errors", "erreurs.csv"], "--errors et --report désignent le même fichier" },
        { ["--report", "store.db-wal"], "un fichier de la base --db" },
        { ["--report", "store.db-journal"], "un fichier de la base --db" },
        { ["--report", "store.db-shm"], "un fichier de la base --db" },
        { ["--report", "store.db.profiles/customers.json"], "dans le dossier des correspondances enregistrées" },
    };

    public static TheoryData<string, string> NotWritable => new()
    {
        { "sous-dossier", "--report désigne un dossier, pas un fichier" },
        { "/proc/version", "un fichier en lecture seule : il n'est pas remplacé" },
        { "/proc/absent/report.json", "n'accepte pas de nouveau fichier" },
        { "clients.csv/report.json", "ne peut pas être créé, car" },
    };

    [Theory]
    [MemberData(nameof(SameFileAsAnInput))]
    public async Task Run_OutputIsAnInput_Exit2BeforeAnythingIsReadAndTheFilesAreUnchanged(string[] outputArgs, string message)
    {
        var before = await PrepareAsync();

        var result = await _cli.RunAsync(["run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", .. outputArgs]);

        await AssertRefusedAsync(result, message, before);
    }

    [Theory]
    [MemberData(nameof(NotWritable))]
    public async Task Run_ReportCannotBeWritten_Exit2BeforeTheImport(string report, string message)
    {
        var before = await PrepareAsync();

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--report", report);

        await AssertRefusedAsync(result, message, before);
    }

    [Fact]
    public async Task Run_ReportOnADevice_Exit2BeforeTheImport()
    {
        var before = await PrepareAsync();

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--report", "/dev/full", "--lang", "en");

        await AssertRefusedAsync(result, "--report names /dev/full, which is not a regular file (a device, a named pipe or a socket)", before);
        Assert.True(File.Exists("/dev/full"));
    }

    [Fact]
    public async Task Simulate_ErrorsIsTheStoreThroughAHardLink_Exit2()
    {
        var before = await PrepareAsync();

        var result = await _cli.RunAsync("simulate", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:lien-dur.db", "--report", "store.db");

        await AssertRefusedAsync(result, "--report et --db désignent le même fichier", before);
    }

    [Fact]
    public async Task Run_ReportInAFolderToCreate_IsWritten()
    {
        await PrepareAsync();

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--report", "sorties/2026/report.json", "--errors", "sorties/erreurs.csv");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(File.Exists(_cli.PathOf("sorties/2026/report.json")));
        Assert.True(File.Exists(_cli.PathOf("sorties/erreurs.csv")));
        Assert.Empty(Directory.EnumerateFiles(_cli.Folder, "*.probe", SearchOption.AllDirectories));
        Assert.Equal(2, await _cli.CountAsync("customers"));
    }

    [Theory]
    [InlineData("erreurs.xlsx")]
    [InlineData("erreurs.json")]
    [InlineData("erreurs")]
    public async Task Run_ErrorsFileNotCsv_Exit2SayingItIsCsv(string errors)
    {
        var before = await PrepareAsync();

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--errors", errors, "--lang", "en");

        await AssertRefusedAsync(result, "--errors writes a CSV file (the rejected rows and an errors column): give a .csv or .txt path", before);
        Assert.False(File.Exists(_cli.PathOf(errors)));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("simulate")]
    public async Task Import_ReportEndsWithASlash_Exit2BeforeTheImportAndNoFolderCreated(string command)
    {
        var before = await PrepareAsync();

        var result = await _cli.RunAsync(command, "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--report", "sorties/", "--lang", "en");

        await AssertRefusedAsync(result, "--report names a folder, not a file: " + _cli.PathOf("sorties/"), before);
        Assert.False(Directory.Exists(_cli.PathOf("sorties")));
    }

    [Fact]
    public async Task Run_ReportInAFolderWhoseNameIsTooLong_Exit2BeforeTheImport()
    {
        var before = await PrepareAsync();

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--report", new string('d', 256) + "/report.json", "--lang", "en");

        await AssertRefusedAsync(result, "is too long (a name over 255 bytes, or a path over 4095). Choose a shorter path for --report.", before);
        Assert.Empty(Directory.EnumerateDirectories(_cli.Folder, "ddd*"));
    }

    [Fact]
    public async Task Run_ReportPathOverPathMax_Exit2BeforeTheImport()
    {
        var before = await PrepareAsync();
        var deep = string.Join('/', Enumerable.Repeat(new string('d', 200), 21)) + "/report.json";

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--report", deep, "--lang", "en");

        await AssertRefusedAsync(result, "is too long (a name over 255 bytes, or a path over 4095)", before);
        Assert.Empty(Directory.EnumerateDirectories(_cli.Folder, "ddd*"));
    }

    [Fact]
    public async Task Run_ReportNameOf250Characters_IsWritten()
    {
        await PrepareAsync();
        var name = new string('r', 245) + ".json"; // a name the file system takes; the probe's and the temporary file's names must be too

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", "--report", name, "--errors", new string('e', 246) + ".csv");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(File.Exists(_cli.PathOf(name)));
        Assert.Equal(2, await _cli.CountAsync("customers"));
    }

    [Theory]
    [InlineData("--report", "rapport.json")]
    [InlineData("--errors", "erreurs.csv")]
    public async Task Run_OutputIsAReadOnlyFile_Exit2AndTheFileKept(string option, string name)
    {
        var before = await PrepareAsync();
        var output = _cli.WriteText(name, "gardé\n");
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(output, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var result = await _cli.RunAsync("run", "--entity", "customers", "--file", "clients.csv", "--db", "sqlite:store.db", option, name, "--lang", "en");

        await AssertRefusedAsync(result, $"{option} names {output}, a read-only file: it is not replaced.", before);
        Assert.Equal("gardé\n", File.ReadAllText(output));
    }

    [Fact]
    public void Cause_FullDisk_IsSaidInOurWords()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null) { Ui = CliContext.CultureOf("en") };

        var cause = OutputFiles.Cause(context, new IOException("No space left on device : '/x/.import-sdk-1234abcd.tmp'", 28), null, "/x/report.json");

        Assert.Equal("disk full", cause);
    }

    /// <summary>A store holding the tax regime FR, a customers file, a profile, and other names of the store: links and a folder.</summary>
    private async Task<(string Store, string File)> PrepareAsync()
    {
        await _cli.SeedTaxRegimesAsync();
        _cli.WriteText("clients.csv", Files.TwoCustomers);
        _cli.WriteText("profil.json", """{ "entity": "customers", "columns": { "Code client": "code", "Raison sociale": "name" } }""");
        Directory.CreateDirectory(_cli.PathOf("sous-dossier"));
        File.CreateSymbolicLink(_cli.PathOf("lien-vers-la-base.db"), _cli.DbPath);
        Directory.CreateSymbolicLink(_cli.PathOf("lien-vers-le-dossier"), _cli.Folder);
        Posix.HardLink(_cli.DbPath, _cli.PathOf("lien-dur.db"));
        return (_cli.HashOf(_cli.DbPath), _cli.HashOf(_cli.PathOf("clients.csv")));
    }

    private async Task AssertRefusedAsync(CliResult result, string message, (string Store, string File) before)
    {
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out); // nothing was read: not even the column matching
        Assert.Equal(before.Store, _cli.HashOf(_cli.DbPath));
        Assert.Equal(before.File, _cli.HashOf(_cli.PathOf("clients.csv")));
        Assert.Equal(0, await _cli.CountAsync("customers"));
        Assert.Empty(Directory.EnumerateFiles(_cli.Folder, "*.probe", SearchOption.AllDirectories));
    }
}
