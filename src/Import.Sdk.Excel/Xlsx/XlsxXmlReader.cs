using System.Text;
using System.Xml;

namespace Import.Sdk.Excel.Xlsx;

/// <summary>
/// A forward-only <see cref="XmlReader"/> over one SpreadsheetML part (a sheet or the shared strings), with the element and
/// attribute names it looks for atomised in its own <see cref="NameTable"/> (compare a <see cref="XmlReader.LocalName"/> to
/// them by reference) and a character buffer that attribute values and element text are copied into without allocating a
/// string. Names are matched without their namespace, so Strict Open XML (<c>purl.oclc.org</c>) parts read as transitional ones.
/// No DTD, no resolver; comments and processing instructions skipped; white space kept (a cell may hold only spaces).
/// </summary>
internal sealed class XlsxXmlReader : IDisposable
{
    private char[] _chars = new char[64];
    private int _length;

    /// <summary>Opens a reader over <paramref name="stream"/>, which it closes when disposed.</summary>
    public XlsxXmlReader(Stream stream)
    {
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
        Sst = names.Add("sst");
        Reader = XmlReader.Create(stream, new XmlReaderSettings
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

    public string Sst { get; }

    /// <summary>Gets the characters last copied by <see cref="CopyAttributeValue"/> or <see cref="CopyElementText"/>.</summary>
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, _length);

    /// <summary>Copies the value of the current attribute into <see cref="Chars"/>.</summary>
    public ReadOnlySpan<char> CopyAttributeValue()
    {
        _length = 0;
        CopyValue();
        return Chars;
    }

    /// <summary>
    /// Copies the text of the current element (positioned on its start tag) into <see cref="Chars"/> and leaves the reader on its
    /// end tag, or on the element itself when it is empty. Child elements (none in a valid <c>&lt;v&gt;</c>) are skipped.
    /// </summary>
    public ReadOnlySpan<char> CopyElementText()
    {
        _length = 0;
        var reader = Reader;
        if (reader.IsEmptyElement)
        {
            return Chars;
        }

        reader.Read();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement:
                    return Chars;
                case XmlNodeType.Element:
                    reader.Skip();
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    CopyValue();
                    break;
            }

            if (!reader.Read())
            {
                return Chars;
            }
        }
    }

    /// <summary>
    /// Reads the text of the current element (positioned on its start tag) as a string and leaves the reader on its end tag, or on
    /// the element itself when it is empty.
    /// </summary>
    public string ReadElementText()
    {
        var reader = Reader;
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        reader.Read();
        string? single = null;
        StringBuilder? more = null;
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement:
                    return more?.ToString() ?? single ?? string.Empty;
                case XmlNodeType.Element:
                    reader.Skip();
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null)
                    {
                        single = reader.Value;
                    }
                    else
                    {
                        (more ??= new StringBuilder(single)).Append(reader.Value);
                    }

                    break;
            }

            if (!reader.Read())
            {
                return more?.ToString() ?? single ?? string.Empty;
            }
        }
    }

    /// <summary>
    /// Reads rich text from the current start element (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>) to its end tag: the <c>&lt;t&gt;</c> of
    /// every run concatenated, phonetic runs (<c>&lt;rPh&gt;</c>) left out, <c>_xHHHH_</c> escapes decoded. As Excel does, a
    /// <c>&lt;t&gt;</c> outside <c>xml:space="preserve"</c> loses its leading and trailing white space.
    /// </summary>
    public string ReadRichText(StringBuilder builder)
    {
        var reader = Reader;
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? single = null;
        var pieces = 0;
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
                    var preserve = reader.XmlSpace == XmlSpace.Preserve;
                    var text = ReadElementText();
                    if (!preserve && text.Length > 0 && (IsXmlSpace(text[0]) || IsXmlSpace(text[^1])))
                    {
                        text = text.Trim(' ', '\t', '\r', '\n');
                    }

                    text = XlsxParts.DecodeEscapes(text);
                    if (pieces++ == 0)
                    {
                        single = text;
                    }
                    else
                    {
                        if (pieces == 2)
                        {
                            builder.Clear().Append(single);
                        }

                        builder.Append(text);
                    }
                }
            }

            if (!reader.Read())
            {
                break;
            }
        }

        return pieces switch
        {
            0 => string.Empty,
            1 => single!,
            _ => builder.ToString(),
        };
    }

    public void Dispose() => Reader.Dispose();

    private static bool IsXmlSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private void CopyValue()
    {
        var reader = Reader;
        while (true)
        {
            if (_length == _chars.Length)
            {
                Array.Resize(ref _chars, _chars.Length * 2);
            }

            var room = _chars.Length - _length;
            var read = reader.ReadValueChunk(_chars, _length, room);
            _length += read;
            if (read < room)
            {
                return; // XmlTextReaderImpl fills the buffer while the value lasts: a short read is its end, no second call
            }
        }
    }
}
