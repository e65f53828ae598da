using System.Runtime.ExceptionServices;

namespace Import.Sdk.Pipeline;

/// <summary>
/// A batch of rows on its way from the reader to the planner, and the rows it recycles: the batch object is reused for a later
/// batch of the file, its accepted rows read again into (see <see cref="RowState.Recyclable"/>), so that rows and their arrays
/// stay with the thread that reuses them.
/// </summary>
internal sealed class RowBatch
{
    public RowBatch(int capacity, CellChars? chars)
    {
        Rows = new List<RowState>(capacity);
        Chars = chars;
    }

    /// <summary>Gets the batch's rows, in file order.</summary>
    public List<RowState> Rows { get; }

    /// <summary>Gets the accepted rows of earlier batches that nothing refers to any more: the next rows are read into them.</summary>
    public Stack<RowState> Free { get; } = new();

    /// <summary>Gets the characters of the batch's cells that are not made strings, when the reader can keep them so.</summary>
    public CellChars? Chars { get; }

    /// <summary>Gets or sets where the reader stood at the end of the batch (its progress).</summary>
    public long BytesRead { get; set; }

    /// <summary>Gets or sets the rows read in the file up to the end of the batch.</summary>
    public long RowsRead { get; set; }

    /// <summary>Gets or sets a value indicating whether the file has no row after this batch.</summary>
    public bool IsLast { get; set; }

    /// <summary>Gets or sets why the file could not be read past the batch, reported once the batch is planned.</summary>
    public (int Row, string Message, bool NothingRead)? ReadFailure { get; set; }

    /// <summary>Gets or sets what stopped reading or converting the batch: the run fails with it when the batch's turn to be planned comes.</summary>
    public ExceptionDispatchInfo? Failure { get; set; }

    /// <summary>Gets or sets the task that completes when the batch is converted (rows converted on other threads), or <see langword="null"/>.</summary>
    public TaskCompletionSource? Converted { get; set; }

    /// <summary>
    /// After planning: lets go of the rows' strings now (fewer objects survive a collection) and keeps the accepted rows for the
    /// next batch; a row kept past the batch (rejected, or waiting for a reference) gets its cells as strings, since the batch's
    /// characters are reused.
    /// </summary>
    /// <param name="cellSlots">Per column, its place among the columns kept as characters, or -1.</param>
    public void Recycle(int[] cellSlots)
    {
        foreach (var row in Rows)
        {
            if (row.Recyclable)
            {
                Array.Clear(row.Cells);
                if (!row.ValuesKept)
                {
                    Array.Clear(row.Values); // values kept by the change writer stay as they are: the row gets a new array
                }

                row.Existing = null;
                row.Key = null;
                Free.Push(row);
            }
            else
            {
                row.MaterializeCells(cellSlots);
            }
        }

        Rows.Clear();
    }
}
