using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Invoices;

/// <summary>
/// What an invoice takes from its customer and gives its lines, on the planner (seeds 000, 002): an empty due date is the
/// invoice's date plus the customer's <c>payment_terms_days</c> (when the store holds the customer and its terms); an invoice
/// with both amounts gets one line without product carrying them (line 1 of its <c>invoice-lines</c>; an updated invoice's lines
/// are replaced by it).
/// </summary>
internal sealed class InvoicePlanning(EntitySchema customers, EntitySchema lines) : IPlanningRule
{
    private readonly int _paymentTerms = customers["payment_terms_days"].Index;

    public void Plan(PlanningContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record["due_date"] is null && record["date"] is DateOnly date && record.GetReferenced("account") is { } customer
            && _paymentTerms < customer.Count && customer[_paymentTerms] is long days and >= 0)
        {
            if (days <= DateOnly.MaxValue.DayNumber - date.DayNumber)
            {
                record["due_date"] = date.AddDays((int)days);
            }
            else
            {
                // the customer's terms put it past the last date: said, not silently left empty
                var french = IdentifierValidator.IsFrench(record.UiCulture);
                var shown = days.ToString(CultureInfo.InvariantCulture);
                record.AddWarning("due_date", null, IssueCodes.InvalidDate, french
                    ? $"Échéance non calculée : la date de la facture plus le délai de paiement du client ({shown} jours) dépasse le 31/12/9999."
                    : $"Due date not computed: the invoice date plus the customer's payment terms ({shown} days) is past 9999-12-31.");
            }
        }

        if (record[InvoiceAmounts.ExclTax] is decimal ht && record[InvoiceAmounts.InclTax] is decimal ttc && record["number"] is string number)
        {
            var line = new object?[lines.Fields.Count];
            line[lines["invoice"].Index] = number;
            line[lines["line"].Index] = 1L;
            line[lines[InvoiceAmounts.ExclTax].Index] = ht;
            line[lines[InvoiceAmounts.InclTax].Index] = ttc;
            record.AddDerived(lines, line);
        }
    }
}
