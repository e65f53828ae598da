using System.Globalization;
using System.Numerics;
using System.Text;

namespace Import.Sdk.Commerce.Tests.Identifiers;

/// <summary>
/// Independent, deliberately naive reference implementations (strings and BigInteger) used to
/// cross-check the span-based production code.
/// </summary>
internal static class Reference
{
    public static int LuhnCheckDigit(string digitsWithoutCheck)
    {
        // Append 0, compute the Luhn sum, choose the digit that brings it to a multiple of 10.
        var sum = 0;
        var withZero = digitsWithoutCheck + "0";
        for (var i = 0; i < withZero.Length; i++)
        {
            var d = withZero[withZero.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }

    public static bool IsLuhn(string digits) =>
        LuhnCheckDigit(digits[..^1]) == digits[^1] - '0';

    public static int DigitSum(string digits) => digits.Sum(c => c - '0');

    public static int FrenchVatKey(string siren) =>
        (int)((12 + (3 * (BigInteger.Parse(siren, CultureInfo.InvariantCulture) % 97))) % 97);

    public static string RibConvert(string account)
    {
        const string groups = "AJ|BKS|CLT|DMU|ENV|FOW|GPX|HQY|IRZ";
        var table = groups.Split('|');
        var sb = new StringBuilder();
        foreach (var c in account.ToUpperInvariant())
        {
            var digit = Array.FindIndex(table, g => g.Contains(c, StringComparison.Ordinal));
            sb.Append(char.IsDigit(c) ? c : (char)('1' + digit));
        }

        return sb.ToString();
    }

    public static int RibKey(string bank, string branch, string account) =>
        97 - (int)(BigInteger.Parse(bank + branch + RibConvert(account) + "00", CultureInfo.InvariantCulture) % 97);

    /// <summary>ISO 13616 check digits for a country code and a BBAN, by BigInteger.</summary>
    public static string IbanCheckDigits(string country, string bban)
    {
        var remainder = IbanNumeric(bban + country + "00") % 97;
        return (98 - (int)remainder).ToString("D2", CultureInfo.InvariantCulture);
    }

    public static BigInteger IbanNumeric(string rearranged)
    {
        var sb = new StringBuilder();
        foreach (var c in rearranged.ToUpperInvariant())
        {
            sb.Append(char.IsDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
        }

        return BigInteger.Parse(sb.ToString(), CultureInfo.InvariantCulture);
    }

    public static bool IbanMod97(string iban) => IbanNumeric(iban[4..] + iban[..4]) % 97 == 1;
}
