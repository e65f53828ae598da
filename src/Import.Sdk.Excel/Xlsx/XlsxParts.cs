using System.Text;
using DocumentFormat.OpenXml;
using Import.Sdk.Excel.Packaging;

namespace Import.Sdk.Excel.Xlsx;

/// <summary>Helpers over OpenXml's SAX reader (<see cref="SpreadsheetDocumentPartReader"/>), which also maps Strict namespaces to transitional ones.</summary>
internal static class XlsxParts
{
    private static readonly OpenXmlPartReaderOptions ReaderOptions = new() { IgnoreWhitespace = false, CloseStream = true };

    public static OpenXmlReader Open(OpcPackage package, string part) => new SpreadsheetDocumentPartReader(package.Open(part), ReaderOptions);

    public static OpenXmlReader Open(Stream stream) => new SpreadsheetDocumentPartReader(stream, ReaderOptions);

    public static string? Attribute(OpenXmlReader reader, string localName)
    {
        var attributes = reader.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].LocalName == localName)
            {
                return attributes[i].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Decodes the <c>_xHHHH_</c> escapes of ST_Xstring (ECMA-376 Part 1, 22.9.2.19) with which Excel writes characters XML
    /// cannot carry or would normalise (control characters, a carriage return as <c>_x000D_</c>); <c>_x005F_</c> escapes a
    /// literal underscore, so <c>_x005F_x0041_</c> reads <c>_x0041_</c>.
    /// </summary>
    public static string DecodeEscapes(string text)
    {
        var index = text.IndexOf("_x", StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var last = 0;
        while (index >= 0 && index + 7 <= text.Length)
        {
            if (text[index + 6] == '_' && ushort.TryParse(text.AsSpan(index + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                builder.Append(text, last, index - last).Append((char)code);
                last = index + 7;
                index = text.IndexOf("_x", last, StringComparison.Ordinal);
            }
            else
            {
                index = text.IndexOf("_x", index + 1, StringComparison.Ordinal);
            }
        }

        return builder.Append(text, last, text.Length - last).ToString();
    }

    public static bool IsTrue(string? value) => value is "1" or "true" or "True" or "TRUE" or "on";

    /// <summary>
    /// Reads rich text from the current start element (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>) to its end: the <c>&lt;t&gt;</c> of
    /// every run concatenated, phonetic runs (<c>&lt;rPh&gt;</c>) left out. As Excel does, a <c>&lt;t&gt;</c> without
    /// <c>xml:space="preserve"</c> loses its leading and trailing white space.
    /// </summary>
    public static string ReadRichText(OpenXmlReader reader, string endName, StringBuilder builder)
    {
        builder.Clear();
        string? single = null;
        var pieces = 0;
        var phonetic = 0;
        while (reader.Read())
        {
            var name = reader.LocalName;
            if (reader.IsEndElement)
            {
                if (name == endName)
                {
                    break;
                }

                if (name == "rPh")
                {
                    phonetic--;
                }

                continue;
            }

            if (!reader.IsStartElement)
            {
                continue;
            }

            if (name == "rPh")
            {
                phonetic++;
            }
            else if (name == "t" && phonetic == 0)
            {
                var preserve = Attribute(reader, "space") == "preserve";
                var text = reader.GetText();
                if (!preserve)
                {
                    text = text.Trim(' ', '\t', '\r', '\n');
                }

                text = DecodeEscapes(text);

                if (pieces++ == 0)
                {
                    single = text;
                }
                else
                {
                    if (pieces == 2)
                    {
                        builder.Append(single);
                    }

                    builder.Append(text);
                }
            }
        }

        return pieces switch
        {
            0 => string.Empty,
            1 => single!,
            _ => builder.ToString(),
        };
    }
}
