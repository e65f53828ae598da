namespace Import.Sdk.Tests.Support;

/// <summary>
/// Tests that measure the process's retained memory (<see cref="GC.GetTotalMemory(bool)"/>) run alone: another test class
/// allocating at the same time would be counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Memory measuring";
}
