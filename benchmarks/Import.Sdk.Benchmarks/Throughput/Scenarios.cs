using System.Globalization;
using CsvHelper;
using Import.Sdk.Conversion;
using Import.Sdk.Mapping;
using Import.Sdk.Sqlite;
using Microsoft.Data.Sqlite;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>What one measured run did.</summary>
/// <param name="Rows">The data rows read.</param>
/// <param name="Detail">Totals or counts worth printing (inserted, rejected…).</param>
internal sealed record RunOutcome(long Rows, string Detail);

/// <summary>One measured run: set up by <see cref="Scenario.CreateRunAsync"/> (not timed), executed (timed), checked, disposed (not timed).</summary>
internal interface IScenarioRun : IAsyncDisposable
{
    /// <summary>The timed part.</summary>
    Task<RunOutcome> ExecuteAsync();

    /// <summary>Checks the result (not timed).</summary>
    /// <returns>A problem, or <see langword="null"/> when the run did what it should.</returns>
    Task<string?> VerifyAsync(RunOutcome outcome, long expectedRows);
}

/// <summary>A throughput scenario, run in a child process of its own by <see cref="ScenarioRunner"/>.</summary>
internal abstract class Scenario
{
    /// <summary>The scenarios by the name the harness passes on the command line.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Scenario>> All = new Dictionary<string, Func<Scenario>>(StringComparer.Ordinal)
    {
        ["raw-csv"] = () => new RawCsvScenario(),
        ["raw-csv-async"] = () => new RawCsvScenario(RawCsvVariant.Async),
        ["raw-csv-our-options"] = () => new RawCsvScenario(RawCsvVariant.OurOptions),
        ["raw-csv-keys"] = () => new RawCsvScenario(RawCsvVariant.StringKeys),
        ["raw-csv-hashkeys"] = () => new RawCsvScenario(RawCsvVariant.HashKeys),
        ["read-ours"] = () => new OurReaderScenario(),
        ["simulate"] = () => new SimulateScenario(SourceKind.File),
        ["simulate-bytes"] = () => new SimulateScenario(SourceKind.Bytes),
        ["simulate-syncstream"] = () => new SimulateScenario(SourceKind.SyncStream),
        ["simulate-unbuffered"] = () => new SimulateScenario(SourceKind.UnbufferedStream),
        ["simulate-reads"] = () => new SimulateScenario(SourceKind.CountedBytes),
        ["ladder-plain"] = () => new SimulateScenario(SourceKind.File, LadderEntities.Plain),
        ["ladder-typed"] = () => new SimulateScenario(SourceKind.File, LadderEntities.Typed),
        ["ladder-validated"] = () => new SimulateScenario(SourceKind.File, LadderEntities.Validated),
        ["ladder-referenced"] = () => new SimulateScenario(SourceKind.File, LadderEntities.Referenced),
        ["execute-memory"] = () => new ExecuteInMemoryScenario(),
        ["execute-sqlite"] = () => new ExecuteSqliteScenario(),
        ["raw-sqlite"] = () => new RawSqliteScenario(),
    };

    /// <summary>Gets or sets the pipeline's batch size, or <see langword="null"/> for the default (diagnostic: <c>--batch N</c>).</summary>
    public int? BatchSize { get; set; }

    /// <summary>Gets or sets the folder for scratch files (databases).</summary>
    public string WorkDirectory { get; set; } = Path.GetTempPath();

    /// <summary>Work done once before any run, not timed (pre-parsing, DDL).</summary>
    public virtual Task PrepareAsync(string file) => Task.CompletedTask;

    /// <summary>Sets up one run (not timed).</summary>
    public abstract Task<IScenarioRun> CreateRunAsync(string file, int run);

    protected string ScratchDatabase(int run) =>
        Path.Combine(WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"bench-{GetType().Name}-{Environment.ProcessId}-{run}.db"));

    protected static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    protected static string Totals(ImportReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"rows {report.Totals.Rows}, inserted {report.Totals.Inserted}, updated {report.Totals.Updated}, unchanged {report.Totals.Unchanged}, rejected {report.Totals.Rejected}, issues {report.Issues.Count + report.IssuesOmitted}");

    protected static string? CheckReport(ImportReport report, long expectedRows, bool simulated)
    {
        if (report.Totals.Rows != expectedRows || report.Totals.Rejected != 0 || report.Totals.Inserted != expectedRows || report.Simulated != simulated)
        {
            var first = string.Join(" | ", report.Issues.Where(i => i.Severity == IssueSeverity.Error).Take(5).Select(i => $"row {i.Row} {i.Field} {i.Code}: {i.Message}"));
            return $"expected {expectedRows} rows all inserted and none rejected, got {Totals(report)}; first errors: {first}";
        }

        var unmapped = report.Issues.Where(i => i.Code is IssueCodes.UnmappedColumn or IssueCodes.AmbiguousColumn).Select(i => i.Column).ToArray();
        return unmapped.Length == 0 ? null : $"columns not auto-matched: {string.Join(", ", unmapped)}";
    }

    /// <summary>A run with nothing to set up or tear down.</summary>
    protected sealed class SimpleRun(Func<Task<RunOutcome>> execute, Func<RunOutcome, long, Task<string?>>? verify = null) : IScenarioRun
    {
        public Task<RunOutcome> ExecuteAsync() => execute();

        public Task<string?> VerifyAsync(RunOutcome outcome, long expectedRows) =>
            verify is null ? Task.FromResult(outcome.Rows == expectedRows ? null : $"read {outcome.Rows} rows, expected {expectedRows}") : verify(outcome, expectedRows);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>How <see cref="RawCsvScenario"/> reads.</summary>
internal enum RawCsvVariant
{
    /// <summary>R: <c>CsvReader.FromFile</c>, separator <c>;</c>, default options, synchronous <c>Read()</c>.</summary>
    Reference,

    /// <summary>Diagnostic: R over an asynchronous <see cref="FileStream"/> with <c>await ReadAsync()</c> per row, as our reader reads.</summary>
    Async,

    /// <summary>Diagnostic: R with the options our reader sets (separator detected, empty lines kept, malformed-record callback, record limit).</summary>
    OurOptions,

    /// <summary>Diagnostic: R + the key registry as <c>ImportRun</c> keeps it: <c>Dictionary&lt;string, KeyState&gt;</c> of every key string.</summary>
    StringKeys,

    /// <summary>
    /// Diagnostic: R + a compact key registry: a 64-bit hash of the key's UTF-8 bytes → first row, no string kept per key. A lower bound
    /// of what an exact compact registry costs (an exact one also keeps the key bytes, ~10 bytes a key here, in a byte arena).
    /// </summary>
    HashKeys,
}

/// <summary>R, the reference: CsvHelper 34 <c>CsvReader.FromFile</c> + <c>Read()</c> + <c>GetString(i)</c> of every field.</summary>
internal sealed class RawCsvScenario(RawCsvVariant variant = RawCsvVariant.Reference) : Scenario
{
    public override Task<IScenarioRun> CreateRunAsync(string file, int run) => Task.FromResult<IScenarioRun>(new SimpleRun(variant switch
    {
        RawCsvVariant.Async => () => ReadAsync(file),
        RawCsvVariant.OurOptions => () => Task.FromResult(Read(file, CsvReaderOptions.Default with { SkipEmptyLines = false, MaxRecordSize = 4 << 20, OnMalformedRecord = _ => { } })),
        RawCsvVariant.StringKeys => () => Task.FromResult(ReadWithStringKeys(file)),
        RawCsvVariant.HashKeys => () => Task.FromResult(ReadWithHashKeys(file)),
        _ => () => Task.FromResult(Read(file)),
    }));

    private static async Task<RunOutcome> ReadAsync(string file)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ';' }, leaveOpen: false);
        long rows = 0;
        long chars = 0;
        while (await csv.ReadAsync())
        {
            var count = csv.FieldCount;
            for (var i = 0; i < count; i++)
            {
                chars += csv.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }

    private static RunOutcome ReadWithStringKeys(string file)
    {
        using var csv = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ';' });
        var keys = new Dictionary<string, (int FirstRow, bool Accepted)>(StringComparer.Ordinal);
        long rows = 0;
        long duplicates = 0;
        while (csv.Read())
        {
            var key = csv.GetString(0);
            for (var i = 1; i < csv.FieldCount; i++)
            {
                _ = csv.GetString(i);
            }

            rows++;
            ref var state = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(keys, key, out var seen);
            if (seen)
            {
                duplicates++;
            }
            else
            {
                state.FirstRow = (int)rows + 1;
            }

            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(keys, key).Accepted = true;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{keys.Count} keys, {duplicates} duplicates"));
    }

    private static RunOutcome ReadWithHashKeys(string file)
    {
        using var csv = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ';' });
        var keys = new Dictionary<ulong, int>();
        long rows = 0;
        long duplicates = 0;
        while (csv.Read())
        {
            var hash = Fnv1A64(csv.GetSpan(0));
            for (var i = 1; i < csv.FieldCount; i++)
            {
                _ = csv.GetString(i);
            }

            rows++;
            if (!keys.TryAdd(hash, (int)rows + 1))
            {
                duplicates++;
            }
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{keys.Count} keys, {duplicates} duplicates"));
    }

    private static ulong Fnv1A64(ReadOnlySpan<byte> bytes)
    {
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1_099_511_628_211UL;
        }

        return hash;
    }

    private static RunOutcome Read(string file, CsvReaderOptions options)
    {
        using var csv = CsvReader.FromFile(file, options);
        long rows = 0;
        long chars = 0;
        while (csv.Read())
        {
            var count = csv.FieldCount;
            for (var i = 0; i < count; i++)
            {
                chars += csv.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }

    internal static RunOutcome Read(string file)
    {
        using var csv = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ';' });
        long rows = 0;
        long chars = 0;
        while (csv.Read())
        {
            var count = csv.FieldCount;
            for (var i = 0; i < count; i++)
            {
                chars += csv.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }
}

/// <summary>Diagnostic: our reader alone (format detection, encoding check, <c>CsvTabularReader.ReadAsync</c> + <c>GetString</c> of every cell), nothing else.</summary>
internal sealed class OurReaderScenario : Scenario
{
    public override Task<IScenarioRun> CreateRunAsync(string file, int run) => Task.FromResult<IScenarioRun>(new SimpleRun(() => ReadAsync(file)));

    private static async Task<RunOutcome> ReadAsync(string file)
    {
        var registry = ImportPipelineBuilder.CreateRegistry([]);
        await using var reader = await registry.OpenAsync(ImportSource.FromFile(file), new ReaderOptions(), CancellationToken.None);
        long rows = 0;
        long chars = 0;
        var width = reader.Header.Count;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < width; i++)
            {
                chars += reader.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }
}

/// <summary>Where a scenario's pipeline reads the file from.</summary>
internal enum SourceKind
{
    /// <summary><see cref="ImportSource.FromFile"/>: what hosts do (an asynchronous <see cref="FileStream"/>).</summary>
    File,

    /// <summary>Diagnostic: <see cref="ImportSource.FromBytes"/> of the file read into memory outside the timing (no I/O at all).</summary>
    Bytes,

    /// <summary>Diagnostic: <see cref="ImportSource.FromStream"/> of a synchronous, buffered <see cref="FileStream"/>.</summary>
    SyncStream,

    /// <summary>
    /// Diagnostic: <see cref="ImportSource.FromStream"/> of an asynchronous <see cref="FileStream"/> without its own buffer
    /// (<c>bufferSize: 0</c>; CsvHelper has its own): no <c>BufferedFileStreamStrategy</c>, so no semaphore taken per read.
    /// </summary>
    UnbufferedStream,

    /// <summary>Diagnostic: <see cref="Bytes"/> through a stream that counts the reads the reader makes and the bytes it asks for.</summary>
    CountedBytes,
}

/// <summary>Counts the reads made on a stream (diagnostic).</summary>
internal sealed class ReadCountingStream(Stream inner) : Stream
{
    public long Reads { get; private set; }

    public long BytesRequested { get; private set; }

    public long BytesReturned { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(count, inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer.Length, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(buffer.Length, await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Reads} reads, {BytesRequested / 1_048_576.0:N0} MiB asked, {BytesReturned / 1_048_576.0:N1} MiB returned");

    private int Count(int requested, int returned)
    {
        Reads++;
        BytesRequested += requested;
        BytesReturned += returned;
        return returned;
    }
}

/// <summary><c>SimulateAsync</c> of the customers file over an in-memory sink seeded with the default tax regime.</summary>
internal sealed class SimulateScenario(SourceKind source, Func<ImportEntity>? entity = null) : Scenario
{
    private byte[]? _bytes;

    public override async Task PrepareAsync(string file)
    {
        if (source is SourceKind.Bytes or SourceKind.CountedBytes)
        {
            _bytes = await File.ReadAllBytesAsync(file);
        }
    }

    public override async Task<IScenarioRun> CreateRunAsync(string file, int run)
    {
        var importEntity = entity?.Invoke();
        var sink = new InMemorySink();
        await CustomerImport.SeedReferenceDataAsync(sink, importEntity);
        var pipeline = CustomerImport.Build(sink, BatchSize, importEntity);
        ImportReport? report = null;
        return new SimpleRun(
            async () =>
            {
                Stream? stream = null;
                var importSource = source switch
                {
                    SourceKind.CountedBytes => ImportSource.FromStream(stream = new ReadCountingStream(new MemoryStream(_bytes!, writable: false)), Path.GetFileName(file)),
                    SourceKind.Bytes => ImportSource.FromBytes(_bytes!, Path.GetFileName(file)),
                    SourceKind.SyncStream => ImportSource.FromStream(stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), Path.GetFileName(file)),
                    SourceKind.UnbufferedStream => ImportSource.FromStream(stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan), Path.GetFileName(file)),
                    _ => ImportSource.FromFile(file),
                };
                await using (stream)
                {
                    report = await pipeline.SimulateAsync(new ImportRequest(importSource));
                }

                return new RunOutcome(report.Totals.Rows, Totals(report) + (stream is ReadCountingStream counted ? "; " + counted : string.Empty));
            },
            (_, expected) => Task.FromResult(CheckReport(report!, expected, simulated: true)));
    }
}

/// <summary><c>ExecuteAsync</c> of the customers file into a new in-memory sink.</summary>
internal sealed class ExecuteInMemoryScenario : Scenario
{
    public override async Task<IScenarioRun> CreateRunAsync(string file, int run)
    {
        var sink = new InMemorySink();
        await CustomerImport.SeedReferenceDataAsync(sink);
        var pipeline = CustomerImport.Build(sink, BatchSize);
        ImportReport? report = null;
        return new SimpleRun(
            async () =>
            {
                report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromFile(file)));
                return new RunOutcome(report.Totals.Rows, Totals(report) + string.Create(CultureInfo.InvariantCulture, $", sink batches {sink.BatchCount}"));
            },
            (_, expected) => Task.FromResult(CheckReport(report!, expected, simulated: false)
                ?? (sink.WriteCount < expected ? $"the sink holds {sink.WriteCount} writes, expected at least {expected}" : null)));
    }
}

/// <summary><c>ExecuteAsync</c> of the customers file into a new SQLite database (the sink opened and the tax regime seeded outside the timing).</summary>
internal sealed class ExecuteSqliteScenario : Scenario
{
    public override async Task<IScenarioRun> CreateRunAsync(string file, int run)
    {
        var path = ScratchDatabase(run);
        DeleteDatabase(path);
        var sink = await SqliteSink.OpenAsync(new SqliteSinkOptions(path));
        await CustomerImport.SeedReferenceDataAsync(sink);
        return new Run(file, path, sink, BatchSize);
    }

    private sealed class Run(string file, string path, SqliteSink sink, int? batchSize) : IScenarioRun
    {
        private ImportReport? _report;

        public async Task<RunOutcome> ExecuteAsync()
        {
            var builder = new ImportPipelineBuilder().UseEntity(CustomerImport.Entity).UseSqliteSink(sink);
            if (batchSize is { } size)
            {
                builder.Configure(o => o with { BatchSize = size });
            }

            var pipeline = builder.Build();
            _report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromFile(file)));
            return new RunOutcome(_report.Totals.Rows, Totals(_report));
        }

        public async Task<string?> VerifyAsync(RunOutcome outcome, long expectedRows)
        {
            var problem = CheckReport(_report!, expectedRows, simulated: false);
            var count = await sink.CountAsync(CustomerImport.Entity.Name);
            return problem ?? (count == expectedRows ? null : $"the database holds {count} customers, expected {expectedRows}");
        }

        public async ValueTask DisposeAsync()
        {
            await sink.DisposeAsync();
            DeleteDatabase(path);
        }
    }
}

/// <summary>
/// The SQLite floor: the same rows, pre-parsed into memory outside the timing (raw CsvHelper, cells converted to the values the
/// sink stores), inserted with one prepared <c>INSERT</c> whose parameters are reused, in one transaction, into a table created
/// with the DDL the sink itself creates (same columns, types and indexes), with the sink's pragmas (WAL, synchronous=NORMAL).
/// </summary>
internal sealed class RawSqliteScenario : Scenario
{
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
        var inspection = await CustomerImport.Build(new InMemorySink()).InspectAsync(ImportSource.FromFile(file));
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
            foreach (var row in scenario._rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return Task.FromResult(new RunOutcome(scenario._rows.Count, string.Create(CultureInfo.InvariantCulture, $"{scenario._columns.Count} columns, {scenario._ddl.Count} DDL statements")));
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
