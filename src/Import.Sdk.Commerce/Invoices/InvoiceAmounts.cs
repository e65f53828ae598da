using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Invoices;

/// <summary>
/// An invoice's amounts: the amount including tax (TTC) cannot be below the amount excluding tax (HT) —
/// <c>inconsistent_amounts</c> on the TTC, naming both. A credit note's amounts are negative: there the TTC cannot be above the
/// HT (its size cannot be smaller). Checked only when both amounts are given.
/// </summary>
internal sealed class InvoiceAmounts : IRecordRule, IThreadSafeCheck
{
    /// <summary>The amount excluding tax.</summary>
    public const string ExclTax = "amount_excl_tax";

    /// <summary>The amount including tax.</summary>
    public const string InclTax = "amount_incl_tax";

    public void Validate(RecordContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Schema.TryGetField(ExclTax, out _) || !record.Schema.TryGetField(InclTax, out _))
        {
            return;
        }

        if (record.GetDecimal(ExclTax) is not { } ht || record.GetDecimal(InclTax) is not { } ttc)
        {
            return;
        }

        if ((ht >= 0 && ttc < ht) || (ht < 0 && ttc > ht))
        {
            var french = IdentifierValidator.IsFrench(record.UiCulture);
            var shownTtc = ttc.ToString(record.UiCulture);
            var shownHt = ht.ToString(record.UiCulture);
            record.ReportError(InclTax, IssueCodes.InconsistentAmounts, french
                ? string.Create(CultureInfo.InvariantCulture, $"Le montant TTC ({shownTtc}) est inférieur au montant HT ({shownHt}) : vérifiez les deux colonnes (inversées ?).")
                : string.Create(CultureInfo.InvariantCulture, $"The amount including tax ({shownTtc}) is below the amount excluding tax ({shownHt}): check both columns (swapped?)."));
        }
    }
}
