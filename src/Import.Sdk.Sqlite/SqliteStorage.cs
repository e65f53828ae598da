using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Import.Sdk.Sqlite;

/// <summary>What a sink knows about one table of its database (cached per sink instance).</summary>
internal sealed class SqliteTable
{
    public SqliteTable(string name, bool exists, HashSet<string> columns)
    {
        Name = name;
        Quoted = SqliteStorage.Quote(name);
        Exists = exists;
        Columns = columns;
    }

    /// <summary>Gets the table name (unquoted).</summary>
    public string Name { get; }

    /// <summary>Gets the quoted table name.</summary>
    public string Quoted { get; }

    /// <summary>Gets or sets a value indicating whether the table exists.</summary>
    public bool Exists { get; set; }

    /// <summary>Gets the columns of the table (SQLite names are case-insensitive).</summary>
    public HashSet<string> Columns { get; }

    /// <summary>Gets the names of the indexes known to exist on the table.</summary>
    public HashSet<string> Indexes { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Names, SQL text and value conversions of the SQLite sink: how records are stored.</summary>
internal static class SqliteStorage
{
    /// <summary>The row id column of every table.</summary>
    public const string IdColumn = "_id";

    private static readonly object One = 1L;
    private static readonly object Zero = 0L;
    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>The table of an entity: its name with '-' replaced by '_'.</summary>
    public static string TableName(string entity) => entity.Replace('-', '_');

    /// <summary>Quotes an identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The declared type of the column of a field.</summary>
    public static string ColumnType(FieldType type) => IsInteger(type) ? "INTEGER" : "TEXT";

    /// <summary>Whether a field is stored as an INTEGER (Integer, Boolean) rather than canonical TEXT.</summary>
    public static bool IsInteger(FieldType type) => type is FieldType.Integer or FieldType.Boolean;

    /// <summary>The SQLite type of a parameter that binds a value of a field.</summary>
    public static SqliteType ParameterType(FieldType type) => IsInteger(type) ? SqliteType.Integer : SqliteType.Text;

    /// <summary>
    /// Converts a record value to the value stored: text as is, Integer as <see cref="long"/>, Boolean as 1/0,
    /// Decimal as invariant text (exact), Date as <c>yyyy-MM-dd</c>; <see langword="null"/> as <see cref="DBNull"/>.
    /// </summary>
    /// <returns><see langword="false"/> when the value does not fit the field type.</returns>
    public static bool TryToDb(object? value, FieldType type, out object stored)
    {
        if (value is null)
        {
            stored = DBNull.Value;
            return true;
        }

        switch (type)
        {
            case FieldType.Integer:
                switch (value)
                {
                    case long:
                        stored = value;
                        return true;
                    case int i:
                        stored = (long)i;
                        return true;
                    case short or byte or sbyte or ushort or uint:
                        stored = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                        return true;
                    case decimal d when decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue:
                        stored = (long)d;
                        return true;
                    default:
                        stored = DBNull.Value;
                        return false;
                }

            case FieldType.Boolean:
                if (value is bool b)
                {
                    stored = b ? One : Zero;
                    return true;
                }

                stored = DBNull.Value;
                return false;

            case FieldType.Decimal:
                switch (value)
                {
                    case decimal d:
                        stored = d.ToString(CultureInfo.InvariantCulture);
                        return true;
                    case long or int or short or byte or sbyte or ushort or uint:
                        stored = Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                        return true;
                    default:
                        stored = DBNull.Value;
                        return false;
                }

            case FieldType.Date:
                switch (value)
                {
                    case DateOnly d:
                        stored = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        return true;
                    case DateTime dt:
                        stored = DateOnly.FromDateTime(dt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        return true;
                    default:
                        stored = DBNull.Value;
                        return false;
                }

            default:
                stored = value as string ?? (object?)RecordKey.FormatValue(value) ?? DBNull.Value;
                return true;
        }
    }

    /// <summary>Reads a stored value back as the value of a field of the given type.</summary>
    public static object? FromDb(SqliteDataReader reader, int ordinal, FieldType type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type switch
        {
            FieldType.Integer => reader.GetInt64(ordinal),
            FieldType.Boolean => reader.GetInt64(ordinal) != 0 ? True : False,
            FieldType.Decimal => decimal.Parse(reader.GetString(ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
            FieldType.Date => DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => reader.GetString(ordinal),
        };
    }

    /// <summary>Builds the select list of a schema: <c>"_id"</c> then every field that has a column.</summary>
    /// <param name="schema">The entity.</param>
    /// <param name="table">The table.</param>
    /// <param name="ordinals">For each field, the ordinal of its column in the result, or -1 when the table has no such column.</param>
    /// <param name="alias">The alias of the table, or <see langword="null"/>.</param>
    /// <returns>The select list.</returns>
    public static string SelectList(EntitySchema schema, SqliteTable table, out int[] ordinals, string? alias = null)
    {
        var prefix = alias is null ? string.Empty : alias + ".";
        var sql = new StringBuilder(prefix).Append(Quote(IdColumn));
        ordinals = new int[schema.Fields.Count];
        var next = 1;
        foreach (var field in schema.Fields)
        {
            if (table.Columns.Contains(field.Name))
            {
                sql.Append(", ").Append(prefix).Append(Quote(field.Name));
                ordinals[field.Index] = next++;
            }
            else
            {
                ordinals[field.Index] = -1;
            }
        }

        return sql.ToString();
    }

    /// <summary>The name of the plain index the sink creates for an alternate key (and an earlier version created for the key).</summary>
    public static string IndexName(string table, IReadOnlyList<string> fields) => "ix_" + table + "__" + string.Join("__", fields);

    /// <summary>The name of the UNIQUE index the sink creates for the key of an entity.</summary>
    public static string UniqueIndexName(string table, IReadOnlyList<string> fields) => "ux_" + table + "__" + string.Join("__", fields);

    /// <summary>
    /// Builds the look-up query of a set of keys passed as one JSON array in <c>$keys</c> (see <see cref="KeysJson"/>).
    /// One field: <c>WHERE "f" IN (SELECT value FROM json_each($keys))</c>, which searches the index when there is one and scans the table once otherwise.
    /// Several fields with the sink's index on them: the keys, materialized, joined to the table through the index.
    /// Several fields without such an index: a row value <c>("a", "b") IN (SELECT …)</c>, at worst one scan of the table.
    /// </summary>
    public static string LookupSql(EntitySchema schema, SqliteTable table, IReadOnlyList<string> keyFields, out int[] ordinals)
    {
        var sql = new StringBuilder();
        if (keyFields.Count > 1 && (table.Indexes.Contains(UniqueIndexName(table.Name, keyFields)) || table.Indexes.Contains(IndexName(table.Name, keyFields))))
        {
            sql.Append("WITH k AS MATERIALIZED (SELECT ");
            for (var i = 0; i < keyFields.Count; i++)
            {
                sql.Append(i == 0 ? string.Empty : ", ").Append("json_extract(value, '$[").Append(i).Append("]') AS k").Append(i);
            }

            sql.Append(" FROM json_each($keys)) SELECT ").Append(SelectList(schema, table, out ordinals, "r")).Append(" FROM k JOIN ").Append(table.Quoted).Append(" AS r ON ");
            for (var i = 0; i < keyFields.Count; i++)
            {
                sql.Append(i == 0 ? "r." : " AND r.").Append(Quote(keyFields[i])).Append(" = k.k").Append(i);
            }

            return sql.ToString();
        }

        sql.Append("SELECT ").Append(SelectList(schema, table, out ordinals)).Append(" FROM ").Append(table.Quoted).Append(" WHERE ");
        if (keyFields.Count == 1)
        {
            return sql.Append(Quote(keyFields[0])).Append(" IN (SELECT value FROM json_each($keys))").ToString();
        }

        sql.Append('(');
        for (var i = 0; i < keyFields.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(Quote(keyFields[i]));
        }

        sql.Append(") IN (SELECT ");
        for (var i = 0; i < keyFields.Count; i++)
        {
            sql.Append(i == 0 ? "json_extract(value, '$[" : ", json_extract(value, '$[").Append(i).Append("]')");
        }

        return sql.Append(" FROM json_each($keys))").ToString();
    }

    /// <summary>Reads a complete record from the current row.</summary>
    public static object?[] ReadRecord(SqliteDataReader reader, EntitySchema schema, int[] ordinals)
    {
        var record = new object?[schema.Fields.Count];
        for (var i = 0; i < record.Length; i++)
        {
            var ordinal = ordinals[i];
            if (ordinal >= 0)
            {
                record[i] = FromDb(reader, ordinal, schema.Fields[i].Type);
            }
        }

        return record;
    }

    /// <summary>
    /// Builds the look-up keys as one JSON array for <c>json_each</c>: for one key field, an array of values; for a composite key, an array of arrays.
    /// Each part is converted to what is stored (a number for Integer and Boolean fields, the canonical text otherwise);
    /// a key with a part of another type than its field's cannot match and is left out.
    /// </summary>
    /// <returns>The JSON array, or <see langword="null"/> when no key can match.</returns>
    public static string? KeysJson(IReadOnlyList<FieldDefinition> fields, IReadOnlyCollection<RecordKey> keys)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, keys.Count * 16));
        var count = 0;
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartArray();
            if (fields.Count == 1)
            {
                var type = fields[0].Type;
                foreach (var key in keys)
                {
                    if (key.Count == 1 && TryPart(key[0], type, out var number, out var text))
                    {
                        WritePart(json, text, number);
                        count++;
                    }
                }
            }
            else
            {
                var numbers = new long[fields.Count];
                var texts = new string?[fields.Count];
                foreach (var key in keys)
                {
                    if (key.Count != fields.Count)
                    {
                        continue;
                    }

                    var ok = true;
                    for (var i = 0; i < fields.Count && ok; i++)
                    {
                        ok = TryPart(key[i], fields[i].Type, out numbers[i], out texts[i]);
                    }

                    if (!ok)
                    {
                        continue;
                    }

                    json.WriteStartArray();
                    for (var i = 0; i < fields.Count; i++)
                    {
                        WritePart(json, texts[i], numbers[i]);
                    }

                    json.WriteEndArray();
                    count++;
                }
            }

            json.WriteEndArray();
        }

        return count == 0 ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WritePart(Utf8JsonWriter json, string? text, long number)
    {
        if (text is null)
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    /// <summary>
    /// What a key part is stored as: a number for Integer and Boolean fields, the canonical text otherwise; false when the part is
    /// not of the field's type (no record can have it: keys are typed, see <see cref="RecordKey"/>).
    /// </summary>
    private static bool TryPart(object part, FieldType type, out long number, out string? text)
    {
        number = 0;
        text = null;
        switch (type)
        {
            case FieldType.Integer when part is long l:
                number = l;
                return true;
            case FieldType.Boolean when part is bool b:
                number = b ? 1 : 0;
                return true;
            case FieldType.Decimal when part is decimal:
            case FieldType.Date when part is DateOnly:
            case FieldType.Text or FieldType.Email or FieldType.Enum or FieldType.TextList when part is string:
                text = RecordKey.FormatValue(part);
                return text is not null;
            default:
                return false;
        }
    }
}
