using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Import.Sdk;

/// <summary>The result of an import: totals and every issue by row, column and field. Exports to JSON and to an errors file.</summary>
public sealed class ImportReport
{
    private readonly Reporting.RejectedRowStore _rejectedRows;

    internal ImportReport(string entity, ImportMode mode, bool simulated, string file, SourceInfo? source, IReadOnlyList<string> header, ImportTotals totals, IReadOnlyList<ImportIssue> issues, int issuesOmitted, Reporting.RejectedRowStore rejectedRows, CultureInfo uiCulture)
    {
        Entity = entity;
        Mode = mode;
        Simulated = simulated;
        File = file;
        Source = source;
        Header = header;
        Totals = totals;
        Issues = issues;
        IssuesOmitted = issuesOmitted;
        _rejectedRows = rejectedRows;
        UiCulture = uiCulture;
    }

    /// <summary>Gets the rejected rows kept for the errors file (in memory or in a temporary file).</summary>
    internal Reporting.RejectedRowStore RejectedRows => _rejectedRows;

    /// <summary>Gets the entity imported.</summary>
    public string Entity { get; }

    /// <summary>Gets the import mode.</summary>
    public ImportMode Mode { get; }

    /// <summary>Gets a value indicating whether this was a simulation (nothing written).</summary>
    public bool Simulated { get; }

    /// <summary>Gets the file name.</summary>
    public string File { get; }

    /// <summary>Gets what the reader found out about the file, or <see langword="null"/> when it could not be opened.</summary>
    public SourceInfo? Source { get; }

    /// <summary>Gets the header of the file.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Gets the outcome counts.</summary>
    public ImportTotals Totals { get; }

    /// <summary>Gets the issues, ordered by row.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; }

    /// <summary>Gets the number of issues not listed because of <see cref="ImportOptions.MaxIssues"/>.</summary>
    public int IssuesOmitted { get; }

    /// <summary>Gets the culture of the messages.</summary>
    public CultureInfo UiCulture { get; }

    /// <summary>Gets a value indicating whether the file could not be used at all (unreadable, or a required field unmapped): nothing was imported.</summary>
    public bool IsFileRejected { get; internal init; }

    /// <summary>
    /// Gets the row from which nothing was read, when the file could not be read to its end (a <c>malformed_file</c> issue on
    /// that row says why); <see langword="null"/> when it was read to its end. That row counts as one rejected row in
    /// <see cref="Totals"/> (the rows after it, if any, are unknown), and the errors file has a line for it.
    /// </summary>
    public int? UnreadFromRow { get; internal init; }

    /// <summary>Gets a value indicating whether every row was accepted.</summary>
    public bool IsSuccess => Totals.Rejected == 0 && !HasErrors;

    /// <summary>Gets a value indicating whether the import found at least one error (listed or omitted).</summary>
    public bool HasErrors { get; internal init; }

    /// <summary>
    /// Gets the report of each file, in the order they were imported, when the import read several: for a document import
    /// (<see cref="ImportRequest.Lines"/>), the header file's then the lines file's, each with its own entity, file, totals,
    /// issues and errors file (<see cref="WriteErrorsFileAsync"/>). Empty for the import of one file.
    /// </summary>
    /// <value>The default value is empty.</value>
    /// <remarks>
    /// When there are sections, this report's <see cref="Totals"/> are over all of them, its <see cref="Issues"/> are theirs one
    /// file after the other, its <see cref="File"/>, <see cref="Source"/> and <see cref="Header"/> are the first file's, and its
    /// errors file is the first file's; its JSON holds the totals and one section per file (<c>"files"</c>).
    /// </remarks>
    public IReadOnlyList<ImportReport> Files { get; private init; } = [];

    /// <summary>The report of a document import: the header file's, the lines file's, and their totals.</summary>
    internal static ImportReport OfDocuments(ImportReport headers, ImportReport lines) => OfFiles([headers, lines]);

    /// <summary>
    /// The report of a set of files imported one after the other (<see cref="ImportSet"/>): the set's totals and one section per
    /// file (<see cref="Files"/>), in the order given, which should be the order they were imported.
    /// </summary>
    /// <param name="files">The report of each file of the set, one file each (a report with sections of its own is refused).</param>
    /// <returns>The set report: its JSON holds <c>"simulated"</c>, the totals and <c>"files"</c>.</returns>
    public static ImportReport OfSet(IEnumerable<ImportReport> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        List<ImportReport> list = [.. files];
        if (list.Count == 0)
        {
            throw new ArgumentException("A set report needs at least one file.", nameof(files));
        }

        if (list.Any(f => f is null || f.Files.Count > 0))
        {
            throw new ArgumentException("Each file of a set is the report of one file.", nameof(files));
        }

        return OfFiles(list);
    }

    private static ImportReport OfFiles(IReadOnlyList<ImportReport> files)
    {
        var first = files[0];
        var totals = new ImportTotals(files.Sum(f => f.Totals.Rows), files.Sum(f => f.Totals.Inserted), files.Sum(f => f.Totals.Updated), files.Sum(f => f.Totals.Unchanged), files.Sum(f => f.Totals.Rejected));
        return new ImportReport(first.Entity, first.Mode, first.Simulated, first.File, first.Source, first.Header, totals, [.. files.SelectMany(f => f.Issues)], files.Sum(f => f.IssuesOmitted), first._rejectedRows, first.UiCulture)
        {
            IsFileRejected = files.Any(f => f.IsFileRejected),
            HasErrors = files.Any(f => f.HasErrors),
            UnreadFromRow = first.UnreadFromRow,
            Files = [.. files],
        };
    }

    /// <summary>Writes the report as JSON (the public report contract).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the report as JSON to a stream.</summary>
    /// <param name="destination">The stream.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>A task that completes when written.</returns>
    public async Task WriteJsonAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = new MemoryStream();
        WriteJson(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the errors file: the rejected rows as they were in the source, plus an error column, as CSV (UTF-8 with BOM, the source's
    /// separator). Cells starting with <c>=</c> <c>+</c> <c>-</c> <c>@</c> are neutralised against spreadsheet formula injection.
    /// May be called any number of times, at any time while the report is alive.
    /// </summary>
    /// <remarks>
    /// Past a few hundred rejected rows, the report keeps them in a temporary file rather than in memory (the memory an import
    /// holds does not grow with its rejected rows). That file is never left behind: it is deleted when the report is
    /// garbage-collected or the process ends (on Unix it has no name from the start). The report needs no disposing.
    /// </remarks>
    /// <param name="destination">The stream.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>A task that completes when written.</returns>
    public async Task WriteErrorsFileAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var separator = Source?.Delimiter is { Length: 1 } d ? d[0] : ';';
        var options = CsvWriterOptions.Default with
        {
            Separator = separator,
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
        };
        var writer = CsvWriter.Create(destination, options, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var width = Math.Max(Header.Count, _rejectedRows.MaxWidth);
            var header = new string[width + 1];
            for (var i = 0; i < width; i++)
            {
                header[i] = i < Header.Count ? Header[i] : string.Empty;
            }

            header[width] = Resources.Messages.Format(UiCulture, Resources.Messages.ErrorsColumn);
            await writer.WriteRecordAsync(header, cancellationToken).ConfigureAwait(false);
            await foreach (var row in _rejectedRows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var cells = new string[width + 1];
                for (var i = 0; i < width; i++)
                {
                    cells[i] = i < row.Cells.Length ? row.Cells[i] : string.Empty;
                }

                cells[width] = row.Errors;
                await writer.WriteRecordAsync(cells, cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void WriteJson(Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        if (Files.Count > 0)
        {
            // The report of several files (DESIGN.md, the set report): the totals, then one section per file.
            w.WriteBoolean("simulated", Simulated);
            WriteTotals(w);
            w.WriteStartArray("files");
            foreach (var file in Files)
            {
                w.WriteStartObject();
                w.WriteString("entity", file.Entity);
                w.WriteString("file", file.File);
                file.WriteBody(w);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
            return;
        }

        w.WriteString("entity", Entity);
        w.WriteString("mode", ModeName(Mode));
        w.WriteBoolean("simulated", Simulated);
        w.WriteString("file", File);
        WriteBody(w);
        w.WriteEndObject();
        w.Flush();
    }

    private void WriteTotals(Utf8JsonWriter w)
    {
        w.WriteStartObject("totals");
        w.WriteNumber("rows", Totals.Rows);
        w.WriteNumber("inserted", Totals.Inserted);
        w.WriteNumber("updated", Totals.Updated);
        w.WriteNumber("unchanged", Totals.Unchanged);
        w.WriteNumber("rejected", Totals.Rejected);
        w.WriteEndObject();
    }

    /// <summary>The totals and issues of one file.</summary>
    private void WriteBody(Utf8JsonWriter w)
    {
        WriteTotals(w);
        w.WriteStartArray("issues");
        foreach (var i in Issues)
        {
            w.WriteStartObject();
            w.WriteNumber("row", i.Row);
            WriteNullable(w, "column", Bounded(i.Column));
            WriteNullable(w, "field", i.Field);
            WriteNullable(w, "value", Bounded(i.Value));
            w.WriteString("code", i.Code);
            w.WriteString("severity", i.Severity == IssueSeverity.Error ? "error" : "warning");
            w.WriteString("message", Bounded(i.Message));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (IssuesOmitted > 0)
        {
            w.WriteNumber("issuesOmitted", IssuesOmitted);
        }

        if (UnreadFromRow is { } unread)
        {
            w.WriteNumber("unreadFromRow", unread);
        }
    }

    /// <summary>
    /// The pipeline cuts what it quotes of a cell (see <see cref="Reporting.DisplayText"/>); an issue built elsewhere may not be:
    /// no string reaches the JSON writer past a bound far below what it can write (a token of ~166 million characters).
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private string? Bounded(string? value) => Reporting.DisplayText.Cut(value, UiCulture, 100_000);

    internal static string ModeName(ImportMode mode) => mode switch
    {
        ImportMode.Insert => "insert",
        ImportMode.Update => "update",
        _ => "upsert",
    };

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    internal sealed record RejectedRow(int Row, string[] Cells, string Errors);
}
