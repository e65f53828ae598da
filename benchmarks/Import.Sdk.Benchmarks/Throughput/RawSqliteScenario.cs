using System.Globalization;
using CsvHelper;
using Import.Sdk.Conversion;
using Import.Sdk.Mapping;
using Import.Sdk.Sqlite;
using Microsoft.Data.Sqlite;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>
/// The SQLite floor: the same rows, pre-parsed into memory outside the timing (raw CsvHelper, cells converted to the values the
/// sink stores), inserted with one prepared <c>INSERT</c> whose parameters are reused, in one transaction, into a table created
/// with the DDL the sink itself creates (same columns, types and indexes), with the sink's pragmas (WAL, synchronous=NORMAL).
/// </summary>
/// <remarks>Diagnostic variant (<c>raw-sqlite-batched</c>): one transaction, and one freshly prepared command, per 2,000 rows, as the sink writes batches.</remarks>
internal sealed class RawSqliteScenario(int? transactionRows = null) : Scenario
{
    private readonly int? _transactionRows = transactionRows;
    private readonly List<string> _ddl = [];
    private readonly List<(string Name, string Type)> _columns = [];
    private List<object[]> _rows = [];

    public override async Task PrepareAsync(string file)
    {
        var entity = CustomerImport.Entity;
        var schema = entity.Schema;
        var table = SqliteStorage.TableName(schema.Name);

        // The sink's DDL: let the sink create its table by importing a few generated rows into a scratch database.
        var scratch = ScratchDatabase(-1);
        DeleteDatabase(scratch);
        await using (var sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(scratch)))
        {
            await CustomerImport.SeedReferenceDataAsync(sink);
            var few = CustomerImport.Build(sink);
            await few.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(Data.CustomerCsvGenerator.Create(20), "few.csv")));
        }

        await using (var connection = new SqliteConnection(new SqliteSinkOptions(scratch).ConnectionString))
        {
            await connection.OpenAsync();
            await using var ddl = connection.CreateCommand();
            ddl.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = $t AND sql IS NOT NULL ORDER BY type DESC";
            ddl.Parameters.AddWithValue("$t", table);
            await using (var reader = await ddl.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    _ddl.Add(reader.GetString(0));
                }
            }

            await using var columns = connection.CreateCommand();
            columns.CommandText = "SELECT name, type FROM pragma_table_info($t) ORDER BY cid";
            columns.Parameters.AddWithValue("$t", table);
            await using var columnReader = await columns.ExecuteReaderAsync();
            while (await columnReader.ReadAsync())
            {
                var name = columnReader.GetString(0);
                if (name != SqliteStorage.IdColumn)
                {
                    _columns.Add((name, columnReader.GetString(1)));
                }
            }
        }

        DeleteDatabase(scratch);

        // The mapping the pipeline would use, then every row pre-parsed into the stored values.
        var inspection = await CustomerImport.Build(new InMemorySink()).InspectAsync(new InspectRequest(ImportSource.FromFile(file)));
        var fieldOfColumn = inspection.Mapping.Columns.ToDictionary(c => c.Index, c => c.Field);
        var sources = new (int Column, FieldDefinition Field)[_columns.Count];
        for (var c = 0; c < _columns.Count; c++)
        {
            var field = schema[_columns[c].Name];
            var column = fieldOfColumn.FirstOrDefault(p => p.Value == field.Name, new KeyValuePair<int, string?>(-1, null)).Key;
            sources[c] = (column, field);
        }

        var formats = new ImportOptions().DateFormats.ToArray();
        _rows = [];
        using var csv = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ';' });
        while (csv.Read())
        {
            var values = new object[_columns.Count];
            for (var c = 0; c < values.Length; c++)
            {
                var (column, field) = sources[c];
                var text = column >= 0 ? ValueParsers.Trim(csv.GetString(column)).ToString() : field.DefaultValue ?? string.Empty;
                values[c] = Stored(field, text, formats);
            }

            _rows.Add(values);
        }
    }

    public override async Task<IScenarioRun> CreateRunAsync(string file, int run)
    {
        var path = ScratchDatabase(run);
        DeleteDatabase(path);
        var connection = new SqliteConnection(new SqliteSinkOptions(path).ConnectionString);
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; " + string.Join(";\n", _ddl) + ";";
            await setup.ExecuteNonQueryAsync();
        }

        return new Run(this, connection, path);
    }

    private static object Stored(FieldDefinition field, string text, string[] formats)
    {
        if (text.Length == 0)
        {
            return DBNull.Value;
        }

        switch (field.Type)
        {
            case FieldType.Integer:
                return ValueParsers.TryParseInteger(text, NumberStyleKind.French, out var l) ? l : DBNull.Value;
            case FieldType.Boolean:
                return ValueParsers.TryParseBoolean(text, out var b) ? (b ? 1L : 0L) : DBNull.Value;
            case FieldType.Decimal:
                return ValueParsers.TryParseDecimal(text, NumberStyleKind.French, out var d) ? d.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
            case FieldType.Date:
                return ValueParsers.TryParseDate(text, formats, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            case FieldType.Enum:
                var key = TextNormalizer.Normalize(text);
                return field.EnumLookup.TryGetValue(key, out var canonical) ? canonical : text;
            default:
                return text;
        }
    }

    private sealed class Run(RawSqliteScenario scenario, SqliteConnection connection, string path) : IScenarioRun
    {
        public Task<RunOutcome> ExecuteAsync()
        {
            var rows = scenario._rows;
            var step = scenario._transactionRows ?? rows.Count;
            var transactions = 0;
            for (var start = 0; start < rows.Count; start += step)
            {
                InsertInOneTransaction(rows, start, Math.Min(step, rows.Count - start));
                transactions++;
            }

            return Task.FromResult(new RunOutcome(rows.Count, string.Create(CultureInfo.InvariantCulture, $"{scenario._columns.Count} columns, {scenario._ddl.Count} DDL statements, {transactions} transactions")));
        }

        private void InsertInOneTransaction(List<object[]> rows, int start, int count)
        {
            var table = SqliteStorage.Quote(SqliteStorage.TableName(CustomerImport.Entity.Name));
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", scenario._columns.Select(c => SqliteStorage.Quote(c.Name)))}) VALUES ({string.Join(", ", scenario._columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = new SqliteParameter[scenario._columns.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), scenario._columns[i].Type == "INTEGER" ? SqliteType.Integer : SqliteType.Text);
            }

            insert.Prepare();
            for (var r = start; r < start + count; r++)
            {
                var row = rows[r];
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        public async Task<string?> VerifyAsync(RunOutcome outcome, long expectedRows)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM " + SqliteStorage.Quote(SqliteStorage.TableName(CustomerImport.Entity.Name));
            var n = (long)(await count.ExecuteScalarAsync())!;
            return n == expectedRows ? null : $"the table holds {n} rows, expected {expectedRows}";
        }

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            DeleteDatabase(path);
        }
    }
}
