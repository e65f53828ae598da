using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Bom;

/// <summary>
/// A bill of materials line with a component must give a quantity that is not zero (seed 001: "si un code est précisé, la quantité
/// doit impérativement être non nulle"): an empty or zero quantity is <c>zero_quantity</c>. A line without a component is a comment:
/// its quantity is not checked. An assembly cannot be its own component (<c>unknown_reference</c>, saying so): the composition would
/// contain itself.
/// </summary>
internal sealed class BomQuantity : IRecordRule, IThreadSafeCheck
{
    /// <summary>The quantity of the component.</summary>
    public const string Quantity = "quantity";

    /// <summary>The component.</summary>
    public const string Component = "component_code";

    /// <summary>The assembly.</summary>
    public const string Assembly = "assembly_code";

    public void Validate(RecordContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Schema.TryGetField(Component, out _) || record.GetText(Component) is not { Length: > 0 } component)
        {
            return;
        }

        if (record.Schema.TryGetField(Assembly, out _) && string.Equals(record.GetText(Assembly), component, StringComparison.Ordinal))
        {
            var fr = IdentifierValidator.IsFrench(record.UiCulture);
            record.ReportError(Component, IssueCodes.UnknownReference, fr
                ? string.Create(CultureInfo.InvariantCulture, $"L'article « {component} » ne peut pas être un composant de lui-même.")
                : string.Create(CultureInfo.InvariantCulture, $"Article '{component}' cannot be a component of itself."), component);
            return;
        }

        var quantity = record.GetDecimal(Quantity);
        if (quantity is not null ? quantity.Value != 0 : record.HasErrors) // empty after an error: most likely a quantity that was not a number, already reported
        {
            return;
        }

        var french = IdentifierValidator.IsFrench(record.UiCulture);
        record.ReportError(Quantity, IssueCodes.ZeroQuantity, french
            ? string.Create(CultureInfo.InvariantCulture, $"La quantité du composant « {component} » est vide ou nulle : une ligne de nomenclature avec un composant demande une quantité non nulle (sans composant, la ligne est un commentaire).")
            : string.Create(CultureInfo.InvariantCulture, $"The quantity of the component '{component}' is empty or zero: a bill of materials line with a component needs a quantity other than zero (without a component, the line is a comment)."), quantity?.ToString(record.UiCulture));
    }
}
