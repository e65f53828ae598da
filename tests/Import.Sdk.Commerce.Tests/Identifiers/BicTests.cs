using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Tests.Identifiers;

public class BicTests
{
    [Theory]
    [InlineData("BNPAFRPPXXX")]
    [InlineData("BNPAFRPP")]
    [InlineData("DEUTDEFF")]
    [InlineData("DEUTDEFF500")]
    [InlineData("AGRIFRPP882")]
    [InlineData("CEPAFRPP751")]
    [InlineData("SOGEFRPP")]
    [InlineData("PSSTFRPPPAR")]
    [InlineData("NWBKGB2L")]
    [InlineData("UBSWCHZH80A")]
    [InlineData("BCMAMAMC")]
    [InlineData("RBKOXKPR")]
    [InlineData("bnpafrppxxx")]
    [InlineData("BNPA FR PP XXX")]
    [InlineData("BNPA\u00A0FR\u00A0PP")]
    [InlineData("BNPA-FR-PP")]
    public void IsValid_ValidBic_True(string value) => Assert.True(Bic.IsValid(value));

    [Theory]
    [InlineData("BNPAFRP")]
    [InlineData("BNPA1RPP")]
    [InlineData("BNPAF1PP")]
    [InlineData("BNP1FRPP")]
    [InlineData("1NPAFRPP")]
    [InlineData("BNPAFRPPXX")]
    [InlineData("BNPAFRPPXXXX")]
    [InlineData("BNPAFRPPX")]
    [InlineData("BNPAXXPP")]
    [InlineData("BNPAUKPP")]
    [InlineData("BNPAELPP")]
    [InlineData("BNPAFRP_")]
    [InlineData("BNPAFRPPXX_")]
    [InlineData("BNPAFRPÉ")]
    [InlineData("BNPA/FR/PP")]
    [InlineData("")]
    [InlineData("        ")]
    [InlineData(null)]
    public void IsValid_InvalidBic_False(string? value) => Assert.False(Bic.IsValid(value));

    [Fact]
    public void IsValid_EveryKnownCountryCode_True()
    {
        foreach (var (alpha2, _, _) in Countries.GetEntries())
        {
            Assert.True(Bic.IsValid("BANK" + alpha2 + "2L"), alpha2);
        }
    }
}
