namespace Import.Sdk.Tests.Abstractions;

/// <summary>Typed keys in the sink contract (issue 11 item 6): how <see cref="RecordKey"/> compares, and what it refuses.</summary>
public class RecordKeyTests
{
    [Fact]
    public void Equality_TextIsOrdinal_NumbersAndDatesByValue()
    {
        Assert.Equal(new RecordKey("C1"), (RecordKey)"C1");
        Assert.NotEqual(new RecordKey("c1"), new RecordKey("C1"));
        Assert.NotEqual(new RecordKey("é"), new RecordKey("e\u0301")); // no normalisation: what the file holds
        Assert.Equal(new RecordKey(1.50m), new RecordKey(1.5m));
        Assert.Equal(new RecordKey(1.50m).GetHashCode(), new RecordKey(1.5m).GetHashCode());
        Assert.Equal(new RecordKey(3), new RecordKey(3L)); // an int is taken as the long an Integer field holds
        Assert.NotEqual(new RecordKey("3"), new RecordKey(3L)); // typed: the text "3" is no Integer
        Assert.Equal(new RecordKey("L1", 1L, new DateOnly(2024, 1, 1)), new RecordKey("L1", 1L, new DateOnly(2024, 1, 1)));
        Assert.NotEqual(new RecordKey("L1", 1L), new RecordKey("L1", 2L));
        Assert.NotEqual(new RecordKey("L1"), new RecordKey("L1", 1L));
    }

    [Fact]
    public void Parts_HoldTheSeparatorOfJoinedKeysWithoutConfusion()
    {
        // a code holding U+001F (the old joined keys' separator) is one part, never two
        var single = new RecordKey("A\u001FB");
        var composite = new RecordKey("A", "B");

        Assert.NotEqual(single, composite);
        Assert.Equal((1, 2), (single.Count, composite.Count));
        Assert.Equal("B", composite[1]);
        Assert.Equal("L1/1/2024-01-31/true", new RecordKey("L1", 1L, new DateOnly(2024, 1, 31), true).ToString());
    }

    [Fact]
    public void Of_ARecordWithAnEmptyKeyField_HasNoKey()
    {
        var schema = EntitySchema.Create("lines").Field("order", FieldType.Text).Field("line", FieldType.Integer).Field("label", FieldType.Text).Key("order", "line").Build();

        Assert.Equal(new RecordKey("O1", 2L), RecordKey.Of(schema, schema.KeyFields, ["O1", 2L, "x"]));
        Assert.Null(RecordKey.Of(schema, schema.KeyFields, ["O1", null, "x"]));
        Assert.Null(RecordKey.Of(schema, schema.KeyFields, ["", 2L, "x"]));
        Assert.Null(RecordKey.Of(schema, ["order"], [null, 2L, "x"]));
    }

    [Fact]
    public void Constructor_NullEmptyOrOtherTypes_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new RecordKey(string.Empty));
        Assert.Throws<ArgumentException>(() => new RecordKey((object)null!));
        Assert.Throws<ArgumentException>(() => new RecordKey(1.5d));
        Assert.Throws<ArgumentException>(() => new RecordKey("A", Guid.Empty));
        Assert.Throws<ArgumentException>(() => new RecordKey(Array.Empty<object>()));
        Assert.Equal(0, default(RecordKey).Count);
    }
}
