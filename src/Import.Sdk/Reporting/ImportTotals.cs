namespace Import.Sdk;

/// <summary>The outcome counts of an import.</summary>
/// <param name="Rows">The data rows read (empty rows not counted).</param>
/// <param name="Inserted">The rows inserted.</param>
/// <param name="Updated">The rows that changed an existing record.</param>
/// <param name="Unchanged">The rows whose record exists with no mapped field different: nothing written.</param>
/// <param name="Rejected">The rows with at least one error.</param>
public sealed record ImportTotals(long Rows, long Inserted, long Updated, long Unchanged, long Rejected);
