using System.Globalization;
using System.Text;

namespace Import.Sdk.Benchmarks.Data;

/// <summary>
/// Writes a realistic French customers CSV, the file every throughput figure is measured on (PERFORMANCE.md):
/// 15 columns whose headers are labels or synonyms of the <c>customers</c> entity, <c>;</c> separator, UTF-8 with BOM,
/// CRLF line ends, ~1 % names quoted with a <c>;</c> or <c>""</c> inside, ~2 % addresses quoted with an embedded
/// line break, amounts like <c>12 345,67</c> (U+00A0 or plain space between groups), valid SIREN (Luhn), SIRET and
/// French VAT numbers (key checked), payment methods as canonical values or aliases, a few groups; ~190 bytes a row.
/// </summary>
/// <remarks>
/// Deterministic: the same seed and row count give the same bytes (<see cref="Random(int)"/> with a seed uses a
/// fixed algorithm). Files are cached by <see cref="GetOrCreate"/> under a name that carries <see cref="Version"/>:
/// bump it whenever the content changes.
/// </remarks>
internal static class CustomerCsvGenerator
{
    /// <summary>The version of the file layout and content; part of the cached file name.</summary>
    public const int Version = 3;

    /// <summary>The seed of every generated file.</summary>
    public const int Seed = 20_251_123;

    /// <summary>The header: labels (or synonyms) of the customers fields, in French.</summary>
    public static readonly string[] Header =
    [
        "Code client", "Raison sociale", "Code comptable", "SIREN", "SIRET", "Numéro de TVA", "Adresse", "Code postal", "Ville",
        "Pays", "Email du responsable de compte", "Délai de paiement", "Moyen de paiement", "Limite de crédit", "Groupes",
    ];

    /// <summary>The customers field each header column is expected to auto-match (checked by the harness).</summary>
    public static readonly string[] ExpectedFields =
    [
        "code", "name", "accounting_code", "siren", "siret", "vat_number", "address", "postal_code", "city",
        "country", "account_manager_email", "payment_terms_days", "payment_method", "credit_limit", "groups",
    ];

    private static readonly string[] NamePrefixes =
    [
        "Boulangerie", "Garage", "Transports", "Menuiserie", "Pharmacie", "Cabinet", "Atelier", "Maison", "Société", "Établissements",
        "Comptoir", "Brasserie", "Imprimerie", "Laboratoire", "Librairie", "Fromagerie", "Quincaillerie", "Agence", "Clinique", "Hôtel",
    ];

    private static readonly string[] Surnames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
        "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre",
        "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Légaré", "Chevalier", "Gauthier", "Perrin", "Mathieu",
    ];

    private static readonly string[] AsciiSurnames = Surnames.Select(Ascii).ToArray();

    private static readonly string[] FirstNames =
    [
        "jean", "marie", "pierre", "sophie", "luc", "camille", "nicolas", "julie", "thomas", "lea", "antoine", "chloe", "hugo",
        "manon", "louis", "emma", "paul", "ines", "arthur", "zoe",
    ];

    private static readonly string[] LegalForms = ["SARL", "SAS", "SA", "EURL", "SASU", "& Fils", "et Associés", "SNC", string.Empty];

    private static readonly string[] StreetKinds = ["rue", "avenue", "boulevard", "place", "impasse", "chemin", "allée", "quai", "route"];

    private static readonly string[] StreetNames =
    [
        "de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "Pasteur", "des Écoles", "de la Gare",
        "du Moulin", "Saint-Éxupéry", "des Lilas", "de l'Église", "Gambetta", "Émile Zola", "des Tilleuls", "du Château",
        "du Maréchal Leclerc de Hauteclocque", "des Anciens Combattants d'Afrique du Nord", "de la Libération", "Aristide Briand",
        "du Faubourg Saint-Honoré", "Jean-Baptiste Clément", "des Frères Lumière", "de la Croix-Rousse",
    ];

    private static readonly string[] SecondLines = ["Bâtiment B", "ZI des Près", "BP 42", "3e étage", "Porte 12", "Résidence Les Pins"];

    private static readonly (string City, string Prefix)[] Cities =
    [
        ("Paris", "75"), ("Lyon", "69"), ("Marseille", "13"), ("Toulouse", "31"), ("Nice", "06"), ("Nantes", "44"), ("Strasbourg", "67"),
        ("Montpellier", "34"), ("Bordeaux", "33"), ("Lille", "59"), ("Rennes", "35"), ("Reims", "51"), ("Saint-Étienne", "42"),
        ("Le Havre", "76"), ("Grenoble", "38"), ("Dijon", "21"), ("Angers", "49"), ("Nîmes", "30"), ("Besançon", "25"), ("Orléans", "45"),
        ("Bourg-en-Bresse", "01"), ("Évry-Courcouronnes", "91"), ("Ajaccio", "20"), ("Quimper", "29"), ("Pérouges", "01"),
        ("Boulogne-Billancourt", "92"), ("Saint-Germain-en-Laye", "78"), ("Aix-en-Provence", "13"), ("Clermont-Ferrand", "63"),
        ("Villeneuve-d'Ascq", "59"), ("Châlons-en-Champagne", "51"),
    ];

    private static readonly string[] Countries = ["France", "France", "France", "France", "France", "France", "FR", "FRANCE", "Belgique", "FRA"];

    private static readonly string[] Domains = ["orange.fr", "gmail.com", "wanadoo.fr", "free.fr", "entreprise-exemple.fr", "sfr.fr", "laposte.net", "groupe-distribution.com"];

    // Canonical values and aliases of the payment_method enum (CustomersEntity.PaymentMethods), as users write them.
    private static readonly string[] PaymentMethods =
    [
        "VIREMENT", "Virement", "virement bancaire", "CHEQUE", "Chèque", "PRELEVEMENT", "Prélèvement", "prélèvement SEPA", "CB",
        "Carte bancaire", "LCR", "Virement", "VIREMENT", "Prélèvement", string.Empty,
    ];

    private static readonly string[] PaymentTerms = ["30", "30", "45", "60", "0", "15", "30", "60", string.Empty];

    private static readonly string[] Groups = ["Grands comptes", "PME", "Export", "Île-de-France", "Distributeurs", "Public"];

    /// <summary>Returns the path of the cached file of <paramref name="rows"/> rows in <paramref name="directory"/>, generating it first when missing.</summary>
    /// <param name="directory">The cache folder.</param>
    /// <param name="rows">The number of data rows.</param>
    /// <param name="log">Receives a line when the file is generated.</param>
    /// <returns>The path.</returns>
    public static string GetOrCreate(string directory, int rows, Action<string>? log = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"customers-v{Version}-s{Seed}-{rows}.csv"));
        if (File.Exists(path))
        {
            return path;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Write(stream, rows);
        }

        File.Move(temporary, path, overwrite: true);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"generated {path} ({new FileInfo(path).Length / 1_048_576.0:F1} MiB, {rows:N0} rows) in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        return path;
    }

    /// <summary>Writes the file (BOM, header, <paramref name="rows"/> rows) to a stream.</summary>
    /// <param name="destination">The stream (left open).</param>
    /// <param name="rows">The number of data rows.</param>
    public static void Write(Stream destination, int rows)
    {
        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        writer.Write(string.Join(';', Header));
        writer.Write("\r\n");
        var random = new Random(Seed);
        var line = new StringBuilder(256);
        for (var i = 1; i <= rows; i++)
        {
            line.Clear();
            AppendRow(line, random, i);
            line.Append("\r\n");
            writer.Write(line);
        }
    }

    /// <summary>Builds the file in memory.</summary>
    /// <param name="rows">The number of data rows.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Create(int rows)
    {
        using var buffer = new MemoryStream(rows * 200);
        Write(buffer, rows);
        return buffer.ToArray();
    }

    private static void AppendRow(StringBuilder line, Random random, int number)
    {
        var inv = CultureInfo.InvariantCulture;
        var surnameIndex = random.Next(Surnames.Length);
        var surname = Surnames[surnameIndex];

        // Code client: unique key.
        line.Append('C').Append(number.ToString("D7", inv)).Append(';');

        // Raison sociale: ~1 % quoted, half with ';' inside, half with '""' inside.
        var form = Pick(random, LegalForms);
        var name = string.Concat(Pick(random, NamePrefixes), " ", surname, form.Length == 0 ? string.Empty : " " + form);
        var quoting = random.Next(200);
        if (quoting == 0)
        {
            line.Append('"').Append(surname).Append("; ").Append(Pick(random, Surnames)).Append(" et Cie\";");
        }
        else if (quoting == 1)
        {
            line.Append("\"Société \"\"").Append(Pick(random, NamePrefixes)).Append(' ').Append(surname).Append("\"\"").Append(form.Length == 0 ? string.Empty : " " + form).Append("\";");
        }
        else
        {
            line.Append(name).Append(';');
        }

        // Code comptable: the auxiliary account of the customer.
        line.Append("411C").Append(number.ToString("D7", inv)).Append(';');

        // SIREN (Luhn; 10 % written with spaces), SIRET of one of its establishments, FR VAT number with its key.
        Span<char> siren = stackalloc char[9];
        RandomDigits(random, siren[..8]);
        siren[8] = LuhnCheckDigit(siren[..8]);
        if (random.Next(10) == 0)
        {
            line.Append(siren[..3]).Append(' ').Append(siren[3..6]).Append(' ').Append(siren[6..]).Append(';');
        }
        else
        {
            line.Append(siren).Append(';');
        }

        Span<char> siret = stackalloc char[14];
        siren.CopyTo(siret);
        siret[9] = '0';
        siret[10] = '0';
        RandomDigits(random, siret[11..13]);
        siret[13] = LuhnCheckDigit(siret[..13]);
        line.Append(siret).Append(';');

        line.Append("FR").Append(FrenchVatKey(siren).ToString("D2", inv)).Append(siren).Append(';');

        // Adresse: ~2 % quoted with an embedded line break.
        var street = string.Concat((1 + random.Next(180)).ToString(inv), " ", Pick(random, StreetKinds), " ", Pick(random, StreetNames));
        if (random.Next(50) == 0)
        {
            line.Append('"').Append(street).Append('\n').Append(Pick(random, SecondLines)).Append("\";");
        }
        else
        {
            line.Append(street).Append(';');
        }

        // Code postal, Ville, Pays.
        var (city, prefix) = Pick(random, Cities);
        line.Append(prefix).Append(random.Next(1000).ToString("D3", inv)).Append(';').Append(city).Append(';').Append(Pick(random, Countries)).Append(';');

        // Email du responsable de compte (5 % empty).
        if (random.Next(20) != 0)
        {
            line.Append(Pick(random, FirstNames)).Append('.').Append(AsciiSurnames[surnameIndex]).Append('@').Append(Pick(random, Domains));
        }

        line.Append(';');

        // Délai de paiement, Moyen de paiement.
        line.Append(Pick(random, PaymentTerms)).Append(';').Append(Pick(random, PaymentMethods)).Append(';');

        // Limite de crédit: "12 345,67" with U+00A0 or U+0020 between groups, some without decimals, some empty.
        switch (random.Next(10))
        {
            case 0:
                break;
            case 1:
                line.Append((random.Next(1, 100) * 500).ToString(inv));
                break;
            default:
                AppendFrenchAmount(line, random.Next(0, 50_000_000), random.Next(2) == 0 ? '\u00A0' : ' ');
                break;
        }

        line.Append(';');

        // Groupes: 60 % empty, otherwise one or two of a few groups.
        var g = random.Next(10);
        if (g >= 6)
        {
            line.Append(Pick(random, Groups));
            if (g == 9)
            {
                line.Append(',').Append(Pick(random, Groups));
            }
        }
    }

    /// <summary>Appends <paramref name="cents"/> as a French amount: "12 345,67".</summary>
    private static void AppendFrenchAmount(StringBuilder line, int cents, char groupSeparator)
    {
        var units = cents / 100;
        var digits = units.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                line.Append(groupSeparator);
            }

            line.Append(digits[i]);
        }

        line.Append(',').Append((cents % 100).ToString("D2", CultureInfo.InvariantCulture));
    }

    private static void RandomDigits(Random random, Span<char> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (char)('0' + random.Next(10));
        }
    }

    /// <summary>The Luhn check digit to append to <paramref name="payload"/>.</summary>
    internal static char LuhnCheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>(12 + 3 × (SIREN mod 97)) mod 97.</summary>
    internal static int FrenchVatKey(ReadOnlySpan<char> siren) =>
        (int)((12 + (3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97))) % 97);

    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
