using System.Text.Unicode;

namespace Import.Sdk;

/// <summary>A reader that copies the current row's cells in one call (no interface call per cell on the reading path).</summary>
internal interface IRowCellReader
{
    /// <summary>
    /// Fills <paramref name="cells"/> with the current row's cells as <see cref="ITabularReader.GetString"/> gives them (an
    /// empty string past the row's last cell). The cells of the columns <paramref name="chars"/> takes are decoded into it
    /// instead, their place in <paramref name="cells"/> left <see langword="null"/> and their bounds written to
    /// <paramref name="bounds"/>: no string is made for a cell that only a number, a date or a code is read from.
    /// </summary>
    /// <param name="cells">The cells to fill, as many as it holds.</param>
    /// <param name="chars">The characters of the batch's cells that are not made strings, or <see langword="null"/> for none.</param>
    /// <param name="bounds">Per column of <paramref name="chars"/>, where its cell starts in it and its length.</param>
    void CopyCells(string?[] cells, CellChars? chars, int[]? bounds);
}

/// <summary>
/// Cells a batch keeps as characters, not strings: the columns whose fields are read as numbers, dates, booleans or codes.
/// One per batch object (<c>RowBatch</c>), cleared for each batch; its buffer is replaced (never overwritten) when it grows, so that the cells of the
/// rows read before stay where they are.
/// </summary>
internal sealed class CellChars(int[] slots)
{
    /// <summary>Gets, per column, its place among the columns kept as characters, or -1.</summary>
    public int[] Slots { get; } = slots;

    /// <summary>Gets the number of columns kept as characters.</summary>
    public int Count { get; } = slots.Count(s => s >= 0);

    /// <summary>Gets the buffer the cells of the batch are in (the rows keep the one they were read into).</summary>
    public char[] Buffer { get; private set; } = new char[1 << 14];

    private int _length;

    public void Clear() => _length = 0;

    /// <summary>Decodes a UTF-8 cell into the buffer (invalid sequences as U+FFFD, as in the reader's strings). Returns where it starts.</summary>
    public int Append(ReadOnlySpan<byte> utf8, out int length)
    {
        if (Buffer.Length - _length < utf8.Length)
        {
            var bigger = new char[Math.Max(Buffer.Length * 2, _length + utf8.Length)];
            Buffer.AsSpan(0, _length).CopyTo(bigger);
            Buffer = bigger;
        }

        var start = _length;
        var target = Buffer.AsSpan(start, utf8.Length);
        var i = 0;
        for (; i < utf8.Length && utf8[i] < 0x80; i++)
        {
            target[i] = (char)utf8[i]; // short ASCII cells (amounts, delays, codes): a loop beats a call
        }

        if (i < utf8.Length)
        {
            Utf8.ToUtf16(utf8[i..], Buffer.AsSpan(start + i), out _, out var rest);
            i += rest;
        }

        length = i;
        _length += length;
        return start;
    }
}
