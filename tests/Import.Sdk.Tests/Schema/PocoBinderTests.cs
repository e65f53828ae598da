using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Schema;

/// <summary>Binding to a host POCO at the edge: <see cref="EntitySchema.FromType{T}(string)"/> and <see cref="PocoBinder{T}"/>.</summary>
public class PocoBinderTests
{
    private static readonly EntitySchema Schema = EntitySchema.FromType<Customer>("customers");

    [Fact]
    public void FromType_MapsPropertiesToSnakeCaseFieldsOfTheMatchingTypes()
    {
        Assert.Equal(
            [
                ("code", FieldType.Text), ("name", FieldType.Text), ("payment_terms", FieldType.Integer), ("credit_limit", FieldType.Decimal),
                ("customer_since", FieldType.Date), ("last_order", FieldType.Date), ("is_active", FieldType.Boolean), ("method", FieldType.Enum),
                ("rank", FieldType.Integer), ("score", FieldType.Decimal), ("iban_code", FieldType.Text),
            ],
            Schema.Fields.Select(f => (f.Name, f.Type)));
        Assert.Equal(["code"], Schema.KeyFields);
        Assert.Equal((true, 10), (Schema["code"].IsRequired, Schema["code"].MaxLength));
        Assert.Equal(("Raison sociale", true), (Schema["name"].LabelFr, Schema["name"].IsRequired));
        Assert.True(Schema["credit_limit"].IsProtected);
        Assert.Equal(["VIREMENT", "CHEQUE"], Schema["method"].AllowedValues);
        Assert.Contains("Code client", Schema["code"].Synonyms);
        Assert.False(Schema.TryGetField("tag", out _));
    }

    [Fact]
    public void FromType_UnsupportedPropertyType_ThrowsImportExceptionNamingIt()
    {
        var ex = Assert.Throws<ImportException>(() => EntitySchema.FromType<WithGuid>("things"));

        Assert.Contains("WithGuid.Id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Ignore", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ThenBind_GivesTheHostObjects()
    {
        var csv = "Code;Raison sociale;PaymentTerms;Credit limit;Customer since;Last order;Is active;Method;Rank;Score;Iban code\r\n" +
                  "C1;Dupont SA;30;1 234,56;29/02/2024;01/03/2024;oui;virement;3;4,5;FR76\r\n" +
                  "C2;Martin;;;;;;;;;\r\n";
        var sink = new InMemorySink();

        var report = await Some.Pipeline(sink, new ImportEntity(Schema)).ExecuteAsync(new ImportRequest(Some.Csv(csv)));

        Assert.Empty(report.Issues);
        var binder = new PocoBinder<Customer>(Schema);
        var customers = sink.GetRecords("customers").Select(binder.Bind).OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
        var c1 = customers[0];
        Assert.Equal(("C1", "Dupont SA", 30, 1234.56m), (c1.Code, c1.Name, c1.PaymentTerms, c1.CreditLimit));
        Assert.Equal((new DateOnly(2024, 2, 29), new DateTime(2024, 3, 1), true, "VIREMENT"), (c1.CustomerSince, c1.LastOrder, c1.IsActive, c1.Method));
        Assert.Equal(((short)3, 4.5f, "FR76"), (c1.Rank, c1.Score, c1.IbanCode));
        var c2 = customers[1];
        Assert.Equal(("C2", 0, (decimal?)null, (DateOnly?)null, false), (c2.Code, c2.PaymentTerms, c2.CreditLimit, c2.CustomerSince, c2.IsActive));
    }

    [Fact]
    public void UnbindThenBind_RoundTripsTheObject()
    {
        var binder = new PocoBinder<Customer>(Schema);
        var customer = new Customer
        {
            Code = "C1", Name = "Dupont", PaymentTerms = 45, CreditLimit = 1234.56m, CustomerSince = new DateOnly(2020, 1, 31),
            LastOrder = new DateTime(2024, 2, 29), IsActive = true, Method = "CHEQUE", Rank = 7, Score = 2.5f, IbanCode = "FR76", Tag = new object(),
        };

        var back = binder.Bind(binder.Unbind(customer));

        Assert.Equal(
            (customer.Code, customer.Name, customer.PaymentTerms, customer.CreditLimit, customer.CustomerSince, customer.LastOrder, customer.IsActive, customer.Method, customer.Rank, customer.Score, customer.IbanCode),
            (back.Code, back.Name, back.PaymentTerms, back.CreditLimit, back.CustomerSince, back.LastOrder, back.IsActive, back.Method, back.Rank, back.Score, back.IbanCode));
        Assert.Null(back.Tag);
    }

    [Fact]
    public void Unbind_IntAndDoubleAndDateTime_GiveTheStoredTypesOfTheirFields()
    {
        var record = new PocoBinder<Customer>(Schema).Unbind(new Customer { Code = "C1", PaymentTerms = 30, LastOrder = new DateTime(2024, 1, 2, 13, 45, 0) });

        Assert.IsType<long>(record[Schema["payment_terms"].Index]);
        Assert.Equal(new DateOnly(2024, 1, 2), record[Schema["last_order"].Index]);
        Assert.Null(record[Schema["credit_limit"].Index]);
    }

    /// <summary>
    /// Regression (was a bug): FromType maps short to Integer and float to Decimal, but PocoBinder.Unbind converts only int/long/double/decimal/DateTime:
    /// a short stays a System.Int16 and a float a System.Single in the record, against the field contract (long, decimal).
    /// </summary>
    [Fact]
    public void Unbind_ShortAndFloat_GiveLongAndDecimal()
    {
        var record = new PocoBinder<Customer>(Schema).Unbind(new Customer { Code = "C1", Rank = 3, Score = 4.5f });

        Assert.IsType<long>(record[Schema["rank"].Index]);
        Assert.IsType<decimal>(record[Schema["score"].Index]);
    }

    /// <summary>Regression (was a bug): a store seeded from host objects with short/float properties is "updated" by re-importing the very same values, never "unchanged".</summary>
    [Fact]
    public async Task ExecuteAsync_SameValuesAsAStoreSeededFromObjects_IsUnchanged()
    {
        var binder = new PocoBinder<Customer>(Schema);
        var sink = new InMemorySink();
        sink.Seed(Schema, binder.Unbind(new Customer { Code = "C1", Name = "Dupont", Rank = 3, Score = 4.5f }));

        var report = await Some.Pipeline(sink, new ImportEntity(Schema)).ExecuteAsync(new ImportRequest(Some.Csv("Code;Name;Rank;Score\r\nC1;Dupont;3;4,5\r\n")));

        Assert.Equal(new ImportTotals(1, 0, 0, 1, 0), report.Totals);
    }

    public sealed class Customer
    {
        [ImportField(Key = true, MaxLength = 10, Synonyms = ["Code client"])]
        public string Code { get; set; } = string.Empty;

        [ImportField(Required = true, LabelFr = "Raison sociale", LabelEn = "Company name")]
        public string? Name { get; set; }

        public int PaymentTerms { get; set; }

        [ImportField(Protected = true, LabelEn = "Credit limit")]
        public decimal? CreditLimit { get; set; }

        public DateOnly? CustomerSince { get; set; }

        public DateTime? LastOrder { get; set; }

        public bool IsActive { get; set; }

        [ImportField(Values = ["VIREMENT", "CHEQUE"])]
        public string? Method { get; set; }

        public short Rank { get; set; }

        public float Score { get; set; }

        public string? IbanCode { get; set; }

        [ImportField(Ignore = true)]
        public object? Tag { get; set; }

        public string ReadOnly => "not imported";
    }

    public sealed class WithGuid
    {
        [ImportField(Key = true)]
        public string Code { get; set; } = string.Empty;

        public Guid Id { get; set; }
    }
}
