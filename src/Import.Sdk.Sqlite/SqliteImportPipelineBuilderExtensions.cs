using Import.Sdk.Sqlite;

namespace Import.Sdk;

/// <summary>Registers the SQLite sink on an <see cref="ImportPipelineBuilder"/>.</summary>
public static class SqliteImportPipelineBuilderExtensions
{
    /// <summary>Writes the imported records to a SQLite database (the embedded default store).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="sink">The sink, opened with <see cref="SqliteSink.OpenAsync(SqliteSinkOptions, CancellationToken)"/>; the caller keeps ownership and disposes it.</param>
    /// <returns>The builder.</returns>
    public static ImportPipelineBuilder UseSqliteSink(this ImportPipelineBuilder builder, SqliteSink sink)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sink);
        return builder.UseSink(sink);
    }
}
