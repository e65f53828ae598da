using System.Globalization;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Mapping;

/// <summary>
/// One error model (issue 11 item 5): a profile that cannot be used is found before any row is read and reported as an
/// unmapped required field is — errors of the header row in the report, every problem at once — not thrown.
/// </summary>
public class ProfileProblemsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static ImportProfile Broken => new()
    {
        Culture = "xx-NOPE-12",
        Mode = "merge",
        Columns = new Dictionary<string, string> { ["Code client"] = "code", ["Couleur"] = "colour", ["Délai"] = "terms", ["Délai2"] = "terms" },
        Keys = ["nope"],
        Defaults = new Dictionary<string, string> { ["limit"] = "beaucoup", ["size"] = "1" },
        AutoCreate = ["email"],
    };

    [Fact]
    public async Task SimulateAsync_ProfileWithEveryKindOfProblem_ListsThemAllWithTheUnmappedRequiredFieldAndReadsNoRow()
    {
        var sink = new CountingSink();

        var report = await Some.Pipeline(sink, options: o => o with { UiCulture = English })
            .SimulateAsync(new ImportRequest(Some.Csv("Code client;Couleur;Délai;Délai2\r\nC1;bleu;30;45\r\nC2;rouge;60;60\r\n")) { Profile = Broken });

        Assert.True(report.IsFileRejected);
        Assert.Equal(new ImportTotals(0, 0, 0, 0, 0), report.Totals);
        Assert.Equal(0, sink.Lookups);
        var errors = report.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.All(errors, e => Assert.Equal(1, e.Row));
        Assert.Equal(
            [
                "The profile's culture 'xx-NOPE-12' is unknown: give a culture such as fr-FR or en-US.",
                "The profile's mode 'merge' is not insert, update or upsert.",
                "The profile maps the column 'Couleur' to 'colour', which is not a field of 'accounts'.",
                "The profile maps both 'Délai' and 'Délai2' to the field 'terms': keep one of them.",
                "The profile sets a default value for 'size', which is not a field of 'accounts'.",
                "The profile allows auto-creation of 'email', which is not a reference field of 'accounts'.",
                "The profile's key 'nope' is not a field of 'accounts'.",
            ],
            errors.Where(e => e.Code == IssueCodes.InvalidProfile && e.Field != "limit").Select(e => e.Message));
        Assert.Contains(errors, e => e.Code == IssueCodes.UnmappedRequiredField && e.Field == "name");
        var badDefault = Assert.Single(errors, e => e.Code == IssueCodes.InvalidProfile && e.Field == "limit");
        Assert.StartsWith("The default value of 'limit' is not valid: ", badDefault.Message, StringComparison.Ordinal);
        Assert.Equal("beaucoup", badDefault.Value);
        Assert.Equal(("Couleur", "colour"), (errors[2].Column, errors[2].Value));
    }

    [Fact]
    public async Task ExecuteAsync_InvalidProfile_WritesNothingAndIsNamedInFrench()
    {
        var sink = new InMemorySink();

        var report = await Some.Pipeline(sink).ExecuteAsync(new ImportRequest(Some.Csv(Some.AccountsCsv(Some.Line("C1", "Dupont")))) { Profile = new ImportProfile { Mode = "fusion" } });

        var problem = Assert.Single(report.Issues, i => i.Code == IssueCodes.InvalidProfile);
        Assert.Equal("Le mode « fusion » du profil n'est ni insert, ni update, ni upsert.", problem.Message);
        Assert.Empty(sink.GetRecords("accounts"));
        Assert.True(report.IsFileRejected);
    }

    /// <summary>Counts the look-ups: none when the profile stops the import before any row.</summary>
    private sealed class CountingSink : IImportSink
    {
        private readonly InMemorySink _inner = new();

        public int Lookups { get; private set; }

        public ValueTask<IReadOnlyDictionary<RecordKey, object?[]>> LookupAsync(EntitySchema schema, IReadOnlyList<string> keyFields, IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default)
        {
            Lookups++;
            return _inner.LookupAsync(schema, keyFields, keys, cancellationToken);
        }

        public ValueTask WriteAsync(IReadOnlyList<RecordChange> changes, CancellationToken cancellationToken = default) => _inner.WriteAsync(changes, cancellationToken);
    }
}
