using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Import.Sdk.Sqlite.Resources;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Import.Sdk.Sqlite;

// The tables of a store: found, created or completed under the write lock, with the unique index of each key.
public sealed partial class SqliteSink
{
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
