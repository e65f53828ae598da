namespace Import.Sdk.Commerce.SalesDocuments;

/// <summary>
/// A sales document's totals, computed from its lines once the document is complete (<see cref="IDocumentRule"/>) and stored on the
/// header, overwriting any value the header file gave: total excluding tax = Σ round(quantity × unit price, 2); VAT = per rate,
/// round(base of that rate × rate / 100, 2), summed (the French invoice rule: VAT on the base of each rate, not line by line);
/// total including tax = total excluding tax + VAT. An empty quantity, unit price or rate counts as 0; rounding is to the cent,
/// half away from zero.
/// </summary>
internal sealed class SalesDocumentTotals : IDocumentRule
{
    /// <summary>The total excluding tax (HT).</summary>
    public const string ExclTax = "total_excl_tax";

    /// <summary>The total VAT.</summary>
    public const string Vat = "total_vat";

    /// <summary>The total including tax (TTC).</summary>
    public const string InclTax = "total_incl_tax";

    public void Complete(DocumentContext document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var excl = 0m;
        var bases = new Dictionary<decimal, decimal>();
        for (var i = 0; i < document.Lines.Count; i++)
        {
            var quantity = document.GetLineValue(i, SalesLineRule.Quantity) as decimal? ?? 0m;
            var price = document.GetLineValue(i, SalesLineRule.UnitPrice) as decimal? ?? 0m;
            var rate = document.GetLineValue(i, SalesLineRule.VatRate) as decimal? ?? 0m;
            var amount = Math.Round(quantity * price, 2, MidpointRounding.AwayFromZero);
            excl += amount;
            bases[rate] = bases.GetValueOrDefault(rate) + amount;
        }

        var vat = 0m;
        foreach (var (rate, amount) in bases)
        {
            vat += Math.Round(amount * rate / 100m, 2, MidpointRounding.AwayFromZero);
        }

        document[ExclTax] = excl;
        document[Vat] = vat;
        document[InclTax] = excl + vat;
    }
}
