using Import.Sdk.Pipeline;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Conversion;

/// <summary>
/// The conversion stage on its own: a row of raw cells in, typed values, the key and the row's issues out (waiting in the row,
/// nothing reported yet), with no reader, planner or sink.
/// </summary>
public class RowConverterTests
{
    private readonly Stages _stages = new();

    [Fact]
    public void Convert_FrenchCells_TypedValuesDefaultAndKey()
    {
        var row = _stages.Converted(2, Some.Line("C1", " Dupont ", "jean@dupont.fr", "30", "12 345,67", "31/01/2024", "oui", "virement bancaire", "G1, G2,G1", ""));

        Assert.True(row.HasValues);
        Assert.False(row.Rejected);
        Assert.Null(row.Pending);
        Assert.Equal("C1", Value(row, "code"));
        Assert.Equal("Dupont", Value(row, "name")); // trimmed
        Assert.Equal(30L, Value(row, "terms"));
        Assert.Equal(12345.67m, Value(row, "limit"));
        Assert.Equal(new DateOnly(2024, 1, 31), Value(row, "since"));
        Assert.Equal(true, Value(row, "active"));
        Assert.Equal("VIREMENT", Value(row, "method")); // an alias as its canonical value
        Assert.Equal("G1,G2", Value(row, "groups")); // items trimmed, once each
        Assert.Null(Value(row, "parent"));
        Assert.Equal("ACTIVE", Value(row, "status")); // unmapped: its default
        Assert.Equal("C1", row.Key);
        Assert.NotEqual(0, row.KeyHash);
    }

    [Fact]
    public void Convert_EveryBadCell_OneIssueEachInColumnOrder_RowRejected_NothingReported()
    {
        var row = _stages.Converted(7, Some.Line("C1", new string('x', 31), "not-an-email", "trente", "12,3,4", "31/02/2024", "peut-être", "paypal"));

        Assert.True(row.Rejected);
        Assert.Equal(
            [IssueCodes.TooLong, IssueCodes.InvalidEmail, IssueCodes.InvalidNumber, IssueCodes.InvalidNumber, IssueCodes.InvalidDate, IssueCodes.InvalidBoolean, IssueCodes.InvalidEnum],
            row.Pending!.Select(i => i.Code));
        Assert.All(row.Pending!, i => Assert.Equal(7, i.Row));
        Assert.Equal(["Raison sociale", "Email", "Délai de paiement", "Limite de crédit", "Client depuis", "Actif", "Moyen de paiement"], row.Pending!.Select(i => i.Column));
        var date = row.Pending!.Single(i => i.Code == IssueCodes.InvalidDate);
        Assert.Equal("since", date.Field);
        Assert.Equal("31/02/2024", date.Value);
        Assert.Equal("expected dd/MM/yyyy, got '31/02/2024'.", date.Message);
        Assert.Equal(7, row.Errors!.Count); // one line of the errors file per error, each naming its column
        Assert.StartsWith("Client depuis: expected dd/MM/yyyy", row.Errors[4], StringComparison.Ordinal);
        Assert.Equal(0, _stages.Report.Totals.Rows); // the report sees nothing until the planner hands the row over
        Assert.Empty(_stages.BuildReport().Issues);
    }

    [Fact]
    public void Convert_EmptyKeyAndRequiredField_RequiredIssuesNamingTheColumns_NoKey()
    {
        var row = _stages.Converted(3, Some.Line("", " "));

        Assert.Equal([IssueCodes.Required, IssueCodes.Required], row.Pending!.Select(i => i.Code));
        Assert.Equal("Code client: the key is empty; every row needs one to be imported.", row.Pending![0].Message);
        Assert.Equal("Raison sociale: a value is required.", row.Pending![1].Message);
        Assert.Null(row.Key);
    }

    [Fact]
    public void Convert_RowTheReaderCouldNotSplit_OnlyTheReadersIssue_NoValuesNoKey()
    {
        var row = _stages.Read(4, Some.Line("C1", "Dupont", "", "trente"));
        row.ReaderProblem = new ReadProblem(IssueCodes.MalformedRow, "a quote is not closed") { Value = "\"C1;Dupont" };

        _stages.Converter.Convert(row);

        var issue = Assert.Single(row.Pending!);
        Assert.Equal(IssueCodes.MalformedRow, issue.Code);
        Assert.Null(issue.Column);
        Assert.False(row.HasValues); // so the record rules skip it
        Assert.Null(row.Key);
        Assert.All(row.Values, Assert.Null);
    }

    [Fact]
    public void Convert_MoreCellsThanTheHeader_RaggedRowUnlessTheExtraCellsAreEmpty()
    {
        var ragged = _stages.Converted(2, Some.Line("C1", "Dupont") + ";surplus");
        var trailing = _stages.Converted(3, Some.Line("C2", "Martin") + ";;");

        Assert.Equal(IssueCodes.RaggedRow, Assert.Single(ragged.Pending!).Code);
        Assert.Null(trailing.Pending);
    }

    [Fact]
    public void Convert_SameRowTwice_SameValues_ThePlanIsNotChangedByARow()
    {
        var first = _stages.Converted(2, Some.Line("C1", "Dupont", "", "45", "1 000", "", "non", "CB"));
        var second = _stages.Converted(3, Some.Line("C1", "Dupont", "", "45", "1 000", "", "non", "CB"));

        Assert.Equal(first.Values, second.Values);
        Assert.Equal(first.KeyHash, second.KeyHash);
    }

    [Fact]
    public void New_DefaultThatIsNotValid_IsAProblemOfTheMapping()
    {
        var schema = EntitySchema.Create("items")
            .Field("code", FieldType.Text, f => f.Required())
            .Field("qty", FieldType.Integer, f => f.Default("beaucoup"))
            .Key("code")
            .Build();

        var stages = new Stages(new ImportEntity(schema), header: "code");

        var problem = Assert.Single(stages.Map.Issues, i => i.Code == IssueCodes.InvalidProfile);
        Assert.Equal((1, "qty", "beaucoup", IssueSeverity.Error), (problem.Row, problem.Field, problem.Value, problem.Severity));
        Assert.True(stages.Map.IsFatal);
    }

    private object? Value(RowState row, string field) => row.Values[_stages.Schema[field].Index];
}
