using System.CommandLine;
using System.Globalization;
using Import.Sdk.Cli.Output;

namespace Import.Sdk.Cli.Commands;

/// <summary>
/// <c>import-sdk simulate|run --entity E --file F [--lines F2] [--profile P.json] [--db CONN] [--mode M] [--sheet NAME]
/// [--encoding NAME] [--report R.json] [--errors ERR.csv] [--json]</c>. Both run the same import; <c>run</c> writes to the store, <c>simulate</c> writes nothing.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context, bool execute)
    {
        var entity = CommonOptions.Entity(context);
        var file = CommonOptions.File(context);
        var lines = new Option<string?>("--lines")
        {
            Description = context.T("Le fichier des lignes (sales-documents uniquement).", "The lines file (sales-documents only)."),
        };
        var profile = new Option<string?>("--profile", "-p")
        {
            Description = context.T("Un profil de correspondance JSON ; sans profil, les colonnes sont reconnues automatiquement.", "A JSON mapping profile; without one, columns are matched automatically."),
        };
        var db = new Option<string?>("--db")
        {
            Description = context.T("La base : sqlite:CHEMIN (par défaut sqlite:import.db, créée si absente).", "The store: sqlite:PATH (default sqlite:import.db, created if missing)."),
        };
        var mode = new Option<string?>("--mode", "-m")
        {
            Description = context.T("insert (nouvelles clés seulement), update (clés existantes seulement) ou upsert (les deux, par défaut).", "insert (new keys only), update (existing keys only) or upsert (both, the default)."),
        };
        mode.AcceptOnlyFromAmong("insert", "update", "upsert");
        var sheet = CommonOptions.Sheet(context);
        var encoding = CommonOptions.Encoding(context);
        var report = new Option<string?>("--report", "-r")
        {
            Description = context.T("Écrit le rapport JSON dans ce fichier.", "Writes the JSON report to this file."),
        };
        var errors = new Option<string?>("--errors")
        {
            Description = context.T("Écrit les lignes rejetées, avec une colonne « Erreurs », dans ce fichier CSV.", "Writes the rejected rows, with an errors column, to this CSV file."),
        };
        var json = CommonOptions.Json(context);

        var command = new Command(
            execute ? "run" : "simulate",
            execute
                ? context.T("Importe un fichier dans la base.", "Imports a file into the store.")
                : context.T("Simule l'import d'un fichier : le rapport complet, rien n'est écrit.", "Simulates the import of a file: the complete report, nothing written."))
        {
            entity, file, lines, profile, db, mode, sheet, encoding, report, errors, json,
        };
        command.SetGuardedAction(context, (result, cancellationToken) => RunAsync(
            context,
            new ImportArguments(
                result.GetValue(entity)!,
                result.GetValue(file)!,
                result.GetValue(lines),
                result.GetValue(profile),
                result.GetValue(db),
                result.GetValue(mode),
                result.GetValue(sheet),
                result.GetValue(report),
                result.GetValue(errors),
                result.GetValue(json),
                result.GetValue(encoding)),
            execute,
            cancellationToken));
        return command;
    }

    /// <summary>Simulates or executes an import.</summary>
    public static async Task<int> RunAsync(CliContext context, ImportArguments args, bool execute, CancellationToken cancellationToken)
    {
        // 1. Arguments: everything is checked before anything is read or written.
        var entity = EntityCatalog.Require(args.Entity, context);
        if (args.Lines is not null)
        {
            if (!EntityCatalog.HasLines(entity))
            {
                throw new CliUsageException(context.T(
                    "--lines ne sert qu'à sales-documents (fichier des en-têtes + fichier des lignes), pas à « {0} ».",
                    "--lines is only for sales-documents (header file + lines file), not for '{0}'.",
                    entity.Name));
            }

            InputFiles.RequireExisting(context, args.Lines, "--lines");
            throw new CliUsageException(context.T(
                "l'import en deux fichiers (--lines) de sales-documents n'est pas encore disponible dans cette version.",
                "the two-file import (--lines) of sales-documents is not available in this version yet."));
        }

        var path = InputFiles.RequireExisting(context, args.File, "--file");
        var store = StoreLocator.Parse(args.Db, context);
        var importMode = ParseMode(args.Mode, context);
        var encoding = TextEncodings.Resolve(args.Encoding, context);
        var profile = args.Profile is null ? null : await LoadProfileAsync(context, args.Profile, cancellationToken);
        var reportPath = args.Report is null ? null : context.ResolvePath(args.Report);
        var errorsPath = args.Errors is null ? null : context.ResolvePath(args.Errors);
        var info = args.Json ? context.Error : context.Out;
        var options = new ImportOptions
        {
            UiCulture = context.Ui,
            Reader = new ReaderOptions { Sheet = args.Sheet, Encoding = encoding },
        };

        // 2. The store and the pipeline.
        var open = await store.OpenAsync(execute, cancellationToken);
        await using (open)
        {
            var pipeline = new ImportPipelineBuilder().UseEntity(entity).UseSink(open.Sink).WithOptions(options).AddExcelReaders().Build();
            var source = ImportSource.FromFile(path);

            // 3. Without a profile: auto-match the columns, helped by the profile learned from an earlier file of the same layout.
            ImportProfile? learned = null;
            string? learnedPath = null;
            MappingSuggestion? suggestion = null;
            if (profile is null)
            {
                var inspection = await pipeline.InspectAsync(source, 0, null, cancellationToken);
                if (inspection.Problem is null)
                {
                    learnedPath = store.ProfilePath(entity.Name, inspection.Preview.Header);
                    learned = await LearnedProfiles.TryLoadAsync(learnedPath, cancellationToken);
                    if (learned is not null)
                    {
                        inspection = await pipeline.InspectAsync(source, 0, learned, cancellationToken);
                    }

                    suggestion = inspection.Mapping;
                    MappingPrinter.Print(context, info, entity.Name, suggestion, learned is null ? null : Path.GetFileName(learnedPath));
                }
            }

            // 4. The import.
            var request = new ImportRequest(source) { Profile = profile, LearnedProfile = learned, Mode = importMode };
            var result = await ProgressReporter.RunAsync(
                context,
                info,
                clearWhenDone: args.Json,
                progress => execute
                    ? pipeline.ExecuteAsync(request, progress, cancellationToken)
                    : pipeline.SimulateAsync(request, progress, cancellationToken));

            // 5. The outcome.
            if (result.IsFileRejected)
            {
                return await FileRejectedAsync(context, args, result, reportPath, cancellationToken);
            }

            if (suggestion is not null && learnedPath is not null
                && await LearnedProfiles.SaveAsync(learnedPath, entity.Name, options.Culture.Name, suggestion, cancellationToken))
            {
                await info.WriteLineAsync(context.T("Correspondance enregistrée : {0}", "Matching saved: {0}", learnedPath));
            }

            await WriteFilesAsync(result, reportPath, errorsPath, cancellationToken);
            if (args.Json)
            {
                await context.Out.WriteLineAsync(result.ToJson());
            }
            else
            {
                ReportPrinter.PrintSummary(context, context.Out, result, reportPath, errorsPath);
            }

            return result.IsSuccess ? ExitCodes.Success : ExitCodes.RowsRejected;
        }
    }

    private static async Task<int> FileRejectedAsync(CliContext context, ImportArguments args, ImportReport report, string? reportPath, CancellationToken cancellationToken)
    {
        // Nothing was imported. The report, when asked for, says why; nothing else is written.
        await WriteFilesAsync(report, reportPath, null, cancellationToken);
        if (args.Json)
        {
            await context.Out.WriteLineAsync(report.ToJson());
        }

        var problems = report.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        var details = string.Join(Environment.NewLine + "  ", problems.Select(i => $"{i.Code} : {i.Message}"));
        await context.Error.WriteLineAsync(context.T(
            "erreur : le fichier ne peut pas être importé, rien n'a été écrit.{0}  {1}",
            "error: the file cannot be imported, nothing was written.{0}  {1}",
            Environment.NewLine,
            details));
        return ExitCodes.Unusable;
    }

    private static async Task WriteFilesAsync(ImportReport report, string? reportPath, string? errorsPath, CancellationToken cancellationToken)
    {
        if (reportPath is not null)
        {
            await AtomicFile.WriteAsync(reportPath, report.WriteJsonAsync, cancellationToken);
        }

        if (errorsPath is not null)
        {
            await AtomicFile.WriteAsync(errorsPath, report.WriteErrorsFileAsync, cancellationToken);
        }
    }

    private static ImportMode? ParseMode(string? text, CliContext context) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "insert" => ImportMode.Insert,
        "update" => ImportMode.Update,
        "upsert" => ImportMode.Upsert,
        _ => throw new CliUsageException(context.T("--mode vaut insert, update ou upsert, pas « {0} ».", "--mode is insert, update or upsert, not '{0}'.", text)),
    };

    private static async Task<ImportProfile> LoadProfileAsync(CliContext context, string path, CancellationToken cancellationToken)
    {
        var full = InputFiles.RequireExisting(context, path, "--profile");
        ImportProfile profile;
        try
        {
            profile = await ImportProfile.LoadAsync(full, cancellationToken);
        }
        catch (ImportException ex)
        {
            throw new CliUsageException(context.T("le profil {0} ne peut pas être lu : {1}", "the profile {0} cannot be read: {1}", full, ex.Message), ex);
        }

        return profile;
    }
}

/// <summary>The options of <c>simulate</c> and <c>run</c>.</summary>
internal sealed record ImportArguments(
    string Entity,
    string File,
    string? Lines = null,
    string? Profile = null,
    string? Db = null,
    string? Mode = null,
    string? Sheet = null,
    string? Report = null,
    string? Errors = null,
    bool Json = false,
    string? Encoding = null);
