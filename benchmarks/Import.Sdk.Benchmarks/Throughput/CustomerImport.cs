using Import.Sdk.Commerce;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>The pipeline every throughput scenario and file benchmark imports with: the customers entity, default options.</summary>
internal static class CustomerImport
{
    /// <summary>Gets the customers entity with the default options (default tax regime <c>FR</c>).</summary>
    public static ImportEntity Entity => CommerceEntities.Customers();

    /// <summary>Builds a pipeline for the customers entity over a sink.</summary>
    /// <param name="sink">The sink.</param>
    /// <param name="batchSize">The batch size, or <see langword="null"/> for the default.</param>
    /// <returns>The pipeline.</returns>
    /// <param name="entity">The entity, or <see langword="null"/> for <see cref="Entity"/>.</param>
    /// <param name="degree">The degree of parallelism, or <see langword="null"/> for the default.</param>
    public static IImportPipeline Build(IImportSink sink, int? batchSize = null, ImportEntity? entity = null, int? degree = null)
    {
        var builder = new ImportPipelineBuilder().UseEntity(entity ?? Entity).UseSink(sink);
        builder.UseOptions(o => o with { BatchSize = batchSize ?? o.BatchSize, MaxDegreeOfParallelism = degree ?? o.MaxDegreeOfParallelism });

        return builder.Build();
    }

    /// <summary>
    /// Writes, as a host would have seeded its store, the reference records the file's rows need to be accepted: for every
    /// reference field with a default code (the default tax regime <c>FR</c>), that code in the referenced entity.
    /// </summary>
    /// <param name="sink">The sink.</param>
    /// <param name="entity">The entity, or <see langword="null"/> for <see cref="Entity"/>.</param>
    /// <returns>A task that completes when written.</returns>
    public static async Task SeedReferenceDataAsync(IImportSink sink, ImportEntity? entity = null)
    {
        var changes = new List<RecordChange>();
        foreach (var field in (entity ?? Entity).Schema.Fields)
        {
            if (field.Reference is not { Target: { } target } reference || field.DefaultValue is not { Length: > 0 } code)
            {
                continue;
            }

            var values = new object?[target.Fields.Count];
            foreach (var f in target.Fields)
            {
                if (f.Type == FieldType.Text && (f.IsRequired || f.Name == reference.TargetField || f.Name == "label"))
                {
                    values[f.Index] = code;
                }
            }

            changes.Add(new RecordChange(target, ChangeKind.Insert, target.KeyFields, values, 0));
        }

        if (changes.Count > 0)
        {
            await sink.WriteAsync(changes);
        }
    }
}
