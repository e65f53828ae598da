using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Import.Sdk.Cli.Tests.Support;

/// <summary>Minimal XLSX workbooks written part by part (no styles): what the CLI tests need to build.</summary>
internal static class Workbooks
{
    /// <summary>
    /// A workbook whose one shared string of <paramref name="length"/> characters fills every cell of <paramref name="rows"/>
    /// data rows of <paramref name="columns"/> columns (the header row is C1, C2, …): a small file that reads as a great deal of text.
    /// </summary>
    public static byte[] OneLongSharedString(int length, int columns, int rows)
    {
        var sheet = new StringBuilder("<sheetData>");
        sheet.Append("<row r=\"1\">");
        for (var c = 1; c <= columns; c++)
        {
            sheet.Append("<c t=\"inlineStr\"><is><t>C").Append(c.ToString(CultureInfo.InvariantCulture)).Append("</t></is></c>");
        }

        sheet.Append("</row>");
        for (var r = 2; r <= rows + 1; r++)
        {
            sheet.Append("<row r=\"").Append(r.ToString(CultureInfo.InvariantCulture)).Append("\">");
            for (var c = 1; c <= columns; c++)
            {
                sheet.Append("<c t=\"s\"><v>0</v></c>");
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData>");
        return Build([("Data", sheet.ToString())], "<si><t>" + new string('x', length) + "</t></si>");
    }

    /// <summary>A workbook of named sheets, each given as rows of inline-string cells (an empty list: an empty sheet).</summary>
    public static byte[] Sheets(params (string Name, string[][] Rows)[] sheets) =>
        Build(sheets.Select(s => (s.Name, SheetData(s.Rows))).ToArray(), null);

    private static string SheetData(string[][] rows)
    {
        var sheet = new StringBuilder("<sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Append("<row r=\"").Append((r + 1).ToString(CultureInfo.InvariantCulture)).Append("\">");
            foreach (var cell in rows[r])
            {
                sheet.Append("<c t=\"inlineStr\"><is><t>").Append(SecurityElement.Escape(cell)).Append("</t></is></c>");
            }

            sheet.Append("</row>");
        }

        return sheet.Append("</sheetData>").ToString();
    }

    private static byte[] Build((string Name, string SheetData)[] sheets, string? sharedStrings)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
            var workbook = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>");
            var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (var i = 0; i < sheets.Length; i++)
            {
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                types.Append($"<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                workbook.Append($"<sheet name=\"{SecurityElement.Escape(sheets[i].Name)}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>");
                rels.Append($"<Relationship Id=\"rId{n}\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>");
                Write(zip, $"xl/worksheets/sheet{n}.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\">{sheets[i].SheetData}</worksheet>");
            }

            if (sharedStrings is not null)
            {
                types.Append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                rels.Append($"<Relationship Id=\"rIdS\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
                Write(zip, "xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">{sharedStrings}</sst>");
            }

            Write(zip, "[Content_Types].xml", types.Append("</Types>").ToString());
            Write(zip, "_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Write(zip, "xl/workbook.xml", workbook.Append("</sheets></workbook>").ToString());
            Write(zip, "xl/_rels/workbook.xml.rels", rels.Append("</Relationships>").ToString());
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        var bytes = Encoding.UTF8.GetBytes(text);
        entry.Write(bytes);
    }
}
