using System.CommandLine;
using System.Globalization;
using Import.Sdk.Cli.Output;

namespace Import.Sdk.Cli.Commands;

/// <summary>
/// <c>import-sdk simulate|run --entity E --file F [--lines F2] [--lines-profile P2.json] [--profile P.json] [--auto-create FIELD] [--default FIELD=VALUE]
/// [--ref FIELD=TARGET] [--db CONN] [--mode M] [--sheet NAME] [--encoding NAME] [--report R.json] [--errors ERR.csv] [--json]</c>. Both run the same import; <c>run</c> writes to the store, <c>simulate</c> writes nothing.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context, bool execute)
    {
        var entity = new Option<string?>("--entity", "-e")
        {
            Description = context.T("L'entité à importer (voir « import-sdk entities ») ; sans elle, chaque --file est ENTITÉ=CHEMIN (un jeu de fichiers).", "The entity to import (see 'import-sdk entities'); without it, each --file is ENTITY=PATH (a set of files)."),
        };
        var file = new Option<string[]>("--file", "-f")
        {
            Description = context.T("Le fichier à lire ; ou, répété sans --entity, ENTITÉ=CHEMIN : un jeu de fichiers importé dans l'ordre des dépendances.", "The file to read; or, repeated without --entity, ENTITY=PATH: a set of files imported in dependency order."),
            Required = true,
        };
        var lines = new Option<string?>("--lines")
        {
            Description = context.T("Le fichier des lignes (sales-documents uniquement ; un fichier XML porte ses lignes).", "The lines file (sales-documents only; an XML file carries its lines)."),
        };
        var linesProfile = new Option<string?>("--lines-profile")
        {
            Description = context.T("Le profil de correspondance JSON du fichier des lignes (--profile est celui des en-têtes).", "The JSON mapping profile of the lines file (--profile is the header file's)."),
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
        var (autoCreate, defaults, references) = (ProfileFlags.AutoCreate(context), ProfileFlags.Default(context), ProfileFlags.Ref(context));

        var command = new Command(
            execute ? "run" : "simulate",
            execute
                ? context.T("Importe un fichier dans la base.", "Imports a file into the store.")
                : context.T("Simule l'import d'un fichier : le rapport complet, rien n'est écrit.", "Simulates the import of a file: the complete report, nothing written."))
        {
            entity, file, lines, linesProfile, profile, autoCreate, defaults, references, db, mode, sheet, encoding, report, errors, json,
        };
        command.SetGuardedAction(context, (result, cancellationToken) => SetImport.DispatchAsync(
            context,
            result.GetValue(entity),
            result.GetValue(file) ?? [],
            new ImportArguments(
                string.Empty,
                string.Empty,
                result.GetValue(lines),
                result.GetValue(profile),
                result.GetValue(db),
                result.GetValue(mode),
                result.GetValue(sheet),
                result.GetValue(report),
                result.GetValue(errors),
                result.GetValue(json),
                result.GetValue(encoding),
                result.GetValue(autoCreate),
                result.GetValue(defaults),
                result.GetValue(references),
                result.GetValue(linesProfile)),
            execute,
            cancellationToken));
        return command;
    }

    /// <summary>Simulates or executes an import.</summary>
    public static Task<int> RunAsync(CliContext context, ImportArguments args, bool execute, CancellationToken cancellationToken) =>
        RunAsync(context, args, execute, null, cancellationToken);

    /// <summary>Simulates or executes the import of one file, alone or (<paramref name="member"/>) as a file of a set.</summary>
    internal static async Task<int> RunAsync(CliContext context, ImportArguments args, bool execute, SetMember? member, CancellationToken cancellationToken)
    {
        // 1. Arguments: everything is checked before anything is read or written.
        var entity = EntityCatalog.Require(args.Entity, context);
        if ((args.Lines is not null || args.LinesProfile is not null) && !EntityCatalog.HasLines(entity))
        {
            throw new CliUsageException(context.T(
                "--lines ne sert qu'à sales-documents (fichier des en-têtes + fichier des lignes), pas à « {0} ».",
                "--lines is only for sales-documents (header file + lines file), not for '{0}'.",
                entity.Name));
        }

        if (EntityCatalog.HasLines(entity))
        {
            return await DocumentImport.RunAsync(context, args, entity, execute, cancellationToken);
        }

        var overrides = ProfileFlags.Parse(context, entity, args.AutoCreate, args.Defaults, args.References);
        var path = InputFiles.RequireExisting(context, args.File, "--file");
        var store = StoreLocator.Parse(args.Db, context);
        var importMode = ParseMode(args.Mode, context);
        var encoding = TextEncodings.Resolve(args.Encoding, context);
        var profilePath = args.Profile is null ? null : InputFiles.RequireExisting(context, args.Profile, "--profile");
        var reportPath = args.Report is null ? null : context.ResolvePath(args.Report);
        var errorsPath = args.Errors is null ? null : RequireCsvPath(context, context.ResolvePath(args.Errors));
        List<(string Option, string Path)> inputs = [("--file", path)];
        if (profilePath is not null)
        {
            inputs.Add(("--profile", profilePath));
        }

        List<(string Option, string Path)> outputs = [];
        if (reportPath is not null)
        {
            outputs.Add(("--report", reportPath));
        }

        if (errorsPath is not null)
        {
            outputs.Add(("--errors", errorsPath));
        }

        OutputFiles.Check(context, inputs, store, outputs);
        var profile = profilePath is null ? null : overrides.ApplyTo(await ProfileFlags.LoadAsync(context, profilePath, cancellationToken));
        var info = args.Json ? context.Error : context.Out;
        var options = new ImportOptions
        {
            UiCulture = context.Ui,
            Reader = new ReaderOptions { Sheet = args.Sheet, Encoding = encoding, UiCulture = context.Ui },
        };

        // 2. A run into a store that does not exist yet: a file that cannot be read is found before the store (and its folder) is
        // created, so that exit code 2 leaves nothing behind. The store is read as an empty one, which nothing can be written to.
        if (execute && !File.Exists(store.SqlitePath))
        {
            var empty = await store.OpenAsync(execute: false, cancellationToken);
            await using (empty)
            {
                var check = new ImportPipelineBuilder().UseEntity(entity).UseSink(empty.Sink).UseOptions(options).UseExcelReaders().Build();
                var checkedSource = ImportSource.FromFile(path);
                var inspection = await check.InspectAsync(new InspectRequest(checkedSource) { Rows = 0 }, cancellationToken);
                if (inspection.Problem is not null)
                {
                    var rejected = await check.ExecuteAsync(new ImportRequest(checkedSource) { Profile = profile, Mode = importMode }, null, cancellationToken);
                    if (rejected.IsFileRejected)
                    {
                        member?.Stopped(rejected, committed: false);
                        return await FileRejectedAsync(context, args, rejected, reportPath, cancellationToken);
                    }
                }
            }
        }

        // 3. The store and the pipeline.
        var open = await store.OpenAsync(execute, cancellationToken);
        await using (open)
        {
            var sink = new CommitCountingSink(context.SinkDecorator?.Invoke(open.Sink) ?? open.Sink, entity.Name);
            var pipeline = new ImportPipelineBuilder().UseEntity(entity).UseSink(sink).UseOptions(options).UseExcelReaders().Build();
            var source = ImportSource.FromFile(path);

            // 4. Without a profile: auto-match the columns, helped by the profile learned from an earlier file of the same layout.
            ImportProfile? learned = null;
            string? learnedPath = null;
            MappingSuggestion? suggestion = null;
            if (profile is null)
            {
                var inspection = await pipeline.InspectAsync(new InspectRequest(source) { Rows = 0 }, cancellationToken);
                if (inspection.Problem is null)
                {
                    learnedPath = store.ProfilePath(entity.Name, inspection.Preview.Header);
                    learned = await LearnedProfiles.TryLoadAsync(learnedPath, cancellationToken);
                    if (learned is not null)
                    {
                        inspection = await pipeline.InspectAsync(new InspectRequest(source) { Rows = 0, LearnedProfile = learned }, cancellationToken);
                    }

                    suggestion = inspection.Mapping;
                    MappingPrinter.Print(context, info, entity.Name, suggestion, learned is null ? null : Path.GetFileName(learnedPath));

                    // Flags without --profile: the matching just printed becomes the profile they are merged over.
                    profile = overrides.IsEmpty ? null : overrides.ApplyTo(suggestion.ToProfile(entity.Name, options.Culture.Name));
                }
            }

            // 5. The import. Stopped part-way (the store failed, Ctrl+C, SIGTERM) after batches were committed, it says what they were.
            var request = new ImportRequest(source) { Profile = profile, LearnedProfile = learned, Mode = importMode, Set = member?.Set };
            ImportReport result;
            try
            {
                result = await ProgressReporter.RunAsync(
                    context,
                    info,
                    clearWhenDone: args.Json,
                    progress => execute
                        ? pipeline.ExecuteAsync(request, progress, cancellationToken)
                        : pipeline.SimulateAsync(request, progress, cancellationToken));
            }
            catch (ImportInterruptedException ex)
            {
                member?.Stopped(ex.Report, sink.HasCommitted);
                return await InterruptedAsync(context, args, ex, sink, reportPath, errorsPath, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && sink.HasCommitted)
            {
                await context.Error.WriteLineAsync(context.T(
                    "Interrompu ({0}) : {1} ligne(s) importée(s) avant l'interruption (insérées : {2}, mises à jour : {3}), par lots entiers ; rien n'a été écrit après le dernier lot validé (le lot en cours est annulé). Aucun rapport ni fichier d'erreurs n'a été produit : relancez l'import pour le terminer (les lignes déjà importées seront inchangées).",
                    "Interrupted ({0}): {1} row(s) imported before the interruption (inserted: {2}, updated: {3}), in whole batches; nothing was written after the last committed batch (the batch in progress is rolled back). No report or errors file was produced: run the import again to finish it (the rows already imported will be unchanged).",
                    CommandRunner.SignalName(context),
                    sink.Inserted + sink.Updated,
                    sink.Inserted,
                    sink.Updated));
                member?.Stopped(null, committed: true);
                return ExitCodes.RowsRejected;
            }

            // 6. The outcome.
            if (result.IsFileRejected)
            {
                member?.Stopped(result, committed: false);
                return await FileRejectedAsync(context, args, result, reportPath, cancellationToken);
            }

            // Only a run saves the matching: a simulation writes nothing, beside the store either (it may be read-only, or not exist).
            if (execute && suggestion is not null && learnedPath is not null)
            {
                await SaveLearnedAsync(context, info, learnedPath, entity.Name, options.Culture.Name, suggestion, cancellationToken);
            }

            member?.Done(result, sink.HasCommitted);
            var written = await WriteFilesAsync(context, result, reportPath, errorsPath, cancellationToken);
            if (args.Json)
            {
                await context.Out.WriteLineAsync(result.ToJson());
            }
            else
            {
                ReportPrinter.PrintSummary(context, context.Out, result, written.Report, written.Errors);
            }

            if (written.Failures.Count > 0)
            {
                foreach (var failure in written.Failures)
                {
                    await context.Error.WriteLineAsync(ConsoleText.Safe(failure));
                }

                // The import itself is done: exit 2 only when it wrote nothing.
                return execute && sink.HasCommitted ? ExitCodes.RowsRejected : ExitCodes.Unusable;
            }

            return result.IsSuccess ? ExitCodes.Success : ExitCodes.RowsRejected;
        }
    }

    /// <summary>The store failed part-way: what was done before is printed and written, exit 1 when rows were committed, else 2.</summary>
    internal static async Task<int> InterruptedAsync(CliContext context, ImportArguments args, ImportInterruptedException ex, CommitCountingSink sink, string? reportPath, string? errorsPath, CancellationToken cancellationToken)
    {
        var report = ex.Report;
        var written = await WriteFilesAsync(context, report, reportPath, errorsPath, cancellationToken);
        if (args.Json)
        {
            await context.Out.WriteLineAsync(report.ToJson());
        }
        else
        {
            ReportPrinter.PrintSummary(context, context.Out, report, written.Report, written.Errors, interrupted: true);
        }

        foreach (var failure in written.Failures)
        {
            await context.Error.WriteLineAsync(ConsoleText.Safe(failure));
        }

        await context.Error.WriteLineAsync(context.T(
            "erreur : l'import s'est arrêté avant la fin. {0}",
            "error: the import stopped before the end. {0}",
            ConsoleText.Safe(ex.Message)));
        return sink.HasCommitted ? ExitCodes.RowsRejected : ExitCodes.Unusable;
    }

    internal static async Task<int> FileRejectedAsync(CliContext context, ImportArguments args, ImportReport report, string? reportPath, CancellationToken cancellationToken)
    {
        // Nothing was imported. The report, when asked for, says why; nothing else is written.
        var written = await WriteFilesAsync(context, report, reportPath, null, cancellationToken);
        if (args.Json)
        {
            await context.Out.WriteLineAsync(report.ToJson());
        }

        var problems = report.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        var details = string.Join(Environment.NewLine + "  ", problems.Select(i => $"{i.Code} : {ConsoleText.Safe(i.Message)}"));
        await context.Error.WriteLineAsync(context.T(
            "erreur : le fichier ne peut pas être importé, rien n'a été écrit.{0}  {1}",
            "error: the file cannot be imported, nothing was written.{0}  {1}",
            Environment.NewLine,
            details));
        foreach (var failure in written.Failures)
        {
            await context.Error.WriteLineAsync(ConsoleText.Safe(failure));
        }

        return ExitCodes.Unusable;
    }

    /// <summary>Writes the report and the errors file; one that cannot be written is said, not thrown (the import is done).</summary>
    internal static async Task<(string? Report, string? Errors, List<string> Failures)> WriteFilesAsync(CliContext context, ImportReport report, string? reportPath, string? errorsPath, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var reportWritten = reportPath is not null && await TryWriteAsync(context, "--report", reportPath, report.WriteJsonAsync, failures, cancellationToken);
        var errorsWritten = errorsPath is not null && await TryWriteAsync(context, "--errors", errorsPath, report.WriteErrorsFileAsync, failures, cancellationToken);
        return (reportWritten ? reportPath : null, errorsWritten ? errorsPath : null, failures);
    }

    private static async Task<bool> TryWriteAsync(CliContext context, string option, string path, Func<Stream, CancellationToken, Task> write, List<string> failures, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.WriteAsync(path, write, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add(context.T(
                "erreur : {0} : {1} n'a pas pu être écrit ({2}). Le résumé ci-dessus est le résultat de l'import.",
                "error: {0}: {1} could not be written ({2}). The summary above is the outcome of the import.",
                option,
                path,
                OutputFiles.Cause(context, ex, null, path)));
            return false;
        }
    }

    /// <summary>Saves the matching for the next file of this layout; a store folder that cannot take it only costs a warning.</summary>
    private static async Task SaveLearnedAsync(CliContext context, TextWriter info, string learnedPath, string entity, string culture, MappingSuggestion suggestion, CancellationToken cancellationToken)
    {
        try
        {
            if (await LearnedProfiles.SaveAsync(learnedPath, entity, culture, suggestion, cancellationToken))
            {
                await info.WriteLineAsync(context.T("Correspondance enregistrée : {0}", "Matching saved: {0}", ConsoleText.Safe(learnedPath)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync(context.T(
                "avertissement : la correspondance n'a pas pu être enregistrée dans {0} ({1}) ; le prochain import reconnaîtra à nouveau les colonnes.",
                "warning: the matching could not be saved to {0} ({1}); the next import will match the columns again.",
                ConsoleText.Safe(learnedPath),
                ConsoleText.Safe(Path.GetDirectoryName(learnedPath) is { } folder && File.Exists(folder)
                    ? context.T("{0} est un fichier, pas un dossier", "{0} is a file, not a folder", folder)
                    : OutputFiles.Cause(context, ex, null, learnedPath))));
        }
    }

    /// <summary>The errors file is CSV: a path whose extension says otherwise (such as .xlsx) is refused.</summary>
    internal static string RequireCsvPath(CliContext context, string path)
    {
        var extension = Path.GetExtension(path);
        if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".txt", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        throw new CliUsageException(context.T(
            "--errors écrit un fichier CSV (les lignes rejetées et une colonne « Erreurs ») : donnez un chemin en .csv ou .txt, pas {0}.",
            "--errors writes a CSV file (the rejected rows and an errors column): give a .csv or .txt path, not {0}.",
            path));
    }

    internal static ImportMode? ParseMode(string? text, CliContext context) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "insert" => ImportMode.Insert,
        "update" => ImportMode.Update,
        "upsert" => ImportMode.Upsert,
        _ => throw new CliUsageException(context.T("--mode vaut insert, update ou upsert, pas « {0} ».", "--mode is insert, update or upsert, not '{0}'.", text)),
    };
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
    string? Encoding = null,
    IReadOnlyList<string>? AutoCreate = null,
    IReadOnlyList<string>? Defaults = null,
    IReadOnlyList<string>? References = null,
    string? LinesProfile = null);
