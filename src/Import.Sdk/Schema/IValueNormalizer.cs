namespace Import.Sdk;

/// <summary>A field check that also rewrites a valid value in its canonical form (a country name as its ISO code, an IBAN without spaces).</summary>
public interface IValueNormalizer : IFieldValidator
{
    /// <summary>Checks a value and rewrites it in its canonical form, in one pass (the pipeline calls this instead of <see cref="IFieldValidator.IsValid(ReadOnlySpan{char})"/>).</summary>
    /// <param name="value">The trimmed, non-empty value.</param>
    /// <param name="normalized">The canonical form, stored and compared; the same instance when the value is already canonical.</param>
    /// <returns><see langword="true"/> when the value passes.</returns>
    bool TryNormalize(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized);
}
