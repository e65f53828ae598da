using System.Globalization;
using Import.Sdk.Conversion;
using Import.Sdk.Mapping;
using Import.Sdk.Pipeline;
using Import.Sdk.Planning;
using Import.Sdk.Reporting;

namespace Import.Sdk.Tests.Support;

/// <summary>
/// The engine's stages for one import of an accounts file (<see cref="Some.Header"/> by default), built as <c>ImportRun</c> builds
/// them, to test each stage on its own: rows of cells in, converted rows, planned rows, a report out.
/// </summary>
internal sealed class Stages
{
    public Stages(ImportEntity? entity = null, string header = Some.Header, ImportMode? mode = null, ImportProfile? profile = null, Func<ImportOptions, ImportOptions>? options = null)
    {
        Entity = entity ?? Some.AccountsEntity;
        Options = (options ?? (o => o))(new ImportOptions { UiCulture = CultureInfo.GetCultureInfo("en-GB") });
        Header = header.Split(';');
        Map = CompiledMapping.Compile(Schema, Header, new ImportRequest(Some.Csv(string.Empty)) { Mode = mode, Profile = profile }, Options, Options.UiCulture);
        Issues = new RowIssues(Map, Options.UiCulture);
        Converter = new RowConverter(Schema, Map, Header, Issues, new ValueConverter(Schema, Map, Options.UiCulture, new CallGates(Entity, concurrent: false)));
        Report = new ReportBuilder(Options, Options.UiCulture);
    }

    public ImportEntity Entity { get; }

    public EntitySchema Schema => Entity.Schema;

    public ImportOptions Options { get; }

    public string[] Header { get; }

    public CompiledMapping Map { get; }

    public RowIssues Issues { get; }

    public RowConverter Converter { get; }

    public ReportBuilder Report { get; }

    /// <summary>A row as the reader hands it over: its cells (split on ';'), nothing converted.</summary>
    public RowState Read(int row, string line)
    {
        var cells = line.Split(';');
        var width = Math.Max(cells.Length, Header.Length);
        var all = new string?[width];
        for (var i = 0; i < width; i++)
        {
            all[i] = i < cells.Length ? cells[i] : string.Empty;
        }

        return new RowState(row, all, new object?[Converter.FieldCount]) { FieldCount = cells.Length };
    }

    /// <summary>A row read then converted.</summary>
    public RowState Converted(int row, string line)
    {
        var state = Read(row, line);
        Converter.Convert(state);
        return state;
    }

    /// <summary>Rows read then converted, the first at spreadsheet row 2.</summary>
    public List<RowState> Batch(int firstRow, params string[] lines) => [.. lines.Select((line, i) => Converted(firstRow + i, line))];

    public BatchPlanner Planner(IImportSink sink, IChangeWriter writer, int batchSize = 1000) =>
        new(Schema, Map, new GuardedSink(sink), writer, Report, Issues, Converter.CellSlots, batchSize, CancellationToken.None);

    public ImportReport BuildReport(bool simulated = true) => Report.Build(Schema.Name, Map.Mode, simulated, "accounts.csv", null, Header);
}
