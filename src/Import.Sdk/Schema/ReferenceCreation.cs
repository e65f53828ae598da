namespace Import.Sdk;

/// <summary>What happens when a referenced code does not exist.</summary>
public enum ReferenceCreation
{
    /// <summary>The row is rejected (<c>unknown_reference</c> or <c>unknown_parent</c>).</summary>
    Never = 0,
    /// <summary>The code is created when the profile lists the field in <c>autoCreate</c>; otherwise the row is rejected.</summary>
    WhenAllowed = 1,
    /// <summary>The code is always created (for example customer groups).</summary>
    Always = 2,
}
