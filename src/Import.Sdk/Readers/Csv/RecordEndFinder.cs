namespace Import.Sdk.Readers.Csv;

/// <summary>
/// Finds where a CSV record ends, quotes understood as CsvHelper reads them (a quote opens a quoted field only at the start of
/// a field, <c>""</c> inside one is a quote, a line break inside one is part of the value). Fed block by block from the start
/// of the record; only used to skip a record too long to be read, so a plain loop is enough.
/// </summary>
internal struct RecordEndFinder(byte separator)
{
    private bool _inQuotes;
    private bool _quoteInQuotes; // a quote inside a quoted field: it closes the field, or starts a doubled quote
    private bool _afterCr;       // a CR that ends the record: an LF right after it belongs to the same line break
    private bool _fieldStarted = true;

    /// <summary>Gets whether the record has a quoted field still open where the bytes fed so far end.</summary>
    public readonly bool InQuotes => _inQuotes;

    /// <summary>Reads the next block of the record; returns the index just past its line break, or -1 when it goes on.</summary>
    public int Feed(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (_afterCr)
            {
                return b == (byte)'\n' ? i + 1 : i;
            }

            if (_quoteInQuotes)
            {
                _quoteInQuotes = false;
                if (b == (byte)'"')
                {
                    continue; // a doubled quote
                }

                _inQuotes = false; // the closing quote: this byte is read as outside the quotes
            }
            else if (_inQuotes)
            {
                if (b == (byte)'"')
                {
                    _quoteInQuotes = true;
                }

                continue;
            }

            if (b == (byte)'"' && _fieldStarted)
            {
                _inQuotes = true;
                _fieldStarted = false;
            }
            else if (b == separator)
            {
                _fieldStarted = true;
            }
            else if (b == (byte)'\n')
            {
                return i + 1;
            }
            else if (b == (byte)'\r')
            {
                _afterCr = true;
            }
            else
            {
                _fieldStarted = false;
            }
        }

        return -1;
    }
}
