using System.Globalization;
using System.Text;

namespace Import.Sdk.Tests.Documents;

/// <summary>Small test documents: orders (the headers) and their lines, two CSV files of one import.</summary>
internal static class OrderDocuments
{
    public static EntitySchema Orders { get; } = EntitySchema.Create("orders")
        .Field("number", FieldType.Text, f => f.Required())
        .Field("date", FieldType.Date, f => f.Required())
        .Key("number")
        .Build();

    public static EntitySchema Lines { get; } = EntitySchema.Create("order-lines")
        .Field("order", FieldType.Text, f => f.Required().References(new FieldReference(Orders, "number", isParent: true)))
        .Field("line", FieldType.Integer, f => f.Required())
        .Field("amount", FieldType.Decimal)
        .Key("order", "line")
        .Build();

    public static ImportEntity Entity { get; } = new ImportEntity(Orders).WithLines(new ImportEntity(Lines));

    public const string OrdersHeader = "number;date";

    public const string LinesHeader = "order;line;amount";

    public static string Csv(string header, params string[] rows) => string.Join("\r\n", [header, .. rows]) + "\r\n";

    public static ImportSource Source(string text, string name) => ImportSource.FromBytes(Encoding.UTF8.GetBytes(text), name);

    public static ImportRequest Request(string orders, string lines) =>
        new(Source(orders, "orders.csv")) { Lines = Source(lines, "order-lines.csv") };

    public static IImportPipeline Pipeline(IImportSink sink, int batchSize = 1000, int degree = 1) =>
        new ImportPipelineBuilder()
            .UseEntity(Entity)
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US"), BatchSize = batchSize, MaxDegreeOfParallelism = degree })
            .Build();

    public static Task<ImportReport> RunAsync(IImportSink sink, string orders, string lines, bool execute, int batchSize = 1000, int degree = 1)
    {
        var pipeline = Pipeline(sink, batchSize, degree);
        var request = Request(orders, lines);
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }

    /// <summary>The errors (code, row) of a report section, in row order.</summary>
    public static (string Code, int Row)[] Errors(ImportReport report) =>
        [.. report.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => (i.Code, i.Row))];

    public static string ErrorsFile(ImportReport report)
    {
        using var stream = new MemoryStream();
        report.WriteErrorsFileAsync(stream).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
    }

    /// <summary>The keys of the stored records of an entity, as text, sorted.</summary>
    public static string[] Stored(InMemorySink sink, EntitySchema schema) =>
        [.. sink.GetRecords(schema.Name).Select(r => string.Join('/', schema.KeyFields.Select(k => Convert.ToString(r[schema[k].Index], CultureInfo.InvariantCulture)))).Order(StringComparer.Ordinal)];
}
