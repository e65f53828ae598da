using System.Reflection;
using System.Text;

namespace Import.Sdk;

/// <summary>Binds records of a schema built by <see cref="EntitySchema.FromType{T}(string)"/> to instances of a host type, at the edge of the pipeline.</summary>
/// <typeparam name="T">The host type.</typeparam>
public sealed class PocoBinder<T>
{
    private readonly EntitySchema _schema;
    private readonly (PropertyInfo Property, int Index, FieldType Type)[] _members;

    /// <summary>Creates a binder for a schema whose field names match the type's properties.</summary>
    /// <param name="schema">The schema (usually from <see cref="EntitySchema.FromType{T}(string)"/>, possibly extended).</param>
    public PocoBinder(EntitySchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
        _members = Properties()
            .Select(p => (p.Property, Index: schema.IndexOf(p.Name), schema.TryGetField(p.Name, out var f) ? f.Type : FieldType.Text))
            .Where(m => m.Index >= 0)
            .ToArray();
    }

    /// <summary>Creates an instance from a record.</summary>
    /// <param name="values">The record, indexed by field.</param>
    /// <returns>The instance.</returns>
    public T Bind(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var item = Activator.CreateInstance<T>();
        foreach (var (property, index, _) in _members)
        {
            var v = values[index];
            if (v is null)
            {
                continue;
            }

            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(item, ConvertTo(v, target));
        }

        return item;
    }

    /// <summary>Creates a record from an instance.</summary>
    /// <param name="item">The instance.</param>
    /// <returns>The record, indexed by field; fields without a property are <see langword="null"/>.</returns>
    public object?[] Unbind(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var values = new object?[_schema.Fields.Count];
        foreach (var (property, index, type) in _members)
        {
            var v = property.GetValue(item);
            values[index] = v switch
            {
                null => null,
                int i => (long)i,
                short sh => (long)sh,
                float fl => (decimal)fl,
                long l => l,
                decimal d => d,
                double d => (decimal)d,
                DateTime dt => DateOnly.FromDateTime(dt),
                _ => type is FieldType.Text or FieldType.Email or FieldType.Enum or FieldType.TextList ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : v,
            };
        }

        return values;
    }

    internal static EntitySchema BuildSchema(string name)
    {
        var builder = EntitySchema.Create(name);
        var keys = new List<string>();
        foreach (var (property, fieldName, attr) in Properties())
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var type = attr?.Values is { Length: > 0 } ? FieldType.Enum
                : t == typeof(string) ? FieldType.Text
                : t == typeof(int) || t == typeof(long) || t == typeof(short) ? FieldType.Integer
                : t == typeof(decimal) || t == typeof(double) || t == typeof(float) ? FieldType.Decimal
                : t == typeof(DateOnly) || t == typeof(DateTime) ? FieldType.Date
                : t == typeof(bool) ? FieldType.Boolean
                : throw new ImportException($"Property '{typeof(T).Name}.{property.Name}' has type '{t.Name}', which cannot be imported; mark it [ImportField(Ignore = true)].");
            builder.Field(fieldName, type, f =>
            {
                f.Label(attr?.LabelFr ?? property.Name, attr?.LabelEn ?? property.Name);
                f.Synonyms(property.Name);
                if (attr is null)
                {
                    return;
                }

                if (attr.Required || attr.Key)
                {
                    f.Required();
                }

                if (attr.MaxLength > 0)
                {
                    f.MaxLength(attr.MaxLength);
                }

                if (attr.Protected)
                {
                    f.Protected();
                }

                if (attr.Synonyms is { } s)
                {
                    f.Synonyms(s);
                }

                if (attr.Values is { } v)
                {
                    f.Values(v);
                }
            });
            if (attr?.Key == true)
            {
                keys.Add(fieldName);
            }
        }

        builder.Key(keys.ToArray());
        return builder.Build();
    }

    private static IEnumerable<(PropertyInfo Property, string Name, ImportFieldAttribute? Attribute)> Properties()
    {
        foreach (var p in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!p.CanRead || !p.CanWrite)
            {
                continue;
            }

            var attr = p.GetCustomAttribute<ImportFieldAttribute>();
            if (attr?.Ignore == true)
            {
                continue;
            }

            yield return (p, attr?.Name ?? SnakeCase(p.Name), attr);
        }
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static object ConvertTo(object v, Type target) => v switch
    {
        long l when target == typeof(int) => checked((int)l),
        long l when target == typeof(short) => checked((short)l),
        decimal d when target == typeof(double) => (double)d,
        decimal d when target == typeof(float) => (float)d,
        DateOnly d when target == typeof(DateTime) => d.ToDateTime(TimeOnly.MinValue),
        _ => v,
    };
}
