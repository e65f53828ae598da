using System.Globalization;
using System.Text;

namespace Import.Sdk.Excel.Templates;

/// <summary>Reads the example values of a template (written as a user types them in a cell) as typed cell values.</summary>
internal static class TemplateValues
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"];

    /// <summary>Reads a number in French (<c>1 234,56</c>, <c>1.234,56</c>) or invariant (<c>1234.56</c>) notation; anything else (currency, percent, exponent) is not read.</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            switch (c)
            {
                case ' ' or '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\'' or '\u2019':
                    break; // digit groups
                case '\u2212':
                    builder.Append('-');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        var normalized = builder.ToString();
        if (normalized.Contains(',', StringComparison.Ordinal) || normalized.Count(c => c == '.') > 1)
        {
            // French notation: ',' is the decimal separator, dots group digits (as the import reads it)
            normalized = normalized.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }

        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads a whole number (a fraction of zeros is accepted).</summary>
    public static bool TryParseInteger(string text, out decimal value) =>
        TryParseNumber(text, out value) && value == decimal.Truncate(value);

    /// <summary>Reads a date written <c>dd/MM/yyyy</c>, <c>d/M/yyyy</c>, ISO <c>yyyy-MM-dd</c>, <c>dd-MM-yyyy</c> or <c>dd.MM.yyyy</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>The Excel serial (1900 date system) of a date from 1900-03-01 on.</summary>
    public static int Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}
