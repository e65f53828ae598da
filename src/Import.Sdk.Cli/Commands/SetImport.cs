using Import.Sdk.Cli.Output;

namespace Import.Sdk.Cli.Commands;

/// <summary>
/// <c>import-sdk simulate|run --file customers=clients.csv --file invoices=factures.csv …</c> (no <c>--entity</c>): the files are
/// imported as one set (<see cref="ImportSet"/>), in dependency order whatever order they are given in — an entity after every
/// entity of the set its fields reference, ties in the given order — so that a simulation resolves references to records an
/// earlier file of the set would create. Each file is imported as <see cref="ImportCommand"/> imports one file (its matching, its
/// learned profile, its summary); then the set's totals, and <c>--report</c> writes the set report (one section per file).
/// </summary>
internal static class SetImport
{
    /// <summary>One file imports as before; files given as ENTITY=PATH without <c>--entity</c> import as a set.</summary>
    public static Task<int> DispatchAsync(CliContext context, string? entity, IReadOnlyList<string> files, ImportArguments args, bool execute, CancellationToken cancellationToken)
    {
        if (entity is not null)
        {
            if (files.Count > 1 || (files.Count == 1 && SplitEntry(files[0]) is { } entry && EntityCatalog.Find(entry.Entity) is not null && !File.Exists(context.ResolvePath(files[0]))))
            {
                throw new CliUsageException(context.T(
                    "--entity importe un seul fichier (--file CHEMIN) ; pour un jeu de fichiers, donnez chaque fichier en ENTITÉ=CHEMIN sans --entity.",
                    "--entity imports one file (--file PATH); for a set of files, give each file as ENTITY=PATH without --entity."));
            }

            return ImportCommand.RunAsync(context, args with { Entity = entity, File = files[0] }, execute, cancellationToken);
        }

        return RunAsync(context, files, args, execute, cancellationToken);
    }

    private static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> entries, ImportArguments args, bool execute, CancellationToken cancellationToken)
    {
        // 1. Arguments: everything is checked before anything is read or written.
        var files = ParseFiles(context, entries);
        RefuseUnsupported(context, args);
        var store = StoreLocator.Parse(args.Db, context);
        _ = ImportCommand.ParseMode(args.Mode, context);
        _ = TextEncodings.Resolve(args.Encoding, context);
        CheckFlags(context, files, args);
        var reportPath = args.Report is null ? null : context.ResolvePath(args.Report);
        List<(string Option, string Path)> outputs = reportPath is null ? [] : [("--report", reportPath)];
        OutputFiles.Check(context, [.. files.Select(f => ("--file", f.Path))], store, outputs);

        // 2. Each file in dependency order, as one file is imported, the set seeing the records the earlier files planned.
        var ordered = Order(files);
        var set = new ImportSet(ordered.Select(f => f.Entity));
        var info = context.Out;
        await info.WriteLineAsync(context.T(
            "Ordre d'import : {0}",
            "Import order: {0}",
            string.Join(" → ", ordered.Select(f => f.Entity.Name))));
        var reports = new List<ImportReport>();
        var committed = false;
        var rejected = false;
        SetMember? stopped = null;
        var index = 0;
        for (; index < ordered.Count; index++)
        {
            var file = ordered[index];
            var member = new SetMember(set);
            var fileArgs = args with
            {
                Entity = file.Entity.Name,
                File = file.Path,
                Report = null,
                AutoCreate = FlagsOf(file.Entity, args.AutoCreate),
                Defaults = FlagsOf(file.Entity, args.Defaults),
                References = FlagsOf(file.Entity, args.References),
            };
            int exit;
            try
            {
                exit = await ImportCommand.RunAsync(context, fileArgs, execute, member, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && committed)
            {
                // Stopped before this file wrote anything, after earlier files of the set were written: say which.
                await context.Error.WriteLineAsync(context.T(
                    "Interrompu ({0}) pendant {1} : les fichiers précédents du jeu ont été importés ({2}), celui-ci et les suivants non ; aucun rapport n'a été produit.",
                    "Interrupted ({0}) during {1}: the set's earlier files were imported ({2}), this one and the later ones were not; no report was produced.",
                    CommandRunner.SignalName(context),
                    ConsoleText.Safe(file.Path),
                    string.Join(", ", ordered.Take(index).Select(f => f.Entity.Name))));
                return ExitCodes.RowsRejected;
            }

            committed |= member.Committed;
            rejected |= exit != ExitCodes.Success;
            if (member.Report is not null)
            {
                reports.Add(member.Report);
            }

            if (member.IsStopped || member.Report is null)
            {
                stopped = member;
                break;
            }
        }

        // 3. The set: what was not imported, the totals, the report.
        if (stopped is not null && index + 1 < ordered.Count)
        {
            await context.Error.WriteLineAsync(context.T(
                "erreur : l'import du jeu s'est arrêté sur {0} ; fichiers non importés : {1}.",
                "error: the import of the set stopped at {0}; files not imported: {1}.",
                ConsoleText.Safe(ordered[index].Path),
                ConsoleText.Safe(string.Join(", ", ordered.Skip(index + 1).Select(f => f.Entity.Name + "=" + f.Path)))));
        }

        if (reports.Count == 0)
        {
            return ExitCodes.Unusable;
        }

        var report = ImportReport.OfSet(reports);
        var t = report.Totals;
        await context.Out.WriteLineAsync(context.T(
            "Le jeu ({0} fichier(s) sur {1}) : {2} ligne(s) | insérées : {3} | mises à jour : {4} | inchangées : {5} | rejetées : {6}",
            "The set ({0} file(s) of {1}): {2} row(s) | inserted: {3} | updated: {4} | unchanged: {5} | rejected: {6}",
            reports.Count,
            ordered.Count,
            t.Rows,
            t.Inserted,
            t.Updated,
            t.Unchanged,
            t.Rejected));
        var written = await ImportCommand.WriteFilesAsync(context, report, reportPath, null, cancellationToken);
        if (written.Report is not null)
        {
            await context.Out.WriteLineAsync(context.T("Rapport du jeu : {0}", "Set report: {0}", ConsoleText.Safe(written.Report)));
        }

        foreach (var failure in written.Failures)
        {
            await context.Error.WriteLineAsync(ConsoleText.Safe(failure));
        }

        if (stopped is not null || written.Failures.Count > 0)
        {
            return execute && committed ? ExitCodes.RowsRejected : ExitCodes.Unusable;
        }

        return rejected || !report.IsSuccess ? ExitCodes.RowsRejected : ExitCodes.Success;
    }

    /// <summary>The files, each ENTITY=PATH: a known entity, once, and a file that exists.</summary>
    private static List<SetFile> ParseFiles(CliContext context, IReadOnlyList<string> entries)
    {
        var files = new List<SetFile>();
        foreach (var entry in entries)
        {
            if (SplitEntry(entry) is not { } split || split.Entity.Length == 0 || split.Path.Length == 0)
            {
                throw new CliUsageException(entries.Count == 1 && !entry.Contains('=', StringComparison.Ordinal)
                    ? context.T(
                        "--entity manque : donnez --entity ENTITÉ --file CHEMIN, ou chaque fichier d'un jeu en --file ENTITÉ=CHEMIN.",
                        "--entity is missing: give --entity ENTITY --file PATH, or each file of a set as --file ENTITY=PATH.")
                    : context.T(
                        "--file « {0} » : sans --entity, chaque fichier s'écrit ENTITÉ=CHEMIN (par exemple customers=clients.csv).",
                        "--file '{0}': without --entity, each file is written ENTITY=PATH (for example customers=clients.csv).",
                        entry));
            }

            var entity = EntityCatalog.Require(split.Entity, context);
            if (EntityCatalog.HasLines(entity))
            {
                throw new CliUsageException(context.T(
                    "{0} ne s'importe pas encore dans un jeu de fichiers : importez-le seul (--entity {0} --file … --lines …).",
                    "{0} cannot be imported in a set of files yet: import it alone (--entity {0} --file … --lines …).",
                    entity.Name));
            }

            if (files.Any(f => f.Entity == entity))
            {
                throw new CliUsageException(context.T(
                    "l'entité « {0} » est donnée deux fois : un jeu a un fichier par entité.",
                    "the entity '{0}' is given twice: a set has one file per entity.",
                    entity.Name));
            }

            files.Add(new SetFile(entity, InputFiles.RequireExisting(context, split.Path, "--file " + entity.Name)));
        }

        return files;
    }

    private static (string Entity, string Path)? SplitEntry(string entry)
    {
        var at = entry.IndexOf('=', StringComparison.Ordinal);
        return at < 0 ? null : (entry[..at].Trim(), entry[(at + 1)..].Trim());
    }

    /// <summary>The options of one file that a set does not take (yet): refused before anything is read.</summary>
    private static void RefuseUnsupported(CliContext context, ImportArguments args)
    {
        foreach (var (option, given) in new[] { ("--profile", args.Profile), ("--lines", args.Lines), ("--lines-profile", args.LinesProfile), ("--errors", args.Errors) })
        {
            if (given is not null)
            {
                throw new CliUsageException(context.T(
                    "{0} ne s'applique pas à un jeu de fichiers (--file ENTITÉ=CHEMIN répété) : importez ce fichier seul avec --entity.",
                    "{0} does not apply to a set of files (--file ENTITY=PATH repeated): import that file alone with --entity.",
                    option));
            }
        }

        if (args.Json)
        {
            throw new CliUsageException(context.T(
                "--json ne s'applique pas encore à un jeu de fichiers : utilisez --report R.json.",
                "--json does not apply to a set of files yet: use --report R.json."));
        }
    }

    /// <summary>Each flag applies to the files whose entity has its field; one that names a field of no file's entity is refused.</summary>
    private static void CheckFlags(CliContext context, List<SetFile> files, ImportArguments args)
    {
        foreach (var (option, values) in new[] { (ProfileFlags.AutoCreateName, args.AutoCreate), (ProfileFlags.DefaultName, args.Defaults), (ProfileFlags.RefName, args.References) })
        {
            foreach (var value in values ?? [])
            {
                if (!files.Any(f => f.Entity.Schema.TryGetField(FieldOf(value), out _)))
                {
                    throw new CliUsageException(context.T(
                        "{0} « {1} » : « {2} » n'est un champ d'aucune entité du jeu ({3}).",
                        "{0} '{1}': '{2}' is not a field of any entity of the set ({3}).",
                        option,
                        value,
                        FieldOf(value),
                        string.Join(", ", files.Select(f => f.Entity.Name))));
                }
            }
        }

        foreach (var file in files)
        {
            _ = ProfileFlags.Parse(context, file.Entity, FlagsOf(file.Entity, args.AutoCreate), FlagsOf(file.Entity, args.Defaults), FlagsOf(file.Entity, args.References));
        }
    }

    private static string FieldOf(string flag) => (flag.IndexOf('=', StringComparison.Ordinal) is var at and >= 0 ? flag[..at] : flag).Trim();

    private static string[] FlagsOf(ImportEntity entity, IReadOnlyList<string>? flags) =>
        [.. (flags ?? []).Where(f => entity.Schema.TryGetField(FieldOf(f), out _))];

    /// <summary>Dependency order: each entity after every entity of the set it references or reads whole; ties keep the given order.</summary>
    internal static List<SetFile> Order(IReadOnlyList<SetFile> files)
    {
        var remaining = files.ToList();
        var ordered = new List<SetFile>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(f => DependsOn(f.Entity).All(d => !remaining.Any(r => r != f && r.Entity.Name == d)))
                ?? remaining[0]; // a cycle: the given order
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    private static IEnumerable<string> DependsOn(ImportEntity entity) =>
        entity.Schema.Fields.Where(f => f.Reference?.Target is not null).Select(f => f.Reference!.Target!.Name)
            .Concat(entity.PlanningRules.SelectMany(r => r.ReadsAll).Select(s => s.Name))
            .Where(name => name != entity.Name);

    /// <summary>A file of the set.</summary>
    internal sealed record SetFile(ImportEntity Entity, string Path);
}

/// <summary>A file imported as part of a set: the set it plans into, and what its import gave back.</summary>
internal sealed class SetMember(ImportSet set)
{
    /// <summary>Gets the set.</summary>
    public ImportSet Set { get; } = set;

    /// <summary>Gets the file's report, once imported (or stopped with one).</summary>
    public ImportReport? Report { get; private set; }

    /// <summary>Gets a value indicating whether rows of the file were written.</summary>
    public bool Committed { get; private set; }

    /// <summary>Gets a value indicating whether the file stopped the set (unusable, or stopped part-way).</summary>
    public bool IsStopped { get; private set; }

    /// <summary>The file was imported to its end.</summary>
    public void Done(ImportReport report, bool committed) => (Report, Committed) = (report, committed);

    /// <summary>The file stopped the set: unusable, or stopped part-way.</summary>
    public void Stopped(ImportReport? report, bool committed) => (Report, Committed, IsStopped) = (report, committed, true);
}
