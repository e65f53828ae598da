using System.Globalization;
using Import.Sdk.Conversion;
using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Mapping;

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
        var unmapped = new List<int>(); // columns that feed no field, warned about together

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

            map.WarnMissingColumns(profile, header, ui);

            for (var i = 0; i < header.Count; i++)
            {
                if (!byHeader.TryGetValue(TextNormalizer.Normalize(header[i]), out var fieldName) || fieldName.Length == 0)
                {
                    unmapped.Add(i);
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

            foreach (var (fieldName, targetField) in profile.References)
            {
                if (!schema.TryGetField(fieldName, out var field) || field.Reference is not { } reference)
                {
                    problems.Add($"the profile's 'references' names '{fieldName}', which is not a reference field of '{schema.Name}'");
                }
                else if (!string.Equals(targetField, reference.TargetField, StringComparison.Ordinal))
                {
                    var target = reference.Target?.Name ?? schema.Name;
                    problems.Add((reference.Target ?? schema).TryGetField(targetField ?? string.Empty, out _)
                        ? $"the profile's 'references' reads '{fieldName}' by '{target}.{targetField}': this version reads it only by '{target}.{reference.TargetField}'"
                        : $"the profile's 'references' reads '{fieldName}' by '{targetField}', which is not a field of '{target}'");
                }
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
                    var shown = DisplayText.Cut(match.Column, ui);
                    map.Warn(IssueCodes.AmbiguousColumn, shown, Messages.Format(ui, Messages.AmbiguousColumn, shown, string.Join(", ", match.Candidates)));
                }
                else
                {
                    unmapped.Add(match.Index);
                }
            }
        }

        map.WarnUnmappedColumns(unmapped, ui);

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

    private void Warn(string code, string? column, string message) =>
        Issues.Add(new ImportIssue(1, column, null, null, code, IssueSeverity.Warning, message));

    /// <summary>The most columns that match no field warned about one by one; the others get one warning together.</summary>
    internal const int MaxUnmappedColumnsListed = 20;

    /// <summary>
    /// Warns about the columns that feed no field: columns without a header together (one warning with their count and range:
    /// a sheet with a cell at XFD1 has thousands), named ones one by one up to <see cref="MaxUnmappedColumnsListed"/>, the rest together.
    /// </summary>
    private void WarnUnmappedColumns(List<int> columns, CultureInfo ui)
    {
        var listed = 0;
        var rest = new List<string>();
        int unnamed = 0, first = -1, last = -1;
        foreach (var i in columns)
        {
            var name = _header[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                unnamed++;
                first = first < 0 ? i : first;
                last = i;
            }
            else if (listed < MaxUnmappedColumnsListed)
            {
                listed++;
                var shown = DisplayText.Cut(name, ui);
                Warn(IssueCodes.UnmappedColumn, shown, Messages.Format(ui, Messages.UnmappedColumn, shown));
            }
            else
            {
                rest.Add(name);
            }
        }

        if (rest.Count > 0)
        {
            var names = string.Join(", ", rest.Take(5).Select(n => DisplayText.Cut(n, ui))) + (rest.Count > 5 ? ", …" : string.Empty);
            Warn(IssueCodes.UnmappedColumn, null, Messages.Format(ui, Messages.MoreUnmappedColumns, rest.Count, names));
        }

        if (unnamed == 1)
        {
            Warn(IssueCodes.UnmappedColumn, null, Messages.Format(ui, Messages.UnnamedColumn, ColumnName(first)));
        }
        else if (unnamed > 1)
        {
            Warn(IssueCodes.UnmappedColumn, null, Messages.Format(ui, Messages.UnnamedColumns, unnamed, ColumnName(first), ColumnName(last)));
        }
    }

    /// <summary>A column as a spreadsheet shows it and by its position: <c>L (12)</c>.</summary>
    private static string ColumnName(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{letters} ({index + 1})");
    }

    /// <summary>
    /// Warns (<c>missing_column</c>) about the columns the profile maps to a field that the file does not have: the user
    /// learns that these fields are not imported (a required one is also an <c>unmapped_required_field</c> error).
    /// </summary>
    private void WarnMissingColumns(ImportProfile profile, IReadOnlyList<string> header, CultureInfo ui)
    {
        var present = header.Select(h => TextNormalizer.Normalize(h)).ToHashSet(StringComparer.Ordinal);
        var missing = profile.Columns
            .Where(c => !string.IsNullOrEmpty(c.Value) && !present.Contains(TextNormalizer.Normalize(c.Key)))
            .Select(c => Messages.Format(ui, Messages.MissingColumnItem, DisplayText.Cut(c.Key, ui), c.Value))
            .ToArray();
        if (missing.Length > 0)
        {
            Warn(IssueCodes.MissingColumn, null, Messages.Format(ui, Messages.MissingColumns, string.Join(", ", missing)));
        }
    }
}
