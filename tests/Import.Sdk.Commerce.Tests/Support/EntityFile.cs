using System.Text;

namespace Import.Sdk.Commerce.Tests.Support;

/// <summary>Imports a CSV text (as a French user writes it: <c>;</c>, French headers) into a sink, for any entity of the catalog.</summary>
internal static class EntityFile
{
    public static ImportSource Source(string csv, string name = "fichier.csv") => ImportSource.FromBytes(Encoding.UTF8.GetBytes(csv), name);

    public static IImportPipeline Pipeline(ImportEntity entity, IImportSink sink, System.Globalization.CultureInfo? ui = null) =>
        new ImportPipelineBuilder()
            .UseEntity(entity)
            .UseSink(sink)
            .UseOptions(o => o with { UiCulture = ui ?? CommerceStore.French })
            .Build();

    public static Task<ImportReport> ExecuteAsync(ImportEntity entity, IImportSink sink, string csv, ImportProfile? profile = null, System.Globalization.CultureInfo? ui = null) =>
        Pipeline(entity, sink, ui).ExecuteAsync(new ImportRequest(Source(csv)) { Profile = profile });

    public static Task<ImportReport> SimulateAsync(ImportEntity entity, IImportSink sink, string csv, ImportProfile? profile = null) =>
        Pipeline(entity, sink).SimulateAsync(new ImportRequest(Source(csv)) { Profile = profile });

    /// <summary>The records of an entity in an in-memory sink, read by field name.</summary>
    public static IReadOnlyList<Stored> Records(InMemorySink sink, ImportEntity entity) =>
        sink.GetRecords(entity.Name).Select(r => new Stored(entity.Schema, r)).ToArray();
}
