namespace Import.Sdk;

/// <summary>
/// A problem a reader found in one row (a stray quote, a cell over <see cref="ReaderOptions.MaxCellLength"/>, an Excel error
/// value): the pipeline rejects the row with it and goes on with the next one.
/// </summary>
public sealed record ReadProblem
{
    /// <summary>Initializes a new instance of the <see cref="ReadProblem"/> class.</summary>
    /// <param name="code">The issue code (one of <see cref="IssueCodes"/>, for example <see cref="IssueCodes.MalformedRow"/>).</param>
    /// <param name="message">What is wrong, in the reader's <see cref="ReaderOptions.UiCulture"/>.</param>
    public ReadProblem(string code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>Gets the issue code (one of <see cref="IssueCodes"/>, for example <see cref="IssueCodes.MalformedRow"/>).</summary>
    public string Code { get; init; }

    /// <summary>Gets what is wrong, in the reader's <see cref="ReaderOptions.UiCulture"/>.</summary>
    public string Message { get; init; }

    /// <summary>Gets the 0-based column concerned, or -1 when the problem concerns the whole row.</summary>
    public int Column { get; init; } = -1;

    /// <summary>Gets the raw text concerned, as found in the file (the pipeline cuts it to a readable length), or <see langword="null"/>.</summary>
    public string? Value { get; init; }

    /// <summary>
    /// Gets every 0-based column concerned when the problem concerns several cells of the row (for
    /// <see cref="IssueCodes.CellError"/>: every cell holding an Excel error, <see cref="Column"/> being the first), or an empty
    /// list. For <see cref="IssueCodes.CellError"/> the pipeline rejects the row only when one of them is mapped to a field.
    /// </summary>
    public IReadOnlyList<int> Columns { get; init; } = [];
}
