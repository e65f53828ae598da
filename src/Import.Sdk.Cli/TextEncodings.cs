using System.Globalization;
using System.Text;

namespace Import.Sdk.Cli;

/// <summary>Resolves the name given to <c>--encoding</c> to an <see cref="Encoding"/>.</summary>
internal static class TextEncodings
{
    /// <summary>The names the help and the error message suggest.</summary>
    public const string Examples = "utf-8, windows-1252, iso-8859-1, ibm850, ibm437, utf-16";

    /// <summary>
    /// The encoding named <paramref name="name"/> (case-insensitive): a .NET name or alias (<c>utf-8</c>, <c>windows-1252</c>,
    /// <c>cp1252</c>, <c>latin1</c>, <c>iso-8859-1</c>, <c>cp850</c>, <c>ibm850</c>, <c>cp437</c>, <c>utf-16</c>…), <c>utf8</c>,
    /// <c>utf16</c>, or a code page number (<c>850</c>); <see langword="null"/> for no name (detect). Stops the command (exit code 2)
    /// for a name no encoding has.
    /// </summary>
    public static Encoding? Resolve(string? name, CliContext context)
    {
        if (name is null)
        {
            return null;
        }

        var key = name.Trim().ToLowerInvariant() switch
        {
            "utf8" => "utf-8",
            "utf16" => "utf-16",
            var other => other,
        };
        return TryGet(key) ?? throw new CliUsageException(context.T(
            "--encoding : encodage inconnu « {0} » ; par exemple {1}.",
            "--encoding: unknown encoding '{0}'; for example {1}.",
            name,
            Examples));
    }

    private static Encoding? TryGet(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }

        try
        {
            // Code pages (windows-1252, ibm850, ibm437…) without registering the provider for the whole process.
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage))
            {
                return CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
            }

            return CodePagesEncodingProvider.Instance.GetEncoding(key) ?? Encoding.GetEncoding(key);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
