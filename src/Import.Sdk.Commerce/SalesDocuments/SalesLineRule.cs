using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.SalesDocuments;

/// <summary>
/// A sales document line: with an article, its quantity must be given and not zero (<c>zero_quantity</c>; a negative quantity is a
/// return and is accepted, as on a credit note); a line without an article is free text (a comment, or a charge such as carriage
/// with its own price) and its quantity is not checked. The VAT rate is a percentage, at most 100 (<c>invalid_number</c>; its minimum,
/// 0, is the field's).
/// </summary>
internal sealed class SalesLineRule : IRecordRule, IThreadSafeCheck
{
    /// <summary>The article.</summary>
    public const string Article = "article_code";

    /// <summary>The quantity.</summary>
    public const string Quantity = "quantity";

    /// <summary>The unit price, excluding tax.</summary>
    public const string UnitPrice = "unit_price";

    /// <summary>The VAT rate, a percentage.</summary>
    public const string VatRate = "vat_rate";

    public void Validate(RecordContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var french = IdentifierValidator.IsFrench(record.UiCulture);
        if (record.Schema.TryGetField(VatRate, out _) && record.GetDecimal(VatRate) is > 100m and var rate)
        {
            var shown = rate.ToString(record.UiCulture);
            record.ReportError(VatRate, IssueCodes.InvalidNumber, french
                ? string.Create(CultureInfo.InvariantCulture, $"Le taux de TVA {shown} n'est pas un pourcentage : attendu entre 0 et 100 (20 pour 20 %).")
                : string.Create(CultureInfo.InvariantCulture, $"The VAT rate {shown} is not a percentage: expected between 0 and 100 (20 for 20%)."), shown);
        }

        if (!record.Schema.TryGetField(Article, out _) || record.GetText(Article) is not { Length: > 0 } article || !record.Schema.TryGetField(Quantity, out _))
        {
            return;
        }

        var quantity = record.GetDecimal(Quantity);
        if (quantity is not null ? quantity.Value != 0 : record.HasErrors) // empty after an error: most likely a quantity that was not a number, already reported
        {
            return;
        }

        record.ReportError(Quantity, IssueCodes.ZeroQuantity, french
            ? string.Create(CultureInfo.InvariantCulture, $"La quantité de l'article « {article} » est vide ou nulle : une ligne avec un article demande une quantité non nulle (négative pour un retour ; sans article, la ligne est un texte libre).")
            : string.Create(CultureInfo.InvariantCulture, $"The quantity of the article '{article}' is empty or zero: a line with an article needs a quantity other than zero (negative for a return; without an article, the line is free text)."), quantity?.ToString(record.UiCulture));
    }
}
