using System.CommandLine;
using Import.Sdk.Cli.Output;

namespace Import.Sdk.Cli.Commands;

/// <summary>
/// The profile of an import as the command line gives it: <c>--profile P.json</c>, and the flags that set a profile's
/// <c>autoCreate</c> (<c>--auto-create FIELD</c>), <c>defaults</c> (<c>--default FIELD=VALUE</c>) and <c>references</c>
/// (<c>--ref FIELD=TARGET</c>), each repeatable. The flags are checked against the entity before anything is read or
/// written (a malformed one stops the command with exit code 2, naming it), then merged over the profile: a flag wins.
/// </summary>
internal static class ProfileFlags
{
    public const string AutoCreateName = "--auto-create";
    public const string DefaultName = "--default";
    public const string RefName = "--ref";

    /// <summary>Creates <c>--auto-create FIELD</c>.</summary>
    public static Option<string[]> AutoCreate(CliContext context) => new(AutoCreateName)
    {
        Description = context.T(
            "Crée les codes inconnus de ce champ de référence au lieu de rejeter la ligne (comme « autoCreate » d'un profil), par exemple --auto-create tax_regime. Répétable.",
            "Creates the unknown codes of this reference field instead of rejecting the row (as a profile's 'autoCreate'), for example --auto-create tax_regime. Repeatable."),
        HelpName = "FIELD",
    };

    /// <summary>Creates <c>--default FIELD=VALUE</c>.</summary>
    public static Option<string[]> Default(CliContext context) => new(DefaultName)
    {
        Description = context.T(
            "La valeur d'un champ pour les cellules vides et les colonnes absentes, écrite comme dans une cellule (comme « defaults » d'un profil), par exemple --default country=FR. Répétable.",
            "The value of a field for empty cells and missing columns, written as in a cell (as a profile's 'defaults'), for example --default country=FR. Repeatable."),
        HelpName = "FIELD=VALUE",
    };

    /// <summary>Creates <c>--ref FIELD=TARGET</c>.</summary>
    public static Option<string[]> Ref(CliContext context) => new(RefName)
    {
        Description = context.T(
            "Le champ de l'entité référencée que nomment les cellules d'un champ de référence (comme « references » d'un profil), par exemple --ref account=accounting_code. Répétable.",
            "The field of the referenced entity that a reference field's cells name (as a profile's 'references'), for example --ref account=accounting_code. Repeatable."),
        HelpName = "FIELD=TARGET",
    };

    /// <summary>Checks the flags against the entity; a malformed one stops the command (exit code 2) with a message naming it.</summary>
    public static ProfileOverrides Parse(CliContext context, ImportEntity entity, IReadOnlyList<string>? autoCreate, IReadOnlyList<string>? defaults, IReadOnlyList<string>? references)
    {
        var schema = entity.Schema;
        var created = new List<string>();
        foreach (var value in autoCreate ?? [])
        {
            var field = value.Trim();
            if (!IsReference(schema, field, out _))
            {
                throw NotAReference(context, AutoCreateName, value, field, schema);
            }

            if (!created.Contains(field, StringComparer.Ordinal))
            {
                created.Add(field);
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in defaults ?? [])
        {
            var (field, text) = Split(context, DefaultName, "FIELD=VALUE", value);
            if (!schema.TryGetField(field, out _))
            {
                throw new CliUsageException(context.T(
                    "{0} « {1} » : « {2} » n'est pas un champ de « {3} ». Champs : {4}.",
                    "{0} '{1}': '{2}' is not a field of '{3}'. Fields: {4}.",
                    DefaultName,
                    value,
                    field,
                    schema.Name,
                    string.Join(", ", schema.Fields.Select(f => f.Name))));
            }

            values[field] = text; // the last one given wins
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in references ?? [])
        {
            var (field, target) = Split(context, RefName, "FIELD=TARGET", value);
            if (!IsReference(schema, field, out var reference))
            {
                throw NotAReference(context, RefName, value, field, schema);
            }

            var referenced = reference.Target ?? schema;
            if (!referenced.TryGetField(target, out _))
            {
                throw new CliUsageException(context.T(
                    "{0} « {1} » : « {2} » n'est pas un champ de « {3} », l'entité à laquelle « {4} » fait référence. Champs : {5}.",
                    "{0} '{1}': '{2}' is not a field of '{3}', the entity '{4}' refers to. Fields: {5}.",
                    RefName,
                    value,
                    target,
                    referenced.Name,
                    field,
                    string.Join(", ", referenced.Fields.Select(f => f.Name))));
            }

            targets[field] = target;
        }

        return new ProfileOverrides(created, values, targets);
    }

    /// <summary>Reads the profile given with <c>--profile</c>; one that cannot be read stops the command (exit code 2).</summary>
    public static async Task<ImportProfile> LoadAsync(CliContext context, string full, CancellationToken cancellationToken)
    {
        try
        {
            return await ImportProfile.LoadAsync(full, cancellationToken);
        }
        catch (ImportException ex)
        {
            throw new CliUsageException(context.T("le profil {0} ne peut pas être lu : {1}", "the profile {0} cannot be read: {1}", full, ConsoleText.Safe(ex.Message)), ex);
        }
    }

    private static (string Field, string Value) Split(CliContext context, string option, string shape, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var field = equals < 0 ? string.Empty : value[..equals].Trim();
        var text = equals < 0 ? string.Empty : value[(equals + 1)..].Trim();
        if (field.Length == 0 || text.Length == 0)
        {
            throw new CliUsageException(context.T(
                "{0} « {1} » : attendu {2}, par exemple {3}.",
                "{0} '{1}': expected {2}, for example {3}.",
                option,
                value,
                shape,
                option == DefaultName ? "--default country=FR" : "--ref account=accounting_code"));
        }

        return (field, text);
    }

    private static bool IsReference(EntitySchema schema, string field, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FieldReference? reference)
    {
        reference = schema.TryGetField(field, out var definition) ? definition.Reference : null;
        return reference is not null;
    }

    private static CliUsageException NotAReference(CliContext context, string option, string value, string field, EntitySchema schema)
    {
        var fields = schema.Fields.Where(f => f.Reference is not null).Select(f => f.Name).ToArray();
        var list = fields.Length == 0 ? context.T("aucun", "none") : string.Join(", ", fields);
        return new CliUsageException(schema.TryGetField(field, out _)
            ? context.T(
                "{0} « {1} » : « {2} » n'est pas un champ de référence de « {3} ». Champs de référence : {4}.",
                "{0} '{1}': '{2}' is not a reference field of '{3}'. Reference fields: {4}.",
                option,
                value,
                field,
                schema.Name,
                list)
            : context.T(
                "{0} « {1} » : « {2} » n'est pas un champ de « {3} ». Champs de référence : {4}.",
                "{0} '{1}': '{2}' is not a field of '{3}'. Reference fields: {4}.",
                option,
                value,
                field,
                schema.Name,
                list));
    }
}
