namespace Import.Sdk.Excel.Reading;

/// <summary>Reads the physical rows of one sheet, in file order, into a <see cref="RowBuffer"/>.</summary>
internal interface IRowSource : IDisposable
{
    /// <summary>Gets an estimate of the bytes of the file consumed so far, for progress.</summary>
    long BytesRead { get; }

    /// <summary>Reads the next row (possibly empty) into <paramref name="row"/>, cleared first.</summary>
    /// <returns><see langword="false"/> at the end of the sheet.</returns>
    bool TryReadRow(RowBuffer row);
}
