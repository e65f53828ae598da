namespace Import.Sdk;

/// <summary>The outcome counts of an import.</summary>
/// <param name="Rows">The data rows read (empty rows not counted), plus the row from which the file could not be read, if it could not be read to its end (see <see cref="ImportReport.UnreadFromRow"/>).</param>
/// <param name="Inserted">The rows inserted.</param>
/// <param name="Updated">The rows that changed an existing record.</param>
/// <param name="Unchanged">The rows whose record exists with no mapped field different: nothing written.</param>
/// <param name="Rejected">The rows with at least one error, plus the row from which the file could not be read, if any.</param>
public sealed record ImportTotals(long Rows, long Inserted, long Updated, long Unchanged, long Rejected);
