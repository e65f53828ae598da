using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Import.Sdk.Sqlite;

/// <summary>
/// The prepared INSERT and UPDATE commands of one entity within one write batch. Commands and their parameters are created once;
/// each row only changes parameter values and executes (the hot path: no per-row command or string).
/// </summary>
/// <remarks>
/// Inserts go through SQLitePCLRaw, the layer under Microsoft.Data.Sqlite, on the connection's own handle (so within its
/// transaction): values are bound by position, text as UTF-16 spans. Microsoft.Data.Sqlite binds every parameter by name on every
/// execution (a UTF-8 copy of the name and a look-up each), which measured as most of the cost of an insert.
/// </remarks>
internal sealed class SqliteEntityWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteTable _table;
    private readonly FieldType[] _types;
    private readonly List<UpdateStatement> _updates = [];
    private sqlite3_stmt? _insert;
    private UpdateStatement? _lastUpdate;

    public SqliteEntityWriter(SqliteConnection connection, SqliteTransaction transaction, EntitySchema schema, SqliteTable table)
    {
        _connection = connection;
        _transaction = transaction;
        Schema = schema;
        _table = table;
        _types = new FieldType[schema.Fields.Count];
        for (var i = 0; i < _types.Length; i++)
        {
            _types[i] = schema.Fields[i].Type;
        }
    }

    public EntitySchema Schema { get; }

    /// <summary>Inserts the record of a change.</summary>
    public void Insert(RecordChange change)
    {
        _insert ??= Prepare(InsertSql());
        CheckWidth(change);
        for (var i = 0; i < _types.Length; i++)
        {
            Check(Stored(change, i) switch
            {
                string text => raw.sqlite3_bind_text16(_insert, i + 1, text.AsSpan()),
                long number => raw.sqlite3_bind_int64(_insert, i + 1, number),
                DBNull => raw.sqlite3_bind_null(_insert, i + 1),
                var other => raw.sqlite3_bind_text16(_insert, i + 1, Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture).AsSpan()),
            });
        }

        var rc = raw.sqlite3_step(_insert);
        raw.sqlite3_reset(_insert);
        if (rc != raw.SQLITE_DONE)
        {
            throw Error(rc);
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement));
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc);
        }
    }

    private SqliteException Error(int rc) =>
        new(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_connection.Handle));

    /// <summary>Replaces the first record (lowest <c>_id</c>) that has the key of a change.</summary>
    /// <exception cref="ImportException">No record has the key.</exception>
    public void Update(RecordChange change)
    {
        var update = _lastUpdate;
        if (update is null || !SameFields(update.KeyFields, change.KeyFields))
        {
            update = _updates.Find(u => SameFields(u.KeyFields, change.KeyFields));
            if (update is null)
            {
                update = CreateUpdate(change.KeyFields);
                _updates.Add(update);
            }

            _lastUpdate = update;
        }

        Bind(update.Values, change);
        var values = change.Values;
        for (var k = 0; k < update.KeyIndexes.Length; k++)
        {
            var index = update.KeyIndexes[k];
            if (!SqliteStorage.TryToDb(values[index], _types[index], out var stored))
            {
                throw WrongType(change, index);
            }

            update.Keys[k].Value = stored;
        }

        if (update.Command.ExecuteNonQuery() == 0)
        {
            throw new ImportException($"SQLite sink: no '{Schema.Name}' record has the key '{change.Key}' ({string.Join(", ", change.KeyFields)}) to update (row {change.Row}). The batch was rolled back.");
        }
    }

    /// <summary>Deletes every record whose key fields of the change hold its key (<see cref="ChangeKind.ReplaceChildren"/>).</summary>
    public void DeleteChildren(RecordChange change)
    {
        using var command = NewCommand(string.Empty);
        var sql = new StringBuilder("DELETE FROM ").Append(_table.Quoted).Append(" WHERE ");
        for (var k = 0; k < change.KeyFields.Count; k++)
        {
            var index = Schema[change.KeyFields[k]].Index;
            if (!SqliteStorage.TryToDb(change.Values[index], _types[index], out var stored) || stored is DBNull)
            {
                throw WrongType(change, index);
            }

            var name = "$k" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(k == 0 ? string.Empty : " AND ").Append(SqliteStorage.Quote(change.KeyFields[k])).Append(" = ").Append(name);
            command.Parameters.Add(name, SqliteStorage.ParameterType(_types[index])).Value = stored;
        }

        command.CommandText = sql.ToString();
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Whether the table holds a record with the entity's key (<see cref="EntitySchema.KeyFields"/>) of a change: after an insert the
    /// UNIQUE index refused, tells a key written by another connection from a host's own constraint (the rare path, one query).
    /// </summary>
    public bool KeyExists(RecordChange change)
    {
        var key = Schema.KeyFields;
        if (key.Count == 0)
        {
            return false;
        }

        using var command = NewCommand(string.Empty);
        var sql = new StringBuilder("SELECT 1 FROM ").Append(_table.Quoted).Append(" WHERE ");
        for (var k = 0; k < key.Count; k++)
        {
            var index = Schema[key[k]].Index;
            if (!SqliteStorage.TryToDb(change.Values[index], _types[index], out var stored) || stored is DBNull)
            {
                return false;
            }

            var name = "$k" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(k == 0 ? string.Empty : " AND ").Append(SqliteStorage.Quote(key[k])).Append(" = ").Append(name);
            command.Parameters.Add(name, SqliteStorage.ParameterType(_types[index])).Value = stored;
        }

        command.CommandText = sql.Append(" LIMIT 1").ToString();
        return command.ExecuteScalar() is not null;
    }

    public void Dispose()
    {
        _insert?.Dispose(); // finalizes the statement
        foreach (var u in _updates)
        {
            u.Command.Dispose();
        }
    }

    private static bool SameFields(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void CheckWidth(RecordChange change)
    {
        if (change.Values.Count != _types.Length)
        {
            throw new ImportException($"SQLite sink: the '{Schema.Name}' record of row {change.Row} has {change.Values.Count} values, not {_types.Length}.");
        }
    }

    /// <summary>The value of field <paramref name="index"/> of a change as stored (see <see cref="SqliteStorage.TryToDb"/>).</summary>
    private object Stored(RecordChange change, int index) =>
        SqliteStorage.TryToDb(change.Values[index], _types[index], out var stored) ? stored : throw WrongType(change, index);

    private void Bind(SqliteParameter[] parameters, RecordChange change)
    {
        CheckWidth(change);
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = Stored(change, i);
        }
    }

    private ImportException WrongType(RecordChange change, int index) =>
        new($"SQLite sink: field '{Schema.Fields[index].Name}' of the '{Schema.Name}' record of row {change.Row} holds a {change.Values[index]!.GetType().Name}, not a value of type {_types[index]}.");

    private SqliteParameter[] AddValueParameters(SqliteCommand command)
    {
        var parameters = new SqliteParameter[_types.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.Parameters.Add("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteStorage.ParameterType(_types[i]));
        }

        return parameters;
    }

    private SqliteCommand NewCommand(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private string InsertSql()
    {
        var sql = new StringBuilder("INSERT INTO ").Append(_table.Quoted).Append(" (");
        for (var i = 0; i < _types.Length; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(SqliteStorage.Quote(Schema.Fields[i].Name));
        }

        sql.Append(") VALUES (");
        for (var i = 0; i < _types.Length; i++)
        {
            sql.Append(i == 0 ? "$p" : ", $p").Append(i);
        }

        sql.Append(')');
        return sql.ToString();
    }

    private UpdateStatement CreateUpdate(IReadOnlyList<string> keyFields)
    {
        var keyIndexes = new int[keyFields.Count];
        for (var k = 0; k < keyIndexes.Length; k++)
        {
            keyIndexes[k] = Schema[keyFields[k]].Index;
        }

        var sql = new StringBuilder("UPDATE ").Append(_table.Quoted).Append(" SET ");
        for (var i = 0; i < _types.Length; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(SqliteStorage.Quote(Schema.Fields[i].Name)).Append(" = $p").Append(i);
        }

        // The record the look-up found: the first one with the key, as the in-memory sink does.
        sql.Append(" WHERE ").Append(SqliteStorage.Quote(SqliteStorage.IdColumn)).Append(" = (SELECT ").Append(SqliteStorage.Quote(SqliteStorage.IdColumn))
            .Append(" FROM ").Append(_table.Quoted).Append(" WHERE ");
        for (var k = 0; k < keyIndexes.Length; k++)
        {
            sql.Append(k == 0 ? string.Empty : " AND ").Append(SqliteStorage.Quote(keyFields[k])).Append(" = $k").Append(k);
        }

        sql.Append(" ORDER BY ").Append(SqliteStorage.Quote(SqliteStorage.IdColumn)).Append(" LIMIT 1)");
        var command = NewCommand(sql.ToString());
        var values = AddValueParameters(command);
        var keys = new SqliteParameter[keyIndexes.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = command.Parameters.Add("$k" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteStorage.ParameterType(_types[keyIndexes[k]]));
        }

        command.Prepare();
        return new UpdateStatement(keyFields.ToArray(), keyIndexes, command, values, keys);
    }

    private sealed record UpdateStatement(IReadOnlyList<string> KeyFields, int[] KeyIndexes, SqliteCommand Command, SqliteParameter[] Values, SqliteParameter[] Keys);
}
