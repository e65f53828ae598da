namespace Import.Sdk.Excel.Xls;

/// <summary>
/// The cells of a sheet met so far: a bit a cell for the 256 columns of an XLS sheet (32 bytes a row, at most 2 MiB for
/// 65,536 rows), a set for the columns past them (which only a damaged or hand-made file holds).
/// </summary>
internal sealed class XlsCellSet
{
    private const int MaxFar = 1 << 16;

    private ulong[] _bits = [];
    private HashSet<long>? _far;

    /// <summary>Adds a cell; <see langword="false"/> when it was already there.</summary>
    public bool Add(int row, int column)
    {
        if (column >= 256)
        {
            // past XLS's last column (IV): only a damaged or hand-made file; followed up to a bound, so memory stays small
            _far ??= [];
            return _far.Count >= MaxFar || _far.Add(((long)row << 16) | (uint)column);
        }

        var word = (row * 4) + (column >> 6);
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, Math.Min(_bits.Length * 2, 65536 * 4)));
        }

        var bit = 1UL << (column & 63);
        if ((_bits[word] & bit) != 0)
        {
            return false;
        }

        _bits[word] |= bit;
        return true;
    }
}
