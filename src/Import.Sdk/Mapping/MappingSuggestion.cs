namespace Import.Sdk;

/// <summary>A suggested mapping of a file's columns to an entity's fields: what a host's mapping screen is built from.</summary>
public sealed record MappingSuggestion
{
    /// <summary>Initializes a new instance of the <see cref="MappingSuggestion"/> class.</summary>
    /// <param name="columns">One match per source column, in file order.</param>
    /// <param name="unmatchedColumns">The headers of the columns mapped to no field.</param>
    /// <param name="unmappedRequiredFields">The required fields no column is mapped to.</param>
    public MappingSuggestion(IReadOnlyList<ColumnMatch> columns, IReadOnlyList<string> unmatchedColumns, IReadOnlyList<string> unmappedRequiredFields)
    {
        Columns = columns;
        UnmatchedColumns = unmatchedColumns;
        UnmappedRequiredFields = unmappedRequiredFields;
    }

    /// <summary>Gets one match per source column, in file order.</summary>
    public IReadOnlyList<ColumnMatch> Columns { get; init; }

    /// <summary>Gets the headers of the columns mapped to no field.</summary>
    public IReadOnlyList<string> UnmatchedColumns { get; init; }

    /// <summary>Gets the required fields no column is mapped to.</summary>
    public IReadOnlyList<string> UnmappedRequiredFields { get; init; }

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
