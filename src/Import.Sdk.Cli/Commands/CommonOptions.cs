using System.CommandLine;

namespace Import.Sdk.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>The name of the language option.</summary>
    public const string LangName = "--lang";

    /// <summary>Creates <c>--json</c>.</summary>
    public static Option<bool> Json(CliContext context) => new("--json")
    {
        Description = context.T("Écrit le résultat en JSON sur la sortie standard.", "Writes the result as JSON to standard output."),
    };

    /// <summary>Creates a required <c>--entity</c>.</summary>
    public static Option<string> Entity(CliContext context) => new("--entity", "-e")
    {
        Description = context.T("L'entité à importer (voir « import-sdk entities »).", "The entity to import (see 'import-sdk entities')."),
        Required = true,
    };

    /// <summary>Creates <c>--file</c>.</summary>
    public static Option<string> File(CliContext context) => new("--file", "-f")
    {
        Description = context.T("Le fichier à lire.", "The file to read."),
        Required = true,
    };

    /// <summary>Creates <c>--sheet</c>.</summary>
    public static Option<string?> Sheet(CliContext context) => new("--sheet")
    {
        Description = context.T("La feuille d'un classeur, par nom ou par numéro (1 = la première).", "The sheet of a workbook, by name or number (1 = the first)."),
    };

    /// <summary>Creates <c>--encoding</c>, the encoding of a text file (resolved by <see cref="TextEncodings.Resolve"/>).</summary>
    public static Option<string?> Encoding(CliContext context) => new("--encoding")
    {
        Description = context.T(
            "L'encodage d'un fichier texte ({0}…) ; par défaut il est détecté.",
            "The encoding of a text file ({0}…); detected by default.",
            TextEncodings.Examples),
    };

    /// <summary>Creates <c>--lang fr|en</c>, the language of messages (recursive: every command).</summary>
    public static Option<string> Lang()
    {
        var option = new Option<string>(LangName)
        {
            Description = "Langue des messages : fr (défaut) ou en. / Language of messages: fr (default) or en.",
            Recursive = true,
            DefaultValueFactory = _ => "fr",
        };
        option.AcceptOnlyFromAmong("fr", "en");
        return option;
    }
}
