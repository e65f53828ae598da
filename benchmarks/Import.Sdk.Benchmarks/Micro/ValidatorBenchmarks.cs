using BenchmarkDotNet.Attributes;
using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Benchmarks.Micro;

/// <summary>The identifier checks of <c>Import.Sdk.Commerce</c>, on valid values as users type them (with separators). Baseline: SIREN.</summary>
public class ValidatorBenchmarks
{
    private readonly string _siren = "732 829 320";
    private readonly string _siret = "732 829 320 00074";
    private readonly string _vat = "FR44732829320";
    private readonly string _iban = "FR76 3000 6000 0112 3456 7890 189";
    private readonly string _bic = "BNPAFRPPXXX";
    private readonly (string Bank, string Branch, string Account, string Key) _rib = ("30006", "00001", "12345678901", "89");

    [GlobalSetup]
    public void CheckInputsAreValid()
    {
        if (!Siren.IsValid(_siren) || !Siret.IsValid(_siret) || !VatNumber.IsValid(_vat) || !Iban.IsValid(_iban) || !Bic.IsValid(_bic)
            || !Rib.IsValid(_rib.Bank, _rib.Branch, _rib.Account, _rib.Key))
        {
            throw new InvalidOperationException("A benchmark input is not valid: the benchmark would measure the rejection path.");
        }
    }

    [Benchmark(Baseline = true, Description = "Siren.IsValid")]
    public bool SirenIsValid() => Siren.IsValid(_siren);

    [Benchmark(Description = "Siret.IsValid")]
    public bool SiretIsValid() => Siret.IsValid(_siret);

    [Benchmark(Description = "VatNumber.IsValid (FR, key checked)")]
    public bool VatIsValid() => VatNumber.IsValid(_vat);

    [Benchmark(Description = "Iban.IsValid (FR, mod 97)")]
    public bool IbanIsValid() => Iban.IsValid(_iban);

    [Benchmark(Description = "Rib.IsValid")]
    public bool RibIsValid() => Rib.IsValid(_rib.Bank, _rib.Branch, _rib.Account, _rib.Key);

    [Benchmark(Description = "Bic.IsValid")]
    public bool BicIsValid() => Bic.IsValid(_bic);
}
