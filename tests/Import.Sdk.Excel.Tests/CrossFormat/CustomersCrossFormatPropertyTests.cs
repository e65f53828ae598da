using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Import.Sdk.Excel.Tests.CrossFormat;

/// <summary>
/// Law: a small customers table written as a <c>;</c> CSV (CsvHelper) and as an XLSX of text cells imports to the same report:
/// same totals, same issues (row, column, field, value, code, severity, message). Cell values come from fixed pools of valid and
/// invalid values per column, without leading or trailing spaces; all-empty rows are generated too (both formats skip them).
/// </summary>
public class CustomersCrossFormatPropertyTests
{
    private static readonly string[] Header = ["Code client", "Raison sociale", "SIREN", "Délai de paiement", "Limite de crédit"];

    private static Gen<string> Codes =>
        Gen.Frequency(
            (9, Gen.Choose(1, 20).Select(i => "C" + i.ToString("000", CultureInfo.InvariantCulture))),
            (1, Gen.Constant(string.Empty)));

    private static Gen<string> Names =>
        Gen.Elements("Dupont SA", "Martin & Fils", "Café de l'Étoile", "Société \"Guillemets\"", "Point;virgule", "Ligne 1\nLigne 2", string.Empty);

    private static Gen<string> Sirens => Gen.Elements("732829320", "732829321", "732 829 320", "12345", string.Empty);

    private static Gen<string> PaymentTerms => Gen.Elements("30", "45", "0", "trente", "-5", string.Empty);

    private static Gen<string> CreditLimits => Gen.Elements("1 234,56", "5000", "0,5", "abc", "-10", string.Empty);

    private static Gen<string[]> Rows =>
        Gen.Frequency(
            (9, from code in Codes
                from name in Names
                from siren in Sirens
                from terms in PaymentTerms
                from limit in CreditLimits
                select new[] { code, name, siren, terms, limit }),
            (1, Gen.Constant(new[] { string.Empty, string.Empty, string.Empty, string.Empty, string.Empty })));

    private static Arbitrary<string[][]> Tables =>
        (from count in Gen.Choose(0, 8)
         from rows in Rows.ArrayOf(count)
         select rows).ToArbitrary();

    [Property(MaxTest = 50)]
    public Property ImportAsync_SameCustomersTableAsCsvAndXlsx_GivesEqualReports() =>
        Prop.ForAll(Tables, table =>
        {
            var rows = table.Select(r => (IReadOnlyList<string>)r).ToList();
            var csv = CrossFormatImport.ToCsv(Header, rows);
            var xlsx = CrossFormatImport.ToXlsx(Header, rows);
            var differences = string.Empty;
            foreach (var execute in new[] { false, true })
            {
                var csvReport = CrossFormatImport.ImportAsync(ImportSource.FromBytes(csv, "clients.csv"), CrossFormatImport.SeededSink(), execute).GetAwaiter().GetResult();
                var xlsxReport = CrossFormatImport.ImportAsync(ImportSource.FromBytes(xlsx, "clients.xlsx"), CrossFormatImport.SeededSink(), execute).GetAwaiter().GetResult();
                var found = CrossFormatImport.Differences(csvReport, xlsxReport);
                if (found.Length > 0)
                {
                    differences += (execute ? "execute" : "simulate") + ":\n" + found;
                }
            }

            return (differences.Length == 0).Label(differences);
        });
}
