namespace Import.Sdk;

/// <summary>A check that looks at several fields of one record (for example TTC ≥ HT, or a RIB key). Reports issues; never throws for bad data.</summary>
/// <remarks>Rules are called for several rows at once from different threads (see <see cref="ImportOptions.MaxDegreeOfParallelism"/>): keep no per-record state in fields.</remarks>
public interface IRecordRule
{
    /// <summary>Checks a record.</summary>
    /// <param name="record">The converted record, with the means to report issues.</param>
    void Validate(RecordContext record);
}
