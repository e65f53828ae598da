namespace Import.Sdk;

/// <summary>How far an import has gone, reported after each batch.</summary>
public readonly record struct ImportProgress
{
    /// <summary>Initializes a new instance of the <see cref="ImportProgress"/> structure.</summary>
    /// <param name="rowsDone">The data rows processed.</param>
    /// <param name="bytesDone">The bytes of the file read.</param>
    /// <param name="bytesTotal">The size of the file, when known.</param>
    public ImportProgress(long rowsDone, long bytesDone, long? bytesTotal)
    {
        RowsDone = rowsDone;
        BytesDone = bytesDone;
        BytesTotal = bytesTotal;
    }

    /// <summary>Gets the data rows processed.</summary>
    public long RowsDone { get; init; }

    /// <summary>Gets the bytes of the file read.</summary>
    public long BytesDone { get; init; }

    /// <summary>Gets the size of the file, when known.</summary>
    public long? BytesTotal { get; init; }

    /// <summary>Gets the percentage of the file read, when its size is known.</summary>
    public double? Percent => BytesTotal is > 0 ? Math.Min(100d, 100d * BytesDone / BytesTotal.Value) : null;
}
