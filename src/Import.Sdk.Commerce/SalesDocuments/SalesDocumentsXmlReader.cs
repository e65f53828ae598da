using System.Globalization;
using System.Xml;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.SalesDocuments;

/// <summary>
/// One view of a sales documents XML file (<see cref="SalesDocumentsXml"/>), streamed with an <see cref="XmlReader"/> (no DTD, no
/// resolver, each tag or text bounded by <see cref="ReaderOptions.MaxRecordBytes"/>): the documents (a row per
/// <c>&lt;document&gt;</c>, its attributes as cells) or the lines (a row per <c>&lt;line&gt;</c>, its attributes as cells and its
/// document's key as the parent's cell). Row numbers are positions: the n-th document (or line, counted through the whole file) is
/// row n + 1, as in the CSV pair written in the same order. Both views check the same structure, so a file that is not of this
/// schema fails both at the same place (<see cref="MalformedFileException"/> naming the XML line and position).
/// </summary>
internal sealed class SalesDocumentsXmlReader : ITabularReader
{
    public const string Root = "documents";
    public const string DocumentElement = "document";
    public const string LineElement = "line";

    private readonly XmlReader _xml;
    private readonly MarkupRunGuardStream _stream;
    private readonly bool _lines;
    private readonly string _key; // the document attribute the lines name their document by
    private readonly Dictionary<string, int> _columns;
    private readonly int _parentColumn; // lines: the column of the document's key
    private readonly string[] _cells;
    private readonly CultureInfo _ui;
    private string _documentKey = string.Empty;
    private int _documents;
    private int _lineCount;
    private bool _started;

    private SalesDocumentsXmlReader(MarkupRunGuardStream stream, long? totalBytes, bool lines, IReadOnlyList<string> header, string key, string parentField, CultureInfo ui)
    {
        _stream = stream;
        _lines = lines;
        _key = key;
        _ui = ui;
        TotalBytes = totalBytes;
        Header = header;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        _parentColumn = lines ? _columns[parentField] : -1;
        _cells = new string[header.Count];
        _xml = XmlReader.Create(stream, new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        });
    }

    public SourceInfo Info { get; } = new("xml", null, null, null, []);

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => (_lines ? _lineCount : _documents) + 1;

    public int FieldCount => _cells.Length;

    public ReadProblem? RowProblem { get; private set; }

    public long BytesRead => _stream.BytesRead;

    public long? TotalBytes { get; }

    private bool French => IdentifierValidator.IsFrench(_ui);

    /// <summary>Opens a view of the file: the documents or the lines.</summary>
    public static SalesDocumentsXmlReader Open(Stream stream, long? totalBytes, ReaderOptions options, ImportEntity entity, bool lines)
    {
        var parent = entity.Lines!.Schema.Fields.First(f => f.Reference is { IsParent: true } r && string.Equals(r.Target?.Name, entity.Schema.Name, StringComparison.Ordinal));
        // The totals are computed from the lines: not attributes (a document imported again would otherwise look changed).
        var header = lines
            ? entity.Lines!.Schema.Fields.Select(f => f.Name).ToArray()
            : entity.Schema.Fields.Select(f => f.Name).Where(n => n is not (SalesDocumentTotals.ExclTax or SalesDocumentTotals.Vat or SalesDocumentTotals.InclTax)).ToArray();
        var ui = options.UiCulture;
        var guard = new MarkupRunGuardStream(stream, options.MaxRecordBytes, line => new MalformedFileException(IdentifierValidator.IsFrench(ui)
            ? string.Create(CultureInfo.InvariantCulture, $"Le fichier XML des pièces n'est pas lisible ligne {line} : une balise ou un texte de plus de {options.MaxRecordBytes} octets (un attribut démesuré ?) n'est pas lu. Vérifiez le fichier.")
            : string.Create(CultureInfo.InvariantCulture, $"The sales documents XML file cannot be read at line {line}: a tag or text longer than {options.MaxRecordBytes} bytes (an attribute that large?) is not read. Check the file.")));
        return new SalesDocumentsXmlReader(guard, totalBytes, lines, header, entity.Schema.KeyFields[0], parent.Name, ui);
    }

    /// <summary>Reads up to the root element, which must be <c>&lt;documents&gt;</c>: a DTD or another file fails at once, when opened.</summary>
    public async ValueTask<SalesDocumentsXmlReader> StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!_started && await ReadNodeAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_xml.NodeType == XmlNodeType.Element)
                {
                    if (_xml.LocalName != Root)
                    {
                        throw Structure(French ? $"l'élément racine <{_xml.Name}> au lieu de <{Root}>" : $"the root element <{_xml.Name}> instead of <{Root}>");
                    }

                    _started = true;
                }
            }

            if (!_started)
            {
                throw Malformed(0, 0, French ? $"aucun élément <{Root}>" : $"no <{Root}> element", null);
            }

            return this;
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!await ReadNodeAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            if (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace && !string.IsNullOrWhiteSpace(_xml.Value))
            {
                throw Structure(French ? "un texte hors des attributs (les valeurs sont des attributs)" : "text outside the attributes (values are attributes)");
            }

            if (_xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (_xml.Depth)
            {
                case 1 when _xml.LocalName == DocumentElement:
                    _documents++;
                    _documentKey = _xml.GetAttribute(_key) ?? string.Empty;
                    if (!_lines && Take(DocumentElement))
                    {
                        return true;
                    }

                    continue;
                case 2 when _xml.LocalName == LineElement:
                    _lineCount++;
                    if (_lines && Take(LineElement))
                    {
                        return true;
                    }

                    continue;
                default:
                    var expected = _xml.Depth switch { 0 => $"<{Root}>", 1 => $"<{DocumentElement}>", 2 => $"<{LineElement}>", _ => null };
                    throw Structure(expected is null
                        ? (French ? $"l'élément <{_xml.Name}> dans une ligne (une ligne n'a que des attributs)" : $"the element <{_xml.Name}> inside a line (a line has attributes only)")
                        : (French ? $"l'élément <{_xml.Name}> là où {expected} est attendu" : $"the element <{_xml.Name}> where {expected} is expected"));
            }
        }
    }

    private async ValueTask<bool> ReadNodeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await _xml.ReadAsync().ConfigureAwait(false);
        }
        catch (XmlException ex)
        {
            var info = (IXmlLineInfo)_xml;
            var (line, position) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : (Math.Max(info.LineNumber, 1), info.LinePosition);
            var what = ex.Message.Contains("DTD", StringComparison.Ordinal)
                ? (French ? "une DTD (<!DOCTYPE ...>), refusée : aucune DTD ni entité n'est traitée" : "a DTD (<!DOCTYPE ...>), refused: no DTD nor entity is processed")
                : ex.Message.TrimEnd('.');
            throw Malformed(line, position, what, ex);
        }
    }

    public string GetString(int index) => index >= 0 && index < _cells.Length ? _cells[index] : string.Empty;

    public ValueTask DisposeAsync()
    {
        _xml.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads the current element's attributes into the cells; false when every cell is empty (the row is skipped).</summary>
    private bool Take(string element)
    {
        Array.Fill(_cells, string.Empty);
        RowProblem = null;
        if (_lines)
        {
            _cells[_parentColumn] = _documentKey;
        }

        if (_xml.MoveToFirstAttribute())
        {
            do
            {
                if (_xml.Prefix == "xmlns" || _xml.Name == "xmlns")
                {
                    continue;
                }

                if (_columns.TryGetValue(_xml.Name, out var column) && column != _parentColumn)
                {
                    _cells[column] = _xml.Value;
                }
                else if (RowProblem is null)
                {
                    // invalid_format, not malformed_row: the other cells are still read, so a line still names its document
                    // (which its rejection makes incomplete)
                    var known = string.Join(", ", Header.Where((_, i) => i != _parentColumn));
                    RowProblem = new ReadProblem(IssueCodes.InvalidFormat, French
                        ? $"L'attribut « {_xml.Name} » de <{element}> n'existe pas ; attendus : {known}."
                        : $"The attribute '{_xml.Name}' of <{element}> does not exist; expected: {known}.")
                    { Value = _xml.Name };
                }
            }
            while (_xml.MoveToNextAttribute());
            _xml.MoveToElement();
        }

        return RowProblem is not null || _cells.Any(c => c.Length > 0);
    }

    private MalformedFileException Structure(string what)
    {
        var info = (IXmlLineInfo)_xml;
        return Malformed(info.LineNumber, info.LinePosition, what, null);
    }

    private MalformedFileException Malformed(int line, int position, string what, Exception? inner)
    {
        var message = French
            ? string.Create(CultureInfo.InvariantCulture, $"Le fichier XML des pièces n'est pas lisible ligne {line}, position {position} : {what}. Attendu : <{Root}><{DocumentElement} ...><{LineElement} .../></{DocumentElement}></{Root}>, les valeurs en attributs, sans DTD.")
            : string.Create(CultureInfo.InvariantCulture, $"The sales documents XML file cannot be read at line {line}, position {position}: {what}. Expected: <{Root}><{DocumentElement} ...><{LineElement} .../></{DocumentElement}></{Root}>, values as attributes, no DTD.");
        return inner is null ? new MalformedFileException(message) : new MalformedFileException(message, inner);
    }
}
