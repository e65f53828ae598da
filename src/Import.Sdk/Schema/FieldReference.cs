namespace Import.Sdk;

/// <summary>Says that a field names a record of another entity (or of the same entity) by one of its fields.</summary>
public sealed class FieldReference
{
    /// <summary>Creates a reference.</summary>
    /// <param name="target">The referenced entity, or <see langword="null"/> for the entity itself (a parent in the same entity).</param>
    /// <param name="targetField">The field of the referenced entity that the value names.</param>
    /// <param name="isParent">Whether a missing record is reported as <c>unknown_parent</c> instead of <c>unknown_reference</c>.</param>
    /// <param name="creation">What to do when the referenced record does not exist.</param>
    public FieldReference(EntitySchema? target, string targetField, bool isParent = false, ReferenceCreation creation = ReferenceCreation.Never)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetField);
        Target = target;
        TargetField = targetField;
        IsParent = isParent;
        Creation = creation;
    }

    /// <summary>Gets the referenced entity, or <see langword="null"/> when the field references its own entity.</summary>
    public EntitySchema? Target { get; }

    /// <summary>Gets the field of the referenced entity that the value names.</summary>
    public string TargetField { get; }

    /// <summary>Gets a value indicating whether a missing record is reported as <c>unknown_parent</c>.</summary>
    public bool IsParent { get; }

    /// <summary>Gets what happens when the referenced record does not exist.</summary>
    public ReferenceCreation Creation { get; }

    /// <summary>
    /// Gets the other fields of the referenced entity that an import may choose, in its profile's
    /// <see cref="ImportProfile.References"/> (the CLI's <c>--ref</c>), for the values to name instead of
    /// <see cref="TargetField"/>: such as an invoice's account named by the customer's accounting code rather than by its code.
    /// Each should identify one record. Empty by default: only <see cref="TargetField"/>.
    /// </summary>
    public IReadOnlyList<string> AlternateTargetFields
    {
        get => _alternates;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var name in value)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(value));
            }

            _alternates = [.. value];
        }
    }

    private readonly string[] _alternates = [];

    /// <summary>Whether an import may have the values name <paramref name="field"/> of the referenced entity.</summary>
    internal bool Allows(string field) =>
        string.Equals(field, TargetField, StringComparison.Ordinal) || Array.IndexOf(_alternates, field) >= 0;
}
