namespace Import.Sdk.Planning;

/// <summary>How an accepted row was counted, kept for a row whose outcome may be revised (a document's rows).</summary>
internal enum RowOutcome : byte
{
    /// <summary>Its record is inserted.</summary>
    Inserted,

    /// <summary>Its record is updated.</summary>
    Updated,

    /// <summary>Its record exists as it is: nothing written.</summary>
    Unchanged,
}
