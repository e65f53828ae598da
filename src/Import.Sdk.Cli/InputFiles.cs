namespace Import.Sdk.Cli;

/// <summary>Checks the files named on the command line before anything is read or written.</summary>
internal static class InputFiles
{
    /// <summary>The full path of an existing file, or stops the command (exit code 2).</summary>
    public static string RequireExisting(CliContext context, string path, string option)
    {
        var full = context.ResolvePath(path);
        if (Directory.Exists(full))
        {
            throw new CliUsageException(context.T("{0} désigne un dossier, pas un fichier : {1}", "{0} names a folder, not a file: {1}", option, full));
        }

        if (!File.Exists(full))
        {
            throw new CliUsageException(context.T("le fichier n'existe pas : {0} ({1})", "the file does not exist: {0} ({1})", full, option));
        }

        return full;
    }
}
