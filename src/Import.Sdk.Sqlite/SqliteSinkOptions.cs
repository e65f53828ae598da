using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Import.Sdk.Sqlite;

/// <summary>Where a <see cref="SqliteSink"/> keeps its records, and how it opens them.</summary>
/// <param name="Path">The database file, created when missing unless <see cref="ReadOnly"/> (or <c>:memory:</c> for a private in-memory database that lives as long as the sink).</param>
public sealed record SqliteSinkOptions(string Path)
{
    /// <summary>
    /// Gets a value indicating whether the sink only reads the store (a simulation): the file is opened read-only, nothing is
    /// written to it (no table, no index, not even a setting such as the journal mode), and <see cref="SqliteSink.WriteAsync"/> throws.
    /// A store that does not exist yet reads as an empty store and is not created.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: the sink reads and writes, and creates the file when missing.</value>
    public bool ReadOnly { get; init; }

    /// <summary>Gets the language of the sink's messages (English, or French for a French culture).</summary>
    /// <value>The default value is fr-FR, as <see cref="ImportOptions.UiCulture"/>.</value>
    public CultureInfo UiCulture { get; init; } = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// Gets the connection string the sink opens: the file, read-only or created when missing, without connection pooling so
    /// that the file is released when the sink is disposed. A command that finds the store locked by another connection (another
    /// import writing its batch) waits for it, up to 30 seconds.
    /// </summary>
    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();
}
