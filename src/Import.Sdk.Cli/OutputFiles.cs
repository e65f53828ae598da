namespace Import.Sdk.Cli;

/// <summary>
/// Checks the files a command will write (<c>--report</c>, <c>--errors</c>) before anything is read or written: none may be one of
/// the command's inputs (the source file, the profile, the store and its side files, the folder of learned profiles) or another
/// output, under any spelling (<c>./x</c>, <c>dir/../x</c>, a symbolic or hard link, see <see cref="FileIdentity"/>); and each must
/// be writable: a regular file or a new one, in a folder that exists (or can be created) and accepts a new file.
/// </summary>
internal static class OutputFiles
{
    /// <summary>The SQLite files beside a database: its journals (an output there would corrupt the store).</summary>
    private static readonly string[] SqliteSideFiles = ["-wal", "-shm", "-journal"];

    /// <summary>Stops the command (exit code 2) when an output is an input, another output, or cannot be written.</summary>
    /// <param name="context">The console and language.</param>
    /// <param name="inputs">The files read: option and full path.</param>
    /// <param name="store">The SQLite store, whose side files and learned-profile folder are inputs too.</param>
    /// <param name="outputs">The files written: option and full path.</param>
    public static void Check(CliContext context, IReadOnlyList<(string Option, string Path)> inputs, StoreLocator store, IReadOnlyList<(string Option, string Path)> outputs)
    {
        for (var o = 0; o < outputs.Count; o++)
        {
            var (option, path) = outputs[o];
            foreach (var (inputOption, input) in inputs)
            {
                if (FileIdentity.SameFile(path, input))
                {
                    throw SameFile(context, option, inputOption, path);
                }
            }

            if (FileIdentity.SameFile(path, store.SqlitePath))
            {
                throw SameFile(context, option, "--db", path);
            }

            foreach (var suffix in SqliteSideFiles)
            {
                if (FileIdentity.SameFile(path, store.SqlitePath + suffix))
                {
                    throw new CliUsageException(context.T(
                        "{0} désigne {1}, un fichier de la base --db : l'écrire abîmerait la base. Choisissez un autre chemin pour {0}.",
                        "{0} names {1}, a file of the --db store: writing it would damage the store. Choose another path for {0}.",
                        option,
                        path));
                }
            }

            if (FileIdentity.IsInside(path, store.ProfilesDirectory))
            {
                throw new CliUsageException(context.T(
                    "{0} désigne {1}, dans le dossier des correspondances enregistrées de la base --db ({2}). Choisissez un autre chemin pour {0}.",
                    "{0} names {1}, inside the folder of the learned matchings of the --db store ({2}). Choose another path for {0}.",
                    option,
                    path,
                    store.ProfilesDirectory));
            }

            for (var other = 0; other < o; other++)
            {
                if (FileIdentity.SameFile(path, outputs[other].Path))
                {
                    throw SameFile(context, option, outputs[other].Option, path);
                }
            }
        }

        foreach (var (option, path) in outputs)
        {
            RequireWritable(context, option, path);
        }
    }

    /// <summary>
    /// Stops the command unless <paramref name="path"/> can be written as <see cref="AtomicFile"/> writes it: it is a regular file or
    /// does not exist, and a new file can be created and written in its folder (or in the nearest existing folder above it, when
    /// its folder is to be created).
    /// </summary>
    public static void RequireWritable(CliContext context, string option, string path)
    {
        switch (FileIdentity.KindOf(path))
        {
            case FileIdentity.Kind.Directory:
                throw new CliUsageException(context.T(
                    "{0} désigne un dossier, pas un fichier : {1}. Donnez le chemin d'un fichier.",
                    "{0} names a folder, not a file: {1}. Give the path of a file.",
                    option,
                    path));
            case FileIdentity.Kind.Other:
                throw new CliUsageException(context.T(
                    "{0} désigne {1}, qui n'est pas un fichier ordinaire (un périphérique, un tube nommé ou une socket) : rien ne peut y être écrit. Donnez le chemin d'un fichier.",
                    "{0} names {1}, which is not a regular file (a device, a named pipe or a socket): nothing can be written there. Give the path of a file.",
                    option,
                    path));
        }

        var folder = Path.GetDirectoryName(path);
        var existing = folder;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                throw new CliUsageException(context.T(
                    "{0} : le dossier {1} ne peut pas être créé, car {2} est un fichier. Choisissez un autre chemin pour {0}.",
                    "{0}: the folder {1} cannot be created, because {2} is a file. Choose another path for {0}.",
                    option,
                    folder,
                    existing));
            }

            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            return;
        }

        // The probe: a file created, written and flushed beside the target, then deleted (the temporary file of AtomicFile goes there).
        var probe = Path.Combine(existing, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".probe");
        try
        {
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliUsageException(
                context.T(
                    "{0} : impossible d'écrire {1} : le dossier {2} n'accepte pas de nouveau fichier (disque plein, dossier en lecture seule ou système de fichiers spécial). Choisissez un autre chemin pour {0}. ({3})",
                    "{0}: {1} cannot be written: the folder {2} does not accept a new file (full disk, read-only folder or special file system). Choose another path for {0}. ({3})",
                    option,
                    path,
                    existing,
                    ex switch
                    {
                        UnauthorizedAccessException => context.T("accès refusé", "access denied"),
                        FileNotFoundException or DirectoryNotFoundException => context.T("le système refuse d'y créer un fichier", "the system refuses to create a file there"),
                        _ => ex.Message.Replace(probe, existing, StringComparison.Ordinal),
                    }),
                ex);
        }
        finally
        {
            TryDelete(probe);
        }
    }

    private static CliUsageException SameFile(CliContext context, string output, string input, string path) => new(context.T(
        "{0} et {1} désignent le même fichier ({2}) : {0} l'écraserait. Choisissez un autre chemin pour {0}.",
        "{0} and {1} name the same file ({2}): {0} would overwrite it. Choose another path for {0}.",
        output,
        input,
        path));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the probe could not be created, or is already gone
        }
    }
}
