using System.CommandLine;
using System.Text.Json;
using Import.Sdk.Cli.Output;

namespace Import.Sdk.Cli.Commands;

/// <summary><c>import-sdk entities [--json]</c>: every entity and its fields (type, flags, reference, allowed values, French label).</summary>
internal static class EntitiesCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json(context);
        var command = new Command("entities", context.T("Liste les entités et leurs champs.", "Lists the entities and their fields."))
        {
            json,
        };
        command.SetGuardedAction(context, async (result, _) =>
        {
            var entities = EntityCatalog.All();
            if (result.GetValue(json))
            {
                await context.Out.WriteLineAsync(ToJson(entities));
            }
            else
            {
                Print(context, entities);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The type of a field as shown: text, integer, decimal, date, boolean, email, enum, text_list.</summary>
    public static string TypeName(FieldType type) => type switch
    {
        FieldType.Integer => "integer",
        FieldType.Decimal => "decimal",
        FieldType.Date => "date",
        FieldType.Boolean => "boolean",
        FieldType.Email => "email",
        FieldType.Enum => "enum",
        FieldType.TextList => "text_list",
        _ => "text",
    };

    /// <summary>The referenced entity and field, such as <c>tax-regimes.code</c>, or <see langword="null"/>.</summary>
    public static string? ReferenceName(EntitySchema schema, FieldDefinition field) => field.Reference is { } r
        ? $"{(r.Target ?? schema).Name}.{r.TargetField}"
        : null;

    private static void Print(CliContext context, IReadOnlyList<ImportEntity> entities)
    {
        var w = context.Out;
        foreach (var schema in entities.SelectMany(e => e.Lines is { } lines ? new[] { e.Schema, lines.Schema } : [e.Schema]))
        {
            var label = context.IsFrench ? schema.LabelFr : schema.LabelEn;
            var keys = string.Join(", ", schema.KeyFields);
            var alternate = schema.AlternateKeyFields.Count > 0
                ? context.T(" ; sinon : {0}", "; else: {0}", string.Join(", ", schema.AlternateKeyFields))
                : string.Empty;
            w.WriteLine(context.T("{0} — {1} (clé : {2}{3})", "{0} — {1} (key: {2}{3})", schema.Name, label, keys, alternate));
            var rows = schema.Fields.Select(f => (IReadOnlyList<string>)
            [
                f.Name,
                TypeName(f.Type),
                Flags(context, schema, f),
                ReferenceName(schema, f) is { } reference ? "→ " + reference : string.Empty,
                string.Join(", ", f.AllowedValues),
                f.LabelFr,
            ]);
            TextTable.Write(
                w,
                [context.T("champ", "field"), "type", context.T("propriétés", "flags"), context.T("référence", "reference"), context.T("valeurs permises", "allowed values"), context.T("libellé (fr)", "label (fr)")],
                rows,
                "  ",
                maxCellWidth: int.MaxValue);
            w.WriteLine();
        }
    }

    private static string Flags(CliContext context, EntitySchema schema, FieldDefinition f)
    {
        var flags = new List<string>();
        if (schema.KeyFields.Contains(f.Name, StringComparer.Ordinal))
        {
            flags.Add(context.T("clé", "key"));
        }

        if (f.IsRequired)
        {
            flags.Add(context.T("obligatoire", "required"));
        }

        if (f.IsProtected)
        {
            flags.Add(context.T("protégé", "protected"));
        }

        if (f.IsCustom)
        {
            flags.Add(context.T("personnalisé", "custom"));
        }

        return string.Join(", ", flags);
    }

    private static string ToJson(IReadOnlyList<ImportEntity> entities) => JsonOutput.Write(w =>
    {
        w.WriteStartArray();
        foreach (var entity in entities)
        {
            var schema = entity.Schema;
            w.WriteStartObject();
            WriteSchema(w, schema);
            if (entity.Lines is { } lines)
            {
                // A document entity (sales-documents): its lines file's entity, imported with it (--lines).
                w.WriteStartObject("lines");
                WriteSchema(w, lines.Schema);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void WriteSchema(Utf8JsonWriter w, EntitySchema schema)
    {
        w.WriteString("name", schema.Name);
        w.WriteString("labelFr", schema.LabelFr);
        w.WriteString("labelEn", schema.LabelEn);
        w.WriteStrings("keys", schema.KeyFields);
        w.WriteStrings("alternateKeys", schema.AlternateKeyFields);
        w.WriteStartArray("fields");
        foreach (var f in schema.Fields)
        {
            WriteField(w, schema, f);
        }

        w.WriteEndArray();
    }

    private static void WriteField(Utf8JsonWriter w, EntitySchema schema, FieldDefinition f)
    {
        w.WriteStartObject();
        w.WriteString("name", f.Name);
        w.WriteString("type", TypeName(f.Type));
        w.WriteBoolean("required", f.IsRequired);
        w.WriteBoolean("key", schema.KeyFields.Contains(f.Name, StringComparer.Ordinal));
        w.WriteBoolean("protected", f.IsProtected);
        w.WriteNullable("reference", ReferenceName(schema, f));
        w.WriteStrings("allowedValues", f.AllowedValues);
        w.WriteString("labelFr", f.LabelFr);
        w.WriteString("labelEn", f.LabelEn);
        if (f.MaxLength is int max)
        {
            w.WriteNumber("maxLength", max);
        }

        w.WriteNullable("default", f.DefaultValue);
        w.WriteEndObject();
    }
}
