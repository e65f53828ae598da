using System.Globalization;

namespace Import.Sdk.Commerce.Identifiers;

/// <summary>Checks a span of text.</summary>
/// <param name="value">The trimmed value.</param>
/// <returns><see langword="true"/> when the value passes.</returns>
internal delegate bool SpanCheck(ReadOnlySpan<char> value);

/// <summary>Checks and normalises a value in one pass.</summary>
internal delegate bool TryNormalizeText(string value, out string normalized);

/// <summary>
/// One identifier check as an <see cref="IValueNormalizer"/>: the issue code, the check, the canonical form of a valid
/// value and the message (French or English, by the UI culture's language). Immutable.
/// </summary>
internal sealed class IdentifierValidator(string code, SpanCheck check, Func<string, string> normalize, Func<string, bool, string> message, TryNormalizeText? onePass = null) : IValueNormalizer, IThreadSafeCheck
{
    public string Code { get; } = code;

    public bool IsValid(ReadOnlySpan<char> value) => check(value);

    /// <summary>A validator whose check also gives the normalised value (one pass instead of a check then a normalisation).</summary>
    public static IdentifierValidator Create(string code, SpanCheck check, TryNormalizeText tryNormalize, Func<string, bool, string> message) =>
        new(code, check, v => tryNormalize(v, out var n) ? n : v, message, tryNormalize);

    public bool TryNormalize(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized)
    {
        if (onePass is { } both)
        {
            var ok = both(value, out var text);
            normalized = ok ? text : null;
            return ok;
        }

        if (!check(value))
        {
            normalized = null;
            return false;
        }

        normalized = normalize(value);
        return true;
    }

    public string GetMessage(string value, CultureInfo uiCulture)
    {
        ArgumentNullException.ThrowIfNull(uiCulture);
        return message(value, IsFrench(uiCulture));
    }

    public override string ToString() => Code;

    /// <summary>Whether messages are written in French for this UI culture (otherwise English).</summary>
    internal static bool IsFrench(CultureInfo uiCulture) =>
        string.Equals(uiCulture.TwoLetterISOLanguageName, "fr", StringComparison.Ordinal);

    /// <summary>The value without visual separators (spaces, no-break spaces, dots, hyphens), ASCII letters upper-cased.</summary>
    internal static string Compact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsCompact(value))
        {
            return value; // the usual case: no allocation
        }

        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        return IdentifierText.TryCompact(value, buffer, out var written) ? new string(buffer[..written]) : value;
    }

    private static bool IsCompact(string value)
    {
        if (IdentifierText.AllUpperAlphanumerics(value))
        {
            return true; // the usual case, in one vectorised scan
        }

        foreach (var c in value)
        {
            if (char.IsAsciiLetterLower(c) || IdentifierText.IsSeparator(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts the ASCII digits of a value and the characters that are neither digits nor separators.</summary>
    internal static int CountDigits(string value, out int others)
    {
        var digits = 0;
        others = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!IdentifierText.IsSeparator(c))
            {
                others++;
            }
        }

        return digits;
    }
}
