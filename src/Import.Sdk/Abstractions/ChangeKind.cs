namespace Import.Sdk;

/// <summary>What a <see cref="RecordChange"/> does to the store.</summary>
public enum ChangeKind
{
    /// <summary>Adds a new record.</summary>
    Insert = 0,

    /// <summary>Replaces the record that has the same key.</summary>
    Update = 1,

    /// <summary>
    /// Deletes every record of the entity whose <see cref="RecordChange.KeyFields"/> hold <see cref="RecordChange.Key"/> (none
    /// is no error): the children of one parent, such as the components of a bill of materials, so that the inserts that follow
    /// in the batch are its whole set ("replace the children of this parent"). Only <see cref="RecordChange.KeyFields"/> of
    /// <see cref="RecordChange.Values"/> are read.
    /// </summary>
    ReplaceChildren = 2,
}
