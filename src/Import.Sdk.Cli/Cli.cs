using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Import.Sdk.Cli.Commands;

namespace Import.Sdk.Cli;

/// <summary>The entry point of <c>import-sdk</c>, callable in-process (tests) or from <c>Program</c>.</summary>
internal static class Cli
{
    /// <summary>
    /// Runs the CLI on the real console. Ctrl+C (SIGINT) and SIGTERM cancel the command, and the message names which one; a second
    /// signal while the command winds down ends the process at once.
    /// </summary>
    public static async Task<int> MainAsync(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var context = new CliContext(Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
        using var cancellation = new CancellationTokenSource();
        using var sigint = Register(PosixSignal.SIGINT, "Ctrl+C", context, cancellation);
        using var sigterm = Register(PosixSignal.SIGTERM, "SIGTERM", context, cancellation);
        return await RunAsync(args, context, handleTermination: false, cancellation.Token);
    }

    /// <summary>Cancels the command on <paramref name="signal"/>, remembering its name for the message.</summary>
    private static PosixSignalRegistration? Register(PosixSignal signal, string name, CliContext context, CancellationTokenSource cancellation)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, signalContext =>
            {
                if (cancellation.IsCancellationRequested)
                {
                    return; // the second signal: the default action (the process ends)
                }

                signalContext.Cancel = true;
                context.Signal = name;
                cancellation.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Runs the CLI in-process, writing to the given writers (stdout is treated as redirected).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(stdout, stderr), handleTermination: false, cancellationToken);

    /// <summary>Runs the CLI in-process with a context (output, terminal or not, base directory).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, bool handleTermination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        // The language is known before parsing so that parse errors and help are localised too.
        // CurrentUICulture is async-local: setting it here does not leak to the caller.
        context.Ui = CliContext.CultureOf(LangFromArgs(args));
        CultureInfo.CurrentUICulture = context.Ui;

        var root = BuildRootCommand(context);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // A missing required option is said in the language asked for (the parser's own text is English only).
            var missing = parse.CommandResult.Command.Options.Where(o => o.Required && parse.GetResult(o) is not System.CommandLine.Parsing.OptionResult { IdentifierToken: not null }).Select(o => o.Name).ToList();
            foreach (var option in missing)
            {
                await context.Error.WriteLineAsync(context.T("erreur : l'option {0} est obligatoire.", "error: the option {0} is required.", option));
            }

            foreach (var error in parse.Errors.Where(e => !missing.Any(o => e.Message.Contains("'" + o + "'", StringComparison.Ordinal))))
            {
                await context.Error.WriteLineAsync(context.T("erreur : {0}", "error: {0}", Output.ConsoleText.SafeLines(error.Message)));
            }

            await context.Error.WriteLineAsync(context.T("Voir « import-sdk --help ».", "See 'import-sdk --help'."));
            return ExitCodes.Unusable;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = handleTermination ? TimeSpan.FromSeconds(10) : null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync(CommandRunner.CancelledMessage(context));
            return CommandRunner.CancelledExitCode(context);
        }
    }

    /// <summary>Builds the command tree, bound to <paramref name="context"/>.</summary>
    internal static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand(context.T(
            "import-sdk : importe des fichiers de données de gestion (clients, factures, articles…) dans une base.",
            "import-sdk: imports business data files (customers, invoices, articles…) into a store."));
        root.Options.Add(CommonOptions.Lang());
        root.Subcommands.Add(EntitiesCommand.Create(context));
        root.Subcommands.Add(PreviewCommand.Create(context));
        root.Subcommands.Add(TemplateCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context, execute: false));
        root.Subcommands.Add(ImportCommand.Create(context, execute: true));
        return root;
    }

    private static string? LangFromArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (string.Equals(arg, "--lang", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (arg.StartsWith("--lang=", StringComparison.Ordinal) || arg.StartsWith("--lang:", StringComparison.Ordinal))
            {
                return arg[7..];
            }
        }

        return null;
    }
}
