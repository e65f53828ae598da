using System.Globalization;
using System.Text;

namespace Import.Sdk.Tests.Readers;

/// <summary>Issue 16 item 9: a preview (and so an inspection) holds a bounded amount of text whatever the file.</summary>
public class FilePreviewBoundsTests
{
    [Fact]
    public async Task ReadAsync_CellOverMaxCellLength_IsCutWithTheMarkerAndTheOthersAreWhole()
    {
        var longCell = new string('a', FilePreview.MaxCellLength + 1);
        var exact = new string('b', FilePreview.MaxCellLength);

        var preview = await PreviewAsync($"Code;Note;Autre\nC1;{longCell};{exact}\n", rows: 10);

        Assert.True(preview.Truncated);
        Assert.Equal(["C1", new string('a', FilePreview.MaxCellLength) + "… (1,001 characters)", exact], preview.Rows[0]);
    }

    [Fact]
    public async Task ReadAsync_HeaderCellOverMaxCellLength_IsCutAsADataCellIs()
    {
        var longHeader = new string('h', 5_000);

        var preview = await PreviewAsync($"Code;{longHeader}\nC1;x\n", rows: 10);

        Assert.True(preview.Truncated);
        Assert.Equal(["Code", new string('h', FilePreview.MaxCellLength) + "… (5,000 characters)"], preview.Header);
        Assert.Equal(["C1", "x"], preview.Rows[0]);
    }

    [Fact]
    public async Task ReadAsync_CutFallingInASurrogatePair_KeepsThePairWhole()
    {
        // the 1,000th and 1,001st characters are one emoji: cutting between them would leave half a character (invalid UTF-16, which no JSON writer takes)
        var cell = new string('a', FilePreview.MaxCellLength - 1) + "😀" + "bbb";

        var preview = await PreviewAsync($"Code;Note\nC1;{cell}\n", rows: 10);

        Assert.Equal(new string('a', FilePreview.MaxCellLength - 1) + "… (1,004 characters)", preview.Rows[0][1]);
    }

    [Fact]
    public async Task ReadAsync_ManyLongRows_StopsOnceTheBudgetIsSpent()
    {
        // 100 rows of 20 cells of 2,000 characters: cut to 1,001 characters, they still hold about twice the budget
        const int Columns = 20;
        var text = new StringBuilder(string.Join(";", Enumerable.Range(1, Columns).Select(c => "C" + c))).Append('\n');
        for (var i = 0; i < 100; i++)
        {
            text.AppendJoin(';', Enumerable.Repeat(new string('z', 2000), Columns)).Append('\n');
        }

        var preview = await PreviewAsync(text.ToString(), rows: 100);

        Assert.True(preview.Truncated);
        var characters = preview.Rows.Sum(r => r.Sum(c => (long)c.Length));
        Assert.InRange(characters, 1, FilePreview.MaxCharacters + (Columns * (FilePreview.MaxCellLength + 1)));
        Assert.InRange(preview.Rows.Count, 1, 99);
        Assert.Equal(preview.Rows.Count, preview.RowNumbers.Count);
        Assert.Equal(preview.Rows.Count, preview.Problems.Count);
    }

    [Fact]
    public async Task ReadAsync_SmallFile_IsNotTruncated()
    {
        var preview = await PreviewAsync("Code;Nom\nC1;Dupont\n", rows: 10);

        Assert.False(preview.Truncated);
        Assert.Equal(["C1", "Dupont"], preview.Rows[0]);
    }

    private static async Task<FilePreview> PreviewAsync(string text, int rows) =>
        await FilePreview.ReadAsync(ImportSource.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "upload.csv"), rows, new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("en-US") });
}
