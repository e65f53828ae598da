using System.Globalization;

namespace Import.Sdk.Commerce.Tests.Support;

/// <summary>
/// A store (an <see cref="InMemorySink"/> unless another sink is given) with the commerce entities, and the means to
/// import a customers file into it and to read back what was written.
/// </summary>
internal sealed class CommerceStore
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public CommerceStore(IImportSink? sink = null) => Sink = sink ?? new InMemorySink();

    public IImportSink Sink { get; }

    public InMemorySink Memory => (InMemorySink)Sink;

    /// <summary>A store holding the tax regime FR, the default regime of customers.</summary>
    public static CommerceStore WithDefaultRegime() => new CommerceStore().WithTaxRegimes("FR");

    public CommerceStore WithTaxRegimes(params string[] codes)
    {
        Memory.Seed(CommerceEntities.TaxRegimes.Schema, codes.Select(c => new object?[] { c, "Régime " + c, 20m }).ToArray());
        return this;
    }

    public CommerceStore WithGroups(params string[] codes)
    {
        Memory.Seed(CommerceEntities.CustomerGroups.Schema, codes.Select(c => new object?[] { c, null }).ToArray());
        return this;
    }

    /// <summary>Seeds customers given as field → value pairs (other fields empty).</summary>
    public CommerceStore WithCustomers(params IReadOnlyDictionary<string, object?>[] customers)
    {
        var schema = CommerceEntities.Customers().Schema;
        Memory.Seed(schema, customers.Select(c =>
        {
            var values = new object?[schema.Fields.Count];
            foreach (var (field, value) in c)
            {
                values[schema.IndexOf(field)] = value;
            }

            return values;
        }).ToArray());
        return this;
    }

    public IImportPipeline Pipeline(ImportEntity? entity = null, CultureInfo? ui = null, int batchSize = 2000) =>
        new ImportPipelineBuilder()
            .UseEntity(entity ?? CommerceEntities.Customers())
            .UseSink(Sink)
            .UseOptions(o => o with { UiCulture = ui ?? French, BatchSize = batchSize })
            .Build();

    public Task<ImportReport> ExecuteAsync(CustomersCsv csv, ImportProfile? profile = null, ImportMode? mode = null, ImportEntity? entity = null, CultureInfo? ui = null, int batchSize = 2000) =>
        Pipeline(entity, ui, batchSize).ExecuteAsync(Request(csv, profile, mode));

    public Task<ImportReport> SimulateAsync(CustomersCsv csv, ImportProfile? profile = null, ImportMode? mode = null, ImportEntity? entity = null, CultureInfo? ui = null, int batchSize = 2000) =>
        Pipeline(entity, ui, batchSize).SimulateAsync(Request(csv, profile, mode));

    public static ImportRequest Request(CustomersCsv csv, ImportProfile? profile = null, ImportMode? mode = null) =>
        new(csv.Source()) { Profile = profile, Mode = mode };

    public IReadOnlyList<Stored> Customers => Records(CommerceEntities.Customers().Schema);

    public IReadOnlyList<Stored> Groups => Records(CommerceEntities.CustomerGroups.Schema);

    public IReadOnlyList<Stored> TaxRegimes => Records(CommerceEntities.TaxRegimes.Schema);

    /// <summary>The stored customer with this code.</summary>
    public Stored Customer(string code) => Customers.Single(c => Equals(c["code"], code));

    /// <summary>The stored customer with this name.</summary>
    public Stored CustomerNamed(string name) => Customers.Single(c => Equals(c["name"], name));

    private IReadOnlyList<Stored> Records(EntitySchema schema) =>
        Memory.GetRecords(schema.Name).Select(r => new Stored(schema, r)).ToArray();
}

/// <summary>A stored record, read by field name.</summary>
internal sealed class Stored(EntitySchema schema, object?[] values)
{
    public object? this[string field] => values[schema.IndexOf(field)];

    public IReadOnlyList<object?> Values => values;

    public override string ToString() => string.Join(" | ", schema.Fields.Select(f => $"{f.Name}={values[f.Index]}"));
}

/// <summary>Shortcuts for a customer given as field → value pairs.</summary>
internal static class Customer
{
    public static IReadOnlyDictionary<string, object?> Of(params (string Field, object? Value)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal);
}
