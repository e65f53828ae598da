namespace Import.Sdk;

/// <summary>The outcome counts of an import.</summary>
public sealed record ImportTotals
{
    /// <summary>Initializes a new instance of the <see cref="ImportTotals"/> class.</summary>
    /// <param name="rows">The data rows read (empty rows not counted), plus the row from which the file could not be read, if it could not be read to its end (see <see cref="ImportReport.UnreadFromRow"/>).</param>
    /// <param name="inserted">The rows inserted.</param>
    /// <param name="updated">The rows that changed an existing record.</param>
    /// <param name="unchanged">The rows whose record exists with no mapped field different: nothing written.</param>
    /// <param name="rejected">The rows with at least one error, plus the row from which the file could not be read, if any.</param>
    public ImportTotals(long rows, long inserted, long updated, long unchanged, long rejected)
    {
        Rows = rows;
        Inserted = inserted;
        Updated = updated;
        Unchanged = unchanged;
        Rejected = rejected;
    }

    /// <summary>Gets the data rows read (empty rows not counted), plus the row from which the file could not be read, if it could not be read to its end (see <see cref="ImportReport.UnreadFromRow"/>).</summary>
    public long Rows { get; init; }

    /// <summary>Gets the rows inserted.</summary>
    public long Inserted { get; init; }

    /// <summary>Gets the rows that changed an existing record.</summary>
    public long Updated { get; init; }

    /// <summary>Gets the rows whose record exists with no mapped field different: nothing written.</summary>
    public long Unchanged { get; init; }

    /// <summary>Gets the rows with at least one error, plus the row from which the file could not be read, if any.</summary>
    public long Rejected { get; init; }
}
