namespace Import.Sdk.Excel.Cells;

/// <summary>What a cell's number format says about the number it holds.</summary>
internal enum NumberFormatKind : byte
{
    /// <summary>A plain number (General, decimals, currency, percent, text '@'…).</summary>
    Number,

    /// <summary>A date, possibly with a time of day (d, m as month, y).</summary>
    Date,

    /// <summary>A time of day alone (h, m as minutes, s, AM/PM).</summary>
    Time,

    /// <summary>An elapsed duration ([h], [m], [s]).</summary>
    Elapsed,
}
