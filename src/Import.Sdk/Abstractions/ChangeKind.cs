namespace Import.Sdk;

/// <summary>What a <see cref="RecordChange"/> does to the store.</summary>
public enum ChangeKind
{
    /// <summary>Adds a new record.</summary>
    Insert = 0,

    /// <summary>Replaces the record that has the same key.</summary>
    Update = 1,
}
