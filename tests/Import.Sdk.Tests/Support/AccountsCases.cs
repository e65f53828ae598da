using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Import.Sdk.Tests.Support;

/// <summary>
/// A random accounts import: a file (valid and invalid values mixed, duplicate keys, parents before and after their children,
/// with or without the code column) and a store to import it into (accounts and groups).
/// </summary>
internal sealed record AccountsCase(bool HasCodeColumn, string[][] Rows, object?[][] StoredAccounts, string[] StoredGroups, int BatchSize, ImportMode Mode)
{
    private static readonly string[] Codes = ["C1", "C2", "C3", "C4", "C5", "C6"];

    public static Gen<AccountsCase> Cases { get; } =
        from hasCode in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from rows in RowGen.ListOf().Select(l => l.Take(14).ToArray())
        from stored in Gen.SubListOf(Codes).SelectMany(codes => Gen.CollectToArray(codes, StoredAccount))
        from groups in Gen.SubListOf(["Nord", "Sud"]).Select(g => g.ToArray())
        from batchSize in Gen.Elements(1, 2, 3, 100)
        from mode in Gen.Frequency((4, Gen.Constant(ImportMode.Upsert)), (1, Gen.Constant(ImportMode.Insert)), (1, Gen.Constant(ImportMode.Update)))
        select new AccountsCase(hasCode, rows, stored, groups, batchSize, mode);

    public static Arbitrary<AccountsCase> Any => Cases.ToArbitrary();

    /// <summary>The cells of one row in the columns of <see cref="Some.Header"/>.</summary>
    private static Gen<string[]> RowGen { get; } =
        from code in Gen.Frequency((12, Gen.Elements(Codes)), (1, Gen.Elements("", "ABCDEFGHIJK", " C1 ")))
        from name in Gen.Elements("Dupont", "Martin", "Durand", "Petit", "Martin; fils", "", "Le \"Grand\" Café", new string('x', 31))
        from email in Gen.Elements("", "", "a@b.fr", "x", "Jean@Dupont.fr")
        from terms in Gen.Elements("", "", "30", "45", "trente", "-5", "1 000")
        from limit in Gen.Elements("", "", "1 234,56", "12,5", "abc", "1\u00A0000", "100")
        from since in Gen.Elements("", "", "29/02/2024", "31/02/2024", "01/01/2020", "2024-03-01")
        from active in Gen.Elements("", "", "oui", "non", "1", "peut-être")
        from method in Gen.Elements("", "", "virement", "chèque", "CB", "espèces")
        from groups in Gen.Elements("", "", "Nord", "Sud", "Nord,Sud", "Est")
        from parent in Gen.Frequency((4, Gen.Constant("")), (3, Gen.Elements(Codes)), (1, Gen.Constant("ZZ")))
        select new[] { code, name, email, terms, limit, since, active, method, groups, parent };

    private static Gen<object?[]> StoredAccount(string code) =>
        from name in Gen.Elements("Dupont", "Martin", "Durand", "Ancien")
        from email in Gen.Elements<object?>(null, "a@b.fr", "old@x.fr")
        from terms in Gen.Elements<object?>(null, 30L, 60L)
        from limit in Gen.Elements<object?>(null, 100m, 1234.56m)
        from since in Gen.Elements<object?>(null, new DateOnly(2024, 2, 29), new DateOnly(2020, 1, 1))
        from active in Gen.Elements<object?>(null, true, false)
        from method in Gen.Elements<object?>(null, "CB", "VIREMENT")
        from groups in Gen.Elements<object?>(null, "Nord", "Nord,Sud")
        from parent in Gen.Elements<object?>(null, "C1", "C6", "ZZ")
        from status in Gen.Elements<object?>("ACTIVE", "SUSPENDU", null)
        select Some.NewAccount(code, name, ("email", email), ("terms", terms), ("limit", limit), ("since", since), ("active", active), ("method", method), ("groups", groups), ("parent", parent), ("status", status));

    /// <summary>The file: CRLF lines, <c>;</c> separated, cells quoted when they need it.</summary>
    public string Csv
    {
        get
        {
            var skip = HasCodeColumn ? 0 : 1;
            var sb = new StringBuilder();
            sb.Append(string.Join(';', Some.Header.Split(';').Skip(skip))).Append("\r\n");
            foreach (var row in Rows)
            {
                sb.Append(string.Join(';', row.Skip(skip).Select(Quote))).Append("\r\n");
            }

            return sb.ToString();
        }
    }

    /// <summary>A new store holding the case's stored records (each call gives an identical, independent copy).</summary>
    public InMemorySink NewStore()
    {
        var sink = new InMemorySink();
        if (StoredAccounts.Length > 0)
        {
            sink.Seed(Some.Accounts, StoredAccounts);
        }

        if (StoredGroups.Length > 0)
        {
            sink.Seed(Some.Groups, StoredGroups.Select(g => new object?[] { g, "Groupe " + g }).ToArray());
        }

        return sink;
    }

    public IImportPipeline Pipeline(IImportSink sink) => Some.Pipeline(sink, options: o => o with { BatchSize = BatchSize, Mode = Mode });

    public override string ToString() =>
        $"batch {BatchSize}, {Mode}, store [{string.Join(" | ", StoredAccounts.Select(r => string.Join(',', r.Select(v => v?.ToString() ?? "∅"))))}] groups [{string.Join(',', StoredGroups)}]\n{Csv}";

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
