using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Articles;

/// <summary>
/// Each new article gets a stock record in every warehouse (seed 001: "à chaque nouvel article importé, un enregistrement de stock
/// est créé automatiquement pour chaque relation &lt;Dépôt – Article&gt;"), with a quantity of 0: the warehouses the store held when the
/// import started (read once, <see cref="IPlanningRule.ReadsAll"/>) and the one this import created. When the store has no warehouse,
/// the first new article creates the main warehouse (<see cref="CommerceOptions.MainWarehouseCode"/>), with an <c>auto_created</c>
/// warning on its row. An updated or unchanged article gets nothing: a re-import never adds a second stock record.
/// </summary>
internal sealed class ArticleStockPlanning : IPlanningRule
{
    private readonly EntitySchema _warehouses;
    private readonly EntitySchema _stock;
    private readonly string _mainCode;
    private readonly string _mainName;
    private readonly int _warehouseCode;

    public ArticleStockPlanning(EntitySchema warehouses, EntitySchema stock, string mainCode, string mainName)
    {
        _warehouses = warehouses;
        _stock = stock;
        _mainCode = mainCode;
        _mainName = mainName;
        _warehouseCode = warehouses["code"].Index;
        ReadsAll = [warehouses];
    }

    public IReadOnlyList<EntitySchema> ReadsAll { get; }

    public void Plan(PlanningContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.IsNew || record["code"] is not string article)
        {
            return;
        }

        var warehouses = record.GetAll(_warehouses);
        if (warehouses.Count == 0)
        {
            var main = new object?[_warehouses.Fields.Count];
            main[_warehouseCode] = _mainCode;
            main[_warehouses["name"].Index] = _mainName;
            record.AddDerived(_warehouses, main);
            var french = IdentifierValidator.IsFrench(record.UiCulture);
            record.AddWarning("code", _mainCode, IssueCodes.AutoCreated, french
                ? string.Create(CultureInfo.InvariantCulture, $"Aucun dépôt n'existe : le dépôt principal « {_mainCode} » ({_mainName}) est créé, et le stock des nouveaux articles y est créé.")
                : string.Create(CultureInfo.InvariantCulture, $"There is no warehouse: the main warehouse '{_mainCode}' ({_mainName}) is created, with the stock records of the new articles."));
            AddStock(record, article, _mainCode);
            return;
        }

        foreach (var warehouse in warehouses)
        {
            if (_warehouseCode < warehouse.Count && warehouse[_warehouseCode] is string code)
            {
                AddStock(record, article, code);
            }
        }
    }

    private void AddStock(PlanningContext record, string article, string warehouse)
    {
        var stock = new object?[_stock.Fields.Count];
        stock[_stock["article_code"].Index] = article;
        stock[_stock["warehouse_code"].Index] = warehouse;
        stock[_stock["quantity"].Index] = 0m;
        record.AddDerived(_stock, stock);
    }
}
