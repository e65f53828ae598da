using Import.Sdk.Commerce.Stock;
using Import.Sdk.Commerce.Warehouses;

namespace Import.Sdk.Commerce.Articles;

/// <summary>
/// The <c>articles</c> entity (seed 001): code (key), designation, VAT rate (→ <c>vat-rates</c>; an unknown code is
/// <c>unknown_reference</c> unless the profile's <c>autoCreate</c> names <c>vat_rate</c>), sale and purchase prices, unit. Each new
/// article gets a stock record in every warehouse (<see cref="ArticleStockPlanning"/>).
/// </summary>
internal static class ArticlesEntity
{
    /// <summary>The default options.</summary>
    public static CommerceOptions DefaultOptions { get; } = new();

    /// <summary>The articles entity with the default options.</summary>
    public static ImportEntity Default { get; } = Create(DefaultOptions);

    /// <summary>The schema, the same whatever the options (they only name the main warehouse).</summary>
    public static EntitySchema Schema => ArticlesSchema.Instance;

    /// <summary>Builds the articles entity for some options (the main warehouse).</summary>
    public static ImportEntity Create(CommerceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MainWarehouseCode, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MainWarehouseName, nameof(options));
        if (options.MainWarehouseCode.Trim().Length > WarehousesEntity.CodeMaxLength)
        {
            throw new ArgumentException($"The main warehouse code '{options.MainWarehouseCode}' is longer than a warehouse code ({WarehousesEntity.CodeMaxLength} characters).", nameof(options));
        }

        return new ImportEntity(Schema).WithPlanningRules(new ArticleStockPlanning(WarehousesEntity.Instance.Schema, StockEntity.Instance.Schema, options.MainWarehouseCode.Trim(), options.MainWarehouseName.Trim()));
    }
}
