using System.Globalization;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Schema;

/// <summary>Host-specific custom fields: <see cref="EntitySchema.Extend"/> and <see cref="ImportEntity.WithCustomFields"/>.</summary>
public class CustomFieldsTests
{
    [Fact]
    public void Extend_AddsCustomFieldsAfterTheEntityFieldsAndLeavesTheOriginalUnchanged()
    {
        var extended = Some.Accounts.Extend(b => b.Field("segment", FieldType.Enum, f => f.Label("Segment", "Segment").Values("PME", "GE")));

        Assert.Equal(11, Some.Accounts.Fields.Count);
        Assert.Equal(12, extended.Fields.Count);
        Assert.Equal((11, true), (extended["segment"].Index, extended["segment"].IsCustom));
        Assert.All(extended.Fields.Take(11), f => Assert.False(f.IsCustom));
        Assert.Equal(Some.Accounts.Fields.Select(f => (f.Name, f.Index, f.Type)), extended.Fields.Take(11).Select(f => (f.Name, f.Index, f.Type)));
        Assert.Equal(Some.Accounts.KeyFields, extended.KeyFields);
        Assert.Equal(Some.Accounts.AlternateKeyFields, extended.AlternateKeyFields);
        Assert.Equal(-1, Some.Accounts.IndexOf("segment"));
    }

    [Fact]
    public void Extend_WithAnExistingFieldName_ThrowsImportException()
    {
        var ex = Assert.Throws<ImportException>(() => Some.Accounts.Extend(b => b.Field("email", FieldType.Text)));

        Assert.Contains("'email'", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Regression (was a bug): Extend replays the recipe of the schema with CustomMode off, so the custom fields of an already extended schema lose IsCustom when it is extended again.</summary>
    [Fact]
    public void Extend_Twice_KeepsTheFirstCustomFieldsCustom()
    {
        var twice = Some.Accounts
            .Extend(b => b.Field("segment", FieldType.Text))
            .Extend(b => b.Field("region", FieldType.Text));

        Assert.True(twice["region"].IsCustom);
        Assert.True(twice["segment"].IsCustom);
    }

    [Fact]
    public async Task ExecuteAsync_CustomFields_AreMatchedConvertedCheckedAndStored()
    {
        var entity = Some.AccountsEntity.WithCustomFields(b => b
            .Field("segment", FieldType.Enum, f => f.Label("Segment", "Segment").Values("PME", "GE").Aliases("GE", "grande entreprise"))
            .Field("score", FieldType.Decimal, f => f.Label("Note interne", "Internal score").Min(0)));
        var csv = "Code client;Raison sociale;Segment;Note interne\r\nC1;Dupont;Grande entreprise;4,5\r\nC2;Martin;TPE;-1\r\n";

        var (report, sink) = await Some.ExecuteAsync(csv, entity: entity, options: o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") });

        Assert.Equal(new ImportTotals(2, 1, 0, 0, 1), report.Totals);
        Assert.Equal([("segment", IssueCodes.InvalidEnum), ("score", IssueCodes.InvalidNumber)], report.Issues.Select(i => (i.Field!, i.Code)));
        var c1 = Assert.Single(sink.GetRecords("accounts"));
        Assert.Equal(13, c1.Length);
        Assert.Equal(("GE", 4.5m), (c1[entity.Schema["segment"].Index], c1[entity.Schema["score"].Index]));
    }

    [Fact]
    public void WithCustomFields_KeepsTheRules()
    {
        var rule = new RejectAll();
        var entity = Some.AccountsEntity.WithRules(rule).WithCustomFields(b => b.Field("segment", FieldType.Text));

        Assert.Same(rule, Assert.Single(entity.Rules));
        Assert.Equal("accounts", entity.Name);
    }

    private sealed class RejectAll : IRecordRule
    {
        public void Validate(RecordContext record) => record.ReportError("name", "nope", "no");
    }
}
