using System.Globalization;

namespace Import.Sdk.Cli.Output;

/// <summary>Prints the matching of a file's columns to an entity's fields: column → field, reason, score.</summary>
internal static class MappingPrinter
{
    public static void Print(CliContext context, TextWriter writer, string entity, MappingSuggestion mapping, string? learnedFrom)
    {
        writer.WriteLine(learnedFrom is null
            ? context.T("Correspondance des colonnes (automatique) → {0} :", "Column matching (automatic) → {0}:", entity)
            : context.T("Correspondance des colonnes (profil {1}) → {0} :", "Column matching (profile {1}) → {0}:", entity, learnedFrom));
        var rows = mapping.Columns.Select(m => (IReadOnlyList<string>)
        [
            m.Column,
            "→ " + (m.Field ?? (m.Reason == MatchReason.Ambiguous
                ? context.T("? (hésite entre {0})", "? (could be {0})", string.Join(", ", m.Candidates))
                : context.T("(ignorée)", "(ignored)"))),
            ReasonName(m.Reason),
            m.Score.ToString("0.00", context.Ui),
        ]);
        TextTable.Write(
            writer,
            [context.T("colonne", "column"), context.T("  champ", "  field"), context.T("raison", "reason"), "score"],
            rows,
            "  ");
        if (mapping.UnmappedRequiredFields.Count > 0)
        {
            writer.WriteLine(context.T("Champs obligatoires sans colonne : {0}", "Required fields without a column: {0}", string.Join(", ", mapping.UnmappedRequiredFields)));
        }
    }

    /// <summary>The reason as a stable word: exact, synonym, fuzzy, profile, ambiguous, none.</summary>
    public static string ReasonName(MatchReason reason) => reason.ToString().ToLower(CultureInfo.InvariantCulture);
}
