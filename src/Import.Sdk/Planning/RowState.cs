namespace Import.Sdk.Planning;

/// <summary>
/// One data row on its way through the pipeline. Lives for one batch, unless deferred (forward reference) or rejected (kept for the errors file as its cells).
/// An accepted row is recycled for a later row of the file (<see cref="Recyclable"/>): its cells array always, its values array only when nothing was written from it.
/// </summary>
internal sealed class RowState
{
    public RowState(int row, string[] cells, object?[] values) => Reset(row, cells, values);

    public int Row { get; private set; }

    /// <summary>Gets or sets the number of cells the reader found on the row.</summary>
    public int FieldCount { get; set; }

    /// <summary>Gets or sets what the reader found wrong with the row (a workbook error cell), if anything.</summary>
    public string? ReaderProblem { get; set; }

    /// <summary>Gets or sets the issues found while converting (possibly on another thread), reported in row order when the row is staged.</summary>
    public List<ImportIssue>? Pending { get; set; }

    /// <summary>Gets or sets a value indicating whether the row was staged: its issues go straight to the report from then on.</summary>
    public bool Staged { get; set; }
    public string[] Cells { get; private set; } = null!;
    public object?[] Values { get; private set; } = null!;
    public bool Rejected { get; set; }
    public List<string>? Errors { get; set; }
    public string? Key { get; set; }

    /// <summary>Gets or sets the hash of <see cref="Key"/> for the key registry, computed while converting (where the key is hot).</summary>
    public int KeyHash { get; set; }
    public bool KeyRegistered { get; set; }
    public int KeyEntry { get; set; }
    public bool LookedUp { get; set; }
    public object?[]? Existing { get; set; }

    /// <summary>Gets or sets a value indicating whether the row was accepted and nothing keeps it: it may carry a later row.</summary>
    public bool Recyclable { get; set; }

    public void Reset(int row, string[] cells, object?[] values)
    {
        Row = row;
        Cells = cells;
        Values = values;
        FieldCount = 0;
        ReaderProblem = null;
        Pending = null;
        Staged = false;
        Rejected = false;
        Errors = null;
        Key = null;
        KeyRegistered = false;
        KeyEntry = -1;
        LookedUp = false;
        Existing = null;
        Recyclable = false;
    }
}
