namespace Import.Sdk;

/// <summary>How far an import has gone, reported after each batch.</summary>
/// <param name="RowsDone">The data rows processed.</param>
/// <param name="BytesDone">The bytes of the file read.</param>
/// <param name="BytesTotal">The size of the file, when known.</param>
public readonly record struct ImportProgress(long RowsDone, long BytesDone, long? BytesTotal)
{
    /// <summary>Gets the percentage of the file read, when its size is known.</summary>
    public double? Percent => BytesTotal is > 0 ? Math.Min(100d, 100d * BytesDone / BytesTotal.Value) : null;
}
