namespace Import.Sdk;

/// <summary>Describes a property of a host type bound with <see cref="EntitySchema.FromType{T}(string)"/>.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ImportFieldAttribute : Attribute
{
    /// <summary>Gets or sets the field name; the default is the property name in snake_case.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the French label.</summary>
    public string? LabelFr { get; set; }

    /// <summary>Gets or sets the English label.</summary>
    public string? LabelEn { get; set; }

    /// <summary>Gets or sets a value indicating whether the field is part of the key.</summary>
    public bool Key { get; set; }

    /// <summary>Gets or sets a value indicating whether the field is required.</summary>
    public bool Required { get; set; }

    /// <summary>Gets or sets the maximum length of a text value; 0 for no limit.</summary>
    public int MaxLength { get; set; }

    /// <summary>Gets or sets a value indicating whether the field is protected on update.</summary>
    public bool Protected { get; set; }

    /// <summary>Gets or sets the header synonyms for auto-matching.</summary>
    public string[]? Synonyms { get; set; }

    /// <summary>Gets or sets the allowed values, which makes the field an enum.</summary>
    public string[]? Values { get; set; }

    /// <summary>Gets or sets a value indicating whether the property is not imported.</summary>
    public bool Ignore { get; set; }
}
