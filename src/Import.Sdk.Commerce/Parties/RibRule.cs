using System.Collections.Immutable;
using System.Globalization;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.Parties;

/// <summary>
/// The French bank details (RIB) of a record: when any of bank code, branch code, account number or RIB key is filled,
/// all four must be, and the key must match (seed 001: "si ces informations ne sont pas cohérentes, le client n'est
/// pas importé", and likewise for a supplier). Reports <c>invalid_rib</c> on the RIB key, naming the expected key when it can be computed.
/// </summary>
internal sealed class RibRule : IRecordRule, IThreadSafeCheck
{
    public const string BankCode = "bank_code";
    public const string BranchCode = "branch_code";
    public const string AccountNumber = "account_number";
    public const string RibKey = "rib_key";

    private static readonly ImmutableArray<string> Parts = [BankCode, BranchCode, AccountNumber, RibKey];

    public void Validate(RecordContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var check = Check(record.Schema);
        if (!check.Applies)
        {
            return; // not a schema with bank details
        }

        var fields = check.Fields;
        var bank = record[fields[0]] as string;
        var branch = record[fields[1]] as string;
        var account = record[fields[2]] as string;
        var key = record[fields[3]] as string;
        if (bank is null && branch is null && account is null && key is null)
        {
            return;
        }

        var french = IdentifierValidator.IsFrench(record.UiCulture);
        if (bank is null || branch is null || account is null || key is null)
        {
            var missing = Missing(record, french);
            record.ReportError(RibKey, IssueCodes.InvalidRib, french
                ? $"RIB incomplet : code banque, code guichet, numéro de compte et clé RIB se renseignent ensemble ; manquant : {missing}. Complétez le RIB ou videz ces quatre colonnes."
                : $"Incomplete RIB: bank code, branch code, account number and RIB key go together; missing: {missing}. Complete the RIB or leave the four columns empty.");
            return;
        }

        if (Rib.IsValid(bank, branch, account, key))
        {
            return;
        }

        var expected = Rib.ComputeKey(bank, branch, account);
        var rib = $"{bank} {branch} {account}";
        if (expected < 0)
        {
            record.ReportError(RibKey, IssueCodes.InvalidRib, french
                ? $"RIB invalide : « {rib} » ; le code banque et le code guichet ont 5 chiffres, le numéro de compte 11 chiffres ou lettres, la clé 2 chiffres. Vérifiez la saisie."
                : $"Invalid RIB: '{rib}'; the bank code and the branch code have 5 digits, the account number 11 digits or letters, the key 2 digits. Check the values.");
            return;
        }

        var expectedText = expected.ToString("D2", CultureInfo.InvariantCulture);
        record.ReportError(RibKey, IssueCodes.InvalidRib, french
            ? $"RIB invalide : la clé de « {rib} » est {expectedText}, pas « {key} » ; vérifiez la clé et les trois autres éléments du RIB."
            : $"Invalid RIB: the key of '{rib}' is {expectedText}, not '{key}'; check the key and the other three parts of the RIB.");
    }

    // Whether the last schema seen has bank details, and where: immutable, swapped whole (rules are shared between threads).
    private SchemaCheck? _check;

    private SchemaCheck Check(EntitySchema schema)
    {
        var check = _check;
        if (check is null || !ReferenceEquals(check.Schema, schema))
        {
            check = SchemaCheck.For(schema, BankCode, BranchCode, AccountNumber, RibKey);
            _check = check;
        }

        return check;
    }

    private static string Label(FieldDefinition field, bool french) => french ? field.LabelFr : field.LabelEn;

    // The lambdas live in methods of their own: a lambda capturing a parameter allocates its closure on every call of the
    // method that declares it, and Validate runs for every row.
    private static string Missing(RecordContext record, bool french) =>
        string.Join(", ", Parts.Where(p => record.GetText(p) is null).Select(p => Label(record.Schema[p], french)));
}
