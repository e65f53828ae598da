using Import.Sdk.Pipeline;
using Import.Sdk.Planning;

namespace Import.Sdk.Tests.Documents;

/// <summary>The cells a document import holds per accepted row, packed in one string.</summary>
public class PackedCellsTests
{
    [Fact]
    public void Pack_StringsCharactersEmptyAndLongCells_UnpackAsTheyWere()
    {
        var chars = "abcdé".ToCharArray();
        var longCell = new string('x', 70_000); // a length past 16 bits
        var row = new RowState(2, ["first", null, string.Empty, longCell, null], new object?[1])
        {
            CellChars = chars,
            CellBounds = [1, 3], // slot 0: "bcd"
        };

        var packed = PackedCells.Pack(row, [-1, 0, -1, -1, -1]);

        Assert.Equal(["first", "bcd", string.Empty, longCell, string.Empty], PackedCells.Unpack(packed));
    }

    [Fact]
    public void Pack_NoCells_IsEmpty() =>
        Assert.Empty(PackedCells.Unpack(PackedCells.Pack(new RowState(2, [], []), [])));
}
