namespace Import.Sdk.Excel.Packaging;

/// <summary>
/// A read-only stream over an XML part that bounds what an <see cref="System.Xml.XmlReader"/> must hold whole in memory: a tag
/// (its name and attributes, which the reader keeps in one buffer, and OpenXml's reader turns into strings) longer than
/// <see cref="MaxTagBytes"/> throws <see cref="MarkupTooLongException"/>. Excel's longest tags are well under 1 KB; without the
/// bound, a 50 KB part inflating to one 50 MB attribute cost some 200 MB. With <c>boundTexts</c>, a text (anything between two
/// tags) is bounded too: for the small parts (workbook, styles, relationships), read by readers that hold their texts whole; the
/// sheet and the shared strings stream their texts (<see cref="Xlsx.XlsxXmlReader"/>) and count a text too long as a row problem.
/// The check looks at the bytes after the last <c>&lt;</c> of each read (a few bytes on a genuine part), so reading costs no
/// extra pass. Comments and CDATA sections (<c>&lt;!</c>) are texts.
/// </summary>
internal sealed class MarkupGuardStream(Stream inner, bool boundTexts) : Stream
{
    /// <summary>The longest tag (or, with <c>boundTexts</c>, text) accepted, in bytes.</summary>
    public const int MaxTagBytes = 1 << 20;

    private bool _inTag;
    private byte _quote; // the quote of the attribute value being read, or 0
    private long _run; // bytes of the current tag (or text) read so far

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Check(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Check(buffer.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Check(ReadOnlySpan<byte> bytes)
    {
        var first = bytes.IndexOf((byte)'<');
        if (first < 0)
        {
            Advance(bytes);
            return bytes.Length;
        }

        Advance(bytes[..first]); // the end of the tag or text under way
        var last = bytes.LastIndexOf((byte)'<'); // what lies between is shorter than this read
        _inTag = true;
        _quote = 0;
        _run = 0;
        Advance(bytes[(last + 1)..]);
        return bytes.Length;
    }

    /// <summary>Follows the bytes of the current tag or text (no '&lt;' among them), checking its length.</summary>
    private void Advance(ReadOnlySpan<byte> bytes)
    {
        if (_inTag && _run == 0 && !bytes.IsEmpty && bytes[0] == (byte)'!')
        {
            _inTag = false; // a comment or CDATA section: a text
        }

        while (_inTag && !bytes.IsEmpty)
        {
            var next = _quote != 0 ? bytes.IndexOf(_quote) : bytes.IndexOfAny((byte)'"', (byte)'\'', (byte)'>');
            if (next < 0)
            {
                break; // the tag goes on
            }

            _run += next + 1;
            var found = bytes[next];
            bytes = bytes[(next + 1)..];
            if (_quote != 0)
            {
                _quote = 0; // the attribute value ends
            }
            else if (found == (byte)'>')
            {
                Bound(); // the tag ends: checked whole, then what follows it is a text
                _inTag = false;
                _run = 0;
            }
            else
            {
                _quote = found;
            }
        }

        _run += bytes.Length;
        if (_inTag || boundTexts)
        {
            Bound();
        }
    }

    private void Bound()
    {
        if (_run > MaxTagBytes)
        {
            throw new MarkupTooLongException();
        }
    }
}

/// <summary>An XML tag (or text) longer than <see cref="MarkupGuardStream.MaxTagBytes"/>; <see cref="Reading.ExcelThrow.Describe"/> words it.</summary>
internal sealed class MarkupTooLongException() : Exception("an XML tag longer than any Excel writes");
