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
        ReferenceTargets = [.. schema.Fields.Select(f => f.Reference?.TargetField)];
    }

    public int[] FieldColumn { get; }
    public string?[] DefaultText { get; }

    /// <summary>Per field, the field of the referenced entity its values name (the schema's, or the one the profile chose), or null.</summary>
    public string?[] ReferenceTargets { get; }
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
                map.Problem(null, null, cultureName, ui, Messages.ProfileCultureUnknown, cultureName);
            }
        }

        map.NumberStyle = ValueParsers.StyleFor(map.Culture);
        map.DateFormats = (profile?.DateFormats is { Count: > 0 } formats ? formats : options.DateFormats).ToArray();
        map.Mode = request.Mode ?? (profile?.Mode is { Length: > 0 } m ? map.ParseMode(m, ui) : options.Mode);
        if (schema.IsUpdateOnly)
        {
            if (map.Mode == ImportMode.Insert)
            {
                map.Problem(null, null, "insert", ui, Messages.ModeUpdateOnly, schema.Name);
            }

            map.Mode = ImportMode.Update; // its records are created elsewhere (stock: by the articles import)
        }

        if (profile is not null)
        {
            if (profile.Entity.Length > 0 && !string.Equals(profile.Entity, schema.Name, StringComparison.Ordinal))
            {
                map.Problem(null, null, profile.Entity, ui, Messages.ProfileOtherEntity, profile.Entity, schema.Name);
            }

            foreach (var (list, empty) in new[] { ("keys", profile.Keys?.Any(string.IsNullOrEmpty) ?? false), ("autoCreate", profile.AutoCreate.Any(string.IsNullOrEmpty)), ("dateFormats", profile.DateFormats?.Any(string.IsNullOrEmpty) ?? false) })
            {
                if (empty)
                {
                    map.Problem(null, null, null, ui, Messages.ProfileEmptyEntry, list);
                }
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
                    map.Problem(header[i], null, fieldName, ui, Messages.ProfileUnknownField, DisplayText.Cut(header[i], ui), fieldName, schema.Name);
                    continue;
                }

                if (map.FieldColumn[field.Index] >= 0)
                {
                    map.Problem(header[i], fieldName, null, ui, Messages.ProfileFieldTwice, DisplayText.Cut(header[map.FieldColumn[field.Index]], ui), DisplayText.Cut(header[i], ui), fieldName);
                    continue;
                }

                map.FieldColumn[field.Index] = i;
            }

            foreach (var (fieldName, targetField) in profile.References)
            {
                if (!schema.TryGetField(fieldName, out var field) || field.Reference is not { } reference)
                {
                    map.Problem(null, fieldName, targetField, ui, Messages.ProfileNotReference, fieldName, schema.Name);
                }
                else if (targetField is not null && reference.Allows(targetField))
                {
                    map.ReferenceTargets[field.Index] = targetField;
                }
                else
                {
                    var target = reference.Target?.Name ?? schema.Name;
                    if ((reference.Target ?? schema).TryGetField(targetField ?? string.Empty, out _))
                    {
                        map.Problem(null, fieldName, targetField, ui, Messages.ProfileReferenceByUnsupported, fieldName, target, targetField ?? string.Empty, string.Join(", ", new[] { reference.TargetField }.Concat(reference.AlternateTargetFields).Select(f => target + "." + f)));
                    }
                    else
                    {
                        map.Problem(null, fieldName, targetField, ui, Messages.ProfileReferenceByUnknown, fieldName, targetField ?? string.Empty, target);
                    }
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
                    map.Problem(null, null, fieldName, ui, Messages.ProfileDefaultUnknownField, fieldName, schema.Name);
                }
            }

            foreach (var fieldName in profile.AutoCreate.Where(f => !string.IsNullOrEmpty(f)))
            {
                if (schema.TryGetField(fieldName, out var field) && field.Reference is not null)
                {
                    map.AutoCreate.Add(fieldName);
                }
                else
                {
                    map.Problem(null, null, fieldName, ui, Messages.ProfileAutoCreateNotReference, fieldName, schema.Name);
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
            foreach (var k in keys.Where(k => !string.IsNullOrEmpty(k) && !schema.TryGetField(k, out _)))
            {
                map.Problem(null, null, k, ui, Messages.ProfileKeyUnknownField, k, schema.Name);
            }

            map.KeyFields = keys.Where(k => !string.IsNullOrEmpty(k) && schema.TryGetField(k, out _)).ToArray();
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

        foreach (var f in schema.Fields)
        {
            var needed = f.IsRequired || (map.KeyIndexes.Contains(f.Index) && !string.Equals(f.Name, schema.ChildSetPosition, StringComparison.Ordinal)); // a child set's position is numbered when empty
            if (needed && !Available(f.Name))
            {
                var label = ui.TwoLetterISOLanguageName == "fr" ? f.LabelFr : f.LabelEn;
                map.Issues.Add(new ImportIssue(1, null, f.Name, null, IssueCodes.UnmappedRequiredField, IssueSeverity.Error, Messages.Format(ui, Messages.UnmappedRequiredField, f.Name, label)));
            }
        }

        return map;
    }

    private ImportMode ParseMode(string text, CultureInfo ui)
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
                Problem(null, null, text, ui, Messages.ProfileModeInvalid, text);
                return ImportMode.Upsert;
        }
    }

    /// <summary>
    /// A profile that cannot be used (a column or field that does not exist, a bad culture or mode, a key that is not a field, a
    /// default value that is not valid): an error of the header row with <see cref="IssueCodes.InvalidProfile"/>, reported as an
    /// unmapped required field is, every problem listed at once and no row read.
    /// </summary>
    public void Problem(string? column, string? field, string? value, CultureInfo ui, string message, params object[] args) =>
        Issues.Add(new ImportIssue(1, column is null ? null : DisplayText.Cut(column, ui), field, value is null ? null : DisplayText.Cut(value, ui), IssueCodes.InvalidProfile, IssueSeverity.Error, Messages.Format(ui, message, args)));

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
