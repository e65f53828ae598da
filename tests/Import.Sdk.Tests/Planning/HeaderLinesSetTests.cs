using System.Globalization;

namespace Import.Sdk.Tests.Planning;

/// <summary>
/// Header and lines in two files of one set (issue 11 item 3, part): a rejected header rejects its lines, each line reported
/// naming its missing parent, in a simulation as in an execution. Each file is written on its own here: for a document written
/// all or nothing, import both files in one run (<see cref="ImportEntity.WithLines"/>, tests in <c>Documents/</c>).
/// </summary>
public class HeaderLinesSetTests
{
    private static readonly EntitySchema Orders = EntitySchema.Create("orders")
        .Field("number", FieldType.Text, f => f.Required())
        .Field("date", FieldType.Date, f => f.Required())
        .Key("number")
        .Build();

    private static readonly EntitySchema Lines = EntitySchema.Create("order-lines")
        .Field("order", FieldType.Text, f => f.Required().References(new FieldReference(Orders, "number", isParent: true)))
        .Field("line", FieldType.Integer, f => f.Required())
        .Field("amount", FieldType.Decimal)
        .Key("order", "line")
        .Build();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Set_RejectedHeader_RejectsItsLinesNamingTheParent(bool execute)
    {
        var sink = new InMemorySink();
        var set = new ImportSet([new ImportEntity(Orders), new ImportEntity(Lines)]);

        var orders = await RunAsync(Orders, "number;date\r\nO1;01/03/2025\r\nO2;not a date\r\n", set, sink, execute);
        var lines = await RunAsync(Lines, "order;line;amount\r\nO1;1;10\r\nO1;2;20\r\nO2;1;30\r\nO2;2;40\r\n", set, sink, execute);

        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), orders.Totals);
        Assert.Equal(new ImportTotals(4, 2, 0, 0, 2), lines.Totals);
        var rejected = lines.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.Equal([(4, IssueCodes.UnknownParent, "O2"), (5, IssueCodes.UnknownParent, "O2")], rejected.Select(i => (i.Row, i.Code, i.Value)));
        Assert.Equal(execute ? 2 : 0, sink.GetRecords("order-lines").Count);
    }

    private static Task<ImportReport> RunAsync(EntitySchema schema, string csv, ImportSet set, IImportSink sink, bool execute)
    {
        var pipeline = new ImportPipelineBuilder().UseEntity(new ImportEntity(schema)).UseSink(sink).UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") }).Build();
        var request = new ImportRequest(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(csv), schema.Name + ".csv")) { Set = set };
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }
}
