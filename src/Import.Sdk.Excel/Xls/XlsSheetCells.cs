namespace Import.Sdk.Excel.Xls;

/// <summary>
/// What the record-level pass (<see cref="XlsRecordPass"/>) found in one XLS sheet beside ExcelDataReader: its error cells
/// (packed, sorted by row then column) and the cached text of the formulas whose STRING record does not follow the FORMULA
/// record directly (array and data-table formulas: ARRAY or TABLE records in between), which ExcelDataReader 3.6 reads as
/// empty; and the LABELSST cells whose index is past the end of the shared-string table, which it also reads as empty.
/// </summary>
internal sealed class XlsSheetCells(long[] errors, (long Cell, string Text)[] texts, (long Cell, long Index)[] missingTexts, long sharedStrings)
{
    public XlsSheetCells(long[] errors, (long Cell, string Text)[] texts)
        : this(errors, texts, [], 0)
    {
    }

    /// <summary>
    /// Gets the LABELSST cells whose 0-based index is not less than <see cref="SharedStrings"/>, each with its cell packed as
    /// <see cref="XlsRecordPass.Pack"/> does (code 0), sorted by cell; and, with the index <see cref="XlsRecordPass.UnreadCell"/>,
    /// the cells whose record directly follows a FORMULA with a text result but no STRING record: ExcelDataReader takes that
    /// record for the missing STRING and drops it.
    /// </summary>
    public (long Cell, long Index)[] MissingTexts => missingTexts;

    /// <summary>Gets the number of unique strings the workbook's shared-string table declares (0 without one).</summary>
    public long SharedStrings => sharedStrings;

    /// <summary>Gets the error cells, packed as <see cref="XlsRecordPass.Pack"/> does, sorted.</summary>
    public long[] Errors => errors;

    /// <summary>
    /// Gets the cached texts of formulas ExcelDataReader may leave empty, each with its cell packed as
    /// <see cref="XlsRecordPass.Pack"/> does (code 0), sorted by cell.
    /// </summary>
    public (long Cell, string Text)[] Texts => texts;
}
