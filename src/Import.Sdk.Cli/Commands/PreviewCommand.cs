using System.CommandLine;
using System.Globalization;
using Import.Sdk.Cli.Output;
using Spectre.Console;

namespace Import.Sdk.Cli.Commands;

/// <summary><c>import-sdk preview --file F [--sheet NAME] [--encoding NAME] [--rows N] [--json]</c>: what the reader sees, header and first rows.</summary>
internal static class PreviewCommand
{
    /// <summary>The number of rows shown by default.</summary>
    public const int DefaultRows = 10;

    public static Command Create(CliContext context)
    {
        var file = CommonOptions.File(context);
        var sheet = CommonOptions.Sheet(context);
        var encoding = CommonOptions.Encoding(context);
        var rows = new Option<int>("--rows", "-n")
        {
            Description = context.T("Le nombre de lignes de données à montrer (10 par défaut).", "The number of data rows to show (default 10)."),
            DefaultValueFactory = _ => DefaultRows,
            CustomParser = argument =>
            {
                // The parser's own message names a .NET type ("System.Int32"): ours says what is expected.
                var text = argument.Tokens.Count > 0 ? argument.Tokens[0].Value : string.Empty;
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                {
                    return count;
                }

                argument.AddError(context.T("--rows attend un nombre entier de lignes, pas « {0} ».", "--rows expects a whole number of rows, not '{0}'.", ConsoleText.Safe(text)));
                return DefaultRows;
            },
        };
        var json = CommonOptions.Json(context);
        var command = new Command("preview", context.T("Montre ce que le lecteur voit d'un fichier : format, en-tête, premières lignes.", "Shows what the reader sees in a file: format, header, first rows."))
        {
            file,
            sheet,
            encoding,
            rows,
            json,
        };
        command.SetGuardedAction(context, async (result, cancellationToken) =>
        {
            var count = result.GetValue(rows);
            if (count < 0)
            {
                throw new CliUsageException(context.T("--rows ne peut pas être négatif.", "--rows cannot be negative."));
            }

            var path = InputFiles.RequireExisting(context, result.GetValue(file)!, "--file");
            var options = new ReaderOptions { Sheet = result.GetValue(sheet), Encoding = TextEncodings.Resolve(result.GetValue(encoding), context), UiCulture = context.Ui };
            FilePreview preview;
            try
            {
                preview = await FilePreview.ReadAsync(ImportSource.FromFile(path), count, options, Import.Sdk.Excel.ExcelReaders.Create(), cancellationToken);
            }
            catch (MalformedFileException ex)
            {
                throw new CliUsageException(context.T("le fichier ne peut pas être lu (malformed_file) : {0}", "the file cannot be read (malformed_file): {0}", ConsoleText.Safe(ex.Message)), ex);
            }

            if (result.GetValue(json))
            {
                await context.Out.WriteLineAsync(ToJson(preview));
            }
            else
            {
                Print(context, Path.GetFileName(path), preview);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The preview contract: <c>{"format", "delimiter", "encoding", "sheet", "header", "rows"}</c>, every cell as text, followed by
    /// <c>"truncated": true</c> only when the preview was cut (<see cref="FilePreview.Truncated"/>: a cell over
    /// <see cref="FilePreview.MaxCellLength"/> characters is cut and followed by "… (N characters)", or rows were left out past <see cref="FilePreview.MaxCharacters"/>).
    /// </summary>
    public static string ToJson(FilePreview preview) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("format", preview.Source.Format);
        w.WriteNullable("delimiter", preview.Source.Delimiter);
        w.WriteNullable("encoding", preview.Source.Encoding);
        w.WriteNullable("sheet", preview.Source.Sheet);
        w.WriteStrings("header", preview.Header);
        w.WriteStartArray("rows");
        foreach (var row in preview.Rows)
        {
            w.WriteStartArray();
            foreach (var cell in row)
            {
                w.WriteStringValue(cell ?? string.Empty);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        if (preview.Truncated)
        {
            w.WriteBoolean("truncated", true);
        }

        w.WriteEndObject();
    });

    private static void Print(CliContext context, string name, FilePreview preview)
    {
        var s = preview.Source;
        var details = new List<string> { context.T("format {0}", "format {0}", s.Format) };
        if (s.Encoding is not null)
        {
            details.Add(context.T("encodage {0}", "encoding {0}", s.Encoding));
        }

        if (s.Delimiter is not null)
        {
            details.Add(context.T("séparateur « {0} »", "delimiter '{0}'", s.Delimiter == "\t" ? "\\t" : s.Delimiter));
        }

        if (s.Sheet is not null)
        {
            details.Add(context.T("feuille « {0} »", "sheet '{0}'", ConsoleText.Safe(s.Sheet)));
        }

        context.Out.WriteLine($"{ConsoleText.Safe(name)} — {string.Join(", ", details)}");
        if (s.Sheets.Count > 1)
        {
            context.Out.WriteLine(context.T("Feuilles : {0}", "Sheets: {0}", string.Join(", ", s.Sheets.Select(ConsoleText.Safe))));
        }

        var width = Math.Max(preview.Header.Count, preview.Rows.Count == 0 ? 0 : preview.Rows.Max(r => r.Count));
        var header = new List<string> { context.T("ligne", "row") };
        for (var i = 0; i < width; i++)
        {
            header.Add(i < preview.Header.Count ? preview.Header[i] : string.Empty);
        }

        var rows = preview.Rows.Select((r, i) => (IReadOnlyList<string>)[preview.RowNumbers[i].ToString(context.Ui), .. r]).ToList();
        if (context.IsTerminal)
        {
            var table = new Table();
            foreach (var h in header)
            {
                table.AddColumn(new TableColumn(new Text(ConsoleText.Safe(h))));
            }

            foreach (var row in rows)
            {
                table.AddRow(Enumerable.Range(0, header.Count).Select(i => (Spectre.Console.Rendering.IRenderable)new Text(i < row.Count ? TextTable.Cell(row[i]) : string.Empty)));
            }

            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) }).Write(table);
        }
        else
        {
            TextTable.Write(context.Out, header, rows);
        }

        context.Out.WriteLine(context.T("{0} ligne(s) montrée(s).", "{0} row(s) shown.", rows.Count));
        if (preview.Truncated)
        {
            context.Out.WriteLine(context.T(
                "Aperçu abrégé : une cellule de plus de {0} caractères est coupée (suivie de « … » et de sa longueur), et au-delà de {1} caractères en tout les lignes suivantes ne sont pas montrées. L'import lit chaque cellule en entier.",
                "Preview shortened: a cell over {0} characters is cut (followed by '…' and its length), and past {1} characters in all the next rows are not shown. The import reads every cell whole.",
                FilePreview.MaxCellLength,
                FilePreview.MaxCharacters));
        }
    }
}
