using Import.Sdk.Cli.Output;
using Import.Sdk.Commerce.SalesDocuments;

namespace Import.Sdk.Cli.Commands;

/// <summary>
/// <c>simulate|run --entity sales-documents</c>: the header file and its lines file (<c>--file PIECES.csv --lines LIGNES.csv</c>,
/// each matched automatically unless <c>--profile</c> / <c>--lines-profile</c> is given), or one XML file holding the documents with
/// their lines nested (<c>--file documents.xml</c>, no <c>--lines</c>). One import, each document all or nothing; the summary and
/// the report JSON have a section per file (the set report); <c>--errors E.csv</c> writes the header file's rejected rows there and
/// the lines file's to <c>E-lines.csv</c>. The matching is printed, not learned (each run matches the columns again).
/// </summary>
internal static class DocumentImport
{
    public static async Task<int> RunAsync(CliContext context, ImportArguments args, ImportEntity entity, bool execute, CancellationToken cancellationToken)
    {
        // 1. Arguments: everything is checked before anything is read or written.
        var overrides = ProfileFlags.Parse(context, entity, args.AutoCreate, args.Defaults, args.References);
        var path = InputFiles.RequireExisting(context, args.File, "--file");
        var linesPath = args.Lines is null ? null : InputFiles.RequireExisting(context, args.Lines, "--lines");
        var xml = IsXml(path);
        if (xml && linesPath is not null)
        {
            throw new CliUsageException(context.T(
                "{0} est un fichier XML : il porte les lignes de ses pièces, --lines est de trop.",
                "{0} is an XML file: it carries its documents' lines, --lines is not needed.",
                args.File));
        }

        if (!xml && linesPath is null)
        {
            throw new CliUsageException(context.T(
                "sales-documents s'importe de deux fichiers, --file PIECES.csv --lines LIGNES.csv, ou d'un fichier XML (--file pieces.xml).",
                "sales-documents is imported from two files, --file PIECES.csv --lines LINES.csv, or from one XML file (--file documents.xml)."));
        }

        var store = StoreLocator.Parse(args.Db, context);
        var importMode = ImportCommand.ParseMode(args.Mode, context);
        var encoding = TextEncodings.Resolve(args.Encoding, context);
        var profilePath = args.Profile is null ? null : InputFiles.RequireExisting(context, args.Profile, "--profile");
        var linesProfilePath = args.LinesProfile is null ? null : InputFiles.RequireExisting(context, args.LinesProfile, "--lines-profile");
        var reportPath = args.Report is null ? null : context.ResolvePath(args.Report);
        var errorsPath = args.Errors is null ? null : ImportCommand.RequireCsvPath(context, context.ResolvePath(args.Errors));
        var linesErrorsPath = errorsPath is null ? null : Path.Combine(Path.GetDirectoryName(errorsPath) ?? string.Empty, Path.GetFileNameWithoutExtension(errorsPath) + "-lines" + Path.GetExtension(errorsPath));
        List<(string Option, string Path)> inputs = [("--file", path)];
        AddIf(inputs, "--lines", linesPath);
        AddIf(inputs, "--profile", profilePath);
        AddIf(inputs, "--lines-profile", linesProfilePath);
        List<(string Option, string Path)> outputs = [];
        AddIf(outputs, "--report", reportPath);
        AddIf(outputs, "--errors", errorsPath);
        AddIf(outputs, "--errors", linesErrorsPath);
        OutputFiles.Check(context, inputs, store, outputs);
        var profile = profilePath is null ? null : overrides.ApplyTo(await ProfileFlags.LoadAsync(context, profilePath, cancellationToken));
        var linesProfile = linesProfilePath is null ? null : await ProfileFlags.LoadAsync(context, linesProfilePath, cancellationToken);
        var info = args.Json ? context.Error : context.Out;
        var options = new ImportOptions
        {
            UiCulture = context.Ui,
            Reader = new ReaderOptions { Sheet = args.Sheet, Encoding = encoding, UiCulture = context.Ui },
        };
        ImportRequest NewRequest() => xml
            ? SalesDocumentsXml.FromFile(path, entity)
            : new ImportRequest(ImportSource.FromFile(path)) { Lines = ImportSource.FromFile(linesPath!) };

        // 2. A run into a store that does not exist yet: files that cannot be read are found before the store is created.
        if (execute && !File.Exists(store.SqlitePath))
        {
            var empty = await store.OpenAsync(execute: false, cancellationToken);
            await using (empty)
            {
                var check = Pipeline(entity, empty.Sink, options);
                var probe = NewRequest();
                var headerProblem = (await check.InspectAsync(new InspectRequest(probe.Source) { Rows = 0 }, cancellationToken)).Problem;
                var linesProblem = (await Pipeline(entity.Lines!, empty.Sink, options).InspectAsync(new InspectRequest(probe.Lines!) { Rows = 0 }, cancellationToken)).Problem;
                if (headerProblem is not null || linesProblem is not null)
                {
                    var rejected = await check.SimulateAsync(probe with { Profile = profile, LinesProfile = linesProfile, Mode = importMode }, null, cancellationToken);
                    if (rejected.IsFileRejected)
                    {
                        return await ImportCommand.FileRejectedAsync(context, args, rejected, reportPath, cancellationToken);
                    }
                }
            }
        }

        // 3. The store, the pipeline, the matching of each file printed (without a profile).
        var open = await store.OpenAsync(execute, cancellationToken);
        await using (open)
        {
            var sink = new CommitCountingSink(context.SinkDecorator?.Invoke(open.Sink) ?? open.Sink, entity.Name);
            var pipeline = Pipeline(entity, sink, options);
            var request = NewRequest() with { Mode = importMode };
            if (profile is null)
            {
                var inspection = await pipeline.InspectAsync(new InspectRequest(request.Source) { Rows = 0 }, cancellationToken);
                if (inspection.Problem is null)
                {
                    MappingPrinter.Print(context, info, entity.Name, inspection.Mapping, null);
                    profile = overrides.IsEmpty ? null : overrides.ApplyTo(inspection.Mapping.ToProfile(entity.Name, options.Culture.Name));
                }
            }

            if (linesProfile is null)
            {
                var inspection = await Pipeline(entity.Lines!, sink, options).InspectAsync(new InspectRequest(request.Lines!) { Rows = 0 }, cancellationToken);
                if (inspection.Problem is null)
                {
                    MappingPrinter.Print(context, info, entity.Lines!.Name, inspection.Mapping, null);
                }
            }

            // 4. The import: the header file, then the lines file, each document all or nothing.
            request = request with { Profile = profile, LinesProfile = linesProfile };
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
                return await ImportCommand.InterruptedAsync(context, args, ex, sink, reportPath, errorsPath, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && sink.HasCommitted)
            {
                await context.Error.WriteLineAsync(context.T(
                    "Interrompu ({0}) : {1} ligne(s) importée(s) avant l'interruption, par pièces entières ; aucune pièce n'a été écrite à moitié. Aucun rapport ni fichier d'erreurs n'a été produit : relancez l'import pour le terminer.",
                    "Interrupted ({0}): {1} row(s) imported before the interruption, in whole documents; no document was half written. No report or errors file was produced: run the import again to finish it.",
                    CommandRunner.SignalName(context),
                    sink.Inserted + sink.Updated));
                return ExitCodes.RowsRejected;
            }

            // 5. The outcome: a section per file.
            if (result.IsFileRejected)
            {
                return await ImportCommand.FileRejectedAsync(context, args, result, reportPath, cancellationToken);
            }

            var written = await ImportCommand.WriteFilesAsync(context, result, reportPath, errorsPath, cancellationToken);
            var writtenLines = await ImportCommand.WriteFilesAsync(context, result.Files[1], null, linesErrorsPath, cancellationToken);
            if (args.Json)
            {
                await context.Out.WriteLineAsync(result.ToJson());
            }
            else
            {
                ReportPrinter.PrintSummary(context, context.Out, result.Files[0], null, written.Errors);
                ReportPrinter.PrintSummary(context, context.Out, result.Files[1], written.Report, writtenLines.Errors);
                var t = result.Totals;
                await context.Out.WriteLineAsync(context.T(
                    "Les deux fichiers : {0} ligne(s) | insérées : {1} | mises à jour : {2} | inchangées : {3} | rejetées : {4}",
                    "Both files: {0} row(s) | inserted: {1} | updated: {2} | unchanged: {3} | rejected: {4}",
                    t.Rows,
                    t.Inserted,
                    t.Updated,
                    t.Unchanged,
                    t.Rejected));
            }

            var failures = written.Failures.Concat(writtenLines.Failures).ToList();
            foreach (var failure in failures)
            {
                await context.Error.WriteLineAsync(ConsoleText.Safe(failure));
            }

            if (failures.Count > 0)
            {
                return execute && sink.HasCommitted ? ExitCodes.RowsRejected : ExitCodes.Unusable;
            }

            return result.IsSuccess ? ExitCodes.Success : ExitCodes.RowsRejected;
        }
    }

    private static IImportPipeline Pipeline(ImportEntity entity, IImportSink sink, ImportOptions options) =>
        new ImportPipelineBuilder().UseEntity(entity).UseSink(sink).UseOptions(options).UseExcelReaders().Build();

    private static void AddIf(List<(string Option, string Path)> list, string option, string? path)
    {
        if (path is not null)
        {
            list.Add((option, path));
        }
    }

    /// <summary>Whether the file is XML (by content, its first characters): the one-file form of sales documents.</summary>
    private static bool IsXml(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[512];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return SalesDocumentsXml.IsXml(head[..read]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // the import says why the file cannot be read
        }
    }
}
