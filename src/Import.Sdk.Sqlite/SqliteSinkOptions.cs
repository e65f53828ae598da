using Microsoft.Data.Sqlite;

namespace Import.Sdk.Sqlite;

/// <summary>Where a <see cref="SqliteSink"/> keeps its records.</summary>
/// <param name="Path">The database file, created when missing (or <c>:memory:</c> for a private in-memory database that lives as long as the sink).</param>
public sealed record SqliteSinkOptions(string Path)
{
    /// <summary>Gets the connection string the sink opens: the file, created when missing, without connection pooling so that the file is released when the sink is disposed.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();
}
