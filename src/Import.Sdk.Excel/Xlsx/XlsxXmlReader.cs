using System.Xml;
using Import.Sdk.Excel.Packaging;

namespace Import.Sdk.Excel.Xlsx;

/// <summary>
/// A forward-only <see cref="XmlReader"/> over one SpreadsheetML part (a sheet or the shared strings), with the element and
/// attribute names it looks for atomised in its own <see cref="NameTable"/> (compare a <see cref="XmlReader.LocalName"/> to
/// them by reference) and a character buffer that attribute values and element text are copied into without allocating a
/// string. Names are matched without their namespace, so Strict Open XML (<c>purl.oclc.org</c>) parts read as transitional ones.
/// No DTD, no resolver; comments and processing instructions skipped; white space kept (a cell may hold only spaces).
/// Element text is read with <see cref="XmlReader.ReadValueChunk"/>, never <see cref="XmlReader.Value"/>: a text longer than
/// <see cref="ReaderOptions.MaxCellLength"/> is counted in chunks and dropped (<see cref="TooLong"/>), so memory never depends
/// on the size of a cell. It is measured as the cell reads (runs trimmed and <c>_xHHHH_</c> escapes decoded) as long as its
/// raw text fits in the buffer (the limit plus one character), else by its raw length.
/// </summary>
internal sealed class XlsxXmlReader : IDisposable
{
    /// <summary>How many characters of a text too long are kept to quote it.</summary>
    private const int PrefixLength = 100;

    private readonly int _maxCellLength;
    private char[] _chars = new char[64];
    private int _length;

    /// <summary>Opens a reader over <paramref name="stream"/>, which it closes when disposed.</summary>
    /// <param name="stream">The part.</param>
    /// <param name="maxCellLength">The longest text kept (<see cref="ReaderOptions.MaxCellLength"/>); a longer one is only counted.</param>
    public XlsxXmlReader(Stream stream, int maxCellLength)
    {
        _maxCellLength = maxCellLength;
        var names = new NameTable();
        SheetData = names.Add("sheetData");
        Row = names.Add("row");
        C = names.Add("c");
        V = names.Add("v");
        Is = names.Add("is");
        T = names.Add("t");
        R = names.Add("r");
        S = names.Add("s");
        RPh = names.Add("rPh");
        Si = names.Add("si");
        Reader = XmlReader.Create(new MarkupGuardStream(stream, boundTexts: false), new XmlReaderSettings
        {
            NameTable = names,
            IgnoreWhitespace = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = true,
        });
    }

    public XmlReader Reader { get; }

    public string SheetData { get; }

    public string Row { get; }

    public string C { get; }

    public string V { get; }

    public string Is { get; }

    public string T { get; }

    public string R { get; }

    public string S { get; }

    public string RPh { get; }

    public string Si { get; }

    /// <summary>Gets the characters last copied by <see cref="CopyAttributeValue"/>, <see cref="CopyElementText"/> or <see cref="ReadRichText"/>.</summary>
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, _length);

    /// <summary>
    /// Gets whether the text last read by <see cref="CopyElementText"/> or <see cref="ReadRichText"/> was longer than the
    /// reader's maximum cell length: it was counted, not kept (<see cref="Chars"/> holds its start, <see cref="TooLongLength"/> its length).
    /// </summary>
    public bool TooLong { get; private set; }

    /// <summary>Gets the length of the text last found <see cref="TooLong"/>, in characters as stored in the file.</summary>
    public long TooLongLength { get; private set; }

    /// <summary>Gets the first characters of the text last found <see cref="TooLong"/>.</summary>
    public string TooLongStart { get; private set; } = string.Empty;

    /// <summary>Copies the value of the current attribute into <see cref="Chars"/>.</summary>
    public ReadOnlySpan<char> CopyAttributeValue()
    {
        _length = 0;
        var reader = Reader;
        while (true)
        {
            if (_length == _chars.Length)
            {
                Array.Resize(ref _chars, _chars.Length * 2); // an attribute is already whole in the XmlReader's memory
            }

            var read = reader.ReadValueChunk(_chars, _length, _chars.Length - _length);
            if (read == 0)
            {
                return Chars;
            }

            _length += read;
        }
    }

    /// <summary>
    /// Copies the text of the current element (positioned on its start tag) into <see cref="Chars"/> and leaves the reader on its
    /// end tag, or on the element itself when it is empty. Child elements (none in a valid <c>&lt;v&gt;</c>) are skipped. A text
    /// longer than the maximum cell length is counted, never held (see <see cref="TooLong"/>).
    /// </summary>
    public ReadOnlySpan<char> CopyElementText()
    {
        _length = 0;
        TooLong = false;
        AppendElementText();
        if (!TooLong && _length > _maxCellLength)
        {
            MarkTooLong();
        }

        return Chars;
    }

    /// <summary>
    /// Reads rich text from the current start element (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>) to its end tag: the <c>&lt;t&gt;</c> of
    /// every run concatenated, phonetic runs (<c>&lt;rPh&gt;</c>) left out, <c>_xHHHH_</c> escapes decoded. As Excel does, a
    /// <c>&lt;t&gt;</c> outside <c>xml:space="preserve"</c> loses its leading and trailing white space.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> with the text in <see cref="Chars"/> (no string is built: the caller decides whether it needs one);
    /// <see langword="false"/> when it is longer than the maximum cell length (see <see cref="TooLong"/>).
    /// </returns>
    public bool ReadRichText()
    {
        _length = 0;
        TooLong = false;
        var reader = Reader;
        if (reader.IsEmptyElement)
        {
            return true;
        }

        var depth = reader.Depth;
        reader.Read();
        while (true)
        {
            var type = reader.NodeType;
            if (type == XmlNodeType.EndElement && reader.Depth == depth)
            {
                break;
            }

            if (type == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (ReferenceEquals(name, RPh))
                {
                    reader.Skip();
                    continue;
                }

                if (ReferenceEquals(name, T))
                {
                    // each run is appended raw, then trimmed and decoded in place (both only shorten it)
                    var preserve = reader.XmlSpace == XmlSpace.Preserve;
                    var start = _length;
                    AppendElementText();
                    if (!TooLong)
                    {
                        var run = _chars.AsSpan(start, _length - start);
                        if (!preserve && run.Length > 0 && (IsXmlSpace(run[0]) || IsXmlSpace(run[^1])))
                        {
                            var trimmed = run.Trim(" \t\r\n");
                            trimmed.CopyTo(run);
                            run = run[..trimmed.Length];
                        }

                        _length = start + XlsxParts.DecodeEscapes(run);
                        if (_length > _maxCellLength)
                        {
                            MarkTooLong(); // measured once trimmed and decoded, as the cell reads
                        }
                    }
                }
            }

            if (!reader.Read())
            {
                break;
            }
        }

        return !TooLong;
    }

    /// <summary>Decodes the <c>_xHHHH_</c> escapes of <see cref="Chars"/> in place (see <see cref="XlsxParts.DecodeEscapes(Span{char})"/>).</summary>
    public ReadOnlySpan<char> DecodeEscapes()
    {
        _length = XlsxParts.DecodeEscapes(_chars.AsSpan(0, _length));
        return Chars;
    }

    public void Dispose() => Reader.Dispose();

    private static bool IsXmlSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>Appends the text nodes of the current element to <see cref="Chars"/> (or counts them once it is too long).</summary>
    private void AppendElementText()
    {
        var reader = Reader;
        if (reader.IsEmptyElement)
        {
            return;
        }

        reader.Read();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement:
                    return;
                case XmlNodeType.Element:
                    reader.Skip();
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    CopyValue();
                    break;
            }

            if (!reader.Read())
            {
                return;
            }
        }
    }

    /// <summary>
    /// Appends the current node's value to <see cref="Chars"/> with <see cref="XmlReader.ReadValueChunk"/>, which streams a long
    /// text node instead of assembling it: past the maximum cell length the rest is counted in the buffer already allocated and
    /// dropped, so memory never depends on the text's size.
    /// </summary>
    private void CopyValue()
    {
        var reader = Reader;
        if (TooLong)
        {
            Count(reader);
            return;
        }

        while (true)
        {
            if (_length == _chars.Length)
            {
                var cap = Math.Max(_maxCellLength + 1L, PrefixLength + 1L);
                if (_chars.Length >= cap)
                {
                    MarkTooLong();
                    Count(reader);
                    return;
                }

                Array.Resize(ref _chars, (int)Math.Min(_chars.Length * 2L, cap));
            }

            // a short read is not the end: ReadValueChunk keeps a surrogate pair whole for the next call
            var read = reader.ReadValueChunk(_chars, _length, _chars.Length - _length);
            if (read == 0)
            {
                return;
            }

            _length += read;
        }
    }

    /// <summary>Marks the text being read as too long: its start is kept for the message, the rest is only counted.</summary>
    private void MarkTooLong()
    {
        TooLong = true;
        TooLongStart = new string(_chars, 0, Math.Min(_length, PrefixLength));
        TooLongLength = _length;
    }

    private void Count(XmlReader reader)
    {
        int read;
        while ((read = reader.ReadValueChunk(_chars, 0, _chars.Length)) > 0)
        {
            TooLongLength += read;
        }
    }
}
