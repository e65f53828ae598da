namespace Import.Sdk;

/// <summary>
/// A problem a reader found in one row (a stray quote, a cell over <see cref="ReaderOptions.MaxCellLength"/>, an Excel error
/// value): the pipeline rejects the row with it and goes on with the next one.
/// </summary>
/// <param name="Code">The issue code (one of <see cref="IssueCodes"/>, for example <see cref="IssueCodes.MalformedRow"/>).</param>
/// <param name="Message">What is wrong, in the reader's <see cref="ReaderOptions.UiCulture"/>.</param>
public sealed record ReadProblem(string Code, string Message)
{
    /// <summary>Gets the 0-based column concerned, or -1 when the problem concerns the whole row.</summary>
    public int Column { get; init; } = -1;

    /// <summary>Gets the raw text concerned, as found in the file (the pipeline cuts it to a readable length), or <see langword="null"/>.</summary>
    public string? Value { get; init; }
}
