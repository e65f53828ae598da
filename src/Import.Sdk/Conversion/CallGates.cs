namespace Import.Sdk.Conversion;

/// <summary>
/// The locks that keep a host's <see cref="IFieldValidator"/> or <see cref="IRecordRule"/> from being called by two threads at
/// once when rows are converted on several (<see cref="ImportOptions.MaxDegreeOfParallelism"/>): one per instance that does
/// not declare itself thread-safe (<see cref="IThreadSafeCheck"/>), shared by every field and rule it serves. Built once per
/// run, read-only after: the converting threads share it.
/// </summary>
internal sealed class CallGates
{
    private readonly Dictionary<object, Lock>? _gates;

    /// <summary>Creates the gates of a run.</summary>
    /// <param name="concurrent">Whether rows are converted on several threads; with one, no call needs a gate.</param>
    public CallGates(bool concurrent) => _gates = concurrent ? new Dictionary<object, Lock>(ReferenceEqualityComparer.Instance) : null;

    /// <summary>Gets the lock calls to <paramref name="check"/> take, or <see langword="null"/> when it may be called concurrently.</summary>
    public Lock? For(object check)
    {
        if (_gates is null || check is IThreadSafeCheck)
        {
            return null;
        }

        if (!_gates.TryGetValue(check, out var gate))
        {
            gate = new Lock();
            _gates[check] = gate;
        }

        return gate;
    }
}
