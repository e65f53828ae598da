namespace Import.Sdk;

/// <summary>A check that looks at several fields of one record (for example TTC ≥ HT, or a RIB key). Reports issues; never throws for bad data.</summary>
/// <remarks>
/// Rows are checked on several threads (see <see cref="ImportOptions.MaxDegreeOfParallelism"/>). A rule is never called by two
/// threads at once unless it declares itself thread-safe by implementing <see cref="IThreadSafeCheck"/>; keep no per-record
/// state in fields either way (with several threads, a rule does not see the rows in file order).
/// </remarks>
public interface IRecordRule
{
    /// <summary>Checks a record.</summary>
    /// <param name="record">The converted record, with the means to report issues.</param>
    void Validate(RecordContext record);
}
