namespace Import.Sdk.Commerce.Identifiers;

/// <summary>
/// RIB (relevé d'identité bancaire): the French domestic bank account identifier, made of a
/// 5-digit bank code (code banque), a 5-digit branch code (code guichet), an 11-character
/// account number (numéro de compte, digits and letters) and a 2-digit key (clé RIB).
/// It is the BBAN embedded in French IBANs (<c>FR76 30006 00001 12345678901 89</c>).
/// </summary>
/// <remarks>
/// The key is 97 − ((89 × bank + 15 × branch + 3 × account) mod 97), where the letters of
/// the account number are first replaced by digits with the RIB table (A, J → 1; B, K, S → 2;
/// C, L, T → 3; D, M, U → 4; E, N, V → 5; F, O, W → 6; G, P, X → 7; H, Q, Y → 8; I, R, Z → 9),
/// which differs from the IBAN letter conversion.
/// </remarks>
public static class Rib
{
    private const int BankLength = 5;
    private const int BranchLength = 5;
    private const int AccountLength = 11;
    private const int KeyLength = 2;

    /// <summary>
    /// Whether the four parts of a RIB are well formed and the key matches. Visual separators
    /// (spaces, no-break spaces, dots, hyphens) are ignored and letters of the account number
    /// may be in either case. Never throws.
    /// </summary>
    /// <param name="bankCode">The 5-digit bank code (code banque).</param>
    /// <param name="branchCode">The 5-digit branch code (code guichet).</param>
    /// <param name="accountNumber">The 11-character account number (digits and letters).</param>
    /// <param name="key">The 2-digit RIB key (clé RIB), 01 to 97.</param>
    /// <returns><see langword="true"/> when the RIB is valid.</returns>
    public static bool IsValid(
        ReadOnlySpan<char> bankCode,
        ReadOnlySpan<char> branchCode,
        ReadOnlySpan<char> accountNumber,
        ReadOnlySpan<char> key)
    {
        Span<char> keyDigits = stackalloc char[KeyLength];
        if (!IdentifierText.TryCompactExact(key, keyDigits) || !IdentifierText.AllDigits(keyDigits))
        {
            return false;
        }

        var expected = ComputeKey(bankCode, branchCode, accountNumber);
        return expected >= 0 && expected == ((keyDigits[0] - '0') * 10) + (keyDigits[1] - '0');
    }

    /// <summary>
    /// Computes the RIB key of a bank code, branch code and account number. Visual separators
    /// are ignored and letters of the account number may be in either case. Never throws.
    /// </summary>
    /// <param name="bankCode">The 5-digit bank code (code banque).</param>
    /// <param name="branchCode">The 5-digit branch code (code guichet).</param>
    /// <param name="accountNumber">The 11-character account number (digits and letters).</param>
    /// <returns>The key, between 1 and 97, or -1 when a part has a wrong length or character.</returns>
    public static int ComputeKey(
        ReadOnlySpan<char> bankCode,
        ReadOnlySpan<char> branchCode,
        ReadOnlySpan<char> accountNumber)
    {
        Span<char> bank = stackalloc char[BankLength];
        Span<char> branch = stackalloc char[BranchLength];
        Span<char> account = stackalloc char[AccountLength];
        if (!IdentifierText.TryCompactExact(bankCode, bank)
            || !IdentifierText.TryCompactExact(branchCode, branch)
            || !IdentifierText.TryCompactExact(accountNumber, account)
            || !IdentifierText.AllDigits(bank)
            || !IdentifierText.AllDigits(branch))
        {
            return -1;
        }

        // 89 × 99 999 + 15 × 99 999 + 3 × 99 999 999 999 fits easily in a long.
        long accountValue = 0;
        foreach (var c in account)
        {
            var digit = RibDigit(c);
            if (digit < 0)
            {
                return -1;
            }

            accountValue = (accountValue * 10) + digit;
        }

        var sum = (89L * Parse(bank)) + (15L * Parse(branch)) + (3L * accountValue);
        return 97 - (int)(sum % 97);
    }

    // Digit value of an account number character (the TryCompact step upper-cased ASCII letters).
    private static int RibDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'I' => c - 'A' + 1,
        >= 'J' and <= 'R' => c - 'J' + 1,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        _ => -1,
    };

    private static long Parse(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
