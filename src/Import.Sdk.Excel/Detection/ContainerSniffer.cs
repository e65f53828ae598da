using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Detection;

/// <summary>
/// Recognises workbook containers from the first bytes of a file (<see cref="ITabularReaderProvider.CanRead"/> sees at
/// most 64 KiB): ZIP (XLSX/XLSM/XLSB/Apple Numbers, told apart by the entry names of the local file headers visible
/// there), OLE2 compound files (XLS, encrypted workbooks) and bare BIFF2–BIFF5 worksheet streams.
/// </summary>
internal static class ContainerSniffer
{
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8);

    public static bool IsOle2(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>A BIFF BOF record at offset 0 (Excel 2.x–5.0 files saved without an OLE2 container).</summary>
    public static bool IsBareBiff(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8 || head[0] != 0x09 || head[1] is not (0x00 or 0x02 or 0x04 or 0x08))
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(head[2..]);
        var type = BinaryPrimitives.ReadUInt16LittleEndian(head[6..]);
        return length is >= 4 and <= 20 && type is 0x0005 or 0x0010 or 0x0020 or 0x0040 or 0x0100;
    }

    /// <summary>The entry names of the ZIP local file headers found in <paramref name="head"/>, in order.</summary>
    public static IEnumerable<string> ZipEntryNames(byte[] head)
    {
        var offset = 0;
        while (offset + 30 <= head.Length && BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(offset)) == 0x04034B50)
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(offset + 6));
            var compressed = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(offset + 18));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(offset + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(offset + 28));
            if (offset + 30 + nameLength > head.Length)
            {
                yield break;
            }

            yield return Encoding.UTF8.GetString(head, offset + 30, nameLength);
            if ((flags & 0x08) != 0 && compressed == 0)
            {
                yield break; // sizes in a data descriptor after the data: the next header cannot be located
            }

            var next = (long)offset + 30 + nameLength + extraLength + compressed;
            if (next > head.Length)
            {
                yield break;
            }

            offset = (int)next;
        }
    }

    public static ZipKind Classify(IEnumerable<string> names)
    {
        foreach (var raw in names)
        {
            var name = raw.Replace('\\', '/');
            if (IsNumbersPart(name))
            {
                return ZipKind.AppleNumbers;
            }

            if (name.EndsWith("workbook.bin", StringComparison.OrdinalIgnoreCase))
            {
                return ZipKind.Xlsb;
            }

            if (name.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase))
            {
                return ZipKind.Xlsx;
            }
        }

        return ZipKind.Unknown;
    }

    public static bool IsNumbersPart(string name) =>
        name.EndsWith(".iwa", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Index.zip", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Index/", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a ZIP holds, as far as its first entries tell.</summary>
    internal enum ZipKind
    {
        Unknown,
        Xlsx,
        Xlsb,
        AppleNumbers,
    }
}
