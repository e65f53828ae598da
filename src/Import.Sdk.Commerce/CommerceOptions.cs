namespace Import.Sdk.Commerce;

/// <summary>Options of the business entities of <see cref="CommerceEntities"/>. Edit with <c>with</c>.</summary>
public sealed record CommerceOptions
{
    /// <summary>
    /// Gets the tax regime code given to a customer or a supplier whose tax regime is empty or not mapped (seed: "si le régime fiscal
    /// n'est pas renseigné, une valeur par défaut est mise"). The regime must exist in the store, or the profile must
    /// allow its creation (<c>autoCreate: ["tax_regime"]</c>); an empty value means no default.
    /// </summary>
    /// <value>The default value is <c>FR</c>.</value>
    public string DefaultTaxRegime { get; init; } = "FR";

    /// <summary>
    /// Gets the code of the main warehouse that an articles import creates when the store has no warehouse (seed 001: "la création
    /// d'un dépôt principal est alors obligatoire"), so that each new article gets its stock record in it. At most 20 characters.
    /// </summary>
    /// <value>The default value is <c>PRINCIPAL</c>.</value>
    public string MainWarehouseCode { get; init; } = "PRINCIPAL";

    /// <summary>Gets the name of the main warehouse that an articles import creates when the store has no warehouse.</summary>
    /// <value>The default value is <c>Dépôt principal</c>.</value>
    public string MainWarehouseName { get; init; } = "Dépôt principal";
}
