namespace Import.Sdk;

/// <summary>One import to simulate or execute: the source, and optionally a profile and a mode.</summary>
/// <param name="Source">The file.</param>
public sealed record ImportRequest(ImportSource Source)
{
    /// <summary>Gets the mapping profile; <see langword="null"/> auto-matches the headers.</summary>
    public ImportProfile? Profile { get; init; }

    /// <summary>Gets a profile learned from a previous import of the same layout, used by auto-matching (reason <see cref="MatchReason.Profile"/>).</summary>
    public ImportProfile? LearnedProfile { get; init; }

    /// <summary>Gets the import mode, overriding the profile's and the pipeline's.</summary>
    public ImportMode? Mode { get; init; }

    /// <summary>
    /// Gets the set of files this import belongs to, or <see langword="null"/>: references then also resolve to the records the
    /// set's earlier imports planned, in a simulation too (see <see cref="ImportSet"/>), and this import's records are added to it.
    /// </summary>
    public ImportSet? Set { get; init; }

    /// <summary>Gets the reader options, overriding the pipeline's.</summary>
    public ReaderOptions? Reader { get; init; }
}
