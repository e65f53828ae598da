using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Corpus;

/// <summary>
/// What reading a corpus file must give (SOURCES.md, "expected" column): the sheet read, its header and a sample of
/// cells by A1 reference with their row numbers — or the exact error. Messages are the English ones.
/// </summary>
public sealed record CorpusCase(string File)
{
    /// <summary>Gets the sheet requested (<see cref="ReaderOptions.Sheet"/>), or null for the default.</summary>
    public string? Sheet { get; init; }

    public string? Format { get; init; }

    public string? SheetRead { get; init; }

    public string[]? Sheets { get; init; }

    public int HeaderRow { get; init; } = 1;

    public string[]? Header { get; init; }

    /// <summary>Gets cells by A1 reference (the header row included) and their expected text.</summary>
    public (string Cell, string Text)[] Cells { get; init; } = [];

    public int? DataRows { get; init; }

    public int? LastRow { get; init; }

    /// <summary>Gets the exact message of the <see cref="MalformedFileException"/> expected instead of data.</summary>
    public string? Error { get; init; }

    /// <summary>Gets further checks.</summary>
    internal Action<SheetContent>? Also { get; init; }

    public override string ToString() => Sheet is null ? File : $"{File} [{Sheet}]";
}
