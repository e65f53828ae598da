using System.Globalization;

namespace Import.Sdk.Tests.Rules;

/// <summary>A record rule reads every field type through <see cref="RecordContext"/>'s typed getters.</summary>
public class RecordContextTests
{
    private static readonly EntitySchema Schema = EntitySchema.Create("things")
        .Field("code", FieldType.Text, f => f.Required())
        .Field("count", FieldType.Integer)
        .Field("price", FieldType.Decimal)
        .Field("since", FieldType.Date)
        .Field("active", FieldType.Boolean)
        .Field("email", FieldType.Email)
        .Field("kind", FieldType.Enum, f => f.Values("A", "B"))
        .Field("tags", FieldType.TextList, f => f.Separator('|'))
        .Key("code")
        .Build();

    [Fact]
    public async Task TypedGetters_ReadEveryFieldType()
    {
        var rule = new Capture();
        var report = await RunAsync(rule, "code;count;price;since;active;email;kind;tags\r\nC1;42;12,50;31/12/2024;oui;a@b.fr;b;x| y |x\r\nC2;;;;;;;\r\n");

        Assert.Equal(2, report.Totals.Inserted);
        var full = rule.Seen[0];
        Assert.Equal(("C1", 42L, 12.50m, new DateOnly(2024, 12, 31), true, "a@b.fr", "B"), (full.Code, full.Count, full.Price, full.Since, full.Active, full.Email, full.Kind));
        Assert.Equal(["x", "y"], full.Tags);
        var empty = rule.Seen[1];
        Assert.Equal(("C2", (long?)null, (decimal?)null, (DateOnly?)null, (bool?)null, (string?)null, (string?)null), (empty.Code, empty.Count, empty.Price, empty.Since, empty.Active, empty.Email, empty.Kind));
        Assert.Empty(empty.Tags);
    }

    [Fact]
    public async Task TypedGetter_OfAnotherType_IsAMisuseNamingTheFieldAndItsType()
    {
        var rule = new Misuse();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(rule, "code;count\r\nC1;42\r\n"));

        Exception? cause = ex;
        while (cause is not null and not ArgumentException)
        {
            cause = cause.InnerException;
        }

        var argument = Assert.IsAssignableFrom<ArgumentException>(cause);
        Assert.Contains("The field 'count' is of type Integer, not Date.", argument.Message, StringComparison.Ordinal);
    }

    private static Task<ImportReport> RunAsync(IRecordRule rule, string csv) =>
        new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Schema, [rule]))
            .UseSink(new InMemorySink())
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US"), MaxDegreeOfParallelism = 1 })
            .Build()
            .ExecuteAsync(new ImportRequest(ImportSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(csv), "things.csv")));

    private sealed class Capture : IRecordRule
    {
        public List<(string? Code, long? Count, decimal? Price, DateOnly? Since, bool? Active, string? Email, string? Kind, IReadOnlyList<string> Tags)> Seen { get; } = [];

        public void Validate(RecordContext record) =>
            Seen.Add((record.GetText("code"), record.GetInt64("count"), record.GetDecimal("price"), record.GetDate("since"), record.GetBoolean("active"), record.GetText("email"), record.GetText("kind"), record.GetList("tags")));
    }

    private sealed class Misuse : IRecordRule
    {
        public void Validate(RecordContext record) => _ = record.GetDate("count");
    }
}
