namespace Import.Sdk;

/// <summary>
/// Declares that an <see cref="IFieldValidator"/> or an <see cref="IRecordRule"/> may be called by several threads at once.
/// </summary>
/// <remarks>
/// Rows are converted and checked on several threads (<see cref="ImportOptions.MaxDegreeOfParallelism"/>). A validator or rule
/// that does not implement this interface is never called by two threads at once: the pipeline takes a lock around each of its
/// calls (one lock per instance, whatever the number of fields or entities it serves). Implement it on a check that keeps no
/// state between calls, or guards the state it keeps, so that its calls run in parallel; the built-in validators and rules do.
/// The interface has no member: it is a declaration, read once per import.
/// </remarks>
#pragma warning disable CA1040 // Avoid empty interfaces: a deliberate marker, tested by type once per import (see remarks).
public interface IThreadSafeCheck
#pragma warning restore CA1040
{
}
