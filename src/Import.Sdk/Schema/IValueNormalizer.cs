namespace Import.Sdk;

/// <summary>A field check that also rewrites a valid value in its canonical form (a country name as its ISO code, an IBAN without spaces).</summary>
public interface IValueNormalizer : IFieldValidator
{
    /// <summary>Rewrites a value that passed <see cref="IFieldValidator.IsValid(ReadOnlySpan{char})"/>.</summary>
    /// <param name="value">The valid value.</param>
    /// <returns>The canonical form, stored and compared.</returns>
    string Normalize(string value);
}
