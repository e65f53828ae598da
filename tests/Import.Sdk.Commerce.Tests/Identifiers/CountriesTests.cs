using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Tests.Identifiers;

public class CountriesTests
{
    [Theory]
    [InlineData("France", "FR")]
    [InlineData("FRANCE", "FR")]
    [InlineData("france", "FR")]
    [InlineData("  France  ", "FR")]
    [InlineData("FR", "FR")]
    [InlineData("fr", "FR")]
    [InlineData("FRA", "FR")]
    [InlineData("Allemagne", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("DE", "DE")]
    [InlineData("DEU", "DE")]
    [InlineData("Royaume-Uni", "GB")]
    [InlineData("Royaume Uni", "GB")]
    [InlineData("ROYAUME-UNI", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("GB", "GB")]
    [InlineData("GBR", "GB")]
    [InlineData("Grande-Bretagne", "GB")]
    [InlineData("Belgique", "BE")]
    [InlineData("Belgium", "BE")]
    [InlineData("Suisse", "CH")]
    [InlineData("Switzerland", "CH")]
    [InlineData("CHE", "CH")]
    [InlineData("Espagne", "ES")]
    [InlineData("Spain", "ES")]
    [InlineData("Etats-Unis", "US")]
    [InlineData("États-Unis", "US")]
    [InlineData("ETATS UNIS", "US")]
    [InlineData("USA", "US")]
    [InlineData("U.S.A.", "US")]
    [InlineData("United States", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Côte d’Ivoire", "CI")]
    [InlineData("Cote d'Ivoire", "CI")]
    [InlineData("COTE D IVOIRE", "CI")]
    [InlineData("cote-divoire", "CI")]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Maroc", "MA")]
    [InlineData("Morocco", "MA")]
    [InlineData("Algérie", "DZ")]
    [InlineData("Algerie", "DZ")]
    [InlineData("ALGÉRIE", "DZ")]
    [InlineData("Algeria", "DZ")]
    [InlineData("Tunisie", "TN")]
    [InlineData("Tunisia", "TN")]
    [InlineData("Sénégal", "SN")]
    [InlineData("senegal", "SN")]
    [InlineData("Se\u0301ne\u0301gal", "SN")]
    [InlineData("Libye", "LY")]
    [InlineData("Mauritanie", "MR")]
    [InlineData("Italie", "IT")]
    [InlineData("Pays-Bas", "NL")]
    [InlineData("Netherlands", "NL")]
    [InlineData("Luxembourg", "LU")]
    [InlineData("Monaco", "MC")]
    [InlineData("Portugal", "PT")]
    [InlineData("Autriche", "AT")]
    [InlineData("Grèce", "GR")]
    [InlineData("Greece", "GR")]
    [InlineData("Pologne", "PL")]
    [InlineData("Tchéquie", "CZ")]
    [InlineData("République tchèque", "CZ")]
    [InlineData("Czech Republic", "CZ")]
    [InlineData("Slovaquie", "SK")]
    [InlineData("Slovénie", "SI")]
    [InlineData("Hongrie", "HU")]
    [InlineData("Roumanie", "RO")]
    [InlineData("Bulgarie", "BG")]
    [InlineData("Croatie", "HR")]
    [InlineData("Estonie", "EE")]
    [InlineData("Lettonie", "LV")]
    [InlineData("Lituanie", "LT")]
    [InlineData("Finlande", "FI")]
    [InlineData("Suède", "SE")]
    [InlineData("Danemark", "DK")]
    [InlineData("Irlande", "IE")]
    [InlineData("Chypre", "CY")]
    [InlineData("Malte", "MT")]
    [InlineData("Islande", "IS")]
    [InlineData("Norvège", "NO")]
    [InlineData("Liechtenstein", "LI")]
    [InlineData("Canada", "CA")]
    [InlineData("Mali", "ML")]
    [InlineData("Cameroun", "CM")]
    [InlineData("Cameroon", "CM")]
    [InlineData("Burkina Faso", "BF")]
    [InlineData("Bénin", "BJ")]
    [InlineData("Togo", "TG")]
    [InlineData("Niger", "NE")]
    [InlineData("Nigeria", "NG")]
    [InlineData("Guinée", "GN")]
    [InlineData("Guinée-Bissau", "GW")]
    [InlineData("Guinée équatoriale", "GQ")]
    [InlineData("Gabon", "GA")]
    [InlineData("Tchad", "TD")]
    [InlineData("République centrafricaine", "CF")]
    [InlineData("Congo", "CG")]
    [InlineData("République démocratique du Congo", "CD")]
    [InlineData("RDC", "CD")]
    [InlineData("Djibouti", "DJ")]
    [InlineData("Comores", "KM")]
    [InlineData("Madagascar", "MG")]
    [InlineData("Maurice", "MU")]
    [InlineData("Seychelles", "SC")]
    [InlineData("Rwanda", "RW")]
    [InlineData("Burundi", "BI")]
    [InlineData("Haïti", "HT")]
    [InlineData("Guadeloupe", "GP")]
    [InlineData("Martinique", "MQ")]
    [InlineData("Guyane", "GF")]
    [InlineData("Guyane française", "GF")]
    [InlineData("La Réunion", "RE")]
    [InlineData("Réunion", "RE")]
    [InlineData("Mayotte", "YT")]
    [InlineData("Saint-Pierre-et-Miquelon", "PM")]
    [InlineData("Nouvelle-Calédonie", "NC")]
    [InlineData("Polynésie française", "PF")]
    [InlineData("Wallis-et-Futuna", "WF")]
    [InlineData("Saint-Barthélemy", "BL")]
    [InlineData("Saint-Martin", "MF")]
    [InlineData("Sint Maarten", "SX")]
    [InlineData("Kosovo", "XK")]
    [InlineData("Åland", "AX")]
    [InlineData("Curaçao", "CW")]
    [InlineData("São Tomé-et-Príncipe", "ST")]
    public void TryNormalize_KnownCountry_ReturnsAlpha2(string input, string expected)
    {
        Assert.True(Countries.TryNormalize(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    // EU 27
    [InlineData("AT")]
    [InlineData("BE")]
    [InlineData("BG")]
    [InlineData("CY")]
    [InlineData("CZ")]
    [InlineData("DE")]
    [InlineData("DK")]
    [InlineData("EE")]
    [InlineData("ES")]
    [InlineData("FI")]
    [InlineData("FR")]
    [InlineData("GR")]
    [InlineData("HR")]
    [InlineData("HU")]
    [InlineData("IE")]
    [InlineData("IT")]
    [InlineData("LT")]
    [InlineData("LU")]
    [InlineData("LV")]
    [InlineData("MT")]
    [InlineData("NL")]
    [InlineData("PL")]
    [InlineData("PT")]
    [InlineData("RO")]
    [InlineData("SE")]
    [InlineData("SI")]
    [InlineData("SK")]
    // EEA, UK, Switzerland, North America
    [InlineData("IS")]
    [InlineData("LI")]
    [InlineData("NO")]
    [InlineData("GB")]
    [InlineData("CH")]
    [InlineData("US")]
    [InlineData("CA")]
    // Maghreb and French-speaking Africa
    [InlineData("DZ")]
    [InlineData("MA")]
    [InlineData("TN")]
    [InlineData("LY")]
    [InlineData("MR")]
    [InlineData("SN")]
    [InlineData("CI")]
    [InlineData("ML")]
    [InlineData("BF")]
    [InlineData("NE")]
    [InlineData("TG")]
    [InlineData("BJ")]
    [InlineData("GN")]
    [InlineData("CM")]
    [InlineData("GA")]
    [InlineData("CG")]
    [InlineData("CD")]
    [InlineData("CF")]
    [InlineData("TD")]
    [InlineData("DJ")]
    [InlineData("KM")]
    [InlineData("MG")]
    [InlineData("RW")]
    [InlineData("BI")]
    [InlineData("SC")]
    [InlineData("MU")]
    [InlineData("GQ")]
    // French overseas territories with their own ISO code
    [InlineData("GP")]
    [InlineData("MQ")]
    [InlineData("GF")]
    [InlineData("RE")]
    [InlineData("YT")]
    [InlineData("PM")]
    [InlineData("NC")]
    [InlineData("PF")]
    [InlineData("WF")]
    [InlineData("BL")]
    [InlineData("MF")]
    [InlineData("TF")]
    [InlineData("MC")]
    public void TryNormalize_RequiredAlpha2_Known(string alpha2)
    {
        Assert.True(Countries.TryNormalize(alpha2, out var code));
        Assert.Equal(alpha2, code);
        Assert.True(Countries.TryNormalize(alpha2.ToLowerInvariant(), out code));
        Assert.Equal(alpha2, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("Atlantis")]
    [InlineData("Franc")]
    [InlineData("Francee")]
    [InlineData("XX")]
    [InlineData("ZZZ")]
    [InlineData("EL")]
    [InlineData("F")]
    [InlineData("Corée")]
    [InlineData("日本")]
    [InlineData(null)]
    public void TryNormalize_Unknown_FalseAndEmpty(string? input)
    {
        Assert.False(Countries.TryNormalize(input, out var code));
        Assert.Equal(string.Empty, code);
    }

    [Fact]
    public void TryNormalize_VeryLongInput_False()
    {
        Assert.False(Countries.TryNormalize(new string('a', 10_000), out _));
        Assert.False(Countries.TryNormalize(string.Concat(Enumerable.Repeat("France ", 100)), out _));
    }

    [Fact]
    public void GetEntries_CodesAreUniqueWellFormedAndComplete()
    {
        var entries = Countries.GetEntries();
        Assert.Equal(250, entries.Length); // 249 ISO 3166-1 entries + Kosovo (XK)
        Assert.Equal(entries.Length, entries.Select(e => e.Alpha2).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(entries.Length, entries.Select(e => e.Alpha3).Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, e =>
        {
            Assert.Matches("^[A-Z]{2}$", e.Alpha2);
            Assert.Matches("^[A-Z]{3}$", e.Alpha3);
            Assert.False(string.IsNullOrWhiteSpace(e.Names));
        });
    }

    [Fact]
    public void TryNormalize_EveryCodeAndNameOfTheTable_MapsBackToItsOwnCountry()
    {
        // Detects names claimed by two countries (the first one would silently win).
        foreach (var (alpha2, alpha3, names) in Countries.GetEntries())
        {
            AssertMaps(alpha2, alpha2);
            AssertMaps(alpha3, alpha2);
            foreach (var name in names.Split('|'))
            {
                AssertMaps(name, alpha2);
                AssertMaps(name.ToUpperInvariant(), alpha2);
                AssertMaps(name.ToLowerInvariant(), alpha2);
                AssertMaps(name.Normalize(System.Text.NormalizationForm.FormD), alpha2);
            }
        }

        static void AssertMaps(string input, string expected)
        {
            Assert.True(Countries.TryNormalize(input, out var code), input);
            Assert.True(expected == code, $"'{input}' gave {code}, expected {expected}");
        }
    }

    [Fact]
    public void LatinFoldFallback_EqualsTableComputedWithNormalizeFormD()
    {
        if ("\u00E9".Normalize(System.Text.NormalizationForm.FormD) != "e\u0301")
        {
            return; // globalization-invariant host: nothing to compare against
        }

        Assert.Equal(Countries.LatinFoldFallback, Countries.ComputeLatinFold());
        Assert.Equal(0x250 - 0xC0, Countries.LatinFoldFallback.Length);
    }
}
