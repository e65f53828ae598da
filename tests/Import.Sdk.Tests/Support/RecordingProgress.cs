namespace Import.Sdk.Tests.Support;

/// <summary>A synchronous <see cref="IProgress{T}"/> (unlike <see cref="Progress{T}"/>, which posts): records every report, optionally reacts to it.</summary>
internal sealed class RecordingProgress(Action<ImportProgress>? onReport = null) : IProgress<ImportProgress>
{
    public List<ImportProgress> Reports { get; } = [];

    public void Report(ImportProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
