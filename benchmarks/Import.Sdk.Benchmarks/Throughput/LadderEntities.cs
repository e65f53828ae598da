using Import.Sdk.Benchmarks.Data;
using Import.Sdk.Commerce;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>
/// Diagnostic: the customers import rebuilt step by step, each step adding one kind of work to the previous one, so that the CPU
/// time of a simulate can be attributed (<c>throughput --ladder</c>). Every step maps the same 15 columns of the generated file.
/// </summary>
/// <remarks>
/// plain: 15 text fields, key <c>code</c>, no check → the pipeline's own cost per row (reader, row state, key registry, planning).<br/>
/// typed: the customers field types (integer, enum with aliases, decimal, e-mail, text list, max lengths).<br/>
/// validated: + the identifier validators (SIREN, SIRET, VAT, country), which also normalise the value.<br/>
/// referenced: + the references (default tax regime, groups created when unknown).<br/>
/// full (the <c>simulate</c> scenario): <c>CommerceEntities.Customers()</c>: + 13 unmapped fields, the RIB rule, parent references.
/// </remarks>
internal static class LadderEntities
{
    public static ImportEntity Plain() => Build(typed: false, validated: false, referenced: false);

    public static ImportEntity Typed() => Build(typed: true, validated: false, referenced: false);

    public static ImportEntity Validated() => Build(typed: true, validated: true, referenced: false);

    public static ImportEntity Referenced() => Build(typed: true, validated: true, referenced: true);

    private static ImportEntity Build(bool typed, bool validated, bool referenced)
    {
        var header = CustomerCsvGenerator.Header;
        var names = CustomerCsvGenerator.ExpectedFields;
        var builder = EntitySchema.Create(CommerceEntities.CustomersName).Label("clients", "customers");
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var label = header[i];
            var type = !typed ? FieldType.Text : name switch
            {
                "account_manager_email" => FieldType.Email,
                "payment_terms_days" => FieldType.Integer,
                "payment_method" => FieldType.Enum,
                "credit_limit" => FieldType.Decimal,
                "groups" => FieldType.TextList,
                _ => FieldType.Text,
            };
            builder.Field(name, type, f =>
            {
                f.Label(label, name);
                if (name == "name")
                {
                    f.Required();
                }

                if (!typed)
                {
                    return;
                }

                switch (name)
                {
                    case "code":
                        f.MaxLength(50);
                        break;
                    case "name":
                        f.MaxLength(100);
                        break;
                    case "postal_code":
                        f.MaxLength(20);
                        break;
                    case "payment_terms_days":
                        f.Min(0);
                        break;
                    case "payment_method":
                        // The values and aliases of the real entity (its public field definition).
                        var method = CustomerImport.Entity.Schema["payment_method"];
                        f.Values([.. method.AllowedValues]);
                        foreach (var group in method.Aliases.GroupBy(a => a.Value, a => a.Key))
                        {
                            f.Aliases(group.Key, [.. group]);
                        }

                        break;
                    case "groups":
                        f.MaxLength(100).Separator(',');
                        if (referenced)
                        {
                            f.References(new FieldReference(CommerceEntities.CustomerGroups.Schema, "code", creation: ReferenceCreation.Always));
                        }

                        break;
                }

                if (validated)
                {
                    var validator = name switch
                    {
                        "siren" => IdentifierValidators.Siren,
                        "siret" => IdentifierValidators.Siret,
                        "vat_number" => IdentifierValidators.VatNumber,
                        "country" => IdentifierValidators.Country,
                        _ => null,
                    };
                    if (validator is not null)
                    {
                        f.Validate(validator);
                    }
                }
            });
        }

        if (referenced)
        {
            builder.Field("tax_regime", FieldType.Text, f => f
                .Label("Régime fiscal", "Tax regime")
                .MaxLength(10)
                .References(new FieldReference(CommerceEntities.TaxRegimes.Schema, "code", creation: ReferenceCreation.WhenAllowed))
                .Default(new CommerceOptions().DefaultTaxRegime));
        }

        return new ImportEntity(builder.Key("code").Build());
    }
}
