namespace Import.Sdk.Excel.Xls;

/// <summary>
/// What the record-level pass (<see cref="XlsErrorCells"/>) found in one XLS sheet beside ExcelDataReader: its error cells
/// (packed, sorted by row then column) and the cached text of the formulas whose STRING record does not follow the FORMULA
/// record directly (array and data-table formulas: ARRAY or TABLE records in between), which ExcelDataReader 3.6 reads as
/// empty.
/// </summary>
internal sealed class XlsSheetCells(long[] errors, (long Cell, string Text)[] texts)
{
    /// <summary>Gets the error cells, packed as <see cref="XlsErrorCells.Pack"/> does, sorted.</summary>
    public long[] Errors => errors;

    /// <summary>
    /// Gets the cached texts of formulas ExcelDataReader may leave empty, each with its cell packed as
    /// <see cref="XlsErrorCells.Pack"/> does (code 0), sorted by cell.
    /// </summary>
    public (long Cell, string Text)[] Texts => texts;
}
