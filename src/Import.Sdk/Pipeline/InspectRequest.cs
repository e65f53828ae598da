namespace Import.Sdk;

/// <summary>
/// One inspection for a mapping screen (<see cref="IImportPipeline.InspectAsync"/>): the source, and optionally the number of
/// rows to show, a learned profile and reader options — as <see cref="ImportRequest"/> is for an import.
/// </summary>
public sealed class InspectRequest
{
    /// <summary>Initializes a new instance of the <see cref="InspectRequest"/> class.</summary>
    /// <param name="source">The file.</param>
    public InspectRequest(ImportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
    }

    /// <summary>Gets the file.</summary>
    public ImportSource Source { get; }

    /// <summary>Gets the number of data rows to return (default 10; 0 reads the header only).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int Rows
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 10;

    /// <summary>Gets a profile saved from a previous import of the same layout, used by the suggested mapping, or <see langword="null"/>.</summary>
    public ImportProfile? LearnedProfile { get; init; }

    /// <summary>Gets the reader options (the sheet, the encoding…), overriding the pipeline's; <see langword="null"/> keeps them.</summary>
    public ReaderOptions? Reader { get; init; }
}
