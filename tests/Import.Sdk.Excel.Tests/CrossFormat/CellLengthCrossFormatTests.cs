using System.Globalization;
using Import.Sdk.Excel.Tests.Xlsx;

namespace Import.Sdk.Excel.Tests.CrossFormat;

/// <summary>
/// <see cref="ReaderOptions.MaxCellLength"/> in XLSB (inline and shared strings) and XLS: a row holding a longer cell is rejected
/// with <c>too_long</c> naming its first such cell; every other row reads exactly as without the limit.
/// </summary>
public class CellLengthCrossFormatTests
{
    [Theory]
    [InlineData("xlsb/edr_Test_Issue_11573_BlankValues.xlsb", 50)]
    [InlineData("xlsb/edr_Test10x10.xlsb", 4)]
    [InlineData("xls/edr_Test_git_issue_231_NoCodePage.xls", 20)]
    [InlineData("xls/edr_Test_git_issue_111_NoRowRecords.xls", 40)]
    public async Task ReadAsync_CellsLongerThanTheLimit_RejectTheirRowsOnly(string file, int limit)
    {
        var content = File.ReadAllBytes(Support.Corpus.File(file));
        var options = new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("en-US") };
        var whole = await XlsxCellLengthTests.ReadProblemsAsync(content, options, Path.GetFileName(file));
        var limited = await XlsxCellLengthTests.ReadProblemsAsync(content, options with { MaxCellLength = limit }, Path.GetFileName(file));

        Assert.Equal(whole.Select(r => r.Number), limited.Select(r => r.Number));
        var rejected = 0;
        for (var i = 0; i < whole.Count; i++)
        {
            var column = Array.FindIndex(whole[i].Cells, c => c.Length > limit);
            if (column < 0)
            {
                Assert.Equal(whole[i].Cells, limited[i].Cells);
                Assert.Equal(whole[i].Problem, limited[i].Problem);
                continue;
            }

            rejected++;
            var text = whole[i].Cells[column];
            var problem = limited[i].Problem;
            Assert.NotNull(problem);
            Assert.Equal((IssueCodes.TooLong, column), (problem.Code, problem.Column));
            Assert.Equal(text.Length > 100 ? text[..100] + "…" : text, problem.Value);
            Assert.Contains($"holds {text.Length:N0} characters; at most {limit:N0} are accepted", problem.Message, StringComparison.Ordinal);
            Assert.Equal(string.Empty, limited[i].Cells[column]);
        }

        Assert.InRange(rejected, 1, whole.Count);
    }
}
