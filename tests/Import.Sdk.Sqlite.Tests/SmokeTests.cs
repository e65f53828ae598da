namespace Import.Sdk.Sqlite.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(typeof(SmokeTests).Assembly.GetName().Name == "Import.Sdk.Sqlite.Tests");
}
