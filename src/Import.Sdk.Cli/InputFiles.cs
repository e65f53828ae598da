namespace Import.Sdk.Cli;

/// <summary>Checks the files named on the command line before anything is read or written.</summary>
internal static class InputFiles
{
    /// <summary>
    /// The full path of an existing regular file, or stops the command (exit code 2). A named pipe, a socket or a device is refused
    /// before it is opened: reading one could wait forever or never end.
    /// </summary>
    public static string RequireExisting(CliContext context, string path, string option)
    {
        var full = context.ResolvePath(path);
        switch (FileIdentity.KindOf(full))
        {
            case FileIdentity.Kind.Directory:
                throw new CliUsageException(context.T("{0} désigne un dossier, pas un fichier : {1}", "{0} names a folder, not a file: {1}", option, full));
            case FileIdentity.Kind.Missing:
                throw new CliUsageException(context.T("le fichier n'existe pas : {0} ({1})", "the file does not exist: {0} ({1})", full, option));
            case FileIdentity.Kind.Other:
                throw new CliUsageException(context.T(
                    "{0} désigne {1}, qui n'est pas un fichier ordinaire (un tube nommé, une socket ou un périphérique) : enregistrez les données dans un fichier et donnez son chemin.",
                    "{0} names {1}, which is not a regular file (a named pipe, a socket or a device): save the data to a file and give its path.",
                    option,
                    full));
            default:
                return full;
        }
    }
}
