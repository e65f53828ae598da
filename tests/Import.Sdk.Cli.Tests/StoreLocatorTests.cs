namespace Import.Sdk.Cli.Tests;

public sealed class StoreLocatorTests
{
    private static readonly CliContext Context = new(TextWriter.Null, TextWriter.Null, baseDirectory: Path.GetTempPath());

    [Fact]
    public void Parse_Default_IsImportDbInTheBaseDirectory()
    {
        var store = StoreLocator.Parse(null, Context);

        Assert.Equal(Path.Combine(Path.GetTempPath(), "import.db"), store.SqlitePath);
        Assert.Equal(store.SqlitePath + ".profiles", store.ProfilesDirectory);
    }

    [Theory]
    [InlineData("postgres:Host=localhost")]
    [InlineData("postgresql:Host=localhost")]
    [InlineData("sqlite:")]
    public void Parse_Unusable_Throws(string db) =>
        Assert.Throws<CliUsageException>(() => StoreLocator.Parse(db, Context));

    [Fact]
    public void LayoutHash_IgnoresCaseAccentsSpacesAndPunctuation() =>
        Assert.Equal(StoreLocator.LayoutHash(["Code client", "Raison sociale"]), StoreLocator.LayoutHash([" CODE_CLIENT ", "raison  Sociale"]));

    [Fact]
    public void LayoutHash_DependsOnTheColumnsAndTheirOrder()
    {
        Assert.NotEqual(StoreLocator.LayoutHash(["a", "b"]), StoreLocator.LayoutHash(["b", "a"]));
        Assert.Matches("^[0-9a-f]{8}$", StoreLocator.LayoutHash(["Code client"]));
    }

    [Fact]
    public void NormalizeHeader_FoldsAccents() => Assert.Equal("delaidepaiementjours", StoreLocator.NormalizeHeader("Délai de paiement (jours)"));
}
