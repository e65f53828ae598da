namespace Import.Sdk.Cli;

/// <summary>The mapping profiles the CLI saves beside the store after an auto-matched import, and reuses for files of the same layout.</summary>
internal static class LearnedProfiles
{
    /// <summary>Loads the profile saved at <paramref name="path"/>, or <see langword="null"/> when there is none (or it is unreadable: it is only a cache).</summary>
    public static async Task<ImportProfile?> TryLoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return await ImportProfile.LoadAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is ImportException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Saves the profile learned from <paramref name="mapping"/> when it maps at least one column and differs from the saved one.</summary>
    /// <returns>Whether the file was written.</returns>
    public static async Task<bool> SaveAsync(string path, string entity, string culture, MappingSuggestion mapping, CancellationToken cancellationToken)
    {
        var profile = mapping.ToProfile(entity, culture);
        if (profile.Columns.Count == 0)
        {
            return false;
        }

        var json = profile.ToJson();
        if (File.Exists(path) && string.Equals(await File.ReadAllTextAsync(path, cancellationToken), json, StringComparison.Ordinal))
        {
            return false;
        }

        await AtomicFile.WriteTextAsync(path, json, cancellationToken);
        return true;
    }
}
