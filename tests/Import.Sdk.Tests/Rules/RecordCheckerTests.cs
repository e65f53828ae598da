using Import.Sdk.Conversion;
using Import.Sdk.Rules;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Rules;

/// <summary>The record rules stage on its own: converted rows in, the rules' issues in the row (naming the field's column).</summary>
public class RecordCheckerTests
{
    [Fact]
    public void Check_RuleReportsAnError_TheIssueNamesTheColumnAndTheStoredValue_TheRowIsRejected()
    {
        var rule = new RecordingRule(record => record.GetDecimal("limit") > 1000m ? ("limit", "limit_too_high") : null);
        var (stages, checker) = Checker(rule);
        var row = stages.Converted(4, Some.Line("C1", "Dupont", limit: "12 345,60"));

        checker.Check(row);

        var issue = Assert.Single(row.Pending!);
        Assert.Equal((4, "Limite de crédit", "limit", "12345.60", "limit_too_high"), (issue.Row, issue.Column, issue.Field, issue.Value, issue.Code));
        Assert.True(row.Rejected);
        Assert.Equal(["Limite de crédit: too high"], row.Errors);
    }

    [Fact]
    public void Check_RowAlreadyRejectedByConversion_RulesStillRun_AndSeeItsErrors()
    {
        var rule = new RecordingRule(_ => null);
        var (stages, checker) = Checker(rule);

        checker.Check(stages.Converted(2, Some.Line("C1", "Dupont", terms: "trente")));

        Assert.Equal([(2, true)], rule.Seen);
    }

    [Fact]
    public void Check_RowTheReaderCouldNotSplit_NoRuleRuns()
    {
        var rule = new RecordingRule(_ => null);
        var (stages, checker) = Checker(rule);
        var row = stages.Read(3, Some.Line("C1", "Dupont"));
        row.ReaderProblem = new ReadProblem(IssueCodes.MalformedRow, "a quote is not closed");
        stages.Converter.Convert(row);

        checker.Check(row);

        Assert.Empty(rule.Seen);
    }

    private static (Stages Stages, RecordChecker Checker) Checker(IRecordRule rule)
    {
        var stages = new Stages(Some.AccountsEntity.WithRules(rule));
        return (stages, new RecordChecker(stages.Entity, stages.Issues, new CallGates(stages.Entity, concurrent: false)));
    }

    private sealed class RecordingRule(Func<RecordContext, (string Field, string Code)?> check) : IRecordRule
    {
        public List<(int Row, bool HasErrors)> Seen { get; } = [];

        public void Validate(RecordContext record)
        {
            Seen.Add((record.Row, record.HasErrors));
            if (check(record) is { } error)
            {
                record.ReportError(error.Field, error.Code, "too high");
            }
        }
    }
}
