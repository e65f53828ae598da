using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Import.Sdk.Sqlite.Resources;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Import.Sdk.Sqlite;

// Opening a store: the file checked before SQLite touches it, read-only or writable, and our messages when it cannot be opened.
public sealed partial class SqliteSink
{
    /// <summary>Opens (and, unless read-only, creates when missing) the database of a sink.</summary>
    /// <param name="options">The file, and whether it is only read.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The sink; dispose it to close the file.</returns>
    /// <exception cref="ImportException">The file cannot be opened: its folder does not exist, it is a folder, it is not a SQLite database,
    /// it cannot be written (unless read-only), or it stayed locked; the message names the file and what to do.</exception>
    public static async Task<SqliteSink> OpenAsync(SqliteSinkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentNullException.ThrowIfNull(options.UiCulture);
        var memory = string.Equals(options.Path, MemoryPath, StringComparison.Ordinal);
        var store = memory ? MemoryPath : Path.GetFullPath(options.Path);

        // SQLite takes a file of a few bytes for an empty database, and would overwrite it: only a SQLite file, or an empty one, is opened.
        if (!memory && !await IsSqliteOrEmptyAsync(store, cancellationToken).ConfigureAwait(false))
        {
            throw new ImportException(SqliteMessages.Format(options.UiCulture, SqliteMessages.NotADatabase, store));
        }

        // A simulation of a store that does not exist yet reads an empty private database: nothing is created on disk.
        var connectionString = options.ReadOnly && (memory || (!File.Exists(store) && !Directory.Exists(store)))
            ? new SqliteConnectionStringBuilder { DataSource = MemoryPath, Pooling = false }.ToString()
            : options.ConnectionString;
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                // A read first: a file that is not a database fails here, before anything is written to it.
                command.CommandText = "SELECT COUNT(*) FROM sqlite_master;";
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (!options.ReadOnly)
                {
                    // SQLite opens a file it may not write read-only, silently: say so now, not at the first write.
                    if (raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
                    {
                        throw new ImportException(SqliteMessages.Format(options.UiCulture, SqliteMessages.NotWritable, store));
                    }

                    command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; PRAGMA wal_autocheckpoint=16384; PRAGMA cache_size=-32768;";
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            return new SqliteSink(connection, store, options);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ImportException(OpenFailure(options.UiCulture, store, ex), ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Whether a file is missing, empty or starts with the SQLite header (a file that cannot be read is left to SQLite to report).</summary>
    private static async Task<bool> IsSqliteOrEmptyAsync(string path, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> header = "SQLite format 3\0"u8.ToArray();
        try
        {
            if (!File.Exists(path))
            {
                return true;
            }

            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                if (stream.Length == 0)
                {
                    return true;
                }

                var buffer = new byte[header.Length];
                var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return read == buffer.Length && header.Span.SequenceEqual(buffer);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static string OpenFailure(CultureInfo ui, string store, SqliteException ex)
    {
        if (Directory.Exists(store))
        {
            return SqliteMessages.Format(ui, SqliteMessages.IsAFolder, store);
        }

        var folder = Path.GetDirectoryName(store);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            return SqliteMessages.Format(ui, SqliteMessages.FolderMissing, store);
        }

        return ex.SqliteErrorCode switch
        {
            raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT => SqliteMessages.Format(ui, SqliteMessages.NotADatabase, store),
            raw.SQLITE_READONLY or raw.SQLITE_PERM => SqliteMessages.Format(ui, SqliteMessages.NotWritable, store),
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => SqliteMessages.Format(ui, SqliteMessages.Locked, store, BusyTimeoutSeconds),
            _ => SqliteMessages.Format(ui, SqliteMessages.CannotOpen, store, raw.sqlite3_errstr(ex.SqliteErrorCode).utf8_to_string()),
        };
    }
}
