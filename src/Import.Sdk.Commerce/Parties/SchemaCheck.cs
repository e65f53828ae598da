namespace Import.Sdk.Commerce.Parties;

/// <summary>Whether a rule applies to a schema and the indexes of the fields it reads (immutable, cached by the rule).</summary>
internal sealed record SchemaCheck(EntitySchema Schema, bool Applies, int[] Fields)
{
    /// <summary>Looks the fields up in a schema: the rule applies when it has them all.</summary>
    public static SchemaCheck For(EntitySchema schema, params string[] names)
    {
        var fields = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (!schema.TryGetField(names[i], out var field))
            {
                return new SchemaCheck(schema, false, []);
            }

            fields[i] = field.Index;
        }

        return new SchemaCheck(schema, true, fields);
    }
}
