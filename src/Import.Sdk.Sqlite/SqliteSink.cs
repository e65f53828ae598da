using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Import.Sdk.Sqlite.Resources;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Import.Sdk.Sqlite;

// Over 400 lines (about 780 over its partial files: opening, schema), on purpose: one connection and its prepared commands are
// the state every part uses; the parts are split by concern into SqliteSink.Opening.cs and SqliteSink.Schema.cs.

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
public sealed partial class SqliteSink : IImportSink, IAsyncDisposable
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

    /// <inheritdoc/>
    /// <remarks>
    /// One query per call whatever the number of keys: the keys are passed as one JSON array to <c>json_each</c>
    /// (<c>WHERE "code" IN (SELECT value FROM json_each($keys))</c>; for a composite key, a join through the key's index, or a row value <c>IN</c> when no index has those fields).
    /// Keys are typed (<see cref="RecordKey"/>): text compares exactly; Integer and Boolean keys are compared as numbers, Decimal and
    /// Date keys as their canonical text; a key part of another type than its field's matches nothing.
    /// When several records have the same key, the first one written is returned.
    /// </remarks>
    public async ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default)
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
        var found = new Dictionary<RecordKey, (long Id, object?[] Record)>();
        var json = keys.Count == 0 ? null : SqliteStorage.KeysJson(fields, keys);
        if (json is null)
        {
            return new Dictionary<RecordKey, object?[]>();
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
                return new Dictionary<RecordKey, object?[]>();
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
                        if (RecordKey.Of(schema, keyFields, record) is { } key && (!found.TryGetValue(key, out var existing) || id < existing.Id))
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

        var result = new Dictionary<RecordKey, object?[]>(found.Count);
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

    /// <summary>
    /// Reads every record of an entity, in the order they were written: for tests and export, and for the planning rules that read
    /// small reference data whole (<see cref="IImportSink.ReadAllAsync"/>, such as the warehouses of an articles import).
    /// </summary>
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
                        else if (change.Kind == ChangeKind.ReplaceChildren)
                        {
                            writer.DeleteChildren(change);
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
}
