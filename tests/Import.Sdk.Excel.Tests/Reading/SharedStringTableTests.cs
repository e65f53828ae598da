using System.Globalization;
using Import.Sdk.Excel.Reading;

namespace Import.Sdk.Excel.Tests.Reading;

/// <summary>
/// The shared strings are held as UTF-8 in pages (<see cref="PagedByteStore"/>), the pages past a memory budget in a temporary
/// file: every string reads back exactly, in memory or spilled, and the file goes with the table (issue 16, item 9).
/// </summary>
public class SharedStringTableTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Strings of every kind: empty, ASCII, accents, emoji (surrogate pairs), a lone surrogate, longer than a page.</summary>
    private static readonly string[] Kinds =
    [
        string.Empty,
        "Paris",
        "Élodie Müller, 12 rue de l'Église, Besançon",
        "😀 famille 👨‍👩‍👧 à Zürich",
        "東京都千代田区",
        "\uD800 lone high, lone low \uDC00",
        "ends with a high surrogate \uD83D",
        new string('x', 300),
        string.Concat(Enumerable.Repeat("é😀a", 100)),
        " ",
    ];

    public static TheoryData<int, long> Stores => new()
    {
        { PagedByteStore.DefaultPageSize, PagedByteStore.DefaultMemoryBudget }, // all in memory
        { 64, 128 }, // 64-byte pages, two in memory: nearly every string crosses pages, most of them in the file
        { 1000, 1000 }, // one page in memory, the rest spilled
    };

    [Theory]
    [MemberData(nameof(Stores))]
    public void Get_EveryKindOfString_ReadsBackExactly(int pageSize, long memoryBudget)
    {
        var strings = Strings(3000);
        using var table = Table(strings, pageSize, memoryBudget);

        Assert.Equal(strings.Count, table.Count);
        var random = new Random(16);
        foreach (var i in Enumerable.Range(0, strings.Count).OrderBy(_ => random.Next())) // random order: the page cache is churned
        {
            Assert.Equal(strings[i], table.Get(i));
        }

        for (var i = 0; i < strings.Count; i++)
        {
            Assert.Equal(strings[i], table.Get(i));
        }
    }

    [Fact]
    public void Add_PastTheMemoryBudget_SpillsToATemporaryFileThatDisposeDeletes()
    {
        var strings = Strings(500);
        var table = Table(strings, 64, 256);
        var path = table.SpillPath;

        Assert.NotNull(path);
        Assert.StartsWith(Path.GetTempPath(), path, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
        Assert.Equal(strings[499], table.Get(499));

        table.Dispose();
        table.Dispose(); // twice is harmless

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Add_WithinTheMemoryBudget_CreatesNoFile()
    {
        using var table = Table(Strings(2000), PagedByteStore.DefaultPageSize, PagedByteStore.DefaultMemoryBudget);

        Assert.Null(table.SpillPath);
    }

    [Fact]
    public void Get_TheSameIndexTwice_GivesTheSameInstance()
    {
        using var table = Table(["Paris", "Lyon", new string('z', 100_000)], 64, 128);

        Assert.Same(table.Get(0), table.Get(0));
        Assert.Same(table.Get(2), table.Get(2)); // long texts are cached too, within the cache's characters
        Assert.NotSame(table.Get(0), table.Get(1));
    }

    [Fact]
    public void Add_PastTheLimits_RefusesWithTheSameMessagesAfterSpilling()
    {
        using var count = new SharedStringTable(3, 1000, En, new PagedByteStore(64, 64));
        using var characters = new SharedStringTable(1000, 250, En, new PagedByteStore(64, 64));
        count.Add(new string('a', 100));
        count.Add("b");
        count.Add("c");
        characters.Add(new string('a', 200));
        characters.AddTooLong(new string('b', 50), 5000); // its start counts, not its length

        var tooMany = Assert.Throws<MalformedFileException>(() => count.Add("d"));
        var tooLong = Assert.Throws<MalformedFileException>(() => characters.Add("c"));

        Assert.Equal("The workbook holds more than 3 distinct texts: split it or save it as CSV.", tooMany.Message);
        Assert.Equal("The workbook's distinct texts hold more than 250 characters in all: split it or save it as CSV.", tooLong.Message);
        Assert.Equal(2, characters.Count); // the refused string was not added
    }

    [Fact]
    public void SetCell_StringTooLong_GivesItsRealLengthAndStart()
    {
        using var table = new SharedStringTable(10, 1000, En, new PagedByteStore(64, 64));
        table.Add("Code");
        table.AddTooLong(new string('q', 100), 3_000_000);
        var row = new RowBuffer(100, 1000, En) { RowNumber = 7 };

        table.SetCell(row, 1, 1, "1");

        var problem = row.DescribeProblem();
        Assert.Equal((IssueCodes.TooLong, 1), (problem?.Code, problem?.Column));
        Assert.Equal("The cell B7 holds 3,000,000 characters; at most 1,000 are accepted: shorten it or split it.", problem?.Message);
        Assert.Equal(new string('q', 100) + "…", problem?.Value);
    }

    [Fact]
    public void SetCell_IndexPastTheTable_IsADamagedWorkbook()
    {
        using var table = new SharedStringTable(10, 1000, En);
        table.Add("Code");
        var row = new RowBuffer(100, 1000, En) { RowNumber = 3 };

        var ex = Assert.Throws<MalformedFileException>(() => table.SetCell(row, 0, 1, "1"));

        Assert.Contains("A3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetCell_StringsPastTheRowsCharacters_AreNotHeldAndNameTheCellThatWentPast()
    {
        // five distinct texts of 2 million characters (ASCII and two-byte UTF-8): the fifth takes the row past 8 Mi characters
        var texts = new[] { 'a', 'é', 'b', 'ü', 'c' }.Select(c => new string(c, 2_000_000)).ToArray();
        using var table = Table(texts, 1 << 16, 1 << 20);
        var row = new RowBuffer(100, 1 << 21, En) { RowNumber = 2 };

        for (var i = 0; i < texts.Length; i++)
        {
            table.SetCell(row, i, (uint)i, "i");
        }

        Assert.Equal(texts[3], row.Get(3));
        Assert.Equal(string.Empty, row.Get(4));
        var problem = row.DescribeProblem();
        Assert.Equal((IssueCodes.TooLong, 4), (problem?.Code, problem?.Column));
        Assert.Equal("The cells of the row hold more than 8,388,608 characters in all (the cell E2 goes past that): shorten them or split the row.", problem?.Message);
        Assert.Equal(new string('c', 100) + "…", problem?.Value);
    }

    [Fact]
    public void Add_TemporaryFolderMissing_IsAnImportExceptionNamingTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "import-sdk-missing-" + Guid.NewGuid().ToString("N"));
        using var table = new SharedStringTable(int.MaxValue, long.MaxValue, En, new PagedByteStore(64, 64, En, folder));

        var ex = Assert.Throws<ImportException>(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                table.Add(new string('a', 50));
            }
        });

        Assert.StartsWith($"The workbook's distinct texts (shared strings) could not be kept in a temporary file in {folder} (", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("): free some space there, or point TMPDIR (TEMP on Windows) to a folder with room, and import it again.", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
    }

    [Fact]
    public void Read_AfterDispose_IsRefused()
    {
        var store = new PagedByteStore(64, 64);
        store.Append([1, 2, 3]);
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Read(0, 3).ToArray());
    }

    private static SharedStringTable Table(IReadOnlyList<string> strings, int pageSize, long memoryBudget)
    {
        var table = new SharedStringTable(int.MaxValue, long.MaxValue, En, new PagedByteStore(pageSize, memoryBudget));
        foreach (var text in strings)
        {
            table.Add(text);
        }

        return table;
    }

    /// <summary>The <see cref="Kinds"/> in turn with a running number, of lengths that put the page boundaries anywhere.</summary>
    private static List<string> Strings(int count) =>
        Enumerable.Range(0, count).Select(i => Kinds[i % Kinds.Length] + (i % 7 == 0 ? string.Empty : i.ToString(CultureInfo.InvariantCulture))).ToList();
}
