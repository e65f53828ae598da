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
    public long Used { get; private set; }

    public void Consume(int bytes)
    {
        Used += bytes;
        if (Used > limit)
        {
            ExcelThrow.TooLarge(ui, limit);
        }
    }
}
