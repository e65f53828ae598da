using Import.Sdk.Planning;

namespace Import.Sdk.Tests.Planning;

/// <summary>The key registry keeps keys exactly, in one byte a character when it can, and never confuses two keys.</summary>
public class KeyRegistryTests
{
    [Fact]
    public void Register_FindsEarlierOccurrences_ExactlyAcrossNarrowWideAndLongKeys()
    {
        var registry = new KeyRegistry();
        string[] keys = ["C0000001", "Société Générale", "Ωmega", "日本", "é", new string('x', 20_000), new string('Ω', 9_000), "C0000001\u001F2", string.Empty];
        for (var i = 0; i < keys.Length; i++)
        {
            registry.Register(keys[i], i + 2, out var seen, out _);
            Assert.False(seen);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            registry.Register(keys[i], 100, out var seen, out var firstRow);
            Assert.True(seen);
            Assert.Equal(i + 2, firstRow);
        }

        // Same length, same Latin-1 bytes for a wide look-alike: never equal.
        registry.Register("Societe Generale", 200, out var other, out _);
        Assert.False(other);
        registry.Register("\u0143", 201, out var wide, out _);
        Assert.False(wide);
        Assert.Equal(keys.Length + 2, registry.Count);
    }

    [Fact]
    public void ManyKeys_GrowPagesChunksAndSlots_AndStayExact()
    {
        var registry = new KeyRegistry();
        const int count = 200_000;
        for (var i = 0; i < count; i++)
        {
            var entry = registry.Register(Key(i), i, out var seen, out _);
            Assert.False(seen);
            if (i % 3 == 0)
            {
                registry.Accept(entry);
            }
        }

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i % 3 == 0, registry.IsAccepted(Key(i)));
            registry.Register(Key(i), -1, out var seen, out var firstRow);
            Assert.True(seen);
            Assert.Equal(i, firstRow);
        }

        Assert.False(registry.IsAccepted(Key(count)));
        Assert.Equal(count, registry.Count);

        static string Key(int i) => i % 7 == 0 ? $"Client Ω {i}" : $"Client é {i}";
    }

    [Theory]
    [InlineData(0, 50_000)] // no hint: the table doubles
    [InlineData(50_000, 50_000)] // the right size at once
    [InlineData(5_000, 50_000)] // a hint too small: it still grows past it
    public void EnsureCapacity_ThenRegisterWithPrecomputedHashes_FindsEveryKeyExactly(int hint, int count)
    {
        var registry = new KeyRegistry();
        registry.Register("before the hint", 1, out _, out _);
        registry.EnsureCapacity(hint);
        for (var i = 0; i < count; i++)
        {
            var key = $"C{i:D7}";
            Assert.Equal(registry.Prefetch(KeyRegistry.Hash(key)), registry.Prefetch(KeyRegistry.Hash(key)));
            registry.Register(key, KeyRegistry.Hash(key), i + 2, out var seen, out _);
            Assert.False(seen);
        }

        registry.Register("before the hint", 0, out var again, out var first);
        Assert.True(again);
        Assert.Equal(1, first);
        for (var i = 0; i < count; i += 7)
        {
            registry.Register($"C{i:D7}", -1, out var seen, out var firstRow);
            Assert.True(seen);
            Assert.Equal(i + 2, firstRow);
        }

        Assert.Equal(count + 1, registry.Count);
    }

    [Fact]
    public void KeysSharingTheSlotTag_AreStillToldApartByTheirText()
    {
        // Among 20,000 keys, many share the 6 hash bits a slot keeps (one in 64): each must still be found as itself only.
        var registry = new KeyRegistry();
        var keys = Enumerable.Range(0, 20_000).Select(i => $"K{i}").ToArray();
        var byTag = keys.GroupBy(k => (uint)KeyRegistry.Hash(k) >> 26).ToArray();
        Assert.True(byTag.Length <= 64 && byTag.All(g => g.Count() > 100));
        for (var i = 0; i < keys.Length; i++)
        {
            registry.Register(keys[i], i, out var seen, out _);
            Assert.False(seen);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            registry.Register(keys[i], -1, out var seen, out var firstRow);
            Assert.True(seen);
            Assert.Equal(i, firstRow);
        }

        Assert.False(registry.IsAccepted("K20000"));
    }

    [Fact]
    public void Add_IsASetOfTexts()
    {
        var set = new KeyRegistry();
        set.Add("Comptoir Martin SA");
        set.Add("Comptoir Martin SA");
        Assert.True(set.IsAccepted("Comptoir Martin SA"));
        Assert.False(set.IsAccepted("Comptoir Martin"));
        Assert.Equal(1, set.Count);
    }
}
