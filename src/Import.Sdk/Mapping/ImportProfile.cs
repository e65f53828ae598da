using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Import.Sdk;

/// <summary>
/// A mapping profile: which column feeds which field, the culture and date formats of the file, the mode, the keys,
/// default values and the references that may be auto-created. Saved as JSON and reused for files of the same layout.
/// </summary>
public sealed record ImportProfile
{
    /// <summary>Gets the entity the profile is for.</summary>
    public string Entity { get; init; } = string.Empty;

    /// <summary>Gets the culture of numbers and dates in the file, such as <c>fr-FR</c>; <see langword="null"/> uses the pipeline's.</summary>
    public string? Culture { get; init; }

    /// <summary>Gets the accepted date formats, in order; <see langword="null"/> uses the pipeline's.</summary>
    public IReadOnlyList<string>? DateFormats { get; init; }

    /// <summary>Gets the import mode (<c>insert</c>, <c>update</c>, <c>upsert</c>); <see langword="null"/> uses the pipeline's.</summary>
    public string? Mode { get; init; }

    /// <summary>Gets the mapping of source columns (by header) to fields; a column mapped to an empty name is ignored on purpose.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the key fields; <see langword="null"/> uses the entity's (or its alternate key when no key column is mapped).</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Gets default values by field, written as in a cell, used for empty cells and unmapped fields.</summary>
    public IReadOnlyDictionary<string, string> Defaults { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the reference fields whose unknown codes are created instead of rejected.</summary>
    public IReadOnlyList<string> AutoCreate { get; init; } = [];

    /// <summary>
    /// Gets, for a reference field, the field of the referenced entity its cells name (an invoice's <c>account</c> naming the
    /// customer by <c>accounting_code</c>). A reference field not listed names the field its schema gives.
    /// </summary>
    /// <remarks>This version reads references only by the field their schema gives: any other choice is refused when the import starts (never ignored).</remarks>
    public IReadOnlyDictionary<string, string> References { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Reads a profile from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ImportException">The JSON is not a profile, or it has a property a profile does not have (a misspelled one would be ignored otherwise).</exception>
    public static ImportProfile FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            RefuseUnknownProperties(json);
            var profile = JsonSerializer.Deserialize(json, ProfileJsonContext.Default.ImportProfile) ?? throw new ImportException("The profile is empty.");

            // Members left out of the JSON (or written as null) are empty, never null.
            return profile with
            {
                Entity = profile.Entity ?? string.Empty,
                Columns = profile.Columns ?? new Dictionary<string, string>(StringComparer.Ordinal),
                Defaults = profile.Defaults ?? new Dictionary<string, string>(StringComparer.Ordinal),
                AutoCreate = profile.AutoCreate ?? [],
                References = profile.References ?? new Dictionary<string, string>(StringComparer.Ordinal),
            };
        }
        catch (JsonException ex)
        {
            throw new ImportException($"The profile is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Refuses a property the profile does not have (such as <c>"colums"</c>), naming it and the known ones.</summary>
    private static void RefuseUnknownProperties(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return; // not an object: the deserializer says so
        }

        var known = ProfileJsonContext.Default.ImportProfile.Properties.Select(p => p.Name).ToArray();
        var unknown = document.RootElement.EnumerateObject()
            .Select(p => p.Name)
            .Where(name => !known.Contains(name, StringComparer.Ordinal))
            .ToArray();
        if (unknown.Length > 0)
        {
            throw new ImportException(string.Create(
                CultureInfo.InvariantCulture,
                $"The profile cannot be used: {string.Join(", ", unknown.Select(n => $"'{n}'"))} {(unknown.Length == 1 ? "is not a property" : "are not properties")} of a profile (names are case-sensitive). The properties of a profile are: {string.Join(", ", known)}."));
        }
    }

    /// <summary>Reads a profile from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The profile.</returns>
    public static async Task<ImportProfile> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return FromJson(text);
    }

    /// <summary>Writes the profile as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ProfileJsonContext.Default.ImportProfile);

    /// <summary>Saves the profile to a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default) => File.WriteAllTextAsync(path, ToJson(), cancellationToken);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ImportProfile))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
