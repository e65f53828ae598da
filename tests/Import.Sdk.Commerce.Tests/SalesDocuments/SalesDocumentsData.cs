using System.Text;
using Import.Sdk.Commerce.Tests.Support;

namespace Import.Sdk.Commerce.Tests.SalesDocuments;

/// <summary>Sales documents test data: a store with customers C1, C2 and articles A1, A2; the PIECES and LIGNES files (French headers of seed 001).</summary>
internal static class SalesDocumentsData
{
    public const string PiecesHeader = "IDENT;CLIENT_CODE;TYPE;DATE;REFERENCE";

    public const string LignesHeader = "ENTETE_IDENT;CODE_ARTICLE;DESIGNATION;QTE;PU;TVA";

    public static CommerceStore Store()
    {
        var store = CommerceStore.WithDefaultRegime().WithCustomers(
            Customer.Of(("code", "C1"), ("name", "Alpha")),
            Customer.Of(("code", "C2"), ("name", "Beta")));
        var articles = CommerceEntities.Articles().Schema;
        store.Memory.Seed(articles, [Article(articles, "A1", "Vis"), Article(articles, "A2", "Écrou")]);
        return store;
    }

    public static ImportSource Csv(string name, string header, params string[] rows) =>
        ImportSource.FromBytes(Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(header)) + "\r\n"), name);

    public static ImportRequest Pair(string[] pieces, string[] lignes) =>
        new(Csv("pieces.csv", PiecesHeader, pieces)) { Lines = Csv("lignes.csv", LignesHeader, lignes) };

    public static Task<ImportReport> RunAsync(CommerceStore store, ImportRequest request, bool execute, System.Globalization.CultureInfo? ui = null)
    {
        var pipeline = store.Pipeline(CommerceEntities.SalesDocuments, ui);
        return execute ? pipeline.ExecuteAsync(request) : pipeline.SimulateAsync(request);
    }

    public static IReadOnlyList<Stored> Documents(CommerceStore store) =>
        [.. store.Memory.GetRecords(CommerceEntities.SalesDocumentsName).Select(r => new Stored(CommerceEntities.SalesDocuments.Schema, r))];

    public static IReadOnlyList<Stored> Lines(CommerceStore store) =>
        [.. store.Memory.GetRecords(CommerceEntities.SalesDocumentLinesName).Select(r => new Stored(CommerceEntities.SalesDocumentLines.Schema, r))];

    /// <summary>The errors of a report section as (code, row, field).</summary>
    public static (string Code, int Row, string? Field)[] Errors(ImportReport section) =>
        [.. section.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => (i.Code, i.Row, i.Field))];

    private static object?[] Article(EntitySchema schema, string code, string designation)
    {
        var values = new object?[schema.Fields.Count];
        values[schema.IndexOf("code")] = code;
        values[schema.IndexOf("designation")] = designation;
        return values;
    }
}
