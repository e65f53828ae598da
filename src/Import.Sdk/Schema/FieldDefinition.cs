using System.Collections.Frozen;
using Import.Sdk.Mapping;

namespace Import.Sdk;

/// <summary>One field of an <see cref="EntitySchema"/>: its name, labels, type and rules. Immutable.</summary>
public sealed class FieldDefinition
{
    internal FieldDefinition(FieldBuilder b, int index)
    {
        Name = b.Name;
        Index = index;
        Type = b.Type;
        LabelFr = b.LabelFrValue ?? b.Name;
        LabelEn = b.LabelEnValue ?? b.Name;
        IsRequired = b.IsRequiredValue;
        MaxLength = b.MaxLengthValue;
        MinValue = b.MinValueValue;
        AllowedValues = b.AllowedValuesList.ToArray();
        Aliases = b.AliasesMap.ToFrozenDictionary(StringComparer.Ordinal);
        Reference = b.ReferenceValue;
        DefaultValue = b.DefaultValueValue;
        IsProtected = b.IsProtectedValue;
        ListSeparator = b.ListSeparatorValue;
        Synonyms = b.SynonymsList.ToArray();
        Validators = b.ValidatorsList.ToArray();
        IsCustom = b.IsCustomValue;

        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in AllowedValues)
        {
            lookup.TryAdd(TextNormalizer.Normalize(v), v);
        }

        foreach (var (alias, value) in Aliases)
        {
            lookup.TryAdd(TextNormalizer.Normalize(alias), value);
        }

        EnumLookup = lookup.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the stable snake_case name used in profiles, reports and the CLI.</summary>
    public string Name { get; }

    /// <summary>Gets the position of the field in its schema: the index of its value in a record.</summary>
    public int Index { get; }

    /// <summary>Gets the type values are converted to.</summary>
    public FieldType Type { get; }

    /// <summary>Gets the French label (used in templates and messages).</summary>
    public string LabelFr { get; }

    /// <summary>Gets the English label.</summary>
    public string LabelEn { get; }

    /// <summary>Gets a value indicating whether the field must be mapped and non-empty.</summary>
    public bool IsRequired { get; }

    /// <summary>Gets the maximum length of a text value, or <see langword="null"/> for no limit.</summary>
    public int? MaxLength { get; }

    /// <summary>Gets the smallest allowed number, or <see langword="null"/> for no limit.</summary>
    public decimal? MinValue { get; }

    /// <summary>Gets the canonical allowed values of an <see cref="FieldType.Enum"/> field.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>Gets the aliases of enum values (alias → canonical value).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>Gets the reference this field makes to another record, or <see langword="null"/>.</summary>
    public FieldReference? Reference { get; }

    /// <summary>Gets the default value (as text, converted like a cell) used when the value is empty, or <see langword="null"/>.</summary>
    public string? DefaultValue { get; }

    /// <summary>Gets a value indicating whether the field is set on insert and never overwritten by an update.</summary>
    public bool IsProtected { get; }

    /// <summary>Gets the separator of a <see cref="FieldType.TextList"/> value.</summary>
    /// <value>The default value is <c>,</c>.</value>
    public char ListSeparator { get; }

    /// <summary>Gets the header synonyms used by auto-matching (French first, then English).</summary>
    public IReadOnlyList<string> Synonyms { get; }

    /// <summary>Gets the checks of the converted text value.</summary>
    public IReadOnlyList<IFieldValidator> Validators { get; }

    /// <summary>Gets a value indicating whether the field was added by the host application.</summary>
    public bool IsCustom { get; }

    internal FrozenDictionary<string, string> EnumLookup { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
