using System.Globalization;

namespace Import.Sdk;

/// <summary>A check of one converted text value (for example a SIREN or an IBAN), attached to a field.</summary>
/// <remarks>
/// Rows are converted on several threads (see <see cref="ImportOptions.MaxDegreeOfParallelism"/>). A validator is never called
/// by two threads at once unless it declares itself thread-safe by implementing <see cref="IThreadSafeCheck"/>; keep no per-value
/// state in fields either way.
/// </remarks>
public interface IFieldValidator
{
    /// <summary>Gets the issue code reported when the value fails the check (one of <see cref="IssueCodes"/> or a host code).</summary>
    string Code { get; }

    /// <summary>Checks a value.</summary>
    /// <param name="value">The trimmed, non-empty value.</param>
    /// <returns><see langword="true"/> when the value passes.</returns>
    bool IsValid(ReadOnlySpan<char> value);

    /// <summary>Explains a failure to the user, in the UI culture.</summary>
    /// <param name="value">The value that failed.</param>
    /// <param name="uiCulture">The culture of the message (French or English).</param>
    /// <returns>A message that says what is wrong and what to do.</returns>
    string GetMessage(string value, CultureInfo uiCulture);
}
