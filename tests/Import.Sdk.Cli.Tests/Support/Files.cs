namespace Import.Sdk.Cli.Tests.Support;

/// <summary>Test files.</summary>
internal static class Files
{
    /// <summary>Two valid customers (upsert: 2 inserted).</summary>
    public const string TwoCustomers =
        "Code client;Raison sociale;SIREN;Ville\n" +
        "C001;Dupont SA;732829320;Paris\n" +
        "C002;Martin SARL;;Lyon\n";

    /// <summary>One valid customer and one with an invalid SIREN (row 3).</summary>
    public const string OneRejected =
        "Code client;Raison sociale;SIREN;Ville\n" +
        "C001;Dupont SA;732829320;Paris\n" +
        "C002;Martin SARL;123456789;Lyon\n";

    /// <summary>Many customers, for progress.</summary>
    public static string Customers(int count)
    {
        var builder = new System.Text.StringBuilder("Code client;Raison sociale;Ville\n");
        for (var i = 1; i <= count; i++)
        {
            builder.Append("C").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append(";Client numéro ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(";Paris\n");
        }

        return builder.ToString();
    }
}
