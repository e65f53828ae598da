using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Packaging;

/// <summary>
/// The parts of an Open Packaging Conventions container (XLSX, XLSM, XLSB) read straight from the ZIP archive: part names
/// are matched ignoring case and slashes, relationships are followed (parts need not live under <c>xl/</c>), and every
/// byte inflated is charged to the <see cref="InflationBudget"/>. A part stored twice (two ZIP entries whose names are equal
/// ignoring case, as OPC compares part names) is refused as ambiguous. Content types are not needed and not checked, so the
/// lax packages some writers produce still open.
/// </summary>
internal sealed class OpcPackage : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Stream _input;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public OpcPackage(Stream input, InflationBudget budget)
    {
        _input = input;
        _zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: false);
        Budget = budget;
        try
        {
            foreach (var entry in _zip.Entries)
            {
                var name = Normalize(entry.FullName);
                if (!_entries.TryAdd(name, entry) && !name.EndsWith('/'))
                {
                    // Two ZIP entries for one part (OPC part names are equal ignoring ASCII case): readers disagree on which one
                    // counts, so neither is chosen (a repeated folder entry holds nothing and is harmless).
                    throw new MalformedFileException(ExcelMessages.Format(
                        budget.UiCulture, ExcelMessages.DuplicatePart, name, _entries[name].FullName, entry.FullName));
                }
            }
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    public InflationBudget Budget { get; }

    public long InputLength => _input.CanSeek ? _input.Length : 0;

    public IEnumerable<string> PartNames => _entries.Keys;

    public bool Exists(string part) => _entries.ContainsKey(Normalize(part));

    /// <summary>The declared (untrusted) size of a part, used only to estimate progress.</summary>
    public long DeclaredLength(string part) => _entries.TryGetValue(Normalize(part), out var e) ? e.Length : 0;

    public BudgetedStream Open(string part)
    {
        var entry = _entries[Normalize(part)];
        return new BudgetedStream(entry.Open(), Budget);
    }

    /// <summary>Finds the target of the package's main (office document) relationship.</summary>
    public string? FindOfficeDocument()
    {
        foreach (var rel in ReadRelationships(string.Empty))
        {
            if (rel.Type.EndsWith("/officeDocument", StringComparison.OrdinalIgnoreCase) && Exists(rel.Target))
            {
                return rel.Target;
            }
        }

        foreach (var candidate in (string[])["xl/workbook.xml", "xl/workbook.bin", "workbook.xml", "workbook.bin"])
        {
            if (Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads the relationships of a part (the package's own when <paramref name="source"/> is empty); none when it has no relationship part.</summary>
    public IReadOnlyList<Relationship> ReadRelationships(string source)
    {
        source = Normalize(source);
        var folder = source.Contains('/', StringComparison.Ordinal) ? source[..(source.LastIndexOf('/') + 1)] : string.Empty;
        var file = source[folder.Length..];
        var relsPart = folder + "_rels/" + file + ".rels";
        if (!Exists(relsPart))
        {
            return [];
        }

        var list = new List<Relationship>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        using var reader = XmlReader.Create(new MarkupGuardStream(Open(relsPart), boundTexts: true), settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
            {
                continue;
            }

            var id = reader.GetAttribute("Id") ?? string.Empty;
            var type = reader.GetAttribute("Type") ?? string.Empty;
            var target = reader.GetAttribute("Target");
            var mode = reader.GetAttribute("TargetMode");
            if (target is null || string.Equals(mode, "External", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            list.Add(new Relationship(id, type, Resolve(folder, target)));
        }

        return list;
    }

    public void Dispose()
    {
        _zip.Dispose();
        _input.Dispose();
    }

    private static string Resolve(string folder, string target)
    {
        target = Uri.UnescapeDataString(target.Replace('\\', '/'));
        var path = target.StartsWith('/') ? target.TrimStart('/') : folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static string Normalize(string name) => name.Replace('\\', '/').TrimStart('/');

    /// <summary>A relationship of a part.</summary>
    /// <param name="Id">The relationship id (<c>rId1</c>).</param>
    /// <param name="Type">The relationship type URI (transitional or strict).</param>
    /// <param name="Target">The target part, resolved to a package path.</param>
    internal sealed record Relationship(string Id, string Type, string Target)
    {
        public bool Is(string kind) => Type.EndsWith("/" + kind, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} {Type} {Target}");
    }
}
