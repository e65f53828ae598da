namespace Import.Sdk;

/// <summary>What a host's mapping screen is built from: the file as read, and the suggested mapping.</summary>
/// <param name="Preview">
/// The file: format, encoding, delimiter, sheets, header and first rows, bounded as <see cref="FilePreview"/> says (a cell over
/// <see cref="FilePreview.MaxCellLength"/> characters is cut, see <see cref="FilePreview.Truncated"/>). <see cref="SourceInfo.Sheets"/>
/// lists the sheets a host can offer to choose from (<see cref="ReaderOptions.Sheet"/>).
/// </param>
/// <param name="Mapping">The suggested mapping, with the reason and score of each match.</param>
/// <param name="Problem">Why the file cannot be read, or <see langword="null"/>.</param>
public sealed record ImportInspection(FilePreview Preview, MappingSuggestion Mapping, string? Problem);
