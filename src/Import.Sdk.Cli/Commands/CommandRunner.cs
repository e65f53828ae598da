using System.CommandLine;

namespace Import.Sdk.Cli.Commands;

/// <summary>Runs a command's action and turns its failures into the CLI's exit codes and one clear message on stderr.</summary>
internal static class CommandRunner
{
    /// <summary>Sets the action of <paramref name="command"/>, guarded.</summary>
    public static void SetGuardedAction(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction((result, cancellationToken) => RunAsync(context, result, action, cancellationToken));

    /// <summary>The message shown when Ctrl+C or SIGTERM stops a command before any row was written.</summary>
    public static string CancelledMessage(CliContext context) => context.T(
        "Interrompu ({0}) : rien n'a été écrit (le lot en cours est annulé) ; aucun rapport ni fichier d'erreurs n'a été produit.",
        "Interrupted ({0}): nothing was written (the batch in progress is rolled back); no report or errors file was produced.",
        SignalName(context));

    /// <summary>The signal that stopped the command, as shown: <c>Ctrl+C</c> unless it was <c>SIGTERM</c>.</summary>
    public static string SignalName(CliContext context) => context.Signal ?? "Ctrl+C";

    /// <summary>The exit code of a command stopped before any row was written: 130 (Ctrl+C) or 143 (SIGTERM).</summary>
    public static int CancelledExitCode(CliContext context) =>
        string.Equals(context.Signal, "SIGTERM", StringComparison.Ordinal) ? ExitCodes.Terminated : ExitCodes.Cancelled;

    private static async Task<int> RunAsync(CliContext context, ParseResult result, Func<ParseResult, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        context.Ui = CliContext.CultureOf(result.GetValue<string>(CommonOptions.LangName));
        try
        {
            return await action(result, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync(CancelledMessage(context));
            return CancelledExitCode(context);
        }
        catch (CliUsageException ex)
        {
            // The message may quote what was typed (a path, a name) or read: shown escaped, never acting on the terminal.
            await context.Error.WriteLineAsync(context.T("erreur : {0}", "error: {0}", Output.ConsoleText.Safe(ex.Message)));
            return ExitCodes.Unusable;
        }
        catch (ImportException ex)
        {
            await context.Error.WriteLineAsync(context.T("erreur : {0}", "error: {0}", Output.ConsoleText.Safe(ex.Message)));
            return ExitCodes.Unusable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            // A failure no earlier check foresaw: said in our words, the system's own text (a path, an errno) in parentheses.
            await context.Error.WriteLineAsync(context.T(
                "erreur : une lecture ou une écriture de fichier ou de la base a échoué ({0}). Vérifiez le chemin, les droits et la place disque, puis relancez la commande.",
                "error: reading or writing a file or the store failed ({0}). Check the path, the permissions and the free disk space, then run the command again.",
                Output.ConsoleText.Safe(ex.Message)));
            return ExitCodes.Unusable;
        }
    }
}
