namespace Import.Sdk.Cli.Commands;

/// <summary>What <c>--auto-create</c>, <c>--default</c> and <c>--ref</c> add to a profile, checked against the entity.</summary>
internal sealed record ProfileOverrides(IReadOnlyList<string> AutoCreate, IReadOnlyDictionary<string, string> Defaults, IReadOnlyDictionary<string, string> References)
{
    /// <summary>Gets a value indicating whether no flag was given.</summary>
    public bool IsEmpty => AutoCreate.Count == 0 && Defaults.Count == 0 && References.Count == 0;

    /// <summary>The profile with the flags merged over it: a default or a reference given by a flag wins; auto-created fields add up.</summary>
    public ImportProfile ApplyTo(ImportProfile profile)
    {
        if (IsEmpty)
        {
            return profile;
        }

        var defaults = new Dictionary<string, string>(profile.Defaults, StringComparer.Ordinal);
        foreach (var (field, value) in Defaults)
        {
            defaults[field] = value;
        }

        var references = new Dictionary<string, string>(profile.References, StringComparer.Ordinal);
        foreach (var (field, target) in References)
        {
            references[field] = target;
        }

        return profile with
        {
            Defaults = defaults,
            AutoCreate = [.. profile.AutoCreate, .. AutoCreate.Where(f => !profile.AutoCreate.Contains(f, StringComparer.Ordinal))],
            References = references,
        };
    }
}
