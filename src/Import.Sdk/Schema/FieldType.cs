namespace Import.Sdk;

/// <summary>The type of an entity field: what a cell is converted to.</summary>
public enum FieldType
{
    /// <summary>Text, trimmed; stored as <see cref="string"/>.</summary>
    Text = 0,
    /// <summary>A whole number; stored as <see cref="long"/>.</summary>
    Integer = 1,
    /// <summary>A decimal number; stored as <see cref="decimal"/>.</summary>
    Decimal = 2,
    /// <summary>A calendar date; stored as <see cref="DateOnly"/>.</summary>
    Date = 3,
    /// <summary>A boolean (1/0, oui/non, true/false, vrai/faux); stored as <see cref="bool"/>.</summary>
    Boolean = 4,
    /// <summary>An e-mail address; stored as <see cref="string"/>.</summary>
    Email = 5,
    /// <summary>One of a fixed set of values (with aliases); stored as the canonical <see cref="string"/>.</summary>
    Enum = 6,
    /// <summary>A list of texts separated by <see cref="FieldDefinition.ListSeparator"/>; stored as the canonical joined <see cref="string"/>.</summary>
    TextList = 7,
}
