namespace Import.Sdk;

/// <summary>A reader that copies the current row's cells in one call (no interface call per cell on the reading path).</summary>
internal interface IRowCellReader
{
    /// <summary>Fills <paramref name="cells"/> with the current row's cells as <see cref="ITabularReader.GetString"/> gives them.</summary>
    /// <param name="cells">The cells to fill, as many as it holds (an empty string past the row's last cell).</param>
    void CopyCells(string[] cells);
}
