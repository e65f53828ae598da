namespace Import.Sdk;

/// <summary>A suggested mapping of a file's columns to an entity's fields: what a host's mapping screen is built from.</summary>
/// <param name="Columns">One match per source column, in file order.</param>
/// <param name="UnmatchedColumns">The headers of the columns mapped to no field.</param>
/// <param name="UnmappedRequiredFields">The required fields no column is mapped to.</param>
public sealed record MappingSuggestion(IReadOnlyList<ColumnMatch> Columns, IReadOnlyList<string> UnmatchedColumns, IReadOnlyList<string> UnmappedRequiredFields)
{
    /// <summary>Turns the suggestion into a profile that can be adjusted, saved and reused.</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="culture">The culture of the file.</param>
    /// <returns>The profile.</returns>
    public ImportProfile ToProfile(string entity, string? culture = null) => new()
    {
        Entity = entity,
        Culture = culture,
        Columns = Columns.Where(c => c.Field is not null).GroupBy(c => c.Column, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Field!, StringComparer.Ordinal),
    };
}
