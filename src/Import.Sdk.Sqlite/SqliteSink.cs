using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Import.Sdk.Sqlite.Resources;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Import.Sdk.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file, one table per entity (its name with '-' replaced by '_'), one column per field
/// plus <c>"_id" INTEGER PRIMARY KEY</c>, a UNIQUE index on the entity's key (<c>ux_TABLE__FIELD…</c>: the store never holds two records
/// with one key) and an index on its alternate key. Tables are created, and columns of fields added later to a schema
/// (custom fields) are added, by the first write that needs them; a look-up never creates anything. A table written by an earlier
/// version, which had a plain index on the key, gets the UNIQUE index at the first write, unless it already holds records sharing a
/// key: then the write fails and says which.
/// Values are stored as: TEXT for Text, Email, Enum, TextList, Decimal (invariant text, exact) and Date (<c>yyyy-MM-dd</c>); INTEGER for Integer and Boolean (1/0).
/// </summary>
/// <remarks>
/// The sink keeps one connection open for its lifetime (WAL journal, <c>synchronous=NORMAL</c>, foreign keys off; a read-only sink
/// changes no setting). Its members may be called from several threads: they run one at a time.
/// Several sinks, in one process or several, may write to one file at once: each batch is written in an immediate transaction, so
/// that one batch waits for the other's to be committed (up to 30 seconds); a record inserted by another writer after this sink's
/// look-up makes the insert of the same key fail, and the batch with it, with a message that says so (never a second record).
/// </remarks>
public sealed class SqliteSink : IImportSink, IAsyncDisposable
{
    private const int ReadPageSize = 1024;

    private const string MemoryPath = ":memory:";
    private const int BusyTimeoutSeconds = 30;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SqliteTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _store;
    private readonly bool _readOnly;
    private readonly CultureInfo _ui;
    private bool _disposed;

    private SqliteSink(SqliteConnection connection, string store, SqliteSinkOptions options)
    {
        _connection = connection;
        _store = store;
        _readOnly = options.ReadOnly;
        _ui = options.UiCulture;
    }

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

    /// <inheritdoc/>
    /// <remarks>
    /// One query per call whatever the number of keys: the keys are passed as one JSON array to <c>json_each</c>
    /// (<c>WHERE "code" IN (SELECT value FROM json_each($keys))</c>; for a composite key, a join through the key's index, or a row value <c>IN</c> when no index has those fields).
    /// Text compares exactly; Integer and Boolean keys are compared as numbers, Decimal and Date keys as their canonical text.
    /// When several records have the same key, the first one written is returned.
    /// </remarks>
    public async ValueTask<IReadOnlyDictionary<string, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(keyFields);
        ArgumentNullException.ThrowIfNull(keys);
        if (keyFields.Count == 0)
        {
            throw new ArgumentException("A look-up needs at least one key field.", nameof(keyFields));
        }

        var fields = new FieldDefinition[keyFields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = schema[keyFields[i]];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, (long Id, object?[] Record)>(StringComparer.Ordinal);
        var json = keys.Count == 0 ? null : SqliteStorage.KeysJson(fields, keys);
        if (json is null)
        {
            return new Dictionary<string, object?[]>(StringComparer.Ordinal);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var table = await GetTableAsync(SqliteStorage.TableName(schema.Name), null, cancellationToken).ConfigureAwait(false);
            if (table.Exists && Array.Exists(fields, f => !table.Columns.Contains(f.Name)))
            {
                // Another connection may have added the column since it was learned.
                _tables.Remove(table.Name);
                table = await GetTableAsync(table.Name, null, cancellationToken).ConfigureAwait(false);
            }

            if (!table.Exists || Array.Exists(fields, f => !table.Columns.Contains(f.Name)))
            {
                // No table, or a field that was never written: no record can have the key.
                return new Dictionary<string, object?[]>(StringComparer.Ordinal);
            }

            var sql = SqliteStorage.LookupSql(schema, table, keyFields, out var ordinals);
            var command = _connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                command.Parameters.Add("$keys", SqliteType.Text).Value = json;
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var id = reader.GetInt64(0);
                        var record = SqliteStorage.ReadRecord(reader, schema, ordinals);
                        var key = RecordKey.Format(schema, keyFields, record);
                        if (key is not null && (!found.TryGetValue(key, out var existing) || id < existing.Id))
                        {
                            found[key] = (id, record);
                        }
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        var result = new Dictionary<string, object?[]>(found.Count, StringComparer.Ordinal);
        foreach (var (key, (_, record)) in found)
        {
            result.Add(key, record);
        }

        return result;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One immediate transaction per call (it waits, up to 30 seconds, for another connection's batch to be committed), committed at the end;
    /// an update that finds no record, a cancellation or any failure rolls the whole batch back (tables and columns created by the batch included).
    /// Inserts and updates use prepared commands reused across the rows of the batch.
    /// An insert whose key another connection wrote after the look-up fails the batch (a record the import creates itself, row 0, such as an
    /// auto-created reference code, is then simply kept as the other connection wrote it).
    /// </remarks>
    /// <exception cref="ImportException">An update found no record with its key, an inserted key is already in the store, a value does not fit
    /// its field, the sink is read-only, or SQLite failed; nothing of the batch was written.</exception>
    public async ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0)
        {
            return;
        }

        if (_readOnly)
        {
            throw new ImportException(SqliteMessages.Format(_ui, SqliteMessages.OpenedReadOnly, _store));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var committed = false;
            try
            {
                await WriteBatchAsync(changes, cancellationToken).ConfigureAwait(false);
                committed = true;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
            {
                throw new ImportException(SqliteMessages.Format(_ui, SqliteMessages.Locked, _store, BusyTimeoutSeconds), ex);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is raw.SQLITE_READONLY or raw.SQLITE_PERM or raw.SQLITE_CANTOPEN)
            {
                throw new ImportException(SqliteMessages.Format(_ui, SqliteMessages.NotWritable, _store), ex);
            }
            finally
            {
                if (!committed)
                {
                    // The rollback may have undone tables or columns this batch created: learn them again.
                    _tables.Clear();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts the records of an entity.</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of records, or 0 when nothing was ever written for the entity.</returns>
    public async Task<long> CountAsync(string entity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var table = await GetTableAsync(SqliteStorage.TableName(entity), null, cancellationToken).ConfigureAwait(false);
            if (!table.Exists)
            {
                return 0;
            }

            var command = _connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT COUNT(*) FROM " + table.Quoted;
                var count = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return count is long n ? n : 0;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads every record of an entity, in the order they were written (for tests and export).</summary>
    /// <param name="schema">The entity.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The records, each indexed by <see cref="FieldDefinition.Index"/> with values of the field's type; none when nothing was ever written for the entity.</returns>
    /// <remarks>Records are read by pages, the sink being free between pages: other calls may be made while enumerating.</remarks>
    public async IAsyncEnumerable<object?[]> ReadAllAsync(EntitySchema schema, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var last = long.MinValue;
        while (true)
        {
            var page = await ReadPageAsync(schema, last, cancellationToken).ConfigureAwait(false);
            foreach (var (_, record) in page)
            {
                yield return record;
            }

            if (page.Count < ReadPageSize)
            {
                yield break;
            }

            last = page[^1].Id;
        }
    }

    /// <summary>Closes the database file.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    /// <remarks>Waits for the call in progress, if any; calls made afterwards throw <see cref="ObjectDisposedException"/>.</remarks>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_readOnly)
            {
                try
                {
                    // The write-ahead log is checkpointed rarely while importing (one transaction per batch); fold it in before closing.
                    var checkpoint = _connection.CreateCommand();
                    await using (checkpoint.ConfigureAwait(false))
                    {
                        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                        await checkpoint.ExecuteNonQueryAsync().ConfigureAwait(false);
                    }
                }
                catch (SqliteException)
                {
                    // Another connection holds the database: SQLite checkpoints later.
                }
            }

            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: the write lock is taken now (waiting for another writer's batch to be committed), so that the tables
        // learned and created below, and every key inserted, are checked against the store as it is while this batch is written.
        var transaction = _connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            var writers = new List<SqliteEntityWriter>();
            try
            {
                SqliteEntityWriter? writer = null;
                for (var i = 0; i < changes.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var change = changes[i] ?? throw new ArgumentException($"Change {i} is null.", nameof(changes));
                    if (writer is null || !ReferenceEquals(writer.Schema, change.Schema))
                    {
                        writer = writers.Find(w => ReferenceEquals(w.Schema, change.Schema));
                        if (writer is null)
                        {
                            var table = await EnsureTableAsync(change.Schema, transaction, cancellationToken).ConfigureAwait(false);
                            writer = new SqliteEntityWriter(_connection, transaction, change.Schema, table);
                            writers.Add(writer);
                        }
                    }

                    try
                    {
                        // SQLite has no asynchronous I/O (Microsoft.Data.Sqlite's async methods run synchronously):
                        // the per-row hot path executes the prepared commands directly.
                        if (change.Kind == ChangeKind.Update)
                        {
                            writer.Update(change);
                        }
                        else
                        {
                            writer.Insert(change);
                        }
                    }
                    catch (SqliteException ex) when (change.Kind == ChangeKind.Insert && ex.SqliteExtendedErrorCode == raw.SQLITE_CONSTRAINT_UNIQUE && writer.KeyExists(change))
                    {
                        // The UNIQUE index refused the insert (only the statement was undone): looked up by this key and not found, it was
                        // written by another connection since the look-up.
                        if (change.Row == 0 && SameFields(change.KeyFields, change.Schema.KeyFields))
                        {
                            continue; // a record the import creates itself (an auto-created code): it exists now, as wanted
                        }

                        throw new ImportException(KeyConflict(change, changes), ex);
                    }
                    catch (SqliteException ex)
                    {
                        throw new ImportException($"SQLite sink: writing the '{change.Schema.Name}' record of row {change.Row} failed: {ex.Message} The batch was rolled back.", ex);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                foreach (var w in writers)
                {
                    w.Dispose();
                }
            }
        }
    }

    private string KeyConflict(RecordChange change, IReadOnlyList<RecordChange> changes)
    {
        var schema = change.Schema;
        var values = new string[schema.KeyFields.Count];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = RecordKey.FormatValue(change.Values[schema[schema.KeyFields[k]].Index]) ?? string.Empty;
        }

        var first = int.MaxValue;
        var last = 0;
        foreach (var c in changes)
        {
            if (c is { Row: > 0 })
            {
                first = Math.Min(first, c.Row);
                last = Math.Max(last, c.Row);
            }
        }

        var keyFields = string.Join(", ", schema.KeyFields);
        return SameFields(change.KeyFields, schema.KeyFields)
            ? SqliteMessages.Format(_ui, SqliteMessages.KeyConflict, change.Row, schema.Name, keyFields, string.Join('/', values), first, last)
            : SqliteMessages.Format(_ui, SqliteMessages.KeyTaken, change.Row, schema.Name, keyFields, string.Join('/', values), string.Join(", ", change.KeyFields), first, last);
    }

    private static bool SameFields(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.Zip(b).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

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

    private async Task<List<(long Id, object?[] Record)>> ReadPageAsync(EntitySchema schema, long after, CancellationToken cancellationToken)
    {
        var page = new List<(long Id, object?[] Record)>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var table = await GetTableAsync(SqliteStorage.TableName(schema.Name), null, cancellationToken).ConfigureAwait(false);
            if (!table.Exists)
            {
                return page;
            }

            var id = SqliteStorage.Quote(SqliteStorage.IdColumn);
            var command = _connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT " + SqliteStorage.SelectList(schema, table, out var ordinals) + " FROM " + table.Quoted
                    + " WHERE " + id + " > $after ORDER BY " + id + " LIMIT " + ReadPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.Add("$after", SqliteType.Integer).Value = after;
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        page.Add((reader.GetInt64(0), SqliteStorage.ReadRecord(reader, schema, ordinals)));
                    }
                }
            }

            return page;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>What the sink knows of a table, learned from the database when not known yet. A table that does not exist is not kept (another connection may create it).</summary>
    private async Task<SqliteTable> GetTableAsync(string name, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        if (_tables.TryGetValue(name, out var table))
        {
            return table;
        }

        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var indexes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var command = _connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT 0, name FROM pragma_table_info($table) UNION ALL SELECT 1, name FROM pragma_index_list($table)";
            command.Parameters.Add("$table", SqliteType.Text).Value = name;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    (reader.GetInt64(0) == 0 ? columns : indexes).Add(reader.GetString(1));
                }
            }
        }

        table = new SqliteTable(name, columns.Count > 0, columns);
        table.Indexes.UnionWith(indexes);
        if (table.Exists)
        {
            _tables[name] = table;
        }

        return table;
    }

    /// <summary>
    /// Creates what a batch needs of an entity's table (inside the batch's immediate transaction): the table, the columns of fields added
    /// since, the UNIQUE index of the key (after checking that a table written by an earlier version holds no two records with one key)
    /// and the index of the alternate key. What is needed is decided on the database as it is under the write lock, not on what was
    /// learned before (another connection may have created it meanwhile).
    /// </summary>
    private async Task<SqliteTable> EnsureTableAsync(EntitySchema schema, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var field in schema.Fields)
        {
            if (string.Equals(field.Name, SqliteStorage.IdColumn, StringComparison.OrdinalIgnoreCase))
            {
                throw new ImportException($"SQLite sink: entity '{schema.Name}' has a field named '{field.Name}', which is the row id column of its table.");
            }
        }

        var name = SqliteStorage.TableName(schema.Name);
        var table = await GetTableAsync(name, transaction, cancellationToken).ConfigureAwait(false);
        if (!IsComplete(schema, table))
        {
            _tables.Remove(name);
            table = await GetTableAsync(name, transaction, cancellationToken).ConfigureAwait(false);
            if (IsComplete(schema, table))
            {
                return table;
            }
        }
        else
        {
            return table;
        }

        var ddl = new StringBuilder();
        if (!table.Exists)
        {
            ddl.Append("CREATE TABLE IF NOT EXISTS ").Append(table.Quoted).Append(" (").Append(SqliteStorage.Quote(SqliteStorage.IdColumn)).Append(" INTEGER PRIMARY KEY");
            foreach (var field in schema.Fields)
            {
                ddl.Append(", ").Append(SqliteStorage.Quote(field.Name)).Append(' ').Append(SqliteStorage.ColumnType(field.Type));
            }

            ddl.Append(");");
        }
        else
        {
            foreach (var field in schema.Fields)
            {
                if (!table.Columns.Contains(field.Name))
                {
                    ddl.Append("ALTER TABLE ").Append(table.Quoted).Append(" ADD COLUMN ").Append(SqliteStorage.Quote(field.Name)).Append(' ').Append(SqliteStorage.ColumnType(field.Type)).Append(';');
                }
            }
        }

        var key = schema.KeyFields;
        if (key.Count > 0 && !table.Indexes.Contains(SqliteStorage.UniqueIndexName(table.Name, key)))
        {
            if (table.Exists && key.All(table.Columns.Contains))
            {
                await CheckNoDuplicateKeysAsync(schema, table, transaction, cancellationToken).ConfigureAwait(false);
            }

            AppendIndex(ddl, "CREATE UNIQUE INDEX IF NOT EXISTS ", SqliteStorage.UniqueIndexName(table.Name, key), table, key);

            // The plain index an earlier version created on the key: the UNIQUE one replaces it.
            ddl.Append("DROP INDEX IF EXISTS ").Append(SqliteStorage.Quote(SqliteStorage.IndexName(table.Name, key))).Append(';');
        }

        var alternate = schema.AlternateKeyFields;
        if (alternate.Count > 0 && !table.Indexes.Contains(SqliteStorage.IndexName(table.Name, alternate)) && !table.Indexes.Contains(SqliteStorage.UniqueIndexName(table.Name, alternate)))
        {
            AppendIndex(ddl, "CREATE INDEX IF NOT EXISTS ", SqliteStorage.IndexName(table.Name, alternate), table, alternate);
        }

        var command = _connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = ddl.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Learned only once the DDL ran (inside the batch transaction; a rollback clears what was learned).
        table.Exists = true;
        foreach (var field in schema.Fields)
        {
            table.Columns.Add(field.Name);
        }

        if (key.Count > 0)
        {
            table.Indexes.Add(SqliteStorage.UniqueIndexName(table.Name, key));
            table.Indexes.Remove(SqliteStorage.IndexName(table.Name, key));
        }

        if (alternate.Count > 0 && !table.Indexes.Contains(SqliteStorage.UniqueIndexName(table.Name, alternate)))
        {
            table.Indexes.Add(SqliteStorage.IndexName(table.Name, alternate));
        }

        _tables[name] = table;
        return table;
    }

    /// <summary>Whether a table has everything a batch of an entity needs: its columns, the UNIQUE index of its key, an index on its alternate key.</summary>
    private static bool IsComplete(EntitySchema schema, SqliteTable table)
    {
        if (!table.Exists)
        {
            return false;
        }

        foreach (var field in schema.Fields)
        {
            if (!table.Columns.Contains(field.Name))
            {
                return false;
            }
        }

        if (schema.KeyFields.Count > 0 && !table.Indexes.Contains(SqliteStorage.UniqueIndexName(table.Name, schema.KeyFields)))
        {
            return false;
        }

        var alternate = schema.AlternateKeyFields;
        return alternate.Count == 0 || table.Indexes.Contains(SqliteStorage.IndexName(table.Name, alternate)) || table.Indexes.Contains(SqliteStorage.UniqueIndexName(table.Name, alternate));
    }

    private static void AppendIndex(StringBuilder ddl, string create, string index, SqliteTable table, IReadOnlyList<string> fields)
    {
        ddl.Append(create).Append(SqliteStorage.Quote(index)).Append(" ON ").Append(table.Quoted).Append(" (");
        for (var i = 0; i < fields.Count; i++)
        {
            ddl.Append(i == 0 ? string.Empty : ", ").Append(SqliteStorage.Quote(fields[i]));
        }

        ddl.Append(");");
    }

    /// <summary>Before the UNIQUE index is put on the key of a table written by an earlier version: fails, naming an example, when two records share a key.</summary>
    private async Task CheckNoDuplicateKeysAsync(EntitySchema schema, SqliteTable table, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var key = schema.KeyFields;
        var columns = string.Join(", ", key.Select(SqliteStorage.Quote));
        var notNull = string.Join(" AND ", key.Select(f => SqliteStorage.Quote(f) + " IS NOT NULL"));
        var groups = "SELECT " + columns + ", COUNT(*) AS n, MIN(" + SqliteStorage.Quote(SqliteStorage.IdColumn) + ") AS first FROM " + table.Quoted
            + " WHERE " + notNull + " GROUP BY " + columns + " HAVING COUNT(*) > 1";
        var command = _connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT (SELECT COUNT(*) FROM (" + groups + ")), * FROM (" + groups + ") ORDER BY first LIMIT 1";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                var values = new string[key.Count];
                for (var k = 0; k < values.Length; k++)
                {
                    values[k] = reader.IsDBNull(k + 1) ? string.Empty : Convert.ToString(reader.GetValue(k + 1), CultureInfo.InvariantCulture) ?? string.Empty;
                }

                throw new ImportException(SqliteMessages.Format(
                    _ui,
                    SqliteMessages.DuplicateKeysInStore,
                    reader.GetInt64(0),
                    schema.Name,
                    string.Join(", ", key),
                    string.Join('/', values),
                    reader.GetInt64(key.Count + 1),
                    table.Name));
            }
        }
    }
}
