using System.Buffers.Binary;
using System.Text;

namespace Import.Sdk.Excel.Tests.Support;

/// <summary>Writes a minimal OLE2 compound file (CFB v3, 512-byte sectors) holding one empty stream, as a Word or Outlook file would.</summary>
internal static class CompoundFile
{
    private const uint Free = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;

    public static byte[] WithStream(string streamName)
    {
        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3); // major version
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE); // byte order
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9); // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6); // 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1); // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1); // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096); // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain); // first mini FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain); // first DIFAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[76..], 0); // DIFAT[0]: the FAT is sector 0
        for (var i = 1; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], Free);
        }

        var fat = file.AsSpan(512, 512);
        for (var i = 0; i < 128; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], Free);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], EndOfChain); // the directory

        var directory = file.AsSpan(1024, 512);
        Entry(directory[..128], "Root Entry", type: 5, child: 1);
        Entry(directory.Slice(128, 128), streamName, type: 2, child: Free);
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type, uint child)
    {
        var bytes = Encoding.Unicode.GetBytes(name + "\0");
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)bytes.Length);
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free); // left sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], Free); // right sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], EndOfChain); // start sector
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], 0); // size
    }
}
