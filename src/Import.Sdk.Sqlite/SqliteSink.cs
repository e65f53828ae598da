using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Import.Sdk.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file, one table per entity (its name with '-' replaced by '_'), one column per field
/// plus <c>"_id" INTEGER PRIMARY KEY</c>, and an index per key. Tables are created, and columns of fields added later to a schema
/// (custom fields) are added, by the first write that needs them; a look-up never creates anything.
/// Values are stored as: TEXT for Text, Email, Enum, TextList, Decimal (invariant text, exact) and Date (<c>yyyy-MM-dd</c>); INTEGER for Integer and Boolean (1/0).
/// </summary>
/// <remarks>
/// The sink keeps one connection open for its lifetime (WAL journal, <c>synchronous=NORMAL</c>, foreign keys off).
/// Its members may be called from several threads: they run one at a time.
/// </remarks>
public sealed class SqliteSink : IImportSink, IAsyncDisposable
{
    private const int ReadPageSize = 1024;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SqliteTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private bool _disposed;

    private SqliteSink(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (and creates when missing) the database of a sink.</summary>
    /// <param name="options">The file.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The sink; dispose it to close the file.</returns>
    public static async Task<SqliteSink> OpenAsync(SqliteSinkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        var connection = new SqliteConnection(options.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; PRAGMA wal_autocheckpoint=16384; PRAGMA cache_size=-32768;";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new SqliteSink(connection);
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
    /// One transaction per call, committed at the end; an update that finds no record, a cancellation or any failure rolls the whole batch back
    /// (tables and columns created by the batch included). Inserts and updates use prepared commands reused across the rows of the batch.
    /// </remarks>
    /// <exception cref="ImportException">An update found no record with its key, a value does not fit its field, or SQLite failed; nothing was written.</exception>
    public async ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0)
        {
            return;
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

            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
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
        _tables[name] = table;
        return table;
    }

    private async Task<SqliteTable> EnsureTableAsync(EntitySchema schema, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var field in schema.Fields)
        {
            if (string.Equals(field.Name, SqliteStorage.IdColumn, StringComparison.OrdinalIgnoreCase))
            {
                throw new ImportException($"SQLite sink: entity '{schema.Name}' has a field named '{field.Name}', which is the row id column of its table.");
            }
        }

        var table = await GetTableAsync(SqliteStorage.TableName(schema.Name), transaction, cancellationToken).ConfigureAwait(false);
        var ddl = new StringBuilder();
        if (!table.Exists)
        {
            ddl.Append("CREATE TABLE ").Append(table.Quoted).Append(" (").Append(SqliteStorage.Quote(SqliteStorage.IdColumn)).Append(" INTEGER PRIMARY KEY");
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

        foreach (var keyFields in (IReadOnlyList<string>[])[schema.KeyFields, schema.AlternateKeyFields])
        {
            if (keyFields.Count == 0)
            {
                continue;
            }

            var index = SqliteStorage.IndexName(table.Name, keyFields);
            if (table.Indexes.Contains(index))
            {
                continue;
            }

            ddl.Append("CREATE INDEX IF NOT EXISTS ").Append(SqliteStorage.Quote(index)).Append(" ON ").Append(table.Quoted).Append(" (");
            for (var i = 0; i < keyFields.Count; i++)
            {
                ddl.Append(i == 0 ? string.Empty : ", ").Append(SqliteStorage.Quote(keyFields[i]));
            }

            ddl.Append(");");
        }

        if (ddl.Length == 0)
        {
            return table;
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

        foreach (var keyFields in (IReadOnlyList<string>[])[schema.KeyFields, schema.AlternateKeyFields])
        {
            if (keyFields.Count > 0)
            {
                table.Indexes.Add(SqliteStorage.IndexName(table.Name, keyFields));
            }
        }

        return table;
    }
}
