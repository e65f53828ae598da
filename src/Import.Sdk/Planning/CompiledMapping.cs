using System.Globalization;
using Import.Sdk.Conversion;
using Import.Sdk.Mapping;
using Import.Sdk.Resources;

namespace Import.Sdk.Planning;

/// <summary>The mapping of one import, resolved against the file's header: column per field, keys, defaults, culture, mode.</summary>
internal sealed class CompiledMapping
{
    private readonly IReadOnlyList<string> _header;

    private CompiledMapping(EntitySchema schema, IReadOnlyList<string> header)
    {
        _header = header;
        FieldColumn = new int[schema.Fields.Count];
        Array.Fill(FieldColumn, -1);
        DefaultText = new string?[schema.Fields.Count];
    }

    public int[] FieldColumn { get; }
    public string?[] DefaultText { get; }
    public string[] KeyFields { get; private set; } = [];
    public int[] KeyIndexes { get; private set; } = [];
    public HashSet<string> AutoCreate { get; } = new(StringComparer.Ordinal);
    public List<ImportIssue> Issues { get; } = [];
    public ImportMode Mode { get; private set; }
    public CultureInfo Culture { get; private set; } = CultureInfo.InvariantCulture;
    public NumberStyleKind NumberStyle { get; private set; }
    public string[] DateFormats { get; private set; } = [];
    public bool IsFatal => Issues.Exists(i => i.Severity == IssueSeverity.Error);

    public bool IsMapped(int field) => FieldColumn[field] >= 0;

    public bool IsKey(int field) => Array.IndexOf(KeyIndexes, field) >= 0;

    public string? ColumnOf(int field) => FieldColumn[field] >= 0 ? _header[FieldColumn[field]] : null;

    public static CompiledMapping Compile(EntitySchema schema, IReadOnlyList<string> header, ImportRequest request, ImportOptions options, CultureInfo ui)
    {
        var map = new CompiledMapping(schema, header);
        var profile = request.Profile;
        var problems = new List<string>();

        map.Culture = options.Culture;
        if (profile?.Culture is { Length: > 0 } cultureName)
        {
            try
            {
                map.Culture = CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                problems.Add($"the profile's culture '{cultureName}' is unknown");
            }
        }

        map.NumberStyle = ValueParsers.StyleFor(map.Culture);
        map.DateFormats = (profile?.DateFormats is { Count: > 0 } formats ? formats : options.DateFormats).ToArray();
        map.Mode = request.Mode ?? (profile?.Mode is { Length: > 0 } m ? ParseMode(m, problems) : options.Mode);

        if (profile is not null)
        {
            if (profile.Entity.Length > 0 && !string.Equals(profile.Entity, schema.Name, StringComparison.Ordinal))
            {
                problems.Add($"the profile is for entity '{profile.Entity}', not '{schema.Name}'");
            }

            if ((profile.Keys?.Any(k => k is null) ?? false) || profile.AutoCreate.Any(k => k is null) || (profile.DateFormats?.Any(f => string.IsNullOrEmpty(f)) ?? false))
            {
                throw new ImportException("The profile cannot be used: a list ('keys', 'autoCreate' or 'dateFormats') contains an empty or null entry.");
            }

            var byHeader = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (column, field) in profile.Columns)
            {
                byHeader.TryAdd(TextNormalizer.Normalize(column), field ?? string.Empty);
            }

            for (var i = 0; i < header.Count; i++)
            {
                if (!byHeader.TryGetValue(TextNormalizer.Normalize(header[i]), out var fieldName) || fieldName.Length == 0)
                {
                    map.Warn(IssueCodes.UnmappedColumn, header[i], Messages.Format(ui, Messages.UnmappedColumn, header[i]));
                    continue;
                }

                if (!schema.TryGetField(fieldName, out var field))
                {
                    problems.Add($"the profile maps column '{header[i]}' to '{fieldName}', which is not a field of '{schema.Name}'");
                    continue;
                }

                if (map.FieldColumn[field.Index] >= 0)
                {
                    problems.Add($"the profile maps both '{header[map.FieldColumn[field.Index]]}' and '{header[i]}' to '{fieldName}'");
                    continue;
                }

                map.FieldColumn[field.Index] = i;
            }

            foreach (var (fieldName, value) in profile.Defaults)
            {
                if (value is null)
                {
                    continue;
                }

                if (schema.TryGetField(fieldName, out var field))
                {
                    map.DefaultText[field.Index] = value;
                }
                else
                {
                    problems.Add($"the profile sets a default for '{fieldName}', which is not a field of '{schema.Name}'");
                }
            }

            foreach (var fieldName in profile.AutoCreate)
            {
                if (schema.TryGetField(fieldName, out var field) && field.Reference is not null)
                {
                    map.AutoCreate.Add(fieldName);
                }
                else
                {
                    problems.Add($"the profile allows auto-creation of '{fieldName}', which is not a reference field of '{schema.Name}'");
                }
            }
        }
        else
        {
            var suggestion = new ColumnMatcher(schema).Suggest(header, request.LearnedProfile);
            foreach (var match in suggestion.Columns)
            {
                if (match.Field is not null)
                {
                    map.FieldColumn[schema[match.Field].Index] = match.Index;
                }
                else if (match.Reason == MatchReason.Ambiguous)
                {
                    map.Warn(IssueCodes.AmbiguousColumn, match.Column, Messages.Format(ui, Messages.AmbiguousColumn, match.Column, string.Join(", ", match.Candidates)));
                }
                else
                {
                    map.Warn(IssueCodes.UnmappedColumn, match.Column, Messages.Format(ui, Messages.UnmappedColumn, match.Column));
                }
            }
        }

        foreach (var f in schema.Fields)
        {
            map.DefaultText[f.Index] ??= f.DefaultValue;
        }

        bool Available(string name) => schema.TryGetField(name, out var f) && (map.FieldColumn[f.Index] >= 0 || map.DefaultText[f.Index] is not null);

        if (profile?.Keys is { Count: > 0 } keys)
        {
            foreach (var k in keys.Where(k => !schema.TryGetField(k, out _)))
            {
                problems.Add($"the profile's key '{k}' is not a field of '{schema.Name}'");
            }

            map.KeyFields = keys.Where(k => schema.TryGetField(k, out _)).ToArray();
        }
        else if (schema.KeyFields.All(Available))
        {
            map.KeyFields = schema.KeyFields.ToArray();
        }
        else if (schema.AlternateKeyFields.Count > 0 && schema.AlternateKeyFields.All(Available))
        {
            map.KeyFields = schema.AlternateKeyFields.ToArray();
        }
        else
        {
            map.KeyFields = schema.KeyFields.ToArray();
        }

        map.KeyIndexes = map.KeyFields.Select(k => schema[k].Index).ToArray();

        if (problems.Count > 0)
        {
            throw new ImportException($"The import of '{schema.Name}' cannot start: {string.Join("; ", problems)}.");
        }

        foreach (var f in schema.Fields)
        {
            var needed = f.IsRequired || map.KeyIndexes.Contains(f.Index);
            if (needed && !Available(f.Name))
            {
                var label = ui.TwoLetterISOLanguageName == "fr" ? f.LabelFr : f.LabelEn;
                map.Issues.Add(new ImportIssue(1, null, f.Name, null, IssueCodes.UnmappedRequiredField, IssueSeverity.Error, Messages.Format(ui, Messages.UnmappedRequiredField, f.Name, label)));
            }
        }

        return map;
    }

    private static ImportMode ParseMode(string text, List<string> problems)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "insert":
                return ImportMode.Insert;
            case "update":
                return ImportMode.Update;
            case "upsert":
                return ImportMode.Upsert;
            default:
                problems.Add($"the mode '{text}' is not insert, update or upsert");
                return ImportMode.Upsert;
        }
    }

    private void Warn(string code, string column, string message) =>
        Issues.Add(new ImportIssue(1, column, null, null, code, IssueSeverity.Warning, message));
}
