using System.Text;
using DocumentFormat.OpenXml;
using Import.Sdk.Excel.Packaging;

namespace Import.Sdk.Excel.Xlsx;

/// <summary>
/// Helpers for the small parts (workbook, styles) read with OpenXml's SAX reader (<see cref="SpreadsheetDocumentPartReader"/>,
/// which also maps Strict namespaces to transitional ones), and the text escapes shared with the sheet reader
/// (<see cref="XlsxXmlReader"/>).
/// </summary>
internal static class XlsxParts
{
    private static readonly OpenXmlPartReaderOptions ReaderOptions = new() { IgnoreWhitespace = false, CloseStream = true };

    public static OpenXmlReader Open(OpcPackage package, string part) => new SpreadsheetDocumentPartReader(new MarkupGuardStream(package.Open(part), boundTexts: true), ReaderOptions);

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

    /// <summary>Decodes the <c>_xHHHH_</c> escapes of <paramref name="text"/> in place (see <see cref="DecodeEscapes(string)"/>).</summary>
    /// <returns>The length of the decoded text.</returns>
    public static int DecodeEscapes(Span<char> text)
    {
        var index = text.IndexOf("_x", StringComparison.Ordinal);
        if (index < 0)
        {
            return text.Length;
        }

        var write = index;
        var read = index;
        while (read < text.Length)
        {
            if (text[read] == '_' && read + 7 <= text.Length && text[read + 1] == 'x' && text[read + 6] == '_'
                && ushort.TryParse(text.Slice(read + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                text[write++] = (char)code;
                read += 7;
            }
            else
            {
                text[write++] = text[read++];
            }
        }

        return write;
    }

    public static bool IsTrue(string? value) => value is "1" or "true" or "True" or "TRUE" or "on";
}
