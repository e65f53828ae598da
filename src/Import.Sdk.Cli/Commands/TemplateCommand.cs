using System.CommandLine;
using CsvHelper;
using Import.Sdk.Cli.Output;
using Import.Sdk.Excel;

namespace Import.Sdk.Cli.Commands;

/// <summary>
/// <c>import-sdk template --entity E --format csv|xlsx --out FILE</c>: a file to fill in, header of French labels and one example row;
/// for sales documents, the header file's template at FILE and the lines file's at FILE-lines.EXT.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(CliContext context)
    {
        var entity = CommonOptions.Entity(context);
        var format = new Option<string>("--format")
        {
            Description = context.T("Le format du modèle : csv ou xlsx (classeur avec formats de cellule et listes déroulantes).", "The template format: csv or xlsx (a workbook with cell formats and drop-down lists)."),
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out", "-o")
        {
            Description = context.T("Le fichier à écrire.", "The file to write."),
            Required = true,
        };
        var command = new Command("template", context.T("Écrit un modèle de fichier à remplir pour une entité.", "Writes a template file to fill in for an entity."))
        {
            entity,
            format,
            output,
        };
        command.SetGuardedAction(context, async (result, cancellationToken) =>
        {
            var target = EntityCatalog.Require(result.GetValue(entity)!, context);
            var xlsx = string.Equals(result.GetValue(format), "xlsx", StringComparison.OrdinalIgnoreCase);
            var path = context.ResolvePath(result.GetValue(output)!);
            OutputFiles.RequireWritable(context, "--out", path); // not a folder, a device or a pipe; a folder that takes a new file

            // A document entity (sales-documents) has two files: its lines' template is written beside, FILE-lines.EXT.
            var linesPath = target.Lines is null ? null : Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path) + "-lines" + Path.GetExtension(path));
            if (linesPath is not null)
            {
                OutputFiles.RequireWritable(context, "--out", linesPath);
            }

            foreach (var (schema, file) in new[] { (target.Schema, path), (target.Lines?.Schema, linesPath) })
            {
                if (schema is null || file is null)
                {
                    continue;
                }

                await AtomicFile.WriteAsync(
                    file,
                    (stream, ct) => xlsx ? WriteXlsxAsync(schema, stream, ct) : WriteCsvAsync(schema, stream, ct),
                    cancellationToken);
                await context.Out.WriteLineAsync(context.T(
                    "Modèle « {0} » écrit : {1} ({2} colonnes).",
                    "Template '{0}' written: {1} ({2} columns).",
                    schema.Name,
                    ConsoleText.Safe(file),
                    schema.Fields.Count));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the CSV template: UTF-8 with BOM, <c>;</c>-separated, French labels, one example row.</summary>
    public static async Task WriteCsvAsync(EntitySchema schema, Stream destination, CancellationToken cancellationToken)
    {
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true };
        var writer = CsvWriter.Create(destination, options, leaveOpen: true);
        await using (writer)
        {
            await writer.WriteRecordAsync([.. schema.Fields.Select(f => f.LabelFr)], cancellationToken);
            await writer.WriteRecordAsync([.. schema.Fields.Select(f => TemplateExamples.For(schema, f))], cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the XLSX template (<see cref="ExcelTemplate"/>) with the same example row as the CSV template.</summary>
    public static Task WriteXlsxAsync(EntitySchema schema, Stream destination, CancellationToken cancellationToken) =>
        ExcelTemplate.WriteAsync(schema, destination, [.. schema.Fields.Select(f => TemplateExamples.For(schema, f))], cancellationToken);
}
