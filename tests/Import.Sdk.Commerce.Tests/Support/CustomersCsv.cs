using System.Text;

namespace Import.Sdk.Commerce.Tests.Support;

/// <summary>
/// Builds a customers CSV file as a French user exports it: <c>;</c> separated, French headers, CRLF.
/// Columns are named by field; each gets the header a French file would have (see <see cref="Headers"/>).
/// </summary>
internal sealed class CustomersCsv
{
    /// <summary>The French header of each customers field, as found in vendors' exports (all auto-matched).</summary>
    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["code"] = "Code client",
        ["name"] = "Raison sociale",
        ["accounting_code"] = "Code comptable",
        ["siren"] = "N° SIREN",
        ["siret"] = "SIRET",
        ["vat_number"] = "Numéro de TVA",
        ["address"] = "Adresse",
        ["postal_code"] = "Code postal",
        ["city"] = "Ville",
        ["region"] = "Etat / Région",
        ["country"] = "Pays",
        ["account_manager_email"] = "Email du responsable de compte",
        ["dunning_plan"] = "Plan de relance",
        ["payment_terms_days"] = "Délai de paiement",
        ["payment_method"] = "Mode de règlement",
        ["tax_regime"] = "Régime fiscal",
        ["bank_code"] = "Code banque",
        ["branch_code"] = "Code guichet",
        ["account_number"] = "Numéro de compte",
        ["rib_key"] = "Clé RIB",
        ["iban"] = "IBAN",
        ["bic"] = "BIC",
        ["groups"] = "Groupes",
        ["parent_code"] = "Identifiant du groupe",
        ["parent_name"] = "Nom du groupe",
        ["credit_limit"] = "Limite de crédit",
        ["insurer_guarantee"] = "Garantie assureur",
        ["other_guarantees"] = "Autres garanties",
    };

    private readonly string[] _fields;
    private readonly List<string?[]> _rows = [];

    private CustomersCsv(string[] fields) => _fields = fields;

    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Starts a file with these columns (field names).</summary>
    public static CustomersCsv Columns(params string[] fields) => new(fields);

    /// <summary>Adds a data row: one cell per column, <see langword="null"/> for an empty cell.</summary>
    public CustomersCsv Row(params string?[] cells)
    {
        if (cells.Length != _fields.Length)
        {
            throw new ArgumentException($"{cells.Length} cells for {_fields.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>The header of a field's column.</summary>
    public static string HeaderOf(string field) => Headers.TryGetValue(field, out var h) ? h : field;

    /// <summary>A profile that maps every column to its field, with the given auto-created references.</summary>
    public ImportProfile Profile(params string[] autoCreate) => new()
    {
        Entity = CommerceEntities.CustomersName,
        Columns = _fields.ToDictionary(HeaderOf, f => f, StringComparer.Ordinal),
        AutoCreate = autoCreate,
    };

    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(string.Join(';', _fields.Select(f => Quote(HeaderOf(f))))).Append("\r\n");
            foreach (var row in _rows)
            {
                sb.Append(string.Join(';', row.Select(c => Quote(c ?? string.Empty)))).Append("\r\n");
            }

            return sb.ToString();
        }
    }

    public ImportSource Source(string name = "clients.csv") => ImportSource.FromBytes(Encoding.UTF8.GetBytes(Text), name);

    public override string ToString() => Text;

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
