using System.Security.Cryptography;
using System.Text;
using Import.Sdk.Sqlite;

namespace Import.Sdk.Cli;

/// <summary>
/// Resolves <c>--db</c> (<c>sqlite:PATH</c>, default <c>sqlite:import.db</c>) to a store, and the folder beside it where
/// learned mapping profiles are kept: <c>&lt;db path&gt;.profiles/&lt;entity&gt;-&lt;8 hex&gt;.json</c>.
/// </summary>
internal sealed class StoreLocator
{
    /// <summary>The store used when <c>--db</c> is not given.</summary>
    public const string DefaultDb = "sqlite:import.db";

    private readonly CliContext _context;

    private StoreLocator(string sqlitePath, CliContext context)
    {
        SqlitePath = sqlitePath;
        _context = context;
    }

    /// <summary>Gets the full path of the SQLite database.</summary>
    public string SqlitePath { get; }

    /// <summary>Gets the folder of learned profiles.</summary>
    public string ProfilesDirectory => SqlitePath + ".profiles";

    /// <summary>Parses <c>--db</c>.</summary>
    public static StoreLocator Parse(string? db, CliContext context)
    {
        if (db is not null && string.IsNullOrWhiteSpace(db))
        {
            // "--db $STORE" with STORE unset: never the default store in the current folder, silently.
            throw new CliUsageException(context.T(
                "--db est vide : donnez sqlite:CHEMIN, ou omettez --db pour la base par défaut (sqlite:import.db).",
                "--db is empty: give sqlite:PATH, or leave --db out for the default store (sqlite:import.db)."));
        }

        db = db is null ? DefaultDb : db.Trim();
        if (db.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql:", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException(context.T(
                "la prise en charge de PostgreSQL arrive avec Import.Sdk.PostgreSql (une version ultérieure) ; utilisez --db sqlite:CHEMIN.",
                "PostgreSQL support comes with Import.Sdk.PostgreSql (a later version); use --db sqlite:PATH."));
        }

        var path = db.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? db["sqlite:".Length..] : db;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliUsageException(context.T("--db sqlite: attend un chemin de fichier, par exemple sqlite:import.db.", "--db sqlite: needs a file path, such as sqlite:import.db."));
        }

        var full = context.ResolvePath(path);
        if (Directory.Exists(full) || Path.EndsInDirectorySeparator(full))
        {
            // "sqlite:out/" names a folder even when it does not exist yet: refused before the folder is created.
            throw new CliUsageException(context.T("--db désigne un dossier, pas un fichier : {0}", "--db names a folder, not a file: {0}", full));
        }

        if (FileIdentity.KindOf(full) == FileIdentity.Kind.Other)
        {
            // Opening a named pipe waits for a writer, forever; a device is no store.
            throw new CliUsageException(context.T(
                "--db désigne {0}, qui n'est pas un fichier ordinaire (un tube nommé, une socket ou un périphérique) : donnez le chemin du fichier de la base.",
                "--db names {0}, which is not a regular file (a named pipe, a socket or a device): give the path of the store's file.",
                full));
        }

        return new StoreLocator(full, context);
    }

    /// <summary>
    /// Opens the store. A simulation opens it read-only and writes nothing to it (no table, no setting); a store that does not exist
    /// yet reads as an empty store and is not created. An execution creates the database (and its folder) when missing.
    /// </summary>
    /// <exception cref="CliUsageException">The store cannot be opened (its folder cannot be created, it is not a SQLite database,
    /// it cannot be written, it is locked): the message names the path and what to do.</exception>
    public async Task<OpenStore> OpenAsync(bool execute, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(SqlitePath);
        if (execute && !string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new CliUsageException(
                    _context.T(
                        "le dossier du stockage --db ne peut pas être créé : {0} (un fichier porte ce nom, ou les droits manquent). Créez-le, ou choisissez un autre chemin avec --db sqlite:CHEMIN.",
                        "the folder of the --db store cannot be created: {0} (a file has that name, or permission is missing). Create it, or choose another path with --db sqlite:PATH.",
                        folder),
                    ex);
            }
        }

        // A simulation of a store in WAL mode makes SQLite create its -wal and -shm files, which a read-only connection cannot
        // remove: when they were not there before, they are removed after it (see OpenStore.DisposeAsync).
        var leavesSideFiles = !execute && File.Exists(SqlitePath) && !File.Exists(SqlitePath + "-wal") && !File.Exists(SqlitePath + "-shm");
        try
        {
            var sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(SqlitePath) { ReadOnly = !execute, UiCulture = _context.Ui }, cancellationToken);
            return new OpenStore(sink, sink, leavesSideFiles ? SqlitePath : null);
        }
        catch (ImportException ex)
        {
            // The sink's message names the file and what to do, in the CLI's language.
            throw new CliUsageException(_context.T("--db : {0}", "--db: {0}", ex.Message), ex);
        }
    }

    /// <summary>The file of the profile learned for files of this entity with this header.</summary>
    public string ProfilePath(string entity, IReadOnlyList<string> header) =>
        Path.Combine(ProfilesDirectory, $"{entity}-{LayoutHash(header)}.json");

    /// <summary>The first 8 hex digits of the SHA-256 of the normalized header joined by <c>\n</c>.</summary>
    public static string LayoutHash(IReadOnlyList<string> header)
    {
        var text = string.Join('\n', header.Select(NormalizeHeader));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }

    /// <summary>Folds a header cell: accents removed, lower case, only letters and digits kept ("Raison  sociale " → "raisonsociale").</summary>
    public static string NormalizeHeader(string cell)
    {
        var decomposed = cell.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>An open store: the sink, what to dispose, and the store whose -wal and -shm files a simulation created, if any.</summary>
    internal sealed class OpenStore(IImportSink sink, IAsyncDisposable? owned, string? sideFilesOf = null) : IAsyncDisposable
    {
        public IImportSink Sink => sink;

        public async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }

            if (sideFilesOf is not null && (File.Exists(sideFilesOf + "-wal") || File.Exists(sideFilesOf + "-shm")))
            {
                await RemoveSideFilesAsync(sideFilesOf);
            }
        }

        /// <summary>
        /// Removes the empty -wal and -shm files a read-only connection left: SQLite removes them when the last connection that may
        /// write closes, so one is opened (writing nothing: <c>query_only</c>) and closed. Another connection still open keeps them,
        /// as it should; a store that cannot be opened for writing keeps them too.
        /// </summary>
        private static async Task RemoveSideFilesAsync(string path)
        {
            var connectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString();
            try
            {
                var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
                await using (connection)
                {
                    await connection.OpenAsync();
                    var command = connection.CreateCommand();
                    await using (command)
                    {
                        command.CommandText = "PRAGMA query_only=1; SELECT COUNT(*) FROM sqlite_master;";
                        await command.ExecuteScalarAsync();
                    }
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // the store is read-only, or busy: the files stay, as SQLite left them
            }
        }
    }
}
