namespace Import.Sdk;

/// <summary>The suggested field of one source column, with the reason and score of the match.</summary>
/// <param name="Index">The 0-based column index.</param>
/// <param name="Column">The header.</param>
/// <param name="Field">The suggested field, or <see langword="null"/> when none was chosen.</param>
/// <param name="Reason">Why the field was chosen (or not).</param>
/// <param name="Score">The similarity in [0, 1]: 1 for exact, synonym and profile matches.</param>
/// <param name="Candidates">The fields an ambiguous column could be.</param>
public sealed record ColumnMatch(int Index, string Column, string? Field, MatchReason Reason, double Score, IReadOnlyList<string> Candidates);
