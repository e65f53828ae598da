namespace Import.Sdk.Pipeline;

/// <summary>
/// One data row on its way through the pipeline. Lives for one batch, unless deferred (forward reference) or rejected (kept for the errors file as its cells).
/// An accepted row is recycled for a later row of the file (<see cref="Recyclable"/>): its cells array always, its values array only when nothing was written from it.
/// </summary>
internal sealed class RowState
{
    public RowState(int row, string?[] cells, object?[] values) => Reset(row, cells, values);

    public int Row { get; private set; }

    /// <summary>Gets or sets the number of cells the reader found on the row.</summary>
    public int FieldCount { get; set; }

    /// <summary>Gets or sets what the reader found wrong with the row (a workbook error cell), if anything.</summary>
    public ReadProblem? ReaderProblem { get; set; }

    /// <summary>
    /// Gets or sets the issues found on the row and not yet in the report: each stage adds to them (conversion possibly on
    /// another thread), the planner hands them to the report in row order.
    /// </summary>
    public List<ImportIssue>? Pending { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the row's cells were converted to <see cref="Values"/>: false when the reader
    /// could not split the row into cells (nothing more can be said of them: no rule runs, no key).
    /// </summary>
    public bool HasValues { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether <see cref="Values"/> went to a change writer that keeps it past the batch
    /// (<see cref="Planning.IChangeWriter.KeepsValues"/>): the row, when recycled, gets a new array.
    /// </summary>
    public bool ValuesKept { get; set; }
    /// <summary>
    /// Gets the row's cells. A cell kept as characters (see <see cref="CellChars"/>) is <see langword="null"/> here until
    /// <see cref="MaterializeCells"/> makes it a string (for the errors file).
    /// </summary>
    public string?[] Cells { get; private set; } = null!;

    /// <summary>Gets or sets the buffer the row's cells kept as characters are in, or <see langword="null"/> for none.</summary>
    public char[]? CellChars { get; set; }

    /// <summary>Gets or sets, per column kept as characters, where its cell starts in <see cref="CellChars"/> and its length.</summary>
    public int[]? CellBounds { get; set; }

    /// <summary>Gets a cell of the row as characters, wherever it is kept.</summary>
    /// <param name="column">The column.</param>
    /// <param name="slot">The column's place among those kept as characters, or -1.</param>
    /// <returns>The cell.</returns>
    public ReadOnlySpan<char> Cell(int column, int slot) => Cells[column] is { } text
        ? text
        : CellChars.AsSpan(CellBounds![2 * slot], CellBounds[(2 * slot) + 1]);

    /// <summary>Makes strings of the cells kept as characters: the row is kept past its batch (rejected, or waiting for a reference).</summary>
    /// <param name="slots">Per column, its place among the columns kept as characters, or -1.</param>
    public void MaterializeCells(int[] slots)
    {
        if (CellChars is null)
        {
            return;
        }

        for (var column = 0; column < Cells.Length && column < slots.Length; column++)
        {
            if (Cells[column] is null && slots[column] >= 0)
            {
                Cells[column] = new string(Cell(column, slots[column]));
            }
        }

        CellChars = null;
    }
    public object?[] Values { get; private set; } = null!;
    public bool Rejected { get; set; }
    public List<string>? Errors { get; set; }
    public string? Key { get; set; }

    /// <summary>Gets or sets the hash of <see cref="Key"/> for the key registry, computed while converting (where the key is hot).</summary>
    public int KeyHash { get; set; }

    /// <summary>Gets or sets the typed key the sink is given (look-up and change), made when the row is first looked up.</summary>
    public RecordKey? SinkKey { get; set; }
    public bool KeyRegistered { get; set; }
    public int KeyEntry { get; set; }
    public bool LookedUp { get; set; }
    public object?[]? Existing { get; set; }

    /// <summary>Gets or sets a value indicating whether the row was accepted and nothing keeps it: it may carry a later row.</summary>
    public bool Recyclable { get; set; }

    /// <summary>Adds an issue found on the row (see <see cref="Pending"/>); an error rejects the row and joins its errors-file text.</summary>
    /// <param name="issue">The issue.</param>
    /// <param name="errorText">The issue as the errors file shows it, for an error.</param>
    public void AddIssue(ImportIssue issue, string? errorText)
    {
        (Pending ??= []).Add(issue);
        if (errorText is not null)
        {
            Rejected = true;
            (Errors ??= []).Add(errorText);
        }
    }

    public void Reset(int row, string?[] cells, object?[] values)
    {
        Row = row;
        Cells = cells;
        Values = values;
        CellChars = null;
        FieldCount = 0;
        ReaderProblem = null;
        Pending = null;
        HasValues = false;
        ValuesKept = false;
        Rejected = false;
        Errors = null;
        Key = null;
        SinkKey = null;
        KeyRegistered = false;
        KeyEntry = -1;
        LookedUp = false;
        Existing = null;
        Recyclable = false;
    }
}
