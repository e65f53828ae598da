namespace Import.Sdk.Planning;

/// <summary>One data row on its way through the pipeline. Lives for one batch, unless deferred (forward reference) or rejected (kept for the errors file as its cells).</summary>
internal sealed class RowState(int row, string[] cells, object?[] values)
{
    public int Row { get; } = row;
    public string[] Cells { get; } = cells;
    public object?[] Values { get; } = values;
    public bool Rejected { get; set; }
    public List<string>? Errors { get; set; }
    public string? Key { get; set; }
    public bool KeyRegistered { get; set; }
    public int KeyEntry { get; set; } = -1;
    public bool LookedUp { get; set; }
    public object?[]? Existing { get; set; }
}
