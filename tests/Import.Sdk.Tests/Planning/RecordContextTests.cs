using System.Globalization;

namespace Import.Sdk.Tests.Planning;

/// <summary>The record context remembers the fields rules ask for by reference; the answers stay those of the schema.</summary>
public class RecordContextTests
{
    [Fact]
    public void Indexer_ManyFieldsAndCopiesOfNames_ReturnsEachFieldsValue()
    {
        var builder = EntitySchema.Create("things").Label("choses", "things");
        for (var i = 0; i < 40; i++)
        {
            builder.Field($"f{i}", FieldType.Text, f => f.Label($"F{i}", $"F{i}"));
        }

        var schema = builder.Key("f0").Build();
        var context = new RecordContext(schema, CultureInfo.InvariantCulture, (_, _, _, _) => { });
        var values = Enumerable.Range(0, 40).Select(i => (object?)$"v{i}").ToArray();
        context.Reset(2, values, hasErrors: false);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                Assert.Equal($"v{i}", context[$"f{i}"]); // a new string instance each time
                Assert.Equal($"v{i}", context.GetText(string.Intern($"f{i}")));
            }
        }

        Assert.Throws<KeyNotFoundException>(() => context["nope"]);
        Assert.ThrowsAny<ArgumentException>(() => context[null!]);
    }
}
