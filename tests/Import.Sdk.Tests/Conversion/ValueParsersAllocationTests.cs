using Import.Sdk.Conversion;

namespace Import.Sdk.Tests.Conversion;

/// <summary>The converters run once per cell on million-row files: the success path must not allocate.</summary>
public class ValueParsersAllocationTests
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd/MM/yy"];

    // Longer than the 128-char stack buffer: goes through the array pool.
    private static readonly string LongNumber = new string('1', 20) + "," + new string('0', 150);

    [Fact]
    public void TryParseDecimal_SuccessPath_DoesNotAllocate() =>
        AssertNoAllocation(() =>
        {
            Assert.True(ValueParsers.TryParseDecimal("1\u00A0234,56", NumberStyleKind.French, out _));
            Assert.True(ValueParsers.TryParseDecimal("(12,50 €)", NumberStyleKind.French, out _));
            Assert.True(ValueParsers.TryParseDecimal("1,234.56", NumberStyleKind.Invariant, out _));
            Assert.True(ValueParsers.TryParseDecimal(LongNumber, NumberStyleKind.French, out _));
        });

    [Fact]
    public void TryParseInteger_SuccessPath_DoesNotAllocate() =>
        AssertNoAllocation(() =>
        {
            Assert.True(ValueParsers.TryParseInteger("1 000", NumberStyleKind.French, out _));
            Assert.True(ValueParsers.TryParseInteger("30,00", NumberStyleKind.French, out _));
        });

    [Fact]
    public void TryParseDate_FastFormatsAndTimeSuffix_DoNotAllocate() =>
        AssertNoAllocation(() =>
        {
            Assert.True(ValueParsers.TryParseDate("29/02/2024", Formats, out _));
            Assert.True(ValueParsers.TryParseDate("1/2/2024", Formats, out _));
            Assert.True(ValueParsers.TryParseDate("2024-02-01", Formats, out _));
            Assert.True(ValueParsers.TryParseDate("01/02/2024 00:00:00", Formats, out _));
            Assert.True(ValueParsers.TryParseDate("2024-02-01T10:30:00Z", Formats, out _));
            Assert.False(ValueParsers.TryParseDate("31/02/2024", Formats, out _));
        });

    [Fact]
    public void TryParseBooleanAndIsValidEmail_DoNotAllocate() =>
        AssertNoAllocation(() =>
        {
            Assert.True(ValueParsers.TryParseBoolean(" Vrai ", out _));
            Assert.True(ValueParsers.TryParseBoolean("OUI", out _));
            Assert.True(ValueParsers.IsValidEmail("jean.dupont@exemple.fr"));
            Assert.False(ValueParsers.IsValidEmail("jean dupont@x.fr"));
        });

    private static void AssertNoAllocation(Action action)
    {
        // Warm up the JIT, static tables and the array pool first.
        action();
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
