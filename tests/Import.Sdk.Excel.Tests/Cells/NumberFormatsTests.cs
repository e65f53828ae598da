using Import.Sdk.Excel.Cells;

namespace Import.Sdk.Excel.Tests.Cells;

public class NumberFormatsTests
{
    [Theory]
    [InlineData(0, "Number")]
    [InlineData(2, "Number")]
    [InlineData(9, "Number")]
    [InlineData(14, "Date")]
    [InlineData(17, "Date")]
    [InlineData(18, "Time")]
    [InlineData(21, "Time")]
    [InlineData(22, "Date")]
    [InlineData(45, "Time")]
    [InlineData(46, "Elapsed")]
    [InlineData(47, "Time")]
    [InlineData(49, "Number")]
    public void Builtin_KnownIds_AreClassified(int id, string kind) => Assert.Equal(Enum.Parse<NumberFormatKind>(kind), NumberFormats.Classify(id, null));

    [Theory]
    [InlineData("General", "Number")]
    [InlineData("@", "Number")]
    [InlineData("0.00", "Number")]
    [InlineData("#,##0.00 \"€\"", "Number")]
    [InlineData("[$€-40C] #,##0.00", "Number")]
    [InlineData("0.00E+00", "Number")]
    [InlineData("##0.0e-0", "Number")]
    [InlineData("0.00\" days\"", "Number")]
    [InlineData("\"Year\" 0", "Number")]
    [InlineData("0\\d", "Number")]
    [InlineData("[Red]0.00;[Blue]-0.00", "Number")]
    [InlineData("0.00;dd/mm/yyyy", "Number")] // only the first section decides
    [InlineData("_(* #,##0_);_(* (#,##0)", "Number")]
    [InlineData("dd/mm/yyyy", "Date")]
    [InlineData("DD/MM/YYYY", "Date")]
    [InlineData("yyyy\\-mm\\-dd;@", "Date")]
    [InlineData("d-mmm", "Date")]
    [InlineData("mmm yyyy", "Date")]
    [InlineData("mmmm", "Date")]
    [InlineData("[$-40C]dddd d mmmm yyyy", "Date")]
    [InlineData("dd/mm/yyyy hh:mm", "Date")]
    [InlineData("h:mm", "Time")]
    [InlineData("hh:mm:ss AM/PM", "Time")]
    [InlineData("mm:ss.0", "Time")]
    [InlineData("h \"h\" mm", "Time")]
    [InlineData("[h]:mm:ss", "Elapsed")]
    [InlineData("[mm]:ss", "Elapsed")]
    [InlineData("[HH]:MM", "Elapsed")]
    public void ClassifyCode_CustomFormats_FindDatesOutsideQuotesEscapesAndBrackets(string code, string kind) =>
        Assert.Equal(Enum.Parse<NumberFormatKind>(kind), NumberFormats.Classify(164, code));

    [Fact]
    public void Classify_ExplicitCodeForABuiltinId_WinsOverTheBuiltin() =>
        Assert.Equal(NumberFormatKind.Number, NumberFormats.Classify(14, "0.00"));
}
