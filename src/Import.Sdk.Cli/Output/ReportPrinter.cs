namespace Import.Sdk.Cli.Output;

/// <summary>
/// Prints an import report for people: the totals line and the first issues, with row, column, code and message. Text from the
/// file (columns, messages quoting values, the file name) is made safe for the terminal (<see cref="ConsoleText"/>).
/// </summary>
internal static class ReportPrinter
{
    /// <summary>The number of issues listed; the rest are counted ("… N more in the report").</summary>
    public const int MaxListedIssues = 20;

    /// <summary>Prints the summary; <paramref name="interrupted"/> when the import stopped part-way (its report counts what was done before).</summary>
    public static void PrintSummary(CliContext context, TextWriter writer, ImportReport report, string? reportPath, string? errorsPath, bool interrupted = false)
    {
        var mode = ModeName(report.Mode);
        var file = ConsoleText.Safe(report.File);
        writer.WriteLine((report.Simulated, interrupted) switch
        {
            (true, false) => context.T("Simulation de l'import « {0} » ({1}, mode {2}) : rien n'a été écrit.", "Simulated import of '{0}' ({1}, mode {2}): nothing was written.", report.Entity, file, mode),
            (false, false) => context.T("Import « {0} » ({1}, mode {2}) terminé.", "Import of '{0}' ({1}, mode {2}) done.", report.Entity, file, mode),
            (true, true) => context.T("Simulation de l'import « {0} » ({1}, mode {2}) arrêtée avant la fin : rien n'a été écrit ; voici ce qui a été traité.", "Simulated import of '{0}' ({1}, mode {2}) stopped before the end: nothing was written; this is what was processed.", report.Entity, file, mode),
            (false, true) => context.T("Import « {0} » ({1}, mode {2}) arrêté avant la fin ; voici ce qui a été importé.", "Import of '{0}' ({1}, mode {2}) stopped before the end; this is what was imported.", report.Entity, file, mode),
        });
        var t = report.Totals;
        writer.WriteLine(context.T(
            "Lignes : {0} | insérées : {1} | mises à jour : {2} | inchangées : {3} | rejetées : {4}",
            "Rows: {0} | inserted: {1} | updated: {2} | unchanged: {3} | rejected: {4}",
            t.Rows,
            t.Inserted,
            t.Updated,
            t.Unchanged,
            t.Rejected));

        var total = report.Issues.Count + report.IssuesOmitted;
        if (total > 0)
        {
            writer.WriteLine(context.T("Problèmes ({0}) :", "Issues ({0}):", total));
            foreach (var issue in report.Issues.Take(MaxListedIssues))
            {
                writer.WriteLine("  " + IssueLine(context, issue));
            }

            if (total > MaxListedIssues)
            {
                writer.WriteLine(reportPath is null
                    ? context.T("  … {0} de plus dans le rapport (--report FICHIER.json pour les voir tous)", "  … {0} more in the report (--report FILE.json to see them all)", total - MaxListedIssues)
                    : context.T("  … {0} de plus dans le rapport", "  … {0} more in the report", total - MaxListedIssues));
            }
        }

        if (reportPath is not null)
        {
            writer.WriteLine(context.T("Rapport : {0}", "Report: {0}", ConsoleText.Safe(reportPath)));
        }

        if (errorsPath is not null)
        {
            writer.WriteLine(context.T("Fichier d'erreurs : {0}", "Errors file: {0}", ConsoleText.Safe(errorsPath)));
        }

        if (interrupted)
        {
            return; // the error line on stderr says why and from which row
        }

        writer.WriteLine(t.Rejected == 0 && report.IsSuccess
            ? context.T("Toutes les lignes sont acceptées.", "Every row was accepted.")
            : context.T("{0} ligne(s) rejetée(s).", "{0} row(s) rejected.", t.Rejected));
    }

    /// <summary>One issue: row, column (field), code, severity and message.</summary>
    public static string IssueLine(CliContext context, ImportIssue issue)
    {
        var where = issue.Row > 0 ? context.T("ligne {0}", "row {0}", issue.Row) : context.T("fichier", "file");
        if (issue.Column is not null)
        {
            where += context.T(", colonne « {0} »", ", column '{0}'", ConsoleText.Safe(issue.Column));
        }

        if (issue.Field is not null && !string.Equals(issue.Field, issue.Column, StringComparison.Ordinal))
        {
            where += $" ({ConsoleText.Safe(issue.Field)})";
        }

        var severity = issue.Severity == IssueSeverity.Warning ? context.T(" avertissement", " warning") : string.Empty;
        return $"{where} — {issue.Code}{severity} : {ConsoleText.Safe(issue.Message)}";
    }

    /// <summary>The mode as written in profiles and reports.</summary>
    public static string ModeName(ImportMode mode) => mode switch
    {
        ImportMode.Insert => "insert",
        ImportMode.Update => "update",
        _ => "upsert",
    };
}
