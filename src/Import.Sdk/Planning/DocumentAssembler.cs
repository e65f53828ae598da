using Import.Sdk.Pipeline;
using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Planning;

/// <summary>
/// The documents of a document import (<see cref="ImportEntity.WithLines"/>): a header and its lines, all or nothing. The
/// header file is planned first, then the lines file, each by its own planner through a side of this assembler
/// (<see cref="IDocumentSide"/>), which holds each accepted row's outcome, cells and changes by document instead of writing
/// them. Then <see cref="Revise"/> rejects the rows of each incomplete document (a rejected line), and <see cref="WriteAsync"/>
/// hands the complete ones to the change writer, whole documents per call.
/// </summary>
/// <remarks>
/// A simulation and an execution make the same decisions here; only the execution's writer keeps values
/// (<see cref="IChangeWriter.KeepsValues"/>), so only it holds the changes (a simulation holds outcomes and cells). What is held
/// is documented on <see cref="ImportEntity.WithLines"/>. One thread at a time (the planners').
/// </remarks>
internal sealed class DocumentAssembler
{
    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly List<Document> _order = []; // the accepted headers, as they were planned
    private readonly FieldDefinition _keyField; // the header's
    private readonly FieldDefinition _parentField; // the lines'
    private readonly EntitySchema _header;
    private readonly EntitySchema _linesSchema;
    private readonly IReadOnlyList<IDocumentRule> _rules;
    private readonly bool _keepChanges;
    private bool _linesUnusable;
    private Side? _headers;
    private Side? _lines;

    public DocumentAssembler(EntitySchema header, EntitySchema lines, bool keepChanges, IReadOnlyList<IDocumentRule>? rules = null)
    {
        _keyField = header[header.KeyFields[0]];
        _parentField = ImportEntity.DocumentParentField(header, lines);
        _header = header;
        _linesSchema = lines;
        _rules = rules ?? [];
        _keepChanges = keepChanges || _rules.Count > 0; // the document rules read the records, in a simulation too
    }

    /// <summary>Gets the header row of the first document not written when the sink failed, or 0.</summary>
    public int FailedFromRow { get; private set; }

    /// <summary>The side of the header file, once its mapping is made.</summary>
    public IDocumentSide Headers(RowIssues issues, int[] cellSlots) => _headers = new Side(this, lines: false, issues, cellSlots);

    /// <summary>The side of the lines file, once its mapping is made.</summary>
    public IDocumentSide Lines(RowIssues issues, int[] cellSlots) => _lines = new Side(this, lines: true, issues, cellSlots);

    /// <summary>The lines file could not be used (or not read to its end): no document is known complete.</summary>
    /// <param name="row">The lines file's row named as the first rejected line.</param>
    public void LinesUnusable(int row)
    {
        _linesUnusable = true;
        foreach (var document in _order)
        {
            document.FirstRejectedLine = Math.Min(document.FirstRejectedLine, row);
        }
    }

    /// <summary>
    /// Rejects the rows of each incomplete document (a line was rejected): its header and its accepted lines, with
    /// <c>incomplete_document</c>, in each file's report, cells and all (the errors file lists them as in the source).
    /// </summary>
    public void Revise(ReportBuilder headers, ReportBuilder lines)
    {
        _order.Sort(static (a, b) => a.HeaderRow.CompareTo(b.HeaderRow));
        List<(Held Line, Document Document)>? revisedLines = null;
        foreach (var document in _order)
        {
            if (document.FirstRejectedLine == int.MaxValue || document.Header is not { } header)
            {
                continue;
            }

            var (issue, text) = Incomplete(_headers!, _keyField, header.Row, document);
            headers.Revise(header.Outcome, header.Row, PackedCells.Unpack(header.Cells), issue, text);
            foreach (var line in document.Lines ?? [])
            {
                (revisedLines ??= []).Add((line, document));
            }

            document.Header = null;
            document.Lines = null;
        }

        if (revisedLines is null)
        {
            return;
        }

        revisedLines.Sort(static (a, b) => a.Line.Row.CompareTo(b.Line.Row)); // the lines of a document may be anywhere in the file
        foreach (var (line, document) in revisedLines)
        {
            var (issue, text) = Incomplete(_lines!, _parentField, line.Row, document);
            lines.Revise(line.Outcome, line.Row, PackedCells.Unpack(line.Cells), issue, text);
        }
    }

    /// <summary>
    /// Hands the complete documents to the writer in header file order, each its header's changes then its lines' (in the lines
    /// file's order), whole documents per flush (one <see cref="IImportSink.WriteAsync"/> call each when executing) of about
    /// <paramref name="batchSize"/> rows. When the sink fails, the documents of that call and the later ones are taken out of
    /// the reports (<see cref="FailedFromRow"/> names the first), and the failure goes on.
    /// </summary>
    public async Task WriteAsync(IChangeWriter writer, int batchSize, ReportBuilder headers, ReportBuilder lines, CancellationToken cancellationToken)
    {
        var complete = _order.Where(d => d.Header is not null).ToList();
        var rows = 0;
        var callStart = 0;
        for (var i = 0; i < complete.Count; i++)
        {
            var document = complete[i];
            if (_rules.Count > 0)
            {
                Complete(document, headers);
            }

            Add(writer, document.Header!.Value);
            foreach (var line in document.Lines ?? [])
            {
                Add(writer, line);
            }

            rows += 1 + (document.Lines?.Count ?? 0);
            if (rows < batchSize && i < complete.Count - 1)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SinkFailedException)
            {
                FailedFromRow = complete[callStart].HeaderRow;
                Uncount(complete.Skip(callStart), headers, lines);
                throw;
            }

            for (var j = callStart; j <= i; j++)
            {
                complete[j].Header = null; // written: what the sink was given is its own, the cells are no longer needed
                complete[j].Lines = null;
            }

            rows = 0;
            callStart = i + 1;
        }
    }

    /// <summary>
    /// Runs the document rules on a complete document, its header record and its lines' as they will be stored. A header found
    /// unchanged whose values a rule changes becomes an update (counted <c>updated</c> instead of <c>unchanged</c>).
    /// </summary>
    private void Complete(Document document, ReportBuilder headers)
    {
        var header = document.Header!.Value;
        if (header.Record is not { } stored)
        {
            return;
        }

        var unchanged = header.Outcome == RowOutcome.Unchanged;
        var record = unchanged ? (object?[])stored.Clone() : stored;
        IReadOnlyList<object?>[] lines = [.. (document.Lines ?? []).Where(l => l.Record is not null).Select(l => (IReadOnlyList<object?>)l.Record!)];
        var context = new DocumentContext(_header, _linesSchema, document.HeaderRow, record, lines);
        foreach (var rule in _rules)
        {
            rule.Complete(context);
        }

        if (unchanged && !record.AsSpan().SequenceEqual(stored, ValueComparer.Instance))
        {
            string[] keyFields = [_keyField.Name];
            var change = new HeldChange(_header, ChangeKind.Update, keyFields, record, header.Row, RecordKey.Of(_header, keyFields, record));
            document.Header = header with { Outcome = RowOutcome.Updated, Changes = [change, .. header.Changes ?? []] };
            headers.Uncount(RowOutcome.Unchanged); // the row is still one row
            headers.CountRows(1);
            headers.CountUpdated();
        }
    }

    /// <summary>Nothing is written (the sink failed while the files were planned): the accepted rows of the documents are taken out of the reports.</summary>
    public void UncountAll(ReportBuilder headers, ReportBuilder lines) => Uncount(_order, headers, lines);

    private static void Uncount(IEnumerable<Document> documents, ReportBuilder headers, ReportBuilder lines)
    {
        foreach (var document in documents)
        {
            if (document.Header is { } header)
            {
                headers.Uncount(header.Outcome);
                foreach (var line in document.Lines ?? [])
                {
                    lines.Uncount(line.Outcome);
                }
            }
        }
    }

    private static void Add(IChangeWriter writer, Held held)
    {
        foreach (var c in held.Changes ?? [])
        {
            writer.Add(c.Schema, c.Kind, c.KeyFields, c.Values, c.Row, c.Key);
        }
    }

    private (ImportIssue Issue, string ErrorText) Incomplete(Side side, FieldDefinition field, int row, Document document)
    {
        var issues = side.Issues;
        var shown = DisplayText.Cut(document.Key, issues.UiCulture);
        var message = _linesUnusable ? Messages.LinesUnusable : document.LineUnread ? Messages.LineUnread : Messages.IncompleteDocument;
        return issues.Error(row, field, shown, IssueCodes.IncompleteDocument, issues.Msg(message, shown, document.FirstRejectedLine));
    }

    private string? KeyOf(RowState row, FieldDefinition field) => row.HasValues ? RecordKey.FormatValue(row.Values[field.Index]) : null;

    private void HeaderAccepted(RowState row, Held held)
    {
        var document = new Document(KeyOf(row, _keyField) ?? string.Empty, row.Row) { Header = held };
        _documents.TryAdd(document.Key, document);
        _order.Add(document);
    }

    private void HeaderRejected(RowState row)
    {
        // The first header of a key is its document's (a later one is a rejected duplicate, which changes nothing).
        if (KeyOf(row, _keyField) is { } key && !_documents.ContainsKey(key))
        {
            _documents[key] = new Document(key, row.Row) { HeaderRejected = true };
        }
    }

    private bool AdmitLine(RowState row, RowIssues issues)
    {
        var key = KeyOf(row, _parentField);
        Document? document = null;
        if (key is not null && _documents.TryGetValue(key, out document) && !document.HeaderRejected)
        {
            return true;
        }

        var shown = DisplayText.Cut(key, issues.UiCulture);
        if (document is not null)
        {
            issues.Add(row, _parentField, shown, IssueCodes.UnknownParent, IssueSeverity.Error, issues.Msg(Messages.ParentRejected, shown, document.HeaderRow));
        }
        else
        {
            issues.Add(row, _parentField, shown, IssueCodes.OrphanLine, IssueSeverity.Error, issues.Msg(Messages.OrphanLine, shown ?? string.Empty));
        }

        return false;
    }

    private void LineAccepted(RowState row, Held held) => (_documents[KeyOf(row, _parentField)!].Lines ??= []).Add(held);

    private void LineRejected(RowState row)
    {
        if (KeyOf(row, _parentField) is { } key)
        {
            if (_documents.TryGetValue(key, out var document) && !document.HeaderRejected && row.Row < document.FirstRejectedLine)
            {
                document.FirstRejectedLine = row.Row;
                document.LineUnread = false;
            }

            return;
        }

        if (!row.HasValues)
        {
            // A line the reader could not read (its cells not given: a record too long) may be any document's: none is known complete.
            foreach (var document in _order)
            {
                if (row.Row < document.FirstRejectedLine)
                {
                    document.FirstRejectedLine = row.Row;
                    document.LineUnread = true;
                }
            }
        }
    }

    /// <summary>A change held until its document is known complete.</summary>
    private readonly record struct HeldChange(EntitySchema Schema, ChangeKind Kind, string[] KeyFields, object?[] Values, int Row, RecordKey? Key);

    /// <summary>An accepted row of a document: how it was counted, its cells packed in one string (should it be rejected after all), its changes (executing).</summary>
    /// <remarks><paramref name="Record"/> is the row's record as it will be stored (held only for the document rules).</remarks>
    private readonly record struct Held(int Row, RowOutcome Outcome, string Cells, HeldChange[]? Changes, object?[]? Record = null);

    /// <summary>Compares values as the planner does (<see cref="object.Equals(object, object)"/>).</summary>
    private sealed class ValueComparer : IEqualityComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public new bool Equals(object? x, object? y) => object.Equals(x, y);

        public int GetHashCode(object? obj) => obj?.GetHashCode() ?? 0;
    }

    /// <summary>A document: its key and header row, its header (accepted) and lines, the first of its lines rejected.</summary>
    private sealed class Document(string key, int headerRow)
    {
        public string Key { get; } = key;

        public int HeaderRow { get; } = headerRow;

        public bool HeaderRejected { get; init; }

        public Held? Header { get; set; }

        public List<Held>? Lines { get; set; }

        public int FirstRejectedLine { get; set; } = int.MaxValue;

        /// <summary>Gets or sets a value indicating whether <see cref="FirstRejectedLine"/> is a line the reader could not read (of any document, perhaps this one).</summary>
        public bool LineUnread { get; set; }
    }

    private sealed class Side(DocumentAssembler owner, bool lines, RowIssues issues, int[] cellSlots) : IDocumentSide
    {
        private readonly List<HeldChange> _pending = [];

        public RowIssues Issues => issues;

        public bool KeepsValues => owner._keepChanges;

        public FieldDefinition? OwnParent => lines ? owner._parentField : null;

        public void Add(EntitySchema schema, ChangeKind kind, string[] keyFields, object?[] values, int row, RecordKey? key)
        {
            if (owner._keepChanges)
            {
                _pending.Add(new HeldChange(schema, kind, keyFields, values, row, key));
            }
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask; // held: written by WriteAsync

        public bool Admit(RowState row) => !lines || owner.AdmitLine(row, issues);

        public void Accepted(RowState row, RowOutcome outcome)
        {
            var held = new Held(row.Row, outcome, PackedCells.Pack(row, cellSlots), _pending.Count == 0 ? null : [.. _pending], owner._rules.Count > 0 ? Record(row, outcome) : null); // the row is recycled after its batch
            _pending.Clear();
            if (lines)
            {
                owner.LineAccepted(row, held);
            }
            else
            {
                owner.HeaderAccepted(row, held);
            }
        }

        /// <summary>The row's record as it will be stored: the values of its own insert or update, or the stored record when unchanged.</summary>
        private object?[]? Record(RowState row, RowOutcome outcome)
        {
            if (outcome == RowOutcome.Unchanged)
            {
                return row.Existing;
            }

            var schema = lines ? owner._linesSchema : owner._header;
            for (var i = _pending.Count - 1; i >= 0; i--)
            {
                var change = _pending[i];
                if (change.Row == row.Row && change.Kind is ChangeKind.Insert or ChangeKind.Update && string.Equals(change.Schema.Name, schema.Name, StringComparison.Ordinal))
                {
                    return change.Values;
                }
            }

            return null;
        }

        public void Rejected(RowState row)
        {
            _pending.Clear();
            if (lines)
            {
                owner.LineRejected(row);
            }
            else
            {
                owner.HeaderRejected(row);
            }
        }
    }
}
