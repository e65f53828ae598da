using System.Globalization;

namespace Import.Sdk.Cli;

/// <summary>Where a command writes, whether stdout is a terminal, the folder relative paths start from, and the language of messages.</summary>
internal sealed class CliContext
{
    /// <summary>French, the default language of messages.</summary>
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>English, chosen with <c>--lang en</c>.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public CliContext(TextWriter output, TextWriter error, bool isTerminal = false, string? baseDirectory = null)
    {
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
        BaseDirectory = baseDirectory ?? Environment.CurrentDirectory;
    }

    /// <summary>Gets the standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Gets the standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets a value indicating whether stdout is an interactive terminal (progress bar, tables) rather than a file or a pipe.</summary>
    public bool IsTerminal { get; }

    /// <summary>Gets the folder relative paths are resolved against.</summary>
    public string BaseDirectory { get; }

    /// <summary>Gets or sets the culture of messages (fr-FR unless <c>--lang en</c>).</summary>
    public CultureInfo Ui { get; set; } = French;

    /// <summary>
    /// Gets or sets the signal that stopped the command (<c>Ctrl+C</c> or <c>SIGTERM</c>), set by the signal handler before it
    /// cancels; <see langword="null"/> when the command was cancelled otherwise (in-process: shown as Ctrl+C).
    /// </summary>
    public string? Signal { get; set; }

    /// <summary>
    /// Gets a wrapper put around the store's sink by <c>simulate</c> and <c>run</c>: a test seam (a sink that fails after N batches),
    /// <see langword="null"/> in the real CLI.
    /// </summary>
    public Func<IImportSink, IImportSink>? SinkDecorator { get; init; }

    /// <summary>Gets a value indicating whether messages are in French.</summary>
    public bool IsFrench => Ui.TwoLetterISOLanguageName == "fr";

    /// <summary>Picks the message of the current language and formats it with the UI culture.</summary>
    public string T(string french, string english, params object?[] args) =>
        args.Length == 0 ? (IsFrench ? french : english) : string.Format(Ui, IsFrench ? french : english, args);

    /// <summary>Resolves a path given on the command line against <see cref="BaseDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, BaseDirectory);

    /// <summary>The culture of a <c>--lang</c> value (<c>fr</c> or <c>en</c>).</summary>
    public static CultureInfo CultureOf(string? lang) =>
        lang is not null && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;
}
