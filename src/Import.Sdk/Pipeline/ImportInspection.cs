namespace Import.Sdk;

/// <summary>What a host's mapping screen is built from: the file as read, and the suggested mapping.</summary>
public sealed record ImportInspection
{
    /// <summary>Initializes a new instance of the <see cref="ImportInspection"/> class.</summary>
    /// <param name="preview">The file: format, encoding, delimiter, sheets, header and first rows, bounded as <see cref="FilePreview"/> says (a cell over <see cref="FilePreview.MaxCellLength"/> characters is cut, see <see cref="FilePreview.Truncated"/>). <see cref="SourceInfo.Sheets"/> lists the sheets a host can offer to choose from (<see cref="ReaderOptions.Sheet"/>).</param>
    /// <param name="mapping">The suggested mapping, with the reason and score of each match.</param>
    /// <param name="problem">Why the file cannot be read, or <see langword="null"/>.</param>
    public ImportInspection(FilePreview preview, MappingSuggestion mapping, string? problem)
    {
        Preview = preview;
        Mapping = mapping;
        Problem = problem;
    }

    /// <summary>Gets the file: format, encoding, delimiter, sheets, header and first rows, bounded as <see cref="FilePreview"/> says (a cell over <see cref="FilePreview.MaxCellLength"/> characters is cut, see <see cref="FilePreview.Truncated"/>). <see cref="SourceInfo.Sheets"/> lists the sheets a host can offer to choose from (<see cref="ReaderOptions.Sheet"/>).</summary>
    public FilePreview Preview { get; init; }

    /// <summary>Gets the suggested mapping, with the reason and score of each match.</summary>
    public MappingSuggestion Mapping { get; init; }

    /// <summary>Gets why the file cannot be read, or <see langword="null"/>.</summary>
    public string? Problem { get; init; }
}
