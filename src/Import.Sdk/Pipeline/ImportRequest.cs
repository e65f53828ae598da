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

    /// <summary>
    /// Gets the lines file of a document import, or <see langword="null"/>: the pipeline's entity is then the header of documents
    /// (<see cref="ImportEntity.WithLines"/>), <see cref="Source"/> the header file, and one run reads the header file then this
    /// file and imports each document all or nothing. Each file keeps its own mapping, row numbers and issues.
    /// </summary>
    public ImportSource? Lines { get; init; }

    /// <summary>
    /// Gets the mapping profile of the lines file (<see cref="Lines"/>); <see langword="null"/> auto-matches its headers.
    /// <see cref="Profile"/> is the header file's. <see cref="Mode"/> and <see cref="Reader"/> apply to both files.
    /// </summary>
    public ImportProfile? LinesProfile { get; init; }

    /// <summary>Gets the reader options, overriding the pipeline's.</summary>
    public ReaderOptions? Reader { get; init; }
}
