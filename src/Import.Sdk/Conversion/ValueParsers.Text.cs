using Import.Sdk.Mapping;

namespace Import.Sdk.Conversion;

internal static partial class ValueParsers
{
    private const int MaxBooleanLength = 5; // "false"
    private const int MaxEmailLength = 254;
    private const int MaxLocalPartLength = 64;
    private const int MaxDomainLabelLength = 63;

    /// <summary>
    /// Parses a boolean cell: 1/0, oui/non, true/false, vrai/faux, yes/no, o/n, y/n and x (true).
    /// Case-insensitive, accents ignored, trimmed. Empty or anything else → false (not a boolean).
    /// </summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        value = false;
        ReadOnlySpan<char> s = Trim(text);
        if (s.IsEmpty || s.Length > MaxBooleanLength)
        {
            return false;
        }

        Span<char> folded = stackalloc char[MaxBooleanLength];
        for (int i = 0; i < s.Length; i++)
        {
            if (!TextNormalizer.TryFoldChar(s[i], out folded[i]))
            {
                return false;
            }
        }

        switch ((ReadOnlySpan<char>)folded[..s.Length])
        {
            case "1" or "oui" or "true" or "vrai" or "yes" or "o" or "y" or "x":
                value = true;
                return true;
            case "0" or "non" or "false" or "faux" or "no" or "n":
                value = false;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Pragmatic e-mail check (not full RFC 5322): exactly one '@'; a local part of 1 to 64 letters
    /// (non-ASCII included), digits or <c>!#$%&amp;'*+/=?^_`{|}~.-</c> with no leading, trailing or double
    /// dot; a domain of at least two dot-separated labels of letters, digits and hyphens (1 to 63 chars,
    /// not starting or ending with a hyphen) whose last label is ≥ 2 letters (or an "xn--" IDN label);
    /// no whitespace anywhere (the text is not trimmed); 254 chars at most.
    /// </summary>
    public static bool IsValidEmail(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxEmailLength)
        {
            return false;
        }

        int at = text.IndexOf('@');
        if (at <= 0 || at > MaxLocalPartLength)
        {
            return false;
        }

        ReadOnlySpan<char> local = text[..at];
        ReadOnlySpan<char> domain = text[(at + 1)..];
        if (domain.IsEmpty || domain.Contains('@'))
        {
            return false;
        }

        if (local[0] == '.' || local[^1] == '.')
        {
            return false;
        }

        // Usually every character is ASCII and allowed: one vectorised scan (then only ".." to refuse); else char by char.
        if (local.IndexOfAnyExcept(AsciiEmailLocalChars) < 0)
        {
            if (local.Contains("..", StringComparison.Ordinal))
            {
                return false;
            }
        }
        else if (!IsValidLocalPart(local))
        {
            return false;
        }

        int labels = 0;
        while (true)
        {
            int dot = domain.IndexOf('.');
            ReadOnlySpan<char> label = dot < 0 ? domain : domain[..dot];
            if (!IsValidDomainLabel(label))
            {
                return false;
            }

            labels++;
            if (dot < 0)
            {
                return labels >= 2 && IsValidTopLevelDomain(label);
            }

            domain = domain[(dot + 1)..];
        }
    }

    private static readonly System.Buffers.SearchValues<char> AsciiEmailLocalChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-.");

    private static readonly System.Buffers.SearchValues<char> AsciiDomainLabelChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        char previous = '\0';
        foreach (char c in local)
        {
            if (c == '.' ? previous == '.' : !IsEmailLocalChar(c))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    private static bool IsEmailLocalChar(char c) =>
        char.IsLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '/' or '='
            or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~' or '-';

    private static bool IsValidDomainLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || label.Length > MaxDomainLabelLength || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        if (label.IndexOfAnyExcept(AsciiDomainLabelChars) < 0)
        {
            return true;
        }

        foreach (char c in label)
        {
            if (c != '-' && !char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidTopLevelDomain(ReadOnlySpan<char> label)
    {
        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return label.Length > 4;
        }

        if (label.Length < 2)
        {
            return false;
        }

        foreach (char c in label)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
