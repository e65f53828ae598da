namespace Import.Sdk;

/// <summary>How rows are matched against the records already in the store.</summary>
public enum ImportMode
{
    /// <summary>Insert new keys and update existing ones (the default).</summary>
    Upsert = 0,

    /// <summary>Only insert: a key already in the store is rejected with <c>already_exists</c>.</summary>
    Insert = 1,

    /// <summary>Only update: a key absent from the store is rejected with <c>not_found</c>.</summary>
    Update = 2,
}
