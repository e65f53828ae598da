using System.Globalization;
using System.Net.Mail;
using BenchmarkDotNet.Attributes;
using Import.Sdk.Conversion;

namespace Import.Sdk.Benchmarks.Micro;

/// <summary>French decimals: <c>decimal.TryParse</c> fr-FR (baseline) against <see cref="ValueParsers.TryParseDecimal"/>.</summary>
/// <remarks>
/// On .NET 10 with ICU, fr-FR groups digits with U+202F: <c>decimal.TryParse</c> accepts U+0020 in its place but rejects U+00A0,
/// which Excel fr-FR writes (PERFORMANCE.md point 2) — the U+00A0 baseline variant returns <see langword="false"/>.
/// </remarks>
public class DecimalParsingBenchmarks
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly string _space = "12 345,67";
    private readonly string _noBreakSpace = "12\u00A0345,67";

    [Benchmark(Baseline = true, Description = "decimal.TryParse fr-FR \"12 345,67\" (U+0020)")]
    public decimal DecimalTryParseSpace() => decimal.TryParse(_space, NumberStyles.Number, French, out var d) ? d : -1;

    [Benchmark(Description = "decimal.TryParse fr-FR U+00A0 (fails)")]
    public decimal DecimalTryParseNoBreakSpace() => decimal.TryParse(_noBreakSpace, NumberStyles.Number, French, out var d) ? d : -1;

    [Benchmark(Description = "ValueParsers.TryParseDecimal French U+00A0")]
    public decimal OursNoBreakSpace() => ValueParsers.TryParseDecimal(_noBreakSpace, NumberStyleKind.French, out var d) ? d : -1;

    [Benchmark(Description = "ValueParsers.TryParseDecimal French U+0020")]
    public decimal OursSpace() => ValueParsers.TryParseDecimal(_space, NumberStyleKind.French, out var d) ? d : -1;
}

/// <summary>dd/MM/yyyy dates: <c>DateOnly.TryParseExact</c> (baseline) against <see cref="ValueParsers.TryParseDate"/> with the default formats.</summary>
public class DateParsingBenchmarks
{
    private readonly string _date = "23/11/2025";
    private readonly string _dateTime = "23/11/2025 00:00:00";
    private readonly string[] _formats = [.. new ImportOptions().DateFormats];

    [Benchmark(Baseline = true, Description = "DateOnly.TryParseExact dd/MM/yyyy")]
    public DateOnly DateOnlyTryParseExact() => DateOnly.TryParseExact(_date, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default;

    [Benchmark(Description = "DateTime.TryParseExact dd/MM/yyyy")]
    public DateTime DateTimeTryParseExact() => DateTime.TryParseExact(_date, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default;

    [Benchmark(Description = "ValueParsers.TryParseDate (default formats)")]
    public DateOnly Ours() => ValueParsers.TryParseDate(_date, _formats, out var d) ? d : default;

    [Benchmark(Description = "ValueParsers.TryParseDate with a time (Excel)")]
    public DateOnly OursWithTime() => ValueParsers.TryParseDate(_dateTime, _formats, out var d) ? d : default;
}

/// <summary>Booleans: <c>bool.TryParse</c> (baseline, "true" only) against <see cref="ValueParsers.TryParseBoolean"/> (oui/non, vrai/faux, 1/0, x…).</summary>
public class BooleanParsingBenchmarks
{
    private readonly string _true = "true";
    private readonly string _oui = "Oui";

    [Benchmark(Baseline = true, Description = "bool.TryParse \"true\"")]
    public bool BoolTryParse() => bool.TryParse(_true, out var b) && b;

    [Benchmark(Description = "ValueParsers.TryParseBoolean \"true\"")]
    public bool OursTrue() => ValueParsers.TryParseBoolean(_true, out var b) && b;

    [Benchmark(Description = "ValueParsers.TryParseBoolean \"Oui\"")]
    public bool OursOui() => ValueParsers.TryParseBoolean(_oui, out var b) && b;
}

/// <summary>E-mail: <c>MailAddress.TryCreate</c> (baseline) against <see cref="ValueParsers.IsValidEmail"/>.</summary>
public class EmailBenchmarks
{
    private readonly string _email = "camille.lefebvre@entreprise-exemple.fr";

    [Benchmark(Baseline = true, Description = "MailAddress.TryCreate")]
    public bool MailAddressTryCreate() => MailAddress.TryCreate(_email, out _);

    [Benchmark(Description = "ValueParsers.IsValidEmail")]
    public bool Ours() => ValueParsers.IsValidEmail(_email);
}
