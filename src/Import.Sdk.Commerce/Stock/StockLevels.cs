using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Stock;

/// <summary>
/// A stock record's levels: the minimum cannot be above the maximum — <c>inconsistent_levels</c> on the minimum, naming both.
/// Checked only when the row gives both.
/// </summary>
internal sealed class StockLevels : IRecordRule, IThreadSafeCheck
{
    /// <summary>The minimum level.</summary>
    public const string Min = "min_level";

    /// <summary>The maximum level.</summary>
    public const string Max = "max_level";

    public void Validate(RecordContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Schema.TryGetField(Min, out _) || !record.Schema.TryGetField(Max, out _)
            || record.GetDecimal(Min) is not { } min || record.GetDecimal(Max) is not { } max || min <= max)
        {
            return;
        }

        var french = IdentifierValidator.IsFrench(record.UiCulture);
        var shownMin = min.ToString(record.UiCulture);
        var shownMax = max.ToString(record.UiCulture);
        record.ReportError(Min, IssueCodes.InconsistentLevels, french
            ? string.Create(CultureInfo.InvariantCulture, $"Le stock minimum ({shownMin}) est supérieur au stock maximum ({shownMax}) : vérifiez les deux colonnes (inversées ?).")
            : string.Create(CultureInfo.InvariantCulture, $"The minimum level ({shownMin}) is above the maximum level ({shownMax}): check both columns (swapped?)."));
    }
}
