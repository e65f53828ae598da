using System.Globalization;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Packaging;

/// <summary>
/// The bytes a workbook may inflate to, over every part read (<see cref="ExcelReaderOptions.MaxUncompressedBytes"/>).
/// Counted as the bytes come out of the decompressor, never trusted from the ZIP headers, so a ZIP bomb stops after the
/// limit in bounded time and memory.
/// </summary>
internal sealed class InflationBudget(long limit, CultureInfo ui)
{
    private bool _exceeded;

    public long Used { get; private set; }

    /// <summary>The language of the messages of the package's reading.</summary>
    public CultureInfo UiCulture => ui;

    /// <summary>
    /// Charges <paramref name="bytes"/> just inflated and returns how many of them may be used: all of them while the budget
    /// lasts, then those up to the limit (so that everything within the limit is read), then none: the next read past the
    /// limit throws.
    /// </summary>
    public int Consume(int bytes)
    {
        var left = limit - Used;
        if (bytes <= left && !_exceeded)
        {
            Used += bytes;
            return bytes;
        }

        if (left <= 0 || _exceeded)
        {
            ExcelThrow.TooLarge(ui, limit);
        }

        _exceeded = true; // bytes past the limit were dropped: the next read throws, even at the end of the part
        Used = limit;
        return (int)left;
    }
}
