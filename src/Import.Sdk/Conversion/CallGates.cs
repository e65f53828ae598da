namespace Import.Sdk.Conversion;

/// <summary>
/// The locks that keep a host's <see cref="IFieldValidator"/> or <see cref="IRecordRule"/> from being called by two threads at
/// once when rows are converted on several (<see cref="ImportOptions.MaxDegreeOfParallelism"/>): one per instance that does
/// not declare itself thread-safe (<see cref="IThreadSafeCheck"/>), shared by every field and rule it serves. Made whole when
/// the run starts, read-only after: the converting threads share it.
/// </summary>
internal sealed class CallGates
{
    private readonly Dictionary<object, Lock>? _gates;

    /// <summary>Creates the gates of a run.</summary>
    /// <param name="entity">The entity whose validators and rules the run calls.</param>
    /// <param name="concurrent">Whether rows are converted on several threads; with one, no call needs a gate.</param>
    public CallGates(ImportEntity entity, bool concurrent)
    {
        if (!concurrent)
        {
            return;
        }

        _gates = new Dictionary<object, Lock>(ReferenceEqualityComparer.Instance);
        IEnumerable<object> checks = [.. entity.Schema.Fields.SelectMany(f => f.Validators), .. entity.Rules];
        foreach (var check in checks)
        {
            if (check is not IThreadSafeCheck)
            {
                _gates.TryAdd(check, new Lock());
            }
        }
    }

    /// <summary>Gets the lock calls to <paramref name="check"/> take, or <see langword="null"/> when it may be called concurrently.</summary>
    /// <param name="check">One of the entity's validators or rules.</param>
    public Lock? For(object check) => _gates is not null && _gates.TryGetValue(check, out var gate) ? gate : null;
}
