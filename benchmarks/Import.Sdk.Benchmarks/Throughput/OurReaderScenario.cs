using System.Globalization;

namespace Import.Sdk.Benchmarks.Throughput;

/// <summary>Diagnostic: our reader alone (format detection, encoding check, <c>CsvTabularReader.ReadAsync</c> + <c>GetString</c> of every cell), nothing else.</summary>
internal sealed class OurReaderScenario : Scenario
{
    public override Task<IScenarioRun> CreateRunAsync(string file, int run) => Task.FromResult<IScenarioRun>(new SimpleRun(() => ReadAsync(file)));

    private static async Task<RunOutcome> ReadAsync(string file)
    {
        var registry = ImportPipelineBuilder.CreateRegistry([]);
        await using var reader = await registry.OpenAsync(ImportSource.FromFile(file), new ReaderOptions(), CancellationToken.None);
        long rows = 0;
        long chars = 0;
        var width = reader.Header.Count;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < width; i++)
            {
                chars += reader.GetString(i).Length;
            }

            rows++;
        }

        return new RunOutcome(rows, string.Create(CultureInfo.InvariantCulture, $"{chars} chars"));
    }
}
