using Import.Sdk.Commerce.Identifiers;
using Import.Sdk.Commerce.Parties;

namespace Import.Sdk.Commerce.Customers;

/// <summary>
/// A customer cannot be its own group customer (seed 002: only subsidiaries name their group). A row whose
/// "Identifiant du groupe" is its own code — or, without a code, whose "Nom du groupe" is its own name — is rejected with
/// <c>unknown_parent</c> and a message that says so, instead of a parent "not found" (or, for a customer already in the
/// store, a record that is its own parent).
/// </summary>
internal sealed class SelfParentRule : IRecordRule, IThreadSafeCheck
{
    public void Validate(RecordContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var check = _check;
        if (check is null || !ReferenceEquals(check.Schema, record.Schema))
        {
            check = SchemaCheck.For(record.Schema, "code", "parent_code", "name", "parent_name");
            _check = check; // immutable, swapped whole: rules are shared between threads
        }

        if (!check.Applies)
        {
            return;
        }

        var fields = check.Fields;
        var code = record[fields[0]] as string;
        if (code is not null && string.Equals(record[fields[1]] as string, code, StringComparison.Ordinal))
        {
            record.ReportError("parent_code", IssueCodes.UnknownParent, Message(code, IdentifierValidator.IsFrench(record.UiCulture)));
            return;
        }

        // Without a code, the name identifies the customer (homonyms with different codes may legitimately name each other).
        if (code is null && record[fields[2]] is string name && string.Equals(record[fields[3]] as string, name, StringComparison.Ordinal))
        {
            record.ReportError("parent_name", IssueCodes.UnknownParent, Message(name, IdentifierValidator.IsFrench(record.UiCulture)));
        }
    }

    private SchemaCheck? _check;

    private static string Message(string self, bool french) => french
        ? $"Le client « {self} » ne peut pas être son propre groupe : pour le client de tête d'un groupe, laissez vides l'identifiant et le nom du groupe."
        : $"Customer '{self}' cannot be its own group customer: leave the group code and name empty for the head of a group.";
}
