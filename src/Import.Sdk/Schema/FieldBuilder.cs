namespace Import.Sdk;

/// <summary>Describes one field while an <see cref="EntitySchema"/> is built.</summary>
public sealed class FieldBuilder
{
    internal FieldBuilder(string name, FieldType type)
    {
        Name = name;
        Type = type;
    }

    internal string Name { get; }
    internal FieldType Type { get; }
    internal string? LabelFrValue { get; private set; }
    internal string? LabelEnValue { get; private set; }
    internal bool IsRequiredValue { get; private set; }
    internal int? MaxLengthValue { get; private set; }
    internal decimal? MinValueValue { get; private set; }
    internal List<string> AllowedValuesList { get; } = [];
    internal Dictionary<string, string> AliasesMap { get; } = new(StringComparer.Ordinal);
    internal FieldReference? ReferenceValue { get; private set; }
    internal string? DefaultValueValue { get; private set; }
    internal bool IsProtectedValue { get; private set; }
    internal char ListSeparatorValue { get; private set; } = ',';
    internal List<string> SynonymsList { get; } = [];
    internal List<IFieldValidator> ValidatorsList { get; } = [];
    internal bool IsCustomValue { get; set; }

    /// <summary>Sets the French and English labels.</summary>
    /// <param name="french">The French label.</param>
    /// <param name="english">The English label.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Label(string french, string english)
    {
        LabelFrValue = french;
        LabelEnValue = english;
        return this;
    }

    /// <summary>Makes the field required: it must be mapped and non-empty.</summary>
    /// <returns>This builder.</returns>
    public FieldBuilder Required()
    {
        IsRequiredValue = true;
        return this;
    }

    /// <summary>Limits the length of a text value.</summary>
    /// <param name="length">The maximum number of characters.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder MaxLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        MaxLengthValue = length;
        return this;
    }

    /// <summary>Sets the smallest allowed number.</summary>
    /// <param name="minimum">The minimum.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Min(decimal minimum)
    {
        MinValueValue = minimum;
        return this;
    }

    /// <summary>Sets the allowed values of an enum field.</summary>
    /// <param name="values">The canonical values.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Values(params string[] values)
    {
        AllowedValuesList.AddRange(values);
        return this;
    }

    /// <summary>Adds aliases of an enum value (matched ignoring case, accents, spaces and punctuation).</summary>
    /// <param name="value">The canonical value.</param>
    /// <param name="aliases">Other ways users write it.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Aliases(string value, params string[] aliases)
    {
        foreach (var alias in aliases)
        {
            AliasesMap[alias] = value;
        }

        return this;
    }

    /// <summary>Makes the field a reference to a record of another (or the same) entity.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder References(FieldReference reference)
    {
        ReferenceValue = reference;
        return this;
    }

    /// <summary>Sets the default value, used when the cell is empty or the field is not mapped.</summary>
    /// <param name="value">The value, written as a user would write it in a cell.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Default(string? value)
    {
        DefaultValueValue = value;
        return this;
    }

    /// <summary>Protects the field: it is set on insert and never overwritten by an update.</summary>
    /// <returns>This builder.</returns>
    public FieldBuilder Protected()
    {
        IsProtectedValue = true;
        return this;
    }

    /// <summary>Sets the separator of a text list.</summary>
    /// <param name="separator">The separator.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Separator(char separator)
    {
        ListSeparatorValue = separator;
        return this;
    }

    /// <summary>Adds header synonyms for auto-matching.</summary>
    /// <param name="synonyms">Headers that mean this field.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Synonyms(params string[] synonyms)
    {
        SynonymsList.AddRange(synonyms);
        return this;
    }

    /// <summary>Adds a check of the text value.</summary>
    /// <param name="validator">The check.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Validate(IFieldValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ValidatorsList.Add(validator);
        return this;
    }
}
