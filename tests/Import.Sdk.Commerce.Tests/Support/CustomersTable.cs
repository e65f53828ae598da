using System.Globalization;

namespace Import.Sdk.Commerce.Tests.Support;

/// <summary>
/// A random but reproducible customers table (from a seed): unique codes and names, valid identifiers written in various
/// ways, payment method aliases, groups, and an acyclic group-customer hierarchy whose parents may come before or after
/// their subsidiaries in the file, by code or by name. Optionally some rows carry an invalid SIREN ("corrupt").
/// </summary>
internal sealed class CustomersTable
{
    private static readonly string[] Methods = ["virement", "VIREMENT", "chèque", "Cheque", "prélèvement SEPA", "carte bancaire", "CB", "espèces", "LCR", "traite", "direct debit"];
    private static readonly string[] GroupNames = ["Nord", "Sud", "Est", "Ouest", "Siège"];
    private static readonly string[] CountryNames = ["France", "FR", "fra", "Belgique", "Germany", "Suisse", "Côte d'Ivoire"];

    public static readonly string[] Fields = ["code", "name", "siren", "country", "payment_terms_days", "payment_method", "groups", "parent_code", "parent_name", "credit_limit"];

    private CustomersTable(CustomersCsv csv, IReadOnlyList<Spec> rows)
    {
        Csv = csv;
        Rows = rows;
    }

    public CustomersCsv Csv { get; }

    /// <summary>The rows in file order.</summary>
    public IReadOnlyList<Spec> Rows { get; }

    /// <summary>The rows that must be rejected: the corrupt ones and every subsidiary below a corrupt one.</summary>
    public IReadOnlySet<string> ExpectedRejectedCodes
    {
        get
        {
            var byId = Rows.ToDictionary(r => r.Id);
            var rejected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in Rows)
            {
                for (Spec? r = row; r is not null; r = r.Parent is { } p ? byId[p] : null)
                {
                    if (r.Corrupt)
                    {
                        rejected.Add(row.Code);
                        break;
                    }
                }
            }

            return rejected;
        }
    }

    public static CustomersTable Generate(int seed, int count, bool corrupt)
    {
        var random = new Random(seed);
        var specs = new List<Spec>(count);

        // Ids in hierarchy order: a row may only have a parent with a smaller id (acyclic).
        for (var id = 0; id < count; id++)
        {
            int? parent = id > 0 && random.Next(100) < 40 ? random.Next(id) : null;
            specs.Add(new Spec(
                id,
                $"C{id:000}",
                $"Client {id} {GroupNames[random.Next(GroupNames.Length)]}",
                random.Next(3) == 0 ? null : Format(RandomSiren(random), random),
                random.Next(4) == 0 ? null : CountryNames[random.Next(CountryNames.Length)],
                random.Next(4) == 0 ? null : random.Next(0, 121).ToString(CultureInfo.InvariantCulture),
                random.Next(4) == 0 ? null : Methods[random.Next(Methods.Length)],
                random.Next(3) == 0 ? null : string.Join(", ", GroupNames.Where(_ => random.Next(3) == 0)),
                parent,
                random.Next(2) == 0,
                random.Next(3) == 0 ? null : (random.Next(0, 1_000_000) / 100m).ToString("#,##0.00", CultureInfo.GetCultureInfo("fr-FR")),
                corrupt && random.Next(100) < 15));
        }

        // File order: shuffled, so that subsidiaries come before or after their group customer.
        var order = specs.OrderBy(_ => random.Next()).ToList();
        var csv = CustomersCsv.Columns(Fields);
        foreach (var s in order)
        {
            var parent = s.Parent is { } p ? specs[p] : null;
            csv.Row(
                s.Code,
                s.Name,
                s.Corrupt ? "123 456 789" : s.Siren,
                s.Country,
                s.Terms,
                s.Method,
                s.Groups,
                parent is not null && !s.ParentByName ? parent.Code : null,
                parent is not null && s.ParentByName ? parent.Name : null,
                s.CreditLimit);
        }

        return new CustomersTable(csv, order);
    }

    private static string RandomSiren(Random random)
    {
        var digits = new int[9];
        for (var i = 0; i < 8; i++)
        {
            digits[i] = random.Next(10);
        }

        // Luhn check digit: doubled positions are the odd ones from the right once the check digit is appended.
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var d = digits[i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        digits[8] = (10 - (sum % 10)) % 10;
        return string.Concat(digits);
    }

    private static string Format(string siren, Random random) => random.Next(3) switch
    {
        0 => siren,
        1 => $"{siren[..3]} {siren[3..6]} {siren[6..]}",
        _ => $"{siren[..3]}.{siren[3..6]}.{siren[6..]}",
    };

    internal sealed record Spec(int Id, string Code, string Name, string? Siren, string? Country, string? Terms, string? Method, string? Groups, int? Parent, bool ParentByName, string? CreditLimit, bool Corrupt);
}
