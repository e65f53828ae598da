namespace Import.Sdk.Cli;

/// <summary>
/// Checks the files a command will write (<c>--report</c>, <c>--errors</c>) before anything is read or written: none may be one of
/// the command's inputs (the source file, the profile, the store and its side files, the folder of learned profiles) or another
/// output, under any spelling (<c>./x</c>, <c>dir/../x</c>, a symbolic or hard link, see <see cref="FileIdentity"/>); and each must
/// be writable: a regular file or a new one, in a folder that exists (or can be created) and accepts a new file.
/// </summary>
internal static class OutputFiles
{
    /// <summary>The longest name of a file or folder on the usual file systems (ext4, XFS, APFS, NTFS), in bytes.</summary>
    private const int MaxNameBytes = 255;

    /// <summary>The longest path Linux takes (<c>PATH_MAX</c> less its final NUL), in bytes.</summary>
    private const int MaxPathBytes = 4095;

    /// <summary>The <see cref="Exception.HResult"/> of a full disk on Linux (ENOSPC).</summary>
    private const int NoSpaceOnDevice = 28;

    /// <summary>The <see cref="Exception.HResult"/> of a disk quota reached on Linux (EDQUOT).</summary>
    private const int DiskQuotaExceeded = 122;

    /// <summary>The <see cref="Exception.HResult"/> of a full disk on Windows (ERROR_DISK_FULL).</summary>
    private const int WindowsDiskFull = unchecked((int)0x80070070);

    /// <summary>The <see cref="Exception.HResult"/> of a full disk on Windows (ERROR_HANDLE_DISK_FULL).</summary>
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

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
        // "out/" names a folder even when it does not exist yet: the file would have no name.
        if (Path.EndsInDirectorySeparator(path) || string.IsNullOrEmpty(Path.GetFileName(path)))
        {
            throw new CliUsageException(context.T(
                "{0} désigne un dossier, pas un fichier : {1}. Donnez le chemin d'un fichier.",
                "{0} names a folder, not a file: {1}. Give the path of a file.",
                option,
                path));
        }

        RequireNameLengths(context, option, path);
        switch (FileIdentity.KindOf(path))
        {
            case FileIdentity.Kind.Directory:
                throw new CliUsageException(context.T(
                    "{0} désigne un dossier, pas un fichier : {1}. Donnez le chemin d'un fichier.",
                    "{0} names a folder, not a file: {1}. Give the path of a file.",
                    option,
                    path));
            case FileIdentity.Kind.File when IsReadOnly(path):
                throw new CliUsageException(context.T(
                    "{0} désigne {1}, un fichier en lecture seule : il n'est pas remplacé. Rendez-le modifiable, ou choisissez un autre chemin pour {0}.",
                    "{0} names {1}, a read-only file: it is not replaced. Make it writable, or choose another path for {0}.",
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
        // Its name is short whatever the target's: a long target name must not be refused for the probe's.
        var probe = Path.Combine(existing, ".import-sdk-" + Guid.NewGuid().ToString("N")[..8] + ".probe");
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
                        FileNotFoundException or DirectoryNotFoundException => context.T("le système refuse d'y créer un fichier", "the system refuses to create a file there"),
                        _ => Cause(context, ex, probe, existing),
                    }),
                ex);
        }
        finally
        {
            TryDelete(probe);
        }
    }

    /// <summary>
    /// Why a file could not be written, in our words when the cause is a common one (access denied, a full disk, a path too long,
    /// a folder missing), else the system's text with <paramref name="temporary"/> (a file of ours) shown as <paramref name="shown"/>.
    /// </summary>
    public static string Cause(CliContext context, Exception ex, string? temporary, string shown) => ex switch
    {
        UnauthorizedAccessException => context.T("accès refusé", "access denied"),
        PathTooLongException => context.T("chemin trop long", "path too long"),
        DirectoryNotFoundException or FileNotFoundException => context.T("le dossier n'existe pas et n'a pas pu être créé", "the folder does not exist and could not be created"),
        IOException { HResult: NoSpaceOnDevice or DiskQuotaExceeded or WindowsDiskFull or WindowsHandleDiskFull } => context.T("disque plein", "disk full"),
        _ => temporary is null ? ex.Message : ex.Message.Replace(temporary, shown, StringComparison.Ordinal),
    };

    /// <summary>
    /// Stops the command when a component of <paramref name="path"/> is longer than a file system takes (255 bytes), or the whole
    /// path longer than Linux takes (4,095 bytes): found now, not when the import is done.
    /// </summary>
    private static void RequireNameLengths(CliContext context, string option, string path)
    {
        var tooLong = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => System.Text.Encoding.UTF8.GetByteCount(part) > MaxNameBytes)
            || (!OperatingSystem.IsWindows() && System.Text.Encoding.UTF8.GetByteCount(path) > MaxPathBytes);
        if (tooLong)
        {
            throw new CliUsageException(context.T(
                "{0} : le chemin {1} est trop long (un nom de plus de {2} octets, ou un chemin de plus de {3}). Choisissez un chemin plus court pour {0}.",
                "{0}: the path {1} is too long (a name over {2} bytes, or a path over {3}). Choose a shorter path for {0}.",
                option,
                path,
                MaxNameBytes,
                MaxPathBytes));
        }
    }

    /// <summary>
    /// Whether a file is marked read-only: no write permission for anyone (Unix) or the read-only attribute (Windows). The file
    /// would be replaced all the same (a new file moved over it), so the mark is what says the user wants it kept.
    /// </summary>
    private static bool IsReadOnly(string path)
    {
        try
        {
            return OperatingSystem.IsWindows()
                ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
                : (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // the probe and the write say what is wrong
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
